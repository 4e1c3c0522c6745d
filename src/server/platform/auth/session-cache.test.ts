import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { SESSION_COOKIE } from '../../../common/api';
import { openDatabase, type Database } from '../../db/client';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, TEST_PASSWORD, type TestApp } from '../../testing/harness';
import { departments, roles, users } from '../org/schema';
import { loadSessionActor, newSessionCache } from './actor-loader';
import { sessionIdOf } from './sessions';
import '../../modules/customers/access';

/**
 * A copy answers a session from memory after its first request, and forgets it the moment a table
 * it was read from changes: in this copy before the change's request has returned, in the others
 * as soon as PostgreSQL tells them.
 */

let t: TestApp;
const ids: Record<string, number> = {};
let root: number;
let sales: number;

async function tokenOf(username: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  return res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
}
const load = (token: string, database: Database = t.database, cache = t.app.ctx.sessions) =>
  loadSessionActor(database.db, cache, token, { ip: null, lang: 'zh' });
/**
 * On PostgreSQL each listening connection of the app hears a change, the committing one at once and
 * the others a moment later: wait until the stragglers of earlier changes are in.
 */
async function settled() {
  for (let version = -1; version !== t.app.ctx.sessions.version; ) {
    version = t.app.ctx.sessions.version;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const sorted = (v: unknown) => [...((v as number[]) ?? [])].sort((a, b) => a - b);

beforeAll(async () => {
  t = await createTestApp();
  root = await rootDepartmentId(t);
  sales = (await makeDepartment(t, '销售部', root)).id;
  await t.database.db.insert(roles).values({ code: 'team_lead', name: '组长', dataScope: 'self_and_subordinates', permissions: ['customer.view'] });
  ids.lead = (await makeUser(t, { username: 'lead', departmentId: sales, roles: ['sales_rep', 'team_lead'] })).id;
  ids.rep = (await makeUser(t, { username: 'rep', departmentId: sales, roles: ['sales_rep'] })).id;
  ids.manager = (await makeUser(t, { username: 'manager', departmentId: sales, roles: ['sales_manager'] })).id;
});
afterAll(() => t?.close());

describe('sessions kept in memory', () => {
  it('reads a session from the database once, then answers it from memory', async () => {
    const token = await tokenOf('rep');
    const key = sessionIdOf(token);
    await settled();
    expect(t.app.ctx.sessions.get(key)).toBeUndefined();
    const rep = await t.login('rep');
    expect((await rep.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await load(token))!.actor.userId).toBe(ids.rep);
    const kept = t.app.ctx.sessions.get(key);
    expect(kept?.user.id).toBe(ids.rep);
    expect((await load(token))!.actor.username).toBe('rep');
    expect(t.app.ctx.sessions.get(key)).toBe(kept);
  });

  it('sees a customer shared with the user, and unshared, at the next request', async () => {
    const token = await tokenOf('rep');
    expect((await load(token))!.actor.scopeCache.get('customer:shared')).toEqual([]);
    const lead = await t.login('lead');
    const created = await lead.post('/api/v1/customers', { kind: 'company', name: '缓存共享有限公司' });
    expect(created.statusCode, created.body).toBe(200);
    expect((await lead.put(`/api/v1/customers/${created.json().id}/team/${ids.rep}`, { access: 'read' })).statusCode).toBe(200);
    expect((await load(token))!.actor.scopeCache.get('customer:shared')).toEqual([created.json().id]);
    expect((await lead.delete(`/api/v1/customers/${created.json().id}/team/${ids.rep}`)).statusCode).toBe(204);
    expect((await load(token))!.actor.scopeCache.get('customer:shared')).toEqual([]);
  });

  it('sees a new subordinate and a new sub-department at the next request', async () => {
    const leadToken = await tokenOf('lead');
    const managerToken = await tokenOf('manager');
    expect(sorted((await load(leadToken))!.actor.scopeCache.get('org:subordinates'))).toEqual([ids.lead]);
    expect(sorted((await load(managerToken))!.actor.scopeCache.get('org:department_tree'))).toEqual([sales]);
    const admin = await t.login('admin');
    expect((await admin.patch(`/api/v1/users/${ids.rep}`, { supervisorId: ids.lead })).statusCode).toBe(200);
    const group = await admin.post('/api/v1/departments', { name: '销售一组', parentId: sales });
    expect(group.statusCode).toBe(200);
    expect(sorted((await load(leadToken))!.actor.scopeCache.get('org:subordinates'))).toEqual(sorted([ids.lead, ids.rep]));
    expect(sorted((await load(managerToken))!.actor.scopeCache.get('org:department_tree'))).toEqual(sorted([sales, group.json().id]));
  });

  it('sees a role’s data scope change, and a user’s department move, at the next request', async () => {
    const token = await tokenOf('lead');
    expect((await load(token))!.actor.scopeCache.has('org:subordinates')).toBe(true);
    await t.database.db.update(roles).set({ dataScope: 'self' }).where(eq(roles.code, 'team_lead'));
    const after = (await load(token))!.actor;
    expect(after.scopeCache.has('org:subordinates')).toBe(false);
    expect(after.grants.map((g) => g.scope)).not.toContain('self_and_subordinates');
    await t.database.db.update(roles).set({ dataScope: 'self_and_subordinates' }).where(eq(roles.code, 'team_lead'));
    await t.database.db.update(users).set({ departmentId: root }).where(eq(users.id, ids.lead));
    expect((await load(token))!.actor.departmentId).toBe(root);
  });

  it('sees a role taken away at the next request', async () => {
    const token = await tokenOf('manager');
    expect((await load(token))!.actor.permissions.has('customer.transfer')).toBe(true);
    const admin = await t.login('admin');
    const [repRole] = await t.database.db.select({ id: roles.id }).from(roles).where(eq(roles.code, 'sales_rep'));
    expect((await admin.patch(`/api/v1/users/${ids.manager}`, { roleIds: [repRole.id] })).statusCode).toBe(200);
    expect((await load(token))!.actor.permissions.has('customer.transfer')).toBe(false);
  });

  it('keeps its sessions through changes that concern none of them: a login, an owner change with no share to remove', async () => {
    const token = await tokenOf('lead');
    const lead = await t.login('lead');
    const admin = await t.login('admin');
    const created = await lead.post('/api/v1/customers', { kind: 'company', name: '缓存转移有限公司' });
    expect(created.statusCode, created.body).toBe(200);
    await settled();
    await load(token);
    const version = t.app.ctx.sessions.version;
    await t.login('lead');
    const moved = await admin.post(`/api/v1/customers/${created.json().id}/transfer`, { toUserId: ids.manager });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(t.app.ctx.sessions.version).toBe(version);
    expect(t.app.ctx.sessions.get(sessionIdOf(token))).toBeDefined();
  });

  it('refuses a logged-out session and a disabled user’s at once', async () => {
    const rep = await t.login('rep');
    const other = await t.login('rep');
    expect((await rep.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await rep.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await rep.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(200);
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, ids.rep));
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    await t.database.db.update(users).set({ status: 'active' }).where(eq(users.id, ids.rep));
  });

  it('reads every session afresh when the cache is turned off', async () => {
    const off = await createTestApp({ env: { SESSION_CACHE_SECONDS: '0' } });
    try {
      const admin = await off.login('admin');
      expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
      expect(off.app.ctx.sessions.size).toBe(0);
    } finally {
      await off.close();
    }
  });
});

describe.skipIf(!process.env.TEST_PG_ADMIN_URL)('sessions kept in memory by several copies on one PostgreSQL', () => {
  let copy: Database;
  beforeAll(async () => {
    const url = new URL(t.databaseUrl!);
    url.searchParams.set('application_name', 'crm_second_copy');
    copy = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  });
  afterAll(() => copy?.close());

  const eventually = async (check: () => Promise<boolean>) => {
    const until = Date.now() + 3000;
    while (!(await check())) {
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 5));
    }
    return true;
  };

  it('another copy forgets a session ended here within moments', async () => {
    const cache = newSessionCache(copy.changes, 60);
    const rep = await t.login('rep');
    const token = await tokenOf('rep');
    expect((await load(token, copy, cache))!.actor.userId).toBe(ids.rep);
    expect(cache.size).toBe(1);
    await t.database.db.execute(sql`delete from sessions where user_id = ${ids.rep}`);
    const started = Date.now();
    expect(await eventually(async () => (await load(token, copy, cache)) === null)).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await rep.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('trusts nothing it holds while its listening connection is down, and listens again', async () => {
    const cache = newSessionCache(copy.changes, 60);
    const token = await tokenOf('manager');
    await load(token, copy, cache);
    expect(cache.size).toBe(1);
    // Cut every connection of the other copy, the listening one included.
    await t.database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = 'crm_second_copy'`);
    expect(await eventually(async () => !copy.changes.live)).toBe(true);
    expect(cache.get(sessionIdOf(token))).toBeUndefined();
    expect(await eventually(async () => copy.changes.live)).toBe(true);
    // Listening again, it keeps sessions again and hears changes again.
    expect((await load(token, copy, cache))!.actor.userId).toBe(ids.manager);
    expect(cache.size).toBe(1);
    await t.database.db.update(departments).set({ name: '销售部（改）' }).where(eq(departments.id, sales));
    expect(await eventually(async () => cache.size === 0)).toBe(true);
  });
});
