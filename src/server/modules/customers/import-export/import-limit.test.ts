import { and, count, eq, isNull } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../../testing/harness';
import { makeCustomer } from '../test-fixtures';
import { customers } from '../schema';
import { uploadFile, xlsxOf } from './test-files';

/**
 * The owned limit (每人最多负责客户数) and an import to an owner: a file that would not fit is
 * refused whole before anything is written, saying the limit and how many would fit; a grant that
 * lands while the batches run makes only the rows that no longer fit fail, each with the reason.
 */

let t: TestApp;
let admin: TestClient;
let rep: TestClient;
let repId = 0;

const rules = { dailyClaimLimit: 20, reclaimBlockDays: 7, allowDuplicateName: false, allowDuplicatePhone: false };

const xlsx = (names: string[]) => xlsxOf(['客户名称*'], names.map((n) => [n]));

async function owned(userId: number) {
  const [{ n }] = await t.database.db
    .select({ n: count() })
    .from(customers)
    .where(and(eq(customers.ownerId, userId), isNull(customers.deletedAt)));
  return n;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  repId = (await makeUser(t, { username: 'rep', name: '李一', departmentId: await rootDepartmentId(t), roles: ['sales_manager'] })).id;
  rep = await t.login('rep');
});
afterAll(() => t?.close());

describe('an import to an owner with an owned limit', () => {
  it('is refused whole when the file does not fit, naming the limit and how many would; a file that fits goes in', async () => {
    expect((await admin.put('/api/v1/customer-settings', { ...rules, maxOwnedPerUser: 5 })).statusCode).toBe(200);
    for (const name of ['已有一', '已有二']) await makeCustomer(t, { name, ownerId: repId });

    const tooMany = await uploadFile(rep, '/api/v1/customers/import/commit?kind=company', await xlsx(['超限一', '超限二', '超限三', '超限四', '']));
    expect(tooMany.statusCode, tooMany.body).toBe(400);
    expect(tooMany.json().error).toEqual({
      code: 'OWNED_LIMIT_IMPORT',
      message: '李一 负责的客户上限为 5 个，现有 2 个，最多还能导入 3 个，本次有 4 行：未导入任何客户，请减少行数或改为导入到其他负责人或公海',
    });
    expect(await owned(repId)).toBe(2);

    const fits = await uploadFile(rep, '/api/v1/customers/import/commit?kind=company', await xlsx(['刚好一', '刚好二', '刚好三']));
    expect(fits.statusCode, fits.body).toBe(200);
    expect(fits.json()).toMatchObject({ imported: 3, failed: 0 });
    expect(await owned(repId)).toBe(5);
    // To the pool the limit does not apply.
    const pool = await uploadFile(rep, '/api/v1/customers/import/commit?kind=company&target=pool', await xlsx(['公海一', '公海二']));
    expect(pool.json()).toMatchObject({ imported: 2, failed: 0 });
    expect((await admin.put('/api/v1/customer-settings', { ...rules, maxOwnedPerUser: 0 })).statusCode).toBe(200);
  });

  // A grant between the up-front check and a later batch: PostgreSQL only (PGlite serialises the requests).
  it.skipIf(!process.env.TEST_PG_ADMIN_URL)('a customer granted to the owner while the batches run fails only the rows that no longer fit', async () => {
    const before = await owned(repId);
    const names = Array.from({ length: 510 }, (_, i) => `批次客户${String(i).padStart(3, '0')}`);
    expect((await admin.put('/api/v1/customer-settings', { ...rules, maxOwnedPerUser: before + names.length })).statusCode).toBe(200);
    const gate = new pg.Client({ connectionString: t.databaseUrl });
    await gate.connect();
    try {
      // Hold the name of a row in the second batch (rows 501…): that batch waits for it after the
      // first batch is written, and meanwhile another customer is given to the owner.
      await gate.query('begin');
      await gate.query(`select pg_advisory_xact_lock(hashtext('customer-name:' || $1))`, [names[505]]);
      const importing = uploadFile(rep, '/api/v1/customers/import/commit?kind=company', await xlsx(names));
      for (let i = 0; ; i++) {
        await gate.query('select pg_stat_clear_snapshot()');
        const { rows } = await gate.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event = 'advisory'`);
        if (rows[0].n > 0) break;
        if (i > 400) throw new Error('the import never waited');
        await new Promise((r) => setTimeout(r, 25));
      }
      await gate.query(`insert into customers (kind, name, owner_id, search_text) values ('company', '半路分配', $1, '半路分配')`, [repId]);
      await gate.query('commit');
      const res = await importing;
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ imported: 509, failed: 1 });
      expect(body.failedRows).toEqual([
        { row: 511, values: { name: names[509] }, errors: [{ field: '_', message: '李一 负责的客户已达上限（' + String(before + 510) + ' 个）' }] },
      ]);
      expect(body.errorReport).toBeTruthy();
      expect(await owned(repId)).toBe(before + 510);
    } finally {
      await gate.end();
    }
  });
});
