import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataScope } from '../../../common/permissions';
import { createTestApp, rootDepartmentId, TEST_PASSWORD, type TestApp, type TestClient } from '../../testing/harness';

/**
 * The data scope mechanism, proven on two kinds of record:
 *  - users (`GET /api/v1/users`, module `org`): a user is owned by itself and belongs to its department;
 *  - audit entries (`GET /api/v1/audit`, module `audit`): owned by the actor, filed under the
 *    actor's department at the time.
 *
 * Organisation used throughout (built once, never changed by the tests below):
 *
 *   公司 (root: admin)
 *   ├── 销售部 S: top, peer, vDept
 *   │   ├── 销售一组 S1: mid, vSelf, vTree, vTwo
 *   │   │   └── 一组A班 S11: low
 *   │   │       └── A班甲队 S111: deep
 *   │   └── 销售二组 S2: s2user, vMix
 *   └── 运营部 O: lowest, ops, vAll
 *
 * Supervisor chain (crosses departments on purpose): top ← mid ← low ← lowest.
 */

let t: TestApp;
let admin: TestClient;
const dept: Record<string, number> = {};
const uid: Record<string, number> = {};
const role: Record<string, number> = {};

async function createRole(name: string, dataScope: DataScope, permissions = ['org.user.view', 'audit.view']) {
  const res = await admin.post('/api/v1/roles', { name, dataScope, permissions });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

async function createDept(name: string, parentId: number) {
  const res = await admin.post('/api/v1/departments', { name, parentId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

async function createUser(username: string, departmentId: number, roleIds: number[], supervisorId: number | null = null) {
  const res = await admin.post('/api/v1/users', {
    username,
    password: TEST_PASSWORD,
    name: `用户${username}`,
    departmentId,
    supervisorId,
    roleIds,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
}

/** Every user id the client's list returns (all pages). */
async function visibleUserIds(c: TestClient): Promise<number[]> {
  const res = await c.get('/api/v1/users?pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body.totalExact).toBe(true);
  expect(body.total).toBe(body.items.length);
  return body.items.map((u: { id: number }) => u.id).sort((a: number, b: number) => a - b);
}

/** The distinct actors of every audit entry the client may browse (all pages). */
async function visibleAuditActors(c: TestClient): Promise<(number | null)[]> {
  const actors = new Set<number | null>();
  for (let page = 1; ; page++) {
    const res = await c.get(`/api/v1/audit?pageSize=200&page=${page}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    for (const e of body.items as { actorId: number | null }[]) actors.add(e.actorId);
    if (body.totalExact) break;
  }
  return [...actors].sort((a, b) => (a ?? 0) - (b ?? 0));
}

const ids = (...names: string[]) => names.map((n) => uid[n]).sort((a, b) => a - b);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  uid.admin = 1;
  const root = await rootDepartmentId(t);
  dept.S = await createDept('销售部', root);
  dept.S1 = await createDept('销售一组', dept.S);
  dept.S11 = await createDept('一组A班', dept.S1);
  dept.S111 = await createDept('A班甲队', dept.S11);
  dept.S2 = await createDept('销售二组', dept.S);
  dept.O = await createDept('运营部', root);

  role.self = await createRole('测试-本人', 'self');
  role.subs = await createRole('测试-本人及下属', 'self_and_subordinates');
  role.dept = await createRole('测试-本部门', 'department');
  role.tree = await createRole('测试-本部门及下属部门', 'department_tree');
  role.all = await createRole('测试-全部', 'all');
  // Grants only the org module, with full scope: says nothing about the audit module.
  role.orgAll = await createRole('测试-用户全部', 'all', ['org.user.view']);

  uid.top = await createUser('top', dept.S, [role.subs]);
  uid.mid = await createUser('mid', dept.S1, [], uid.top);
  uid.low = await createUser('low', dept.S11, [], uid.mid);
  uid.lowest = await createUser('lowest', dept.O, [], uid.low);
  uid.peer = await createUser('peer', dept.S, []);
  uid.deep = await createUser('deep', dept.S111, []);
  uid.s2user = await createUser('s2user', dept.S2, []);
  uid.ops = await createUser('ops', dept.O, []);
  uid.vSelf = await createUser('vself', dept.S1, [role.self]);
  uid.vDept = await createUser('vdept', dept.S, [role.dept]);
  uid.vTree = await createUser('vtree', dept.S1, [role.tree]);
  uid.vAll = await createUser('vall', dept.O, [role.all]);
  uid.vTwo = await createUser('vtwo', dept.S1, [role.self, role.dept]);
  uid.vMix = await createUser('vmix', dept.S2, [role.self, role.orgAll]);

  // Every user acts once (a login is an audit entry owned by them, filed under their department).
  for (const name of Object.keys(uid)) if (name !== 'admin') await t.login(name.toLowerCase());
});
afterAll(() => t?.close());

describe('data scope on the users list and the audit trail', () => {
  it('self: a user sees only their own user record and their own audit entries', async () => {
    const c = await t.login('vself');
    expect(await visibleUserIds(c)).toEqual(ids('vSelf'));
    expect(await visibleAuditActors(c)).toEqual(ids('vSelf'));
  });

  it('self_and_subordinates: the whole supervisor chain below, several levels deep, across departments', async () => {
    const c = await t.login('top');
    // top ← mid ← low ← lowest; peer sits in top's department but reports to nobody.
    expect(await visibleUserIds(c)).toEqual(ids('top', 'mid', 'low', 'lowest'));
    expect(await visibleAuditActors(c)).toEqual(ids('top', 'mid', 'low', 'lowest'));
  });

  it('self_and_subordinates looks down the chain, never up', async () => {
    // Give mid the same role: mid sees low and lowest, but not top.
    expect((await admin.patch(`/api/v1/users/${uid.mid}`, { roleIds: [role.subs] })).statusCode).toBe(200);
    try {
      const c = await t.login('mid');
      expect(await visibleUserIds(c)).toEqual(ids('mid', 'low', 'lowest'));
      expect(await visibleAuditActors(c)).toEqual(ids('mid', 'low', 'lowest'));
    } finally {
      await admin.patch(`/api/v1/users/${uid.mid}`, { roleIds: [] });
    }
  });

  it('department: only the own department, not its sub-departments', async () => {
    const c = await t.login('vdept');
    expect(await visibleUserIds(c)).toEqual(ids('top', 'peer', 'vDept'));
    expect(await visibleAuditActors(c)).toEqual(ids('top', 'peer', 'vDept'));
  });

  it('department_tree: the own department and every level below it; parent and sibling departments excluded', async () => {
    const c = await t.login('vtree');
    // vtree sits in S1: S1, S11 and S111 are in; S (parent), S2 (sibling), O and the root are out.
    const expected = ids('mid', 'vSelf', 'vTree', 'vTwo', 'low', 'deep');
    expect(await visibleUserIds(c)).toEqual(expected);
    expect(await visibleAuditActors(c)).toEqual(expected);
  });

  it('all: every user and every audit entry, including the system’s own', async () => {
    const c = await t.login('vall');
    expect(await visibleUserIds(c)).toEqual(ids(...Object.keys(uid)));
    // null: entries written by the system itself (the first administrator's creation).
    expect(await visibleAuditActors(c)).toEqual([null, ...ids(...Object.keys(uid))]);
  });

  it('two roles on one module: the wider scope wins', async () => {
    const c = await t.login('vtwo');
    // 本人 + 本部门 → 本部门 (S1 only, not its sub-departments).
    expect(await visibleUserIds(c)).toEqual(ids('mid', 'vSelf', 'vTree', 'vTwo'));
    expect(await visibleAuditActors(c)).toEqual(ids('mid', 'vSelf', 'vTree', 'vTwo'));
  });

  it('the widest scope is chosen per module: a role granting only users does not widen the audit trail', async () => {
    const c = await t.login('vmix');
    expect(await visibleUserIds(c)).toEqual(ids(...Object.keys(uid)));
    expect(await visibleAuditActors(c)).toEqual(ids('vMix'));
  });

  it('a list filter cannot reach outside the scope', async () => {
    const c = await t.login('vdept');
    // Asking for another department's users, or for another actor's audit entries, yields nothing.
    const users = await c.get(`/api/v1/users?departmentId=${dept.O}`);
    expect(users.json().items).toEqual([]);
    const audit = await c.get(`/api/v1/audit?actorId=${uid.ops}`);
    expect(audit.json().items).toEqual([]);
    // …while a filter inside the scope works.
    const own = await c.get(`/api/v1/audit?actorId=${uid.peer}&action=login`);
    expect(own.json().items.length).toBeGreaterThan(0);
  });
});

describe('records outside the scope answer as if they did not exist', () => {
  it('GET /users/:id: 200 inside the scope, 404 outside, same answer as a missing id', async () => {
    const c = await t.login('vdept');
    const inside = await c.get(`/api/v1/users/${uid.peer}`);
    expect(inside.statusCode).toBe(200);
    expect(inside.json().username).toBe('peer');

    const outside = await c.get(`/api/v1/users/${uid.ops}`);
    const missing = await c.get('/api/v1/users/999999');
    expect(outside.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(outside.json().error).toEqual(missing.json().error);
    expect(outside.json().error).toEqual({ code: 'NOT_FOUND', message: '记录不存在或无权查看' });
    // A sub-department is outside 本部门 too.
    expect((await c.get(`/api/v1/users/${uid.mid}`)).statusCode).toBe(404);
  });

  it('PATCH /users/:id outside the scope answers 404 and changes nothing', async () => {
    const managerRole = await createRole('测试-部门用户管理', 'department', ['org.user.view', 'org.user.manage']);
    await createUser('deptmgr', dept.S2, [managerRole]);
    const c = await t.login('deptmgr');

    const outside = await c.patch(`/api/v1/users/${uid.ops}`, { name: '被改了' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('NOT_FOUND');
    const reset = await c.post(`/api/v1/users/${uid.ops}/reset-password`, { newPassword: 'Hijack123' });
    expect(reset.statusCode).toBe(404);

    const after = await admin.get(`/api/v1/users/${uid.ops}`);
    expect(after.json().name).toBe('用户ops');
    await t.login('ops', TEST_PASSWORD); // password untouched
    const trail = await admin.get(`/api/v1/audit?entityType=user&entityId=${uid.ops}`);
    expect(trail.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);

    // Inside the scope the same request works.
    const inside = await c.patch(`/api/v1/users/${uid.s2user}`, { name: '二组新名' });
    expect(inside.statusCode).toBe(200);
    expect(inside.json().name).toBe('二组新名');
  });

  it('record history of a user: visible to whoever can see that user, 404 otherwise', async () => {
    const history = (c: TestClient, id: number) => c.get(`/api/v1/audit/records/user/${id}`);

    // vdept (本部门 S) sees peer, so sees peer's history: the creation by admin.
    const dc = await t.login('vdept');
    const seen = await history(dc, uid.peer);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toEqual([
      expect.objectContaining({ action: 'create', entityType: 'user', entityId: String(uid.peer), actorId: 1 }),
    ]);
    // …but not ops (运营部), nor a user that does not exist.
    expect((await history(dc, uid.ops)).statusCode).toBe(404);
    expect((await history(dc, 999999)).statusCode).toBe(404);

    // 本人: only the own record.
    const sc = await t.login('vself');
    expect((await history(sc, uid.vSelf)).statusCode).toBe(200);
    expect((await history(sc, uid.mid)).statusCode).toBe(404);

    // Seeing audit entries is not enough: without org.user.view, no user record is visible.
    const auditOnly = await createRole('测试-仅审计', 'all', ['audit.view']);
    await createUser('auditonly', dept.O, [auditOnly]);
    const ac = await t.login('auditonly');
    expect((await ac.get('/api/v1/audit')).statusCode).toBe(200);
    expect((await history(ac, uid.ops)).statusCode).toBe(404);
  });
});
