import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, TEST_PASSWORD, type TestApp, type TestClient } from '../../testing/harness';
import { roleIdByCode } from './roles';

let t: TestApp;
let admin: TestClient;
let root: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  root = await rootDepartmentId(t);
});
afterAll(() => t?.close());

type Dept = { id: number; name: string; parentId: number | null; userCount: number };
const departments = async (): Promise<Dept[]> => (await admin.get('/api/v1/departments')).json().items;
const department = async (id: number) => (await departments()).find((d) => d.id === id);
const userCount = async () => (await admin.get('/api/v1/users?pageSize=1')).json().total as number;
const roleCount = async () => (await admin.get('/api/v1/roles')).json().items.length as number;
const auditOf = async (entityType: string, id: number) =>
  (await admin.get(`/api/v1/audit?entityType=${entityType}&entityId=${id}&pageSize=200`)).json().items as {
    action: string;
    actorId: number | null;
    ip: string | null;
    summary: string | null;
    changes: { field: string; from: unknown; to: unknown }[] | null;
  }[];

describe('departments', () => {
  it('creates, renames and moves a department, each change in the audit trail', async () => {
    const created = await admin.post('/api/v1/departments', { name: '华东大区', parentId: root });
    expect(created.statusCode).toBe(200);
    const east = created.json();
    expect(east).toMatchObject({ name: '华东大区', parentId: root, userCount: 0 });
    const north = (await admin.post('/api/v1/departments', { name: '华北大区', parentId: root })).json();

    const renamed = await admin.patch(`/api/v1/departments/${east.id}`, { name: '华东区' });
    expect(renamed.statusCode).toBe(200);
    expect((await department(east.id))?.name).toBe('华东区');

    const moved = await admin.patch(`/api/v1/departments/${east.id}`, { parentId: north.id });
    expect(moved.statusCode).toBe(200);
    expect((await department(east.id))?.parentId).toBe(north.id);

    const trail = await auditOf('department', east.id);
    expect(trail.map((e) => e.action)).toEqual(['update', 'update', 'create']);
    const rootName = (await department(root))?.name;
    expect(trail[0].changes).toEqual([{ field: 'parentId', from: root, to: north.id, fromName: rootName, toName: '华北大区' }]);
    expect(trail[1].changes).toEqual([{ field: 'name', from: '华东大区', to: '华东区' }]);
    expect(trail.every((e) => e.actorId === 1 && e.ip === '127.0.0.1')).toBe(true);
  });

  it('refuses to move a department under itself or one of its descendants (DEPARTMENT_LOOP), changing nothing', async () => {
    const a = await makeDepartment(t, '甲', root);
    const b = await makeDepartment(t, '乙', a.id);
    const c = await makeDepartment(t, '丙', b.id);
    for (const target of [a.id, b.id, c.id]) {
      const res = await admin.patch(`/api/v1/departments/${a.id}`, { parentId: target, name: '改名不应生效' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('DEPARTMENT_LOOP');
      expect(res.json().error.message).toBe('不能把部门移动到它自己或它的下级部门之下');
      expect(res.json().error.details).toEqual([{ field: 'parentId', message: '不能把部门移动到它自己或它的下级部门之下' }]);
    }
    expect(await department(a.id)).toMatchObject({ name: '甲', parentId: root });
    expect((await auditOf('department', a.id)).map((e) => e.action)).toEqual(['create']);
    // Moving a descendant up is fine.
    expect((await admin.patch(`/api/v1/departments/${c.id}`, { parentId: a.id })).statusCode).toBe(200);
  });

  it('refuses to delete a department that still has users or sub-departments, naming the counts', async () => {
    const parent = await makeDepartment(t, '待删部门', root);
    const child = await makeDepartment(t, '待删子部门', parent.id);
    await makeUser(t, { username: 'stay1', departmentId: parent.id, roles: [] });
    await makeUser(t, { username: 'stay2', departmentId: parent.id, roles: [] });

    const both = await admin.delete(`/api/v1/departments/${parent.id}`);
    expect(both.statusCode).toBe(409);
    expect(both.json().error).toEqual({ code: 'DEPARTMENT_NOT_EMPTY', message: '部门下还有 2 个用户、1 个子部门，不能删除' });
    const en = await admin.request('DELETE', `/api/v1/departments/${parent.id}`, undefined, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('The department still has 2 users and 1 sub-departments; it cannot be deleted');

    // Only users left: still refused, with the new counts.
    expect((await admin.delete(`/api/v1/departments/${child.id}`)).statusCode).toBe(204);
    const usersOnly = await admin.delete(`/api/v1/departments/${parent.id}`);
    expect(usersOnly.statusCode).toBe(409);
    expect(usersOnly.json().error.message).toBe('部门下还有 2 个用户，不能删除');
    expect(await department(parent.id)).toMatchObject({ name: '待删部门', userCount: 2 });

    // Only a sub-department left (no users): refused as well.
    const shell = await makeDepartment(t, '空壳部门', root);
    const inner = await makeDepartment(t, '空壳子部门', shell.id);
    const childrenOnly = await admin.delete(`/api/v1/departments/${shell.id}`);
    expect(childrenOnly.statusCode).toBe(409);
    expect(childrenOnly.json().error).toEqual({ code: 'DEPARTMENT_NOT_EMPTY', message: '部门下还有 1 个子部门，不能删除' });
    expect(await department(inner.id)).toMatchObject({ parentId: shell.id });
  });

  it('deletes an empty department and records it', async () => {
    const d = await makeDepartment(t, '临时部门', root);
    const res = await admin.delete(`/api/v1/departments/${d.id}`);
    expect(res.statusCode).toBe(204);
    expect(await department(d.id)).toBeUndefined();
    expect((await auditOf('department', d.id)).map((e) => e.action)).toEqual(['delete', 'create']);
    // A second delete finds nothing.
    expect((await admin.delete(`/api/v1/departments/${d.id}`)).statusCode).toBe(404);
  });
});

describe('users', () => {
  const newUser = (over: Record<string, unknown> = {}) => ({
    username: 'zhangsan',
    password: TEST_PASSWORD,
    name: '张三',
    departmentId: root,
    roleIds: [],
    ...over,
  });

  it('refuses a duplicate username, whatever its case, naming the field', async () => {
    const first = await admin.post('/api/v1/users', newUser());
    expect(first.statusCode).toBe(200);
    const before = await userCount();
    for (const username of ['zhangsan', 'ZhangSan', 'ZHANGSAN']) {
      const res = await admin.post('/api/v1/users', newUser({ username, name: '李四' }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('USERNAME_TAKEN');
      expect(res.json().error.message).toBe(`账号“${username}”已存在`);
      expect(res.json().error.details).toEqual([{ field: 'username', message: `账号“${username}”已存在` }]);
    }
    expect(await userCount()).toBe(before);
  });

  it('refuses to make a user their own supervisor, or to close a supervisor loop, changing nothing', async () => {
    const a = await makeUser(t, { username: 'chain_a', departmentId: root, roles: [] });
    const b = await makeUser(t, { username: 'chain_b', departmentId: root, roles: [], supervisorId: a.id });
    const c = await makeUser(t, { username: 'chain_c', departmentId: root, roles: [], supervisorId: b.id });
    const d = await makeUser(t, { username: 'chain_d', departmentId: root, roles: [], supervisorId: c.id });

    const self = await admin.patch(`/api/v1/users/${a.id}`, { supervisorId: a.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('SUPERVISOR_LOOP');
    expect(self.json().error.details[0].field).toBe('supervisorId');

    // A → B → C → D: making C, or C's subordinate D, A's supervisor would close a loop.
    for (const loop of [b.id, c.id, d.id]) {
      const res = await admin.patch(`/api/v1/users/${a.id}`, { supervisorId: loop, name: '不应生效' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('SUPERVISOR_LOOP');
      expect(res.json().error.message).toBe('直属上级不能是本人或其下属（会形成循环）');
    }
    const after = (await admin.get(`/api/v1/users/${a.id}`)).json();
    expect(after).toMatchObject({ supervisorId: null, name: 'chain_a' });
    expect((await auditOf('user', a.id)).map((e) => e.action)).toEqual(['create']);

    // Outside the chain is fine: D may report to someone unrelated, and A to nobody.
    const other = await makeUser(t, { username: 'chain_other', departmentId: root, roles: [] });
    expect((await admin.patch(`/api/v1/users/${a.id}`, { supervisorId: other.id })).statusCode).toBe(200);
    // 操作记录 names the supervisor, not their id.
    expect((await auditOf('user', a.id))[0].changes).toEqual([{ field: 'supervisorId', from: null, to: other.id, toName: other.name }]);
  });

  it('resetting a password ends the user’s sessions; the new password works and the old one does not', async () => {
    const u = await makeUser(t, { username: 'forgetful', departmentId: root, roles: [] });
    const session = await t.login('forgetful');
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);

    const weak = await admin.post(`/api/v1/users/${u.id}/reset-password`, { newPassword: '123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toEqual({ field: 'newPassword', message: '密码至少 8 位，且须同时包含字母和数字' });
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);

    const res = await admin.post(`/api/v1/users/${u.id}/reset-password`, { newPassword: 'Fresh2025x' });
    expect(res.statusCode).toBe(204);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.login('forgetful', TEST_PASSWORD)).rejects.toThrow(/401/);
    const fresh = await t.login('forgetful', 'Fresh2025x');
    const me = (await fresh.get('/api/v1/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(true);
    expect((await auditOf('user', u.id)).map((e) => e.action)).toEqual(['password', 'create']);
  });

  it('auth/me says whether anyone reports to the user (the 下属负责的 scene is offered only then)', async () => {
    const lead = await makeUser(t, { username: 'lead_me', departmentId: root, roles: [] });
    const lone = await makeUser(t, { username: 'lone_me', departmentId: root, roles: [] });
    const report = await makeUser(t, { username: 'report_me', departmentId: root, roles: [], supervisorId: lead.id });
    const hasSubordinates = async (username: string) => (await (await t.login(username)).get('/api/v1/auth/me')).json().user.hasSubordinates;
    expect(await hasSubordinates('lead_me')).toBe(true);
    expect(await hasSubordinates('lone_me')).toBe(false);
    // The report moves to the other supervisor.
    expect((await admin.patch(`/api/v1/users/${report.id}`, { supervisorId: lone.id })).statusCode).toBe(200);
    expect(await hasSubordinates('lead_me')).toBe(false);
    expect(await hasSubordinates('lone_me')).toBe(true);
  });

  it('an administrator cannot disable their own account', async () => {
    const res = await admin.patch('/api/v1/users/1', { status: 'disabled' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'SELF_DISABLE', message: '不能停用自己的账号' });
    expect((await admin.get('/api/v1/users/1')).json().status).toBe('active');
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('the last active administrator cannot lose the administrator role', async () => {
    const adminRole = await roleIdByCode(t.database.db, 'admin');
    const bossRole = await roleIdByCode(t.database.db, 'boss');
    const res = await admin.patch('/api/v1/users/1', { roleIds: [bossRole] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'LAST_ADMIN', message: '必须保留至少一个启用的系统管理员' });
    expect((await admin.get('/api/v1/users/1')).json().roles).toEqual([{ id: adminRole, name: '系统管理员' }]);

    // A disabled second administrator does not count.
    const second = await makeUser(t, { username: 'admin2', departmentId: root, roles: ['admin'] });
    expect((await admin.patch(`/api/v1/users/${second.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await admin.patch('/api/v1/users/1', { roleIds: [bossRole] })).statusCode).toBe(400);

    // With another active administrator, the role can go; and that one then cannot lose it.
    expect((await admin.patch(`/api/v1/users/${second.id}`, { status: 'active' })).statusCode).toBe(200);
    const a2 = await t.login('admin2');
    expect((await a2.patch('/api/v1/users/1', { roleIds: [bossRole] })).statusCode).toBe(200);
    const last = await a2.patch(`/api/v1/users/${second.id}`, { roleIds: [bossRole] });
    expect(last.statusCode).toBe(400);
    expect(last.json().error.code).toBe('LAST_ADMIN');
    expect((await a2.patch('/api/v1/users/1', { roleIds: [adminRole] })).statusCode).toBe(200);
    expect((await a2.patch(`/api/v1/users/${second.id}`, { roleIds: [bossRole] })).statusCode).toBe(200);
    admin = await t.login('admin');
  });

  it('a user manager cannot disable the last active administrator', async () => {
    const hrRole = (await admin.post('/api/v1/roles', { name: '人事', dataScope: 'all', permissions: ['org.user.view', 'org.user.manage'] })).json();
    const created = await admin.post('/api/v1/users', { username: 'hrstaff', password: TEST_PASSWORD, name: '人事', departmentId: root, roleIds: [hrRole.id] });
    expect(created.statusCode).toBe(200);
    const hr = await t.login('hrstaff');
    const res = await hr.patch('/api/v1/users/1', { status: 'disabled' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('LAST_ADMIN');
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/users/1')).json().status).toBe('active');
  });

  it('records a user update with each changed field, old → new', async () => {
    const dept2 = await makeDepartment(t, '审计部', root);
    const u = await makeUser(t, { username: 'audited', departmentId: root, roles: [], name: '王五' });
    const res = await admin.patch(`/api/v1/users/${u.id}`, { name: '王五五', mobile: '13800138000', departmentId: dept2.id, email: null });
    expect(res.statusCode).toBe(200);
    const [entry] = await auditOf('user', u.id);
    expect(entry.action).toBe('update');
    expect(entry.actorId).toBe(1);
    expect(entry.summary).toBe('王五 (audited)');
    // email was null and stays null: not a change.
    expect(entry.changes).toEqual([
      { field: 'name', from: '王五', to: '王五五' },
      { field: 'mobile', from: null, to: '13800138000' },
      { field: 'departmentId', from: root, to: dept2.id, fromName: (await department(root))?.name, toName: '审计部' },
    ]);

    const disabled = await admin.patch(`/api/v1/users/${u.id}`, { status: 'disabled' });
    expect(disabled.statusCode).toBe(200);
    const [state] = await auditOf('user', u.id);
    expect(state).toMatchObject({ action: 'state', changes: [{ field: 'status', from: 'active', to: 'disabled' }] });

    // A request that changes nothing writes nothing.
    await admin.patch(`/api/v1/users/${u.id}`, { name: '王五五' });
    expect((await auditOf('user', u.id)).length).toBe(3);
  });
});

describe('no privilege escalation through user management', () => {
  it('a department-scoped user manager cannot grant roles beyond their own, nor place users outside their scope', async () => {
    const branch = await makeDepartment(t, '深圳分公司', root);
    const other = await makeDepartment(t, '北京分公司', root);
    const managerRole = (
      await admin.post('/api/v1/roles', {
        name: '分公司人事',
        dataScope: 'department',
        permissions: ['org.user.view', 'org.user.manage'],
      })
    ).json();
    const hr = await makeUser(t, { username: 'branch_hr', departmentId: branch.id, roles: [] });
    await admin.patch(`/api/v1/users/${hr.id}`, { roleIds: [managerRole.id] });
    const client = await t.login('branch_hr');
    const adminRoleId = await roleIdByCode(t.database.db, 'admin');
    const repRoleId = await roleIdByCode(t.database.db, 'buyer');

    const selfPromotion = await client.patch(`/api/v1/users/${hr.id}`, { roleIds: [managerRole.id, adminRoleId] });
    expect(selfPromotion.statusCode).toBe(400);
    expect(selfPromotion.json().error.details[0].field).toBe('roleIds');
    const base = { password: TEST_PASSWORD, name: '新人', roleIds: [repRoleId] };
    const grantAdmin = await client.post('/api/v1/users', { ...base, username: 'sneaky', departmentId: branch.id, roleIds: [adminRoleId] });
    expect(grantAdmin.json().error.code).toBe('ROLE_NOT_ASSIGNABLE');
    const elsewhere = await client.post('/api/v1/users', { ...base, username: 'faraway', departmentId: other.id });
    expect(elsewhere.json().error.code).toBe('DEPARTMENT_OUT_OF_SCOPE');
    const before = await userCount();

    // Within reach it works: a 采购人员 (no permissions yet, own scope) in the manager's own department.
    const ok = await client.post('/api/v1/users', { ...base, username: 'branch_rep', departmentId: branch.id });
    expect(ok.statusCode).toBe(200);
    expect(await userCount()).toBe(before + 1);
    const me = (await (await t.login('branch_hr')).get('/api/v1/auth/me')).json();
    expect(me.user.roles.map((r: { name: string }) => r.name)).toEqual(['分公司人事']);
  });
});

describe('roles', () => {
  it('creates a role with known permissions and refuses an unknown one, changing nothing', async () => {
    const before = await roleCount();
    const bad = await admin.post('/api/v1/roles', { name: '坏角色', dataScope: 'self', permissions: ['org.user.view', 'org.user.destroy'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: 'permissions.1', message: '未知的权限' }]);
    const badScope = await admin.post('/api/v1/roles', { name: '坏角色', dataScope: 'everyone', permissions: [] });
    expect(badScope.statusCode).toBe(400);
    expect(badScope.json().error.details[0].field).toBe('dataScope');
    expect(await roleCount()).toBe(before);

    const ok = await admin.post('/api/v1/roles', { name: '区域经理', dataScope: 'department_tree', permissions: ['org.user.view', 'org.user.view'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '区域经理', dataScope: 'department_tree', permissions: ['org.user.view'], userCount: 0, isSystem: false });

    const dup = await admin.post('/api/v1/roles', { name: '区域经理', dataScope: 'self', permissions: [] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error).toMatchObject({ code: 'ROLE_NAME_TAKEN', details: [{ field: 'name', message: '角色名称“区域经理”已存在' }] });
    expect(await roleCount()).toBe(before + 1);
  });

  it('refuses to delete a role while users hold it (ROLE_IN_USE); deletes it once free', async () => {
    const r = (await admin.post('/api/v1/roles', { name: '临时角色', dataScope: 'self', permissions: [] })).json();
    const u = (await admin.post('/api/v1/users', { username: 'holder', password: TEST_PASSWORD, name: '持有人', departmentId: root, roleIds: [r.id] })).json();

    const refused = await admin.delete(`/api/v1/roles/${r.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({ code: 'ROLE_IN_USE', message: '还有 1 个用户拥有该角色，不能删除' });
    expect((await admin.get(`/api/v1/users/${u.id}`)).json().roles).toEqual([{ id: r.id, name: '临时角色' }]);

    expect((await admin.patch(`/api/v1/users/${u.id}`, { roleIds: [] })).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/roles/${r.id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/v1/roles')).json().items.some((x: { id: number }) => x.id === r.id)).toBe(false);
    expect((await auditOf('role', r.id)).map((e) => e.action)).toEqual(['delete', 'create']);
  });

  it('the system administrator role keeps every permission and full scope, and cannot be deleted', async () => {
    const adminRole = await roleIdByCode(t.database.db, 'admin');
    const before = (await admin.get('/api/v1/roles')).json().items.find((r: { id: number }) => r.id === adminRole);

    const perms = await admin.patch(`/api/v1/roles/${adminRole}`, { permissions: ['org.user.view'] });
    expect(perms.statusCode).toBe(400);
    expect(perms.json().error.code).toBe('ROLE_SYSTEM_LOCKED');
    expect(perms.json().error.message).toBe('系统管理员角色始终拥有全部权限和全部数据，不能修改');
    expect((await admin.patch(`/api/v1/roles/${adminRole}`, { dataScope: 'self' })).statusCode).toBe(400);

    const del = await admin.delete(`/api/v1/roles/${adminRole}`);
    expect(del.statusCode).toBe(400);
    expect(del.json().error).toMatchObject({ code: 'ROLE_SYSTEM', message: '系统角色不能删除' });

    const after = (await admin.get('/api/v1/roles')).json().items.find((r: { id: number }) => r.id === adminRole);
    expect(after).toEqual(before);
    // Its description may still be edited.
    expect((await admin.patch(`/api/v1/roles/${adminRole}`, { description: '全部权限' })).statusCode).toBe(200);
  });

  it('a role edit changes what its holders may do at their next request, and is audited old → new', async () => {
    const r = (await admin.post('/api/v1/roles', { name: '可变角色', dataScope: 'self', permissions: [] })).json();
    await admin.post('/api/v1/users', { username: 'mutable', password: TEST_PASSWORD, name: '可变', departmentId: root, roleIds: [r.id] });
    const c = await t.login('mutable');
    expect((await c.get('/api/v1/departments')).statusCode).toBe(403);

    const res = await admin.patch(`/api/v1/roles/${r.id}`, { permissions: ['org.department.view'], dataScope: 'all' });
    expect(res.statusCode).toBe(200);
    expect((await c.get('/api/v1/departments')).statusCode).toBe(200);
    const [entry] = await auditOf('role', r.id);
    expect(entry.changes).toEqual([
      { field: 'dataScope', from: 'self', to: 'all' },
      { field: 'permissions', from: [], to: ['org.department.view'] },
    ]);
  });
});

describe('audit trail of logins', () => {
  it('records a login and a failed login with the address', async () => {
    await makeUser(t, { username: 'logger', departmentId: root, roles: [] });
    await t.anonymous().post('/api/v1/auth/login', { username: 'logger', password: 'wrong-one' });
    await t.login('logger');
    const items = (await admin.get('/api/v1/audit?entityType=session&q=logger&pageSize=200')).json().items;
    const failed = (await admin.get('/api/v1/audit?action=login_failed')).json().items;
    expect(failed[0]).toMatchObject({ action: 'login_failed', actorName: 'logger', summary: 'logger', ip: '127.0.0.1' });
    expect(items.some((e: { action: string }) => e.action === 'login')).toBe(true);
  });
});
