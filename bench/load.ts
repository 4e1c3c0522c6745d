/**
 * Fill a database with a realistic customer base for benchmarks:
 *   DATABASE_URL=postgres://…/crm_bench node --import tsx bench/load.ts --customers 1000000
 *   DATA_DIR=/tmp/bench-pglite node --import tsx bench/load.ts --customers 50000
 * The demo company is created first (if the database is empty), then ~200 sales reps spread over
 * the sales departments own the customers; each customer gets contacts and activities.
 */
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { loadConfigOrExit } from '../src/server/config';
import { openDatabase, rows } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { DEMO_ADMIN_PASSWORD } from '../src/server/demo/company';
import { mobile, personName, seededRng } from '../src/server/demo/fake-data';
import { insertFakeCustomers } from '../src/server/demo/fake-customers';
import { hasBusinessData, seedDemo } from '../src/server/demo/seed';
import { hashPassword } from '../src/server/platform/auth/password';
import { bootstrap } from '../src/server/platform/bootstrap';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const TOTAL = arg('customers', 50_000);
const CONTACTS_PER = arg('contacts-per', 2);
const ACTIVITIES_PER = arg('activities-per', 5);
const REPS = arg('reps', 200);
const BATCH = 5_000;
export const BENCH_PASSWORD = 'Bench1234';

const config = loadConfigOrExit();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const db = database.db;
const started = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}`);

await migrateDatabase(database);
await bootstrap(database, { adminPassword: config.adminPassword ?? DEMO_ADMIN_PASSWORD, log: pino({ level: 'warn' }) });
if (!(await hasBusinessData(db))) await seedDemo(database);

// Sales reps: bench_001 … under the two sales managers, alternating departments.
const managers = await rows<{ id: number; department_id: number }>(
  db,
  sql`select u.id, u.department_id from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id where r.code = 'sales_manager' order by u.id`,
);
const repRole = (await rows<{ id: number }>(db, sql`select id from roles where code = 'sales_rep'`))[0].id;
const existing = await rows<{ n: number }>(db, sql`select count(*)::int as n from users where username like 'bench_%'`);
if (existing[0].n < REPS) {
  const hash = await hashPassword(BENCH_PASSWORD);
  const rng = seededRng(7);
  for (let i = existing[0].n + 1; i <= REPS; i++) {
    const m = managers[i % managers.length];
    const [u] = await rows<{ id: number }>(
      db,
      sql`insert into users (username, password_hash, name, department_id, supervisor_id, mobile)
          values (${`bench_${String(i).padStart(3, '0')}`}, ${hash}, ${personName(rng)}, ${m.department_id}, ${m.id}, ${mobile(rng)}) returning id`,
    );
    await db.execute(sql`insert into user_roles (user_id, role_id) values (${u.id}, ${repRole})`);
  }
}
const owners = await rows<{ id: number; department_id: number }>(db, sql`select id, department_id from users where username like 'bench_%' order by id`);
log(`${owners.length} reps own the customers`);

const already = (await rows<{ n: number }>(db, sql`select count(*)::int as n from customers`))[0].n;
for (let offset = already; offset < TOTAL; offset += BATCH) {
  await insertFakeCustomers(db, { count: Math.min(BATCH, TOTAL - offset), seed: 1000 + offset, owners, contactsPer: CONTACTS_PER, activitiesPer: ACTIVITIES_PER });
  if ((offset / BATCH) % 20 === 0) log(`${offset + BATCH} customers`);
}
// As the server's maintenance leaves a database (autovacuum on PostgreSQL, the daily job on PGlite):
// freshly loaded, PGlite answered searches up to 40 % slower before its first vacuum.
log('vacuum (analyze)');
await db.execute(sql`vacuum (analyze)`);
log(`done: ${TOTAL} customers`);
await database.close();
