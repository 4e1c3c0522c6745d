import { sql } from 'drizzle-orm';
import { type Database, type Db, rows } from '../../db/client';
import { getCompanyRow } from '../settings/company';

/**
 * Scheduled work (pool return, revisit plans …). Every copy of the server ticks; a run for
 * (job, period) is claimed with INSERT … ON CONFLICT on job_runs' unique key, so it runs exactly
 * once per period however many copies are up. A failed run is recorded (status, error) and claimed
 * again on a later tick; so is a run left 'running' past its lease (its process died).
 */
export interface JobDefinition {
  name: string;
  /** Run once every this many minutes (periods aligned to the epoch), or … */
  everyMinutes?: number;
  /** … the period a moment belongs to, e.g. the company's calendar day. */
  period?: (db: Db, now: Date) => Promise<string> | string;
  /** How long a 'running' claim holds before another copy may take it over (default 60 min). */
  leaseMinutes?: number;
  run(db: Db, now: Date): Promise<unknown>;
}

export type JobOutcome = { status: 'skipped' } | { status: 'done'; result: unknown } | { status: 'failed'; error: string };

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The company's calendar day (YYYY-MM-DD in its time zone): the period of daily jobs. */
export async function companyDay(db: Db, now: Date): Promise<string> {
  const { timeZone } = await getCompanyRow(db);
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function periodOf(db: Db, job: JobDefinition, now: Date): Promise<string> {
  if (job.period) return job.period(db, now);
  if (!job.everyMinutes || job.everyMinutes <= 0) throw new Error(`job ${job.name}: give everyMinutes or period`);
  const ms = job.everyMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

/**
 * Claim (job, period): true for exactly one caller. A new row wins; an existing one is taken over
 * only when it failed or its lease ran out, by a conditional upsert (the row lock makes a second
 * concurrent taker see the first one's 'running' and get nothing back).
 */
export async function claimRun(db: Db, job: string, period: string, leaseMinutes = 60): Promise<number | null> {
  const found = await rows<{ id: number }>(
    db,
    sql`insert into job_runs (job, period) values (${job}, ${period})
        on conflict (job, period) do update
          set status = 'running', attempts = job_runs.attempts + 1, started_at = now(), finished_at = null, error = null
          where job_runs.status = 'failed'
             or (job_runs.status = 'running' and job_runs.started_at < now() - make_interval(mins => ${leaseMinutes}::int))
        returning id`,
  );
  return found[0] ? Number(found[0].id) : null;
}

/** Claim and, if this caller won, run the job for the period `now` falls in; the outcome is recorded. */
export async function runJobOnce(db: Db, job: JobDefinition, now = new Date(), log?: JobLog): Promise<JobOutcome> {
  const period = await periodOf(db, job, now);
  const runId = await claimRun(db, job.name, period, job.leaseMinutes);
  if (runId === null) return { status: 'skipped' };
  try {
    const result = (await job.run(db, now)) ?? null;
    await db.execute(
      sql`update job_runs set status = 'done', finished_at = now(), result = ${JSON.stringify(result)}::jsonb where id = ${runId}`,
    );
    log?.info({ job: job.name, period, result }, 'job done');
    return { status: 'done', result };
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log?.error({ err, job: job.name, period }, 'job failed; it is retried on a later tick');
    await db
      .execute(sql`update job_runs set status = 'failed', finished_at = now(), error = ${error.slice(0, 4000)} where id = ${runId}`)
      .catch((e: unknown) => log?.error({ err: e, job: job.name }, 'could not record the job failure'));
    return { status: 'failed', error };
  }
}

export interface JobRunner {
  /** Run one tick now (every job, one after the other); resolves when it is finished. */
  tick(): Promise<void>;
  /** Stop ticking and wait for a tick in progress. */
  stop(): Promise<void>;
}

/** Tick every `tickMs` (default one minute, first tick right away); the timer does not keep the process alive. */
export function startJobRunner(opts: { database: Database; jobs: JobDefinition[]; log: JobLog; tickMs?: number }): JobRunner {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    if (running) return running;
    running = (async () => {
      for (const job of opts.jobs) {
        if (stopped) break;
        try {
          await runJobOnce(opts.database.db, job, new Date(), opts.log);
        } catch (err) {
          // The claim itself failed (database unreachable …): next tick tries again.
          opts.log.error({ err, job: job.name }, 'job claim failed');
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), opts.tickMs ?? 60_000);
  timer.unref();
  const first = setTimeout(() => void tick(), 0);
  first.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      if (running) await running;
    },
  };
}
