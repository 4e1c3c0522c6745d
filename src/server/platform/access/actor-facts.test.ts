import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../common/api';
import { roles } from '../org/schema';
import { loadSessionActor } from '../auth/actor-loader';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, TEST_PASSWORD, type TestApp } from '../../testing/harness';
import '../../modules/customers/access';

/**
 * The session's statement brings what the user's data scopes need (subordinates, department
 * subtree, customers shared with them), each only for a user whose roles use it, and right.
 */

let t: TestApp;
const ids: Record<string, number> = {};
let childDepartment: number;

async function factsOf(username: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const loaded = await loadSessionActor(t.database.db, t.app.ctx.sessions, token, { ip: null, lang: 'zh' });
  return loaded!.actor.scopeCache;
}
const sorted = (v: unknown) => [...(v as number[])].sort((a, b) => a - b);

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootDepartmentId(t);
  childDepartment = (await makeDepartment(t, '销售一部', root)).id;
  // No template has 本人及下属; an administrator may make such a role.
  await t.database.db.insert(roles).values({ code: 'team_lead', name: '组长', dataScope: 'self_and_subordinates', permissions: ['customer.view'] });
  ids.boss = (await makeUser(t, { username: 'boss', departmentId: root, roles: ['boss'] })).id;
  ids.manager = (await makeUser(t, { username: 'manager', departmentId: root, roles: ['sales_manager'] })).id;
  ids.lead = (await makeUser(t, { username: 'lead', departmentId: childDepartment, roles: ['sales_rep', 'team_lead'] })).id;
  ids.rep = (await makeUser(t, { username: 'rep', departmentId: childDepartment, roles: ['sales_rep'], supervisorId: ids.lead })).id;
});
afterAll(() => t?.close());

describe('actor facts', () => {
  it('gives each user the facts their scopes use, and only those', async () => {
    const lead = await factsOf('lead');
    expect(sorted(lead.get('org:subordinates'))).toEqual([ids.lead, ids.rep]);
    expect(lead.has('org:department_tree')).toBe(false);
    expect(lead.get('customer:shared')).toEqual([]);

    const manager = await factsOf('manager');
    expect(sorted(manager.get('org:department_tree'))).toEqual(sorted([await rootDepartmentId(t), childDepartment]));
    expect(manager.has('org:subordinates')).toBe(false);

    const boss = await factsOf('boss');
    expect([...boss.keys()]).toEqual([]);
  });

  it('lists the customers shared with the user as of this request', async () => {
    const lead = await t.login('lead');
    const created = await lead.post('/api/v1/customers', { kind: 'company', name: '共享测试有限公司' });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    expect((await factsOf('rep')).get('customer:shared')).toEqual([]);
    expect((await lead.put(`/api/v1/customers/${id}/team/${ids.rep}`, { access: 'read' })).statusCode).toBe(200);
    expect((await factsOf('rep')).get('customer:shared')).toEqual([id]);
  });
});
