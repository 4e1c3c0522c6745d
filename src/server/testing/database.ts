import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';
import { migrateDatabase } from '../db/migrate';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or, when the test
 * runner set TEST_PG_ADMIN_URL (from TEST_DATABASE_URL), a new PostgreSQL database that is dropped
 * on close. Database names carry the run's prefix so the run's teardown can drop leftovers.
 */
export async function createTestDatabase(): Promise<{ database: Database; databaseUrl?: string; close: () => Promise<void> }> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) {
    const database = await openDatabase({ pgliteImage: await migratedPgliteImage() });
    await migrateDatabase(database);
    return { database, close: () => database.close() };
  }
  const name = `${process.env.TEST_PG_PREFIX ?? 'crm_test'}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  await migrateDatabase(database);
  return {
    database,
    databaseUrl: url.toString(),
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export async function adminQuery(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Where the run's global setup leaves the migrated PGlite image (see global-setup.ts). */
export const PGLITE_IMAGE_ENV = 'TEST_PGLITE_IMAGE';

let image: Promise<Blob | undefined> | undefined;

/**
 * The migrated empty database the run's global setup saved, read once per test worker: starting
 * PGlite from it skips initdb and the migrations (about 2 s of each test file's start). Without one
 * (a test run outside the global setup) each database starts empty and is migrated.
 */
function migratedPgliteImage(): Promise<Blob | undefined> {
  const file = process.env[PGLITE_IMAGE_ENV];
  image ??= file ? fs.promises.readFile(file).then((bytes) => new Blob([bytes])) : Promise.resolve(undefined);
  return image;
}

/** Saves a migrated empty PGlite database to `file`, for migratedPgliteImage. */
export async function saveMigratedPgliteImage(file: string): Promise<void> {
  const database = await openDatabase({});
  try {
    await migrateDatabase(database);
    const dumped = await database.dumpImage!();
    await fs.promises.writeFile(file, Buffer.from(await dumped.arrayBuffer()));
  } finally {
    await database.close();
  }
}
