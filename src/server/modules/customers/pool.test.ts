import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../platform/org/schema';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { customers, poolClaims } from './schema';
import { auditRows, claimRows, customerRow, makeCustomer, systemEvents } from './test-fixtures';

/**
 * 客户池: release with a reason, claim (one winner, limits), assign by a manager, transfer, and the
 * audit + timeline each writes. Sales department A (manager + two reps), department B (one rep).
 */

let t: TestApp;
let admin: TestClient;
let deptA: number;
let deptB: number;
const ids = { mgr: 0, rep1: 0, rep2: 0, rep3: 0, off: 0 };
const c: Record<keyof typeof ids, TestClient> = {} as never;

const defaults = { dailyClaimLimit: 20, reclaimBlockDays: 7, maxOwnedPerUser: 0, allowDuplicateName: false, allowDuplicatePhone: false };
async function setRules(rules: Partial<typeof defaults>) {
  const res = await admin.put('/api/v1/customer-settings', { ...defaults, ...rules });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const root = await rootDepartmentId(t);
  deptA = (await makeDepartment(t, '销售一部', root)).id;
  deptB = (await makeDepartment(t, '销售二部', root)).id;
  ids.mgr = (await makeUser(t, { username: 'mgr', name: '王经理', departmentId: deptA, roles: ['sales_manager'] })).id;
  ids.rep1 = (await makeUser(t, { username: 'rep1', name: '李一', departmentId: deptA, roles: ['sales_rep'], supervisorId: ids.mgr })).id;
  ids.rep2 = (await makeUser(t, { username: 'rep2', name: '张二', departmentId: deptA, roles: ['sales_rep'], supervisorId: ids.mgr })).id;
  ids.rep3 = (await makeUser(t, { username: 'rep3', name: '赵三', departmentId: deptB, roles: ['sales_rep'] })).id;
  ids.off = (await makeUser(t, { username: 'off', name: '钱停', departmentId: deptA, roles: ['sales_rep'] })).id;
  for (const k of Object.keys(ids) as (keyof typeof ids)[]) if (k !== 'off') c[k] = await t.login(k);
  await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, ids.off));
});
afterAll(() => t?.close());
beforeEach(async () => {
  await setRules({});
  await t.database.db.delete(poolClaims);
});

describe('release to the pool (放入公海)', () => {
  it('needs a reason, only from the owner side, and clears the team', async () => {
    const cust = await makeCustomer(t, { name: '北京星辰科技', ownerId: ids.rep1, departmentId: deptA, nextContactAt: new Date() });
    await t.database.db.update(customers).set({ isHot: true, hotAt: new Date() }).where(eq(customers.id, cust.id));
    expect((await c.rep1.put(`/api/v1/customers/${cust.id}/team/${ids.rep2}`, { access: 'write' })).statusCode).toBe(200);

    const blank = await c.rep1.post(`/api/v1/customers/${cust.id}/release`, { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].field).toBe('reason');
    // A read-write team member edits the customer but may not give it away; someone else's customer is not there.
    expect((await c.rep2.post(`/api/v1/customers/${cust.id}/release`, { reason: '不想跟了' })).statusCode).toBe(403);
    expect((await c.rep3.post(`/api/v1/customers/${cust.id}/release`, { reason: '不想跟了' })).statusCode).toBe(404);
    expect((await customerRow(t, cust.id)).ownerId).toBe(ids.rep1);

    const res = await c.rep1.post(`/api/v1/customers/${cust.id}/release`, { reason: '长期无需求' });
    expect(res.statusCode).toBe(204);
    const row = await customerRow(t, cust.id);
    // The 热点 mark was the old owner's: a pool customer is nobody's hot customer.
    expect(row).toMatchObject({ ownerId: null, departmentId: null, previousOwnerId: ids.rep1, poolReason: '长期无需求', nextContactAt: null, isHot: false, hotAt: null });
    expect(row.poolReleasedAt).not.toBeNull();
    expect((await c.rep1.get(`/api/v1/customers/${cust.id}/team`)).json()).toEqual({ owner: null, members: [] });
    expect((await systemEvents(t, cust.id)).map((e) => e.event)).toEqual(['shared', 'released']);
    expect((await auditRows(t, cust.id)).at(-1)).toMatchObject({ action: 'state', actorId: ids.rep1 });
    expect((await auditRows(t, cust.id)).at(-1)!.changes).toContainEqual({ field: 'isHot', from: true, to: false });

    const pool = (await c.rep3.get('/api/v1/pool?q=星辰')).json();
    expect(pool.items.map((i: { id: number }) => i.id)).toEqual([cust.id]);
    expect(pool.items[0]).toMatchObject({ inPool: true, ownerId: null, poolReason: '长期无需求', access: 'pool' });
    // Releasing again: it is already there.
    expect((await c.mgr.post(`/api/v1/customers/${cust.id}/release`, { reason: 'x' })).json().error.code).toBe('CUSTOMER_IN_POOL');
  });

  it('lists the pool newest release first, filtered by level and industry, never owned customers', async () => {
    const older = await makeCustomer(t, { name: '池测甲', ownerId: null, level: 'A', industry: 'it', poolReleasedAt: new Date(Date.now() - 3_600_000) });
    const newer = await makeCustomer(t, { name: '池测乙', ownerId: null, level: 'B', industry: 'it', poolReleasedAt: new Date() });
    await makeCustomer(t, { name: '池测丙', ownerId: ids.rep1, departmentId: deptA, level: 'A' });
    const all = (await c.rep1.get('/api/v1/pool?q=池测')).json();
    expect(all.items.map((i: { name: string }) => i.name)).toEqual(['池测乙', '池测甲']);
    expect(all).toMatchObject({ total: 2, totalExact: true, claimsToday: 0, dailyClaimLimit: 20, reclaimBlockDays: 7 });
    expect((await c.rep1.get('/api/v1/pool?q=池测&level=A')).json().items.map((i: { id: number }) => i.id)).toEqual([older.id]);
    expect((await c.rep1.get('/api/v1/pool?q=池测&industry=it&pageSize=1&page=2')).json().items.map((i: { id: number }) => i.id)).toEqual([older.id]);
    expect(newer.id).toBeGreaterThan(older.id);
    // Unknown query parameters are refused, not ignored.
    expect((await c.rep1.get('/api/v1/pool?sort=name')).statusCode).toBe(400);
  });
});

