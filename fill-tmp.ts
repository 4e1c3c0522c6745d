import { loadConfigOrExit } from './src/server/config';
import { openDatabase } from './src/server/db/client';
import { migrateDatabase } from './src/server/db/migrate';
import { fillNameSortKeys } from './src/server/modules/customers/name-sort';
const config = loadConfigOrExit();
const database = await openDatabase(config);
let t = Date.now();
await migrateDatabase(database);
console.log('migrate ms', Date.now() - t);
t = Date.now();
let total = 0;
for (;;) {
  const r = await fillNameSortKeys(database.db, 60_000, 200);
  total += r.filled;
  console.log(new Date().toISOString(), 'filled', total, 'ms', Date.now() - t);
  if (r.filled === 0) break;
}
await database.close();
