// `npm run demo`: migrate the configured database, create the administrator if needed, add the demo company.
import pino from 'pino';
import { loadConfigOrExit } from '../config';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { bootstrap } from '../platform/bootstrap';
import { AppError } from '../platform/http/errors';
import { DEMO_ADMIN_PASSWORD, DEMO_PASSWORD, demoUsers } from './company';
import { seedDemo } from './seed';

async function main() {
  const config = loadConfigOrExit();
  const log = pino({ level: 'warn' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    const boot = await bootstrap(database, { adminPassword: config.adminPassword ?? DEMO_ADMIN_PASSWORD, log });
    const result = await seedDemo(database);
    console.log(`演示数据已创建 / Demo company created: ${result.departments} departments, ${result.users} users, ${result.customers} customers.`);
    console.log(
      boot.createdAdmin
        ? `  admin / ${config.adminPassword ? '(ADMIN_PASSWORD)' : DEMO_ADMIN_PASSWORD}`
        : '  admin / (the password set when the server first started)',
    );
    for (const u of demoUsers) console.log(`  ${u.username.padEnd(10)} / ${DEMO_PASSWORD}   ${u.name} · ${u.department} · ${u.role}`);
  } catch (err) {
    if (err instanceof AppError && err.code === 'DEMO_REFUSED') {
      console.error('数据库中已有业务数据，拒绝导入演示数据 / The database already holds business data; demo refused.');
      process.exitCode = 1;
    } else {
      throw err;
    }
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