describe('claim (领取)', () => {
  it('gives the customer to the first claimer; the next hears who has it and nothing changes', async () => {
    const cust = await makeCustomer(t, { name: '上海领取测试', ownerId: null });
    const res = await c.rep2.post(`/api/v1/customers/${cust.id}/claim`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: cust.id, ownerId: ids.rep2, ownerName: '张二', departmentId: deptA, inPool: false, access: 'scope' });

    const late = await c.rep3.post(`/api/v1/customers/${cust.id}/claim`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'POOL_ALREADY_CLAIMED', message: '该客户已被 张二 领取' });
    expect((await customerRow(t, cust.id)).ownerId).toBe(ids.rep2);
    expect(await claimRows(t, cust.id)).toHaveLength(1);
    expect((await systemEvents(t, cust.id)).map((e) => e.event)).toEqual(['claimed']);
    expect((await c.rep3.get('/api/v1/pool?q=上海领取测试')).json().items).toEqual([]);
  });

  it('does not let the previous owner claim back within the block, then does', async () => {
    const cust = await makeCustomer(t, { name: '回捞测试', ownerId: ids.rep1, departmentId: deptA });
    expect((await c.rep1.post(`/api/v1/customers/${cust.id}/release`, { reason: '暂不跟进' })).statusCode).toBe(204);
    const blocked = await c.rep1.post(`/api/v1/customers/${cust.id}/claim`);
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error.code).toBe('POOL_RECLAIM_BLOCKED');
    expect(blocked.json().error.message).toContain('7 天');
    expect((await customerRow(t, cust.id)).ownerId).toBeNull();
    // Eight days later the block is over.
    await t.database.db.update(customers).set({ poolReleasedAt: new Date(Date.now() - 8 * 86_400_000) }).where(eq(customers.id, cust.id));
    expect((await c.rep1.post(`/api/v1/customers/${cust.id}/claim`)).statusCode).toBe(200);
  });

  it('enforces the daily claim limit in the company time zone (yesterday does not count)', async () => {
    await setRules({ dailyClaimLimit: 2 });
    await t.database.db.insert(poolClaims).values({ customerId: 1, userId: ids.rep3, claimedAt: new Date(Date.now() - 2 * 86_400_000) });
    const pool = [];
    for (let i = 0; i < 3; i++) pool.push(await makeCustomer(t, { name: `日限${i}`, ownerId: null }));
    expect((await c.rep3.post(`/api/v1/customers/${pool[0].id}/claim`)).statusCode).toBe(200);
    expect((await c.rep3.post(`/api/v1/customers/${pool[1].id}/claim`)).statusCode).toBe(200);
    expect((await c.rep3.get('/api/v1/pool')).json()).toMatchObject({ claimsToday: 2, dailyClaimLimit: 2 });
    const third = await c.rep3.post(`/api/v1/customers/${pool[2].id}/claim`);
    expect(third.statusCode).toBe(400);
    expect(third.json().error).toMatchObject({ code: 'POOL_DAILY_LIMIT', message: '今天的领取次数已达上限（每天 2 个），请明天再领取' });
    expect((await customerRow(t, pool[2].id)).ownerId).toBeNull();
    // Another user's quota is their own.
    expect((await c.rep2.post(`/api/v1/customers/${pool[2].id}/claim`)).statusCode).toBe(200);
  });

  it('enforces the owned limit on create, claim, assign and transfer', async () => {
    const owner = (await makeUser(t, { username: 'full', name: '满员', departmentId: deptA, roles: ['sales_rep'], supervisorId: ids.mgr })).id;
    const full = await t.login('full');
    await makeCustomer(t, { name: '满员已有1', ownerId: owner, departmentId: deptA });
    await makeCustomer(t, { name: '满员已有2', ownerId: owner, departmentId: deptA });
    await setRules({ maxOwnedPerUser: 2 });
    const inPool = await makeCustomer(t, { name: '满员池', ownerId: null });
    const mine = await makeCustomer(t, { name: '满员转', ownerId: ids.rep1, departmentId: deptA });

    const created = await full.post('/api/v1/customers', { kind: 'company', name: '满员新建' });
    expect(created.statusCode).toBe(400);
    expect(created.json().error).toMatchObject({ code: 'OWNED_LIMIT', message: '满员 负责的客户已达上限（2 个）' });
    expect((await full.get('/api/v1/customers?q=满员新建')).json().total).toBe(0);
    const claim = await full.post(`/api/v1/customers/${inPool.id}/claim`);
    expect(claim.statusCode).toBe(400);
    expect(claim.json().error).toMatchObject({ code: 'OWNED_LIMIT', message: '满员 负责的客户已达上限（2 个）' });
    expect((await c.mgr.post(`/api/v1/customers/${inPool.id}/assign`, { toUserId: owner })).json().error.code).toBe('OWNED_LIMIT');
    expect((await c.mgr.post(`/api/v1/customers/${mine.id}/transfer`, { toUserId: owner })).json().error.code).toBe('OWNED_LIMIT');
    expect((await customerRow(t, inPool.id)).ownerId).toBeNull();
    expect((await customerRow(t, mine.id)).ownerId).toBe(ids.rep1);

    await setRules({ maxOwnedPerUser: 0 });
    expect((await full.post(`/api/v1/customers/${inPool.id}/claim`)).statusCode).toBe(200);
  });

  it('answers 404 for a customer that never was in the pool and is not the caller’s to see', async () => {
    const cust = await makeCustomer(t, { name: '别人的客户', ownerId: ids.rep1, departmentId: deptA });
    expect((await c.rep3.post(`/api/v1/customers/${cust.id}/claim`)).statusCode).toBe(404);
    expect((await c.rep3.post('/api/v1/customers/999999/claim')).statusCode).toBe(404);
  });
});

