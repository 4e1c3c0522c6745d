import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminQuery, PGLITE_IMAGE_ENV, saveMigratedPgliteImage } from './database';

/**
 * With TEST_DATABASE_URL, database tests run on that PostgreSQL: each test file makes its own
 * database named with this run's prefix, and the run drops whatever is left at the end.
 * Without it they run on PGlite, each starting from one migrated image made here once.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-test-image-')), 'pglite.tar');
    await saveMigratedPgliteImage(file);
    process.env[PGLITE_IMAGE_ENV] = file;
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
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
