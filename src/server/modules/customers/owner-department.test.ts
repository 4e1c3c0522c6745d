import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { customers } from './schema';
import { customerRow, makeCustomer } from './test-fixtures';

/**
 * A customer's department is its owner's: when an administrator moves a rep to another department,
 * the rep's customers move with them, so the new department's manager sees them and the old one no
 * longer does. Departments A and B, each with a sales manager (department scope); rep1 and rep2 in A.
 */

let t: TestApp;
let admin: TestClient;
let deptA: number;
let deptB: number;
const ids = { mgrA: 0, mgrB: 0, rep1: 0, rep2: 0 };
const c: Record<keyof typeof ids, TestClient> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const root = await rootDepartmentId(t);
  deptA = (await makeDepartment(t, '销售一部', root)).id;
  deptB = (await makeDepartment(t, '销售二部', root)).id;
  ids.mgrA = (await makeUser(t, { username: 'mgra', name: '王经理', departmentId: deptA, roles: ['sales_manager'] })).id;
  ids.mgrB = (await makeUser(t, { username: 'mgrb', name: '陈经理', departmentId: deptB, roles: ['sales_manager'] })).id;
  ids.rep1 = (await makeUser(t, { username: 'rep1', name: '李一', departmentId: deptA, roles: ['sales_rep'], supervisorId: ids.mgrA })).id;
  ids.rep2 = (await makeUser(t, { username: 'rep2', name: '张二', departmentId: deptA, roles: ['sales_rep'], supervisorId: ids.mgrA })).id;
  c.mgrA = await t.login('mgra');
  c.mgrB = await t.login('mgrb');
  c.rep1 = await t.login('rep1');
  c.rep2 = await t.login('rep2');
});
afterAll(() => t?.close());

const listedNames = async (client: TestClient) => {
  const res = await client.get('/api/v1/customers?pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { name: string }[]).map((x) => x.name).sort();
};

describe('moving a user to another department', () => {
  it('moves the department of the customers they own, deleted ones too, without touching updated_at', async () => {
    const moved = await makeCustomer(t, { name: '北京星辰科技', ownerId: ids.rep1, departmentId: deptA });
    const movedToo = await makeCustomer(t, { name: '上海远航贸易', ownerId: ids.rep1, departmentId: deptA });
    const binned = await makeCustomer(t, { name: '回收站客户', ownerId: ids.rep1, departmentId: deptA });
    await t.database.db.update(customers).set({ deletedAt: new Date(), deletedBy: ids.rep1 }).where(eq(customers.id, binned.id));
    const stays = await makeCustomer(t, { name: '广州同事客户', ownerId: ids.rep2, departmentId: deptA });

    expect(await listedNames(c.mgrA)).toEqual(['上海远航贸易', '北京星辰科技', '广州同事客户']);
    expect(await listedNames(c.mgrB)).toEqual([]);

    const res = await admin.patch(`/api/v1/users/${ids.rep1}`, { departmentId: deptB, supervisorId: ids.mgrB });
    expect(res.statusCode, res.body).toBe(200);

    // The new department's manager sees the rep's customers; the old one sees only the colleague's.
    expect(await listedNames(c.mgrB)).toEqual(['上海远航贸易', '北京星辰科技']);
    expect((await c.mgrB.get(`/api/v1/customers/${moved.id}`)).statusCode).toBe(200);
    expect(await listedNames(c.mgrA)).toEqual(['广州同事客户']);
    expect((await c.mgrA.get(`/api/v1/customers/${moved.id}`)).statusCode).toBe(404);
    expect((await c.mgrA.get(`/api/v1/customers/${movedToo.id}`)).statusCode).toBe(404);
    // The rep keeps their own customers.
    expect(await listedNames(c.rep1)).toEqual(['上海远航贸易', '北京星辰科技']);

    const after = await customerRow(t, moved.id);
    expect(after.departmentId).toBe(deptB);
    expect(after.updatedAt.toISOString()).toBe(moved.updatedAt.toISOString());
    expect((await customerRow(t, binned.id)).departmentId).toBe(deptB);
    expect((await customerRow(t, stays.id)).departmentId).toBe(deptA);
  });

  it('does nothing to customers when the department is sent unchanged', async () => {
    // Deliberately out of step, so a rewrite would show: only an actual move touches customers.
    const cust = await makeCustomer(t, { name: '深圳不动客户', ownerId: ids.rep2, departmentId: deptB });
    const res = await admin.patch(`/api/v1/users/${ids.rep2}`, { departmentId: deptA, name: '张二二' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await customerRow(t, cust.id)).departmentId).toBe(deptB);
  });
});
