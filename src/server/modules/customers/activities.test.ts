import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/org/schema';
import { companySettings } from '../../platform/settings/schema';
import { createTestApp, makeUser, type TestApp } from '../../testing/harness';
import { contacts, customers } from './schema';
import { auditRows, customerRow, makeCustomer, systemEvents, salesTeam } from './test-fixtures';

/** 团队成员 (read vs write), the follow-up timeline with its system events, and the workbench reminders. */

let t: TestApp;
let dept: number;
let ids: Awaited<ReturnType<typeof salesTeam>>['ids'];
let c: Awaited<ReturnType<typeof salesTeam>>['c'];

beforeAll(async () => {
  t = await createTestApp();
  ({ dept, ids, c } = await salesTeam(t));
});
afterAll(() => t?.close());

describe('team (团队成员)', () => {
  it('a read member sees, a write member also logs follow-ups, neither changes the team; removal hides it again', async () => {
    const cust = await makeCustomer(t, { name: '团队测试', ownerId: ids.rep1, departmentId: dept });
    const url = `/api/v1/customers/${cust.id}`;
    expect((await c.rep3.get(`${url}/activities`)).statusCode).toBe(404);

    const shared = await c.rep1.put(`${url}/team/${ids.rep3}`, { access: 'read' });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json()).toEqual({ owner: { userId: ids.rep1, name: '李一' }, members: [{ userId: ids.rep3, name: '赵三', access: 'read' }] });
    expect((await c.rep3.get(`${url}/activities`)).statusCode).toBe(200);
    expect((await c.rep3.get(`${url}/team`)).json().members).toHaveLength(1);
    // The sharee finds it in their lists and opens it, read-only.
    expect((await c.rep3.get(url)).json()).toMatchObject({ id: cust.id, access: 'read_share' });
    const sharedToMe = (await c.rep3.get('/api/v1/customers?scene=shared_to_me')).json();
    expect(sharedToMe.items.map((i: { id: number }) => i.id)).toContain(cust.id);
    // Refused with the reason in words: read-only, not a bare "no permission".
    const readOnly = { code: 'FORBIDDEN', message: '该客户只共享给您查看，不能修改' };
    expect((await c.rep3.patch(url, { remark: '只读成员改资料' })).json().error).toMatchObject(readOnly);
    expect((await c.rep3.post(`${url}/activities`, { kind: 'call_out', content: '只读成员打电话' })).json().error).toMatchObject(readOnly);
    const bulkHot = (await c.rep3.post('/api/v1/customers/bulk', { action: 'hot', ids: [cust.id] })).json();
    expect(bulkHot).toEqual({ done: 0, failed: [{ id: cust.id, ...readOnly }] });

    expect((await c.rep1.put(`${url}/team/${ids.rep3}`, { access: 'write' })).json().members[0].access).toBe('write');
    const logged = await c.rep3.post(`${url}/activities`, { kind: 'call_out', content: '可编辑成员打电话' });
    expect(logged.statusCode, logged.body).toBe(200);
    expect(logged.json()).toMatchObject({ kind: 'call_out', userName: '赵三', customerId: cust.id });
    // A member may not change the team; the owner may not be a member; the tech outside sees nothing.
    expect((await c.rep3.put(`${url}/team/${ids.rep2}`, { access: 'read' })).json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: '只有负责人及其上级可以执行此操作',
    });
    const bulkRelease = await c.rep3.request('POST', '/api/v1/customers/bulk', { action: 'release', ids: [cust.id], reason: '试试' }, { 'accept-language': 'en' });
    expect(bulkRelease.json().failed).toEqual([{ id: cust.id, code: 'FORBIDDEN', message: "Only the customer's owner and the owner's managers can do this" }]);
    expect((await c.rep1.put(`${url}/team/${ids.rep1}`, { access: 'read' })).json().error.code).toBe('SHARE_WITH_OWNER');
    expect((await c.tech.put(`${url}/team/${ids.rep2}`, { access: 'read' })).statusCode).toBe(403);
    // Sharing the same access twice changes nothing and writes no second event.
    expect((await c.rep1.put(`${url}/team/${ids.rep3}`, { access: 'write' })).statusCode).toBe(200);

    expect((await c.rep3.get(url)).json().access).toBe('write_share');
    expect((await c.rep1.delete(`${url}/team/${ids.rep3}`)).statusCode).toBe(204);
    expect((await c.rep1.delete(`${url}/team/${ids.rep3}`)).statusCode).toBe(404);
    expect((await c.rep3.get(`${url}/activities`)).statusCode).toBe(404);
    expect((await c.rep3.get(url)).statusCode).toBe(404);
    expect((await c.rep3.get('/api/v1/customers?scene=shared_to_me')).json().items.map((i: { id: number }) => i.id)).not.toContain(cust.id);
    expect((await systemEvents(t, cust.id)).map((e) => e.event)).toEqual(['shared', 'shared', 'unshared']);
    // The audit trail holds each team change once, with who and what access, old → new.
    const team = (await auditRows(t, cust.id)).filter((r) => r.changes?.some((ch) => ch.field === `team.${ids.rep3}`));
    expect(team.map((r) => [r.actorName, r.summary, r.changes])).toEqual([
      ['李一', '团队测试: 共享给 赵三（只读）', [{ field: `team.${ids.rep3}`, from: null, to: 'read' }]],
      ['李一', '团队测试: 共享给 赵三（可编辑）', [{ field: `team.${ids.rep3}`, from: 'read', to: 'write' }]],
      ['李一', '团队测试: 取消共享 赵三', [{ field: `team.${ids.rep3}`, from: 'write', to: null }]],
    ]);
  });

  it('the manager above the owner changes the team; a share to a disabled or unknown user is refused', async () => {
    const cust = await makeCustomer(t, { name: '经理共享', ownerId: ids.rep2, departmentId: dept });
    expect((await c.mgr.put(`/api/v1/customers/${cust.id}/team/${ids.tech}`, { access: 'read' })).statusCode).toBe(200);
    // Shared customers are visible to the sharee through the one scope mechanism (technicians log their work too).
    expect((await c.tech.get(`/api/v1/customers/${cust.id}/activities`)).statusCode).toBe(200);
    const off = await makeUser(t, { username: 'off', name: '钱停', departmentId: dept, roles: ['sales_rep'] });
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, off.id));
    expect((await c.mgr.put(`/api/v1/customers/${cust.id}/team/${off.id}`, { access: 'read' })).json().error.code).toBe('USER_DISABLED');
    const unknown = await c.mgr.put(`/api/v1/customers/${cust.id}/team/999999`, { access: 'read' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('userId');
  });
});

