import { adminQuery } from './database';

/**
 * With TEST_DATABASE_URL, database tests run on that PostgreSQL: each test file makes its own
 * database named with this run's prefix, and the run drops whatever is left at the end.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const prefix = `crm_test_${process.pid}_${Date.now().toString(36)}`;
  process.env.TEST_PG_ADMIN_URL = url;
  process.env.TEST_PG_PREFIX = prefix;
  return async () => {
    const result = await adminQuery(url, `select datname from pg_database where datname like '${prefix}%'`);
    for (const row of result.rows as { datname: string }[]) {
      await adminQuery(url, `drop database if exists ${row.datname} with (force)`);
    }
  };
}
