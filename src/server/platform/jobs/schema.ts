import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One row per (job, period) that some copy of the server claimed. The unique key is what makes a
 * scheduled job run once per period however many copies tick: the claim is an INSERT … ON CONFLICT.
 * A failed run (or one whose process died, past its lease) may be claimed again on a later tick.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text('job').notNull(),
    period: text('period').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull().default('running'),
    attempts: integer('attempts').notNull().default(1),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    error: text('error'),
    result: jsonb('result').$type<unknown>(),
  },
  (t) => [uniqueIndex('job_runs_job_period_uq').on(t.job, t.period), index('job_runs_started_idx').on(t.startedAt)],
);
