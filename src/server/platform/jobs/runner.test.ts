import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../testing/database';
import { claimRun, type JobDefinition, runJobOnce, startJobRunner } from './runner';
import { jobRuns } from './schema';

/** The job runner: a (job, period) runs exactly once however many callers race for it; failures are retried. */

let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ database, close } = await createTestDatabase());
});
afterAll(() => close?.());

const silent = { info: () => {}, error: () => {} };

describe('claiming a run', () => {
  it('gives (job, period) to exactly one of many concurrent callers', async () => {
    const claims = await Promise.all(Array.from({ length: 12 }, () => claimRun(database.db, 'test.claim', 'p1')));
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    expect(await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'test.claim'))).toHaveLength(1);
  });

  it('runs the job once per period under concurrent ticks, and again in the next period', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'test.count',
      everyMinutes: 60,
      run: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 20));
        return { runs };
      },
    };
    const now = new Date('2026-03-01T10:15:00Z');
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => runJobOnce(database.db, job, now, silent)));
    expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'skipped')).toHaveLength(9);
    expect(runs).toBe(1);
    // Same hour: nothing; next hour: runs again.
    expect((await runJobOnce(database.db, job, new Date('2026-03-01T10:59:00Z'), silent)).status).toBe('skipped');
    expect((await runJobOnce(database.db, job, new Date('2026-03-01T11:00:00Z'), silent)).status).toBe('done');
    expect(runs).toBe(2);
    const rows = await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'test.count')).orderBy(jobRuns.period);
    expect(rows.map((r) => [r.period, r.status])).toEqual([
      ['2026-03-01T10:00:00.000Z', 'done'],
      ['2026-03-01T11:00:00.000Z', 'done'],
    ]);
    expect(rows[0].result).toEqual({ runs: 1 });
  });

  it('records a failure and retries it on the next tick (once, under concurrency)', async () => {
    let calls = 0;
    const job: JobDefinition = {
      name: 'test.flaky',
      period: () => 'day-1',
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('smtp down');
        return 'ok';
      },
    };
    expect((await runJobOnce(database.db, job, new Date(), silent)).status).toBe('failed');
    const [failed] = await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'test.flaky'));
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error).toContain('smtp down');

    const retries = await Promise.all(Array.from({ length: 6 }, () => runJobOnce(database.db, job, new Date(), silent)));
    expect(retries.filter((o) => o.status === 'done')).toHaveLength(1);
    expect(calls).toBe(2);
    const [done] = await database.db.select().from(jobRuns).where(eq(jobRuns.job, 'test.flaky'));
    expect(done).toMatchObject({ status: 'done', attempts: 2, error: null });
  });

  it('takes over a run left running past its lease (its process died), not one still within it', async () => {
    await database.db.insert(jobRuns).values({ job: 'test.lease', period: 'p', status: 'running', startedAt: new Date(Date.now() - 5 * 60_000) });
    expect(await claimRun(database.db, 'test.lease', 'p', 10)).toBeNull();
    expect(await claimRun(database.db, 'test.lease', 'p', 1)).not.toBeNull();
  });
});

describe('the runner', () => {
  it('ticks every job and stops cleanly', async () => {
    const seen: string[] = [];
    const jobs: JobDefinition[] = [
      { name: 'test.tick-a', period: () => 'fixed', run: async () => void seen.push('a') },
      { name: 'test.tick-b', period: () => 'fixed', run: async () => void seen.push('b') },
    ];
    const runner = startJobRunner({ database, jobs, log: silent, tickMs: 60_000 });
    await runner.tick();
    await runner.tick();
    await runner.stop();
    // Two ticks (and maybe the immediate one) in one period: each job ran once.
    expect(seen.sort()).toEqual(['a', 'b']);
  });
});
