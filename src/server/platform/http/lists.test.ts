import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client';
import { createTestDatabase } from '../../testing/database';
import { cappedTotal, EXACT_TOTAL_LIMIT, FRESH_TOTAL_BELOW, TOTAL_REUSE_MS } from './lists';

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  const t = await createTestDatabase();
  db = t.database.db;
  close = t.close;
  await db.execute(sql`create table counted (id serial primary key, grp int not null)`);
});
afterAll(() => close());

const add = (grp: number, n: number) => db.execute(sql`insert into counted (grp) select ${grp} from generate_series(1, ${n})`);
const total = (grp: number) => cappedTotal(db, sql`counted where grp = ${grp}`);

describe('cappedTotal', () => {
  it('counts a short list afresh every time', async () => {
    await add(1, 5);
    expect(await total(1)).toEqual({ total: 5, totalExact: true });
    await add(1, 1);
    expect(await total(1)).toEqual({ total: 6, totalExact: true });
  });

  it('reuses a large total for a while, per statement and parameters, then counts again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await add(2, FRESH_TOTAL_BELOW);
      expect((await total(2)).total).toBe(FRESH_TOTAL_BELOW);
      await add(2, 3);
      // Same list within the window: the counted total stands; another list is counted on its own.
      expect((await total(2)).total).toBe(FRESH_TOTAL_BELOW);
      await add(3, 2);
      expect((await total(3)).total).toBe(2);
      vi.setSystemTime(Date.now() + TOTAL_REUSE_MS + 1);
      expect((await total(2)).total).toBe(FRESH_TOTAL_BELOW + 3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says "10,000+" beyond the cap instead of counting on', async () => {
    await add(4, EXACT_TOTAL_LIMIT + 5);
    expect(await total(4)).toEqual({ total: EXACT_TOTAL_LIMIT, totalExact: false });
  });
});