describe('assign (分配) by a manager', () => {
  it('gives a pool customer to one of the manager’s people, not outside the scope or to a disabled user', async () => {
    const cust = await makeCustomer(t, { name: '分配测试', ownerId: null });
    expect((await c.rep1.post(`/api/v1/customers/${cust.id}/assign`, { toUserId: ids.rep1 })).statusCode).toBe(403);
    const outside = await c.mgr.post(`/api/v1/customers/${cust.id}/assign`, { toUserId: ids.rep3 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('toUserId');
    const disabled = await c.mgr.post(`/api/v1/customers/${cust.id}/assign`, { toUserId: ids.off });
    expect(disabled.json().error.code).toBe('USER_DISABLED');
    expect((await customerRow(t, cust.id)).ownerId).toBeNull();

    const res = await c.mgr.post(`/api/v1/customers/${cust.id}/assign`, { toUserId: ids.rep1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerId: ids.rep1, ownerName: '李一', departmentId: deptA, inPool: false });
    // 二次分配: from rep1 to rep2, both the manager's people.
    const again = await c.mgr.post(`/api/v1/customers/${cust.id}/assign`, { toUserId: ids.rep2 });
    expect(again.json()).toMatchObject({ ownerId: ids.rep2, previousOwnerId: ids.rep1 });
    const events = await systemEvents(t, cust.id);
    expect(events.map((e) => e.event)).toEqual(['assigned', 'assigned']);
    expect(events[0].params).toMatchObject({ fromPool: true, toUserName: '李一' });
    expect(events[1].params).toMatchObject({ fromPool: false, fromUserName: '李一', toUserName: '张二' });
    // An assignment is not a claim: it uses nobody's daily quota.
    expect(await claimRows(t, cust.id)).toHaveLength(0);
  });

  it('the 分配给 picker offers exactly the active users the manager may assign to', async () => {
    const offered = async (client: TestClient, q = '') =>
      ((await client.get(`/api/v1/users/options?within=customer&q=${encodeURIComponent(q)}`)).json().items as { id: number }[]).map((u) => u.id);
    const mine = await offered(c.mgr);
    expect(mine).toEqual(expect.arrayContaining([ids.mgr, ids.rep1, ids.rep2]));
    expect(mine).not.toContain(ids.rep3);
    expect(mine).not.toContain(ids.off);
    expect(await offered(c.mgr, '李一')).toEqual([ids.rep1]);
    expect(await offered(c.mgr, '赵三')).toEqual([]);
    // Without `within`, the picker lists every active user; an unknown module is a 400.
    expect(((await c.mgr.get('/api/v1/users/options?q=赵三')).json().items as { id: number }[]).map((u) => u.id)).toEqual([ids.rep3]);
    expect((await c.mgr.get('/api/v1/users/options?within=nothing')).statusCode).toBe(400);
  });
});

describe('transfer (转移)', () => {
  it('refuses a disabled user and changes nothing', async () => {
    const cust = await makeCustomer(t, { name: '转移停用', ownerId: ids.rep1, departmentId: deptA });
    const auditBefore = (await auditRows(t, cust.id)).length;
    const res = await c.mgr.post(`/api/v1/customers/${cust.id}/transfer`, { toUserId: ids.off });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'USER_DISABLED', message: '用户“钱停”已停用，不能接收客户' });
    expect(res.json().error.details[0].field).toBe('toUserId');
    expect(await customerRow(t, cust.id)).toMatchObject({ ownerId: ids.rep1, departmentId: deptA, previousOwnerId: null });
    expect(await auditRows(t, cust.id)).toHaveLength(auditBefore);
    expect(await systemEvents(t, cust.id)).toEqual([]);
    expect((await c.mgr.post(`/api/v1/customers/${cust.id}/transfer`, { toUserId: 999999 })).json().error.details[0].field).toBe('toUserId');
  });

  it('moves owner and department, records the previous owner, and is refused without the permission', async () => {
    const cust = await makeCustomer(t, { name: '转移测试', ownerId: ids.rep1, departmentId: deptA });
    expect((await c.rep1.post(`/api/v1/customers/${cust.id}/transfer`, { toUserId: ids.rep2 })).statusCode).toBe(403);
    const res = await c.mgr.post(`/api/v1/customers/${cust.id}/transfer`, { toUserId: ids.rep3, withContacts: true });
    expect(res.statusCode, res.body).toBe(200);
    // 赵三 is outside the manager's department tree: the answer says the manager no longer sees it.
    expect(res.json()).toMatchObject({ ownerId: ids.rep3, departmentId: deptB, previousOwnerId: ids.rep1, access: null });
    const [event] = await systemEvents(t, cust.id);
    expect(event).toEqual({
      event: 'transferred',
      params: { fromUserId: ids.rep1, fromUserName: '李一', toUserId: ids.rep3, toUserName: '赵三', withContacts: true },
    });
    const audit = (await auditRows(t, cust.id)).at(-1)!;
    expect(audit.changes).toEqual([
      { field: 'ownerId', from: ids.rep1, to: ids.rep3 },
      { field: 'departmentId', from: deptA, to: deptB },
    ]);
    // The new owner sees it; the old one no longer does; the manager's department no longer holds it.
    expect((await c.rep3.get(`/api/v1/customers/${cust.id}/activities`)).statusCode).toBe(200);
    expect((await c.rep1.get(`/api/v1/customers/${cust.id}/activities`)).statusCode).toBe(404);
    expect((await c.mgr.post(`/api/v1/customers/${cust.id}/transfer`, { toUserId: ids.rep1 })).statusCode).toBe(404);
    expect((await c.mgr.post(`/api/v1/customers/${cust.id}/transfer`, {})).statusCode).toBe(400);
  });
});
