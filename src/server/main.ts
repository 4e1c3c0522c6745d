import { buildApp } from './app';
import { loadConfigOrExit } from './config';
import { openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { serverModules } from './modules/registry';
import { databaseJobs } from './platform/jobs/maintenance';
import { startJobRunner } from './platform/jobs/runner';
import { bootstrap } from './platform/bootstrap';

async function main() {
  const config = loadConfigOrExit();
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const app = await buildApp({ config, database });
  await bootstrap(database, { adminPassword: config.adminPassword, log: app.log });
  // Scheduled work: every copy ticks, PostgreSQL decides which one runs each period (platform/jobs).
  const jobs = startJobRunner({ database, jobs: [...databaseJobs(database), ...serverModules.flatMap((m) => m.jobs ?? [])], log: app.log });
  app.addHook('onClose', () => jobs.stop());

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out');
      process.exit(1);
    }, 15_000);
    try {
      await app.close();
      await database.close();
      app.log.info('stopped cleanly');
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { port: config.port, database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined, startupMs: Date.now() - started },
    `CRM ready on http://localhost:${config.port}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