describe('timeline (行动历史)', () => {
  it('shows follow-ups and system events newest first, with user and contact names', async () => {
    const cust = await makeCustomer(t, { name: '时间线测试', ownerId: ids.rep1, departmentId: dept });
    const [contact] = await t.database.db.insert(contacts).values({ customerId: cust.id, name: '周联系人', isPrimary: true }).returning();
    const url = `/api/v1/customers/${cust.id}`;
    const t0 = Date.now();
    const visit = await c.rep1.post(`${url}/activities`, {
      kind: 'visit',
      content: '上门拜访，介绍新品',
      contactId: contact.id,
      occurredAt: new Date(t0 - 3_600_000).toISOString(),
    });
    expect(visit.statusCode, visit.body).toBe(200);
    expect(visit.json()).toMatchObject({ contactName: '周联系人', userName: '李一', kind: 'visit' });
    expect((await c.rep1.put(`${url}/team/${ids.rep2}`, { access: 'read' })).statusCode).toBe(200);
    expect((await c.mgr.post(`${url}/transfer`, { toUserId: ids.rep2 })).statusCode).toBe(200);
    expect((await c.rep2.post(`${url}/release`, { reason: '客户已转行' })).statusCode).toBe(204);
    expect((await c.rep1.post(`${url}/claim`)).statusCode).toBe(200);

    const page = (await c.rep1.get(`${url}/activities?pageSize=3`)).json();
    expect(page.total).toBe(5);
    expect(page.items.map((a: { kind: string; event: string | null }) => a.event ?? a.kind)).toEqual(['claimed', 'released', 'transferred']);
    expect(page.items[1].params).toMatchObject({ reason: '客户已转行', fromUserName: '张二' });
    expect(page.items[0]).toMatchObject({ kind: 'system', userName: '李一', content: null });
    const rest = (await c.rep1.get(`${url}/activities?pageSize=3&page=2`)).json();
    expect(rest.items.map((a: { kind: string; event: string | null }) => a.event ?? a.kind)).toEqual(['shared', 'visit']);
  });

  it('moves last follow-up forward only, sets the next contact, settles a due reminder, refuses bad times', async () => {
    const due = new Date(Date.now() - 86_400_000);
    const cust = await makeCustomer(t, { name: '跟进时间', ownerId: ids.rep1, departmentId: dept, nextContactAt: due });
    const url = `/api/v1/customers/${cust.id}/activities`;
    const now = Date.now();
    const next = new Date(now + 3 * 86_400_000).toISOString();
    expect((await c.rep1.post(url, { kind: 'call_out', content: '约下周见面', nextContactAt: next })).statusCode).toBe(200);
    let row = await customerRow(t, cust.id);
    expect(row.nextContactAt?.toISOString()).toBe(next);
    const followed = row.lastFollowupAt!.getTime();
    expect(Math.abs(followed - now)).toBeLessThan(60_000);

    // An older activity logged later does not move the last follow-up back, nor touch a future reminder.
    expect((await c.rep1.post(url, { kind: 'note', content: '补记', occurredAt: new Date(now - 5 * 86_400_000).toISOString() })).statusCode).toBe(200);
    row = await customerRow(t, cust.id);
    expect(row.lastFollowupAt!.getTime()).toBe(followed);
    expect(row.nextContactAt?.toISOString()).toBe(next);

    // A due reminder is settled by the contact it asked for.
    await t.database.db.update(customers).set({ nextContactAt: due }).where(eq(customers.id, cust.id));
    expect((await c.rep1.post(url, { kind: 'wechat', content: '微信回复了' })).statusCode).toBe(200);
    expect((await customerRow(t, cust.id)).nextContactAt).toBeNull();

    const future = await c.rep1.post(url, { kind: 'visit', content: '未来', occurredAt: new Date(now + 3 * 86_400_000).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('occurredAt');
    const backwards = await c.rep1.post(url, { kind: 'visit', content: 'x', nextContactAt: new Date(now - 86_400_000).toISOString() });
    expect(backwards.json().error.details[0].field).toBe('nextContactAt');
    const bad = await c.rep1.post(url, { kind: 'system', content: '伪造系统事件' });
    expect(bad.statusCode).toBe(400);
    expect((await c.rep1.post(url, { kind: 'visit', content: '   ' })).json().error.details[0].field).toBe('content');
    const other = await makeCustomer(t, { name: '别家', ownerId: ids.rep1, departmentId: dept });
    const [foreign] = await t.database.db.insert(contacts).values({ customerId: other.id, name: '别家人' }).returning();
    expect((await c.rep1.post(url, { kind: 'visit', content: 'x', contactId: foreign.id })).json().error.details[0].field).toBe('contactId');
  });
});

describe('reminders (今日需联系 / 逾期)', () => {
  it('lists the caller’s own customers due on the day and before it, by the company’s time zone', async () => {
    await t.database.db.update(companySettings).set({ timeZone: 'Asia/Shanghai' });
    // 2030-01-10 in Shanghai runs from 2030-01-09T16:00Z to 2030-01-10T16:00Z.
    const mk = (name: string, at: string, ownerId = ids.rep2) => makeCustomer(t, { name, ownerId, departmentId: dept, nextContactAt: new Date(at) });
    const today1 = await mk('今日零点', '2030-01-09T16:00:00Z');
    const today2 = await mk('今日傍晚', '2030-01-10T10:00:00Z');
    const late = await mk('昨晚逾期', '2030-01-09T15:59:59Z');
    await mk('明天', '2030-01-10T16:00:00Z');
    await mk('别人的', '2030-01-10T01:00:00Z', ids.rep1);

    const res = await c.rep2.get('/api/v1/activities/reminders?date=2030-01-10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ date: '2030-01-10', dayStart: '2030-01-09T16:00:00.000Z', todayTotal: 2 });
    const names = body.items.map((i: { name: string }) => i.name);
    expect(names.slice(-2)).toEqual(['今日零点', '今日傍晚']);
    expect(names).toContain('昨晚逾期');
    expect(names).not.toContain('明天');
    expect(names).not.toContain('别人的');
    expect(body.items.find((i: { id: number }) => i.id === late.id).nextContactAt).toBe('2030-01-09T15:59:59.000Z');
    expect(body.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining([today1.id, today2.id]));

    // In New York the same instants fall on other days.
    await t.database.db.update(companySettings).set({ timeZone: 'America/New_York' });
    const ny = (await c.rep2.get('/api/v1/activities/reminders?date=2030-01-10')).json();
    expect(ny.dayStart).toBe('2030-01-10T05:00:00.000Z');
    expect(ny.items.filter((i: { nextContactAt: string }) => i.nextContactAt >= ny.dayStart).map((i: { name: string }) => i.name)).toEqual(['今日傍晚', '明天']);
    await t.database.db.update(companySettings).set({ timeZone: 'Asia/Shanghai' });

    // Without a date: today. A customer due now is there.
    const now = await mk('现在', new Date().toISOString());
    const today = (await c.rep2.get('/api/v1/activities/reminders')).json();
    expect(today.items.map((i: { id: number }) => i.id)).toContain(now.id);
    expect((await c.rep2.get('/api/v1/activities/reminders?date=2030-13-01')).statusCode).toBe(400);
  });
});
