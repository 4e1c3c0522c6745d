import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../../../db/client';
import { runJobOnce } from '../../../platform/jobs/runner';
import { jobRuns } from '../../../platform/jobs/schema';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../../testing/harness';
import { activities, customers, customerShares } from '../schema';
import { companyTimeZone, formatCompanyDate } from '../settings';
import { auditRows, customerRow, makeCustomer, systemEvents } from '../test-fixtures';
import { customerJobs } from './jobs';
import { applyPoolReturnRules } from './pool-return';
import { registerReturnExemption } from './return-exemptions';
import { createRevisitTasks } from './revisits';
import { poolReturnRules, revisitRules, revisitTasks } from './schema';

/** 自动回收 (rules, warnings, the daily job) and 回访计划 (rules, to-dos, completing one). */

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
let t: TestApp;
let admin: TestClient;
let rep1: TestClient;
let rep2: TestClient;
let dept: number;
const ids = { rep1: 0, rep2: 0 };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  dept = (await makeDepartment(t, '销售部', await rootDepartmentId(t))).id;
  ids.rep1 = (await makeUser(t, { username: 'rep1', name: '李一', departmentId: dept, roles: ['sales_rep'] })).id;
  ids.rep2 = (await makeUser(t, { username: 'rep2', name: '张二', departmentId: dept, roles: ['sales_rep'] })).id;
  rep1 = await t.login('rep1');
  rep2 = await t.login('rep2');
});
afterAll(() => t?.close());
beforeEach(async () => {
  const db = t.database.db;
  await db.delete(poolReturnRules);
  await db.delete(revisitTasks);
  await db.delete(revisitRules);
  await db.delete(jobRuns);
  // Earlier tests' customers must not match later rules.
  await db.update(customers).set({ deletedAt: new Date() });
});

/** A customer of `ownerId` created `createdDaysAgo` and last followed up `followupAgoMs` ago. */
async function aged(
  name: string,
  opts: { ownerId?: number | null; level?: string | null; createdAgoMs: number; followupAgoMs?: number; hot?: boolean; status?: string; releasedAgoMs?: number },
) {
  const now = Date.now();
  const row = await makeCustomer(t, { name, ownerId: opts.ownerId === undefined ? ids.rep1 : opts.ownerId, departmentId: dept, level: opts.level ?? undefined });
  await t.database.db
    .update(customers)
    .set({
      createdAt: new Date(now - opts.createdAgoMs),
      lastFollowupAt: opts.followupAgoMs === undefined ? null : new Date(now - opts.followupAgoMs),
      isHot: opts.hot ?? false,
      status: opts.status ?? null,
      poolReleasedAt: opts.releasedAgoMs === undefined ? null : new Date(now - opts.releasedAgoMs),
    })
    .where(eq(customers.id, row.id));
  return row;
}

const names = (items: { name?: string; customerName?: string }[]) => items.map((i) => i.name ?? i.customerName).sort();

describe('pool return rules (自动回收规则)', () => {
  it('admin-only CRUD with a criterion required', async () => {
    expect((await rep1.get('/api/v1/pool-return-rules')).statusCode).toBe(403);
    expect((await rep1.post('/api/v1/pool-return-rules', { name: 'x', noFollowupDays: 3 })).statusCode).toBe(403);
    const none = await admin.post('/api/v1/pool-return-rules', { name: '空规则' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('RETURN_RULE_CRITERIA_REQUIRED');
    expect(none.json().error.details[0].field).toBe('noFollowupDays');
    expect((await admin.post('/api/v1/pool-return-rules', { name: 'x', noFollowupDays: 0 })).statusCode).toBe(400);

    const created = await admin.post('/api/v1/pool-return-rules', { name: '30天未跟进', noFollowupDays: 30, levels: ['A', 'B'], exemptions: ['hot'], warnDaysBefore: 5 });
    expect(created.statusCode, created.body).toBe(200);
    const rule = created.json();
    expect(rule).toMatchObject({ name: '30天未跟进', enabled: true, noFollowupDays: 30, noDealDays: null, levels: ['A', 'B'], exemptions: ['hot'], warnDaysBefore: 5 });
    const patched = await admin.patch(`/api/v1/pool-return-rules/${rule.id}`, { enabled: false, levels: null });
    expect(patched.json()).toMatchObject({ enabled: false, levels: null, noFollowupDays: 30 });
    // Clearing the only criterion is refused; nothing changed.
    expect((await admin.patch(`/api/v1/pool-return-rules/${rule.id}`, { noFollowupDays: null })).statusCode).toBe(400);
    expect((await admin.get('/api/v1/pool-return-rules')).json().items).toMatchObject([{ id: rule.id, noFollowupDays: 30, enabled: false }]);
    expect((await admin.delete(`/api/v1/pool-return-rules/${rule.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/pool-return-rules/${rule.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/pool-return-rules')).json().items).toEqual([]);
  });

  it('returns exactly the matching customers (boundary, levels, hot, deleted, recently claimed) through the release semantics', async () => {
    const rule = (
      await admin.post('/api/v1/pool-return-rules', { name: '30天未跟进', noFollowupDays: 30, levels: ['A', 'B'], exemptions: ['hot'], warnDaysBefore: 5 })
    ).json();
    const over = await aged('过期一小时', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 30 * DAY + HOUR });
    const under = await aged('差一小时', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 30 * DAY - HOUR });
    await aged('C级不管', { level: 'C', createdAgoMs: 100 * DAY, followupAgoMs: 40 * DAY });
    await aged('无级别不管', { level: null, createdAgoMs: 100 * DAY, followupAgoMs: 40 * DAY });
    await aged('热点豁免', { level: 'B', createdAgoMs: 100 * DAY, followupAgoMs: 40 * DAY, hot: true });
    const never = await aged('从未跟进', { level: 'B', createdAgoMs: 31 * DAY });
    await aged('新建未跟进', { level: 'B', createdAgoMs: 29 * DAY });
    await aged('刚领取', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 60 * DAY, releasedAgoMs: 2 * DAY });
    await aged('近期跟进', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 10 * DAY });
    const other = await aged('别人的', { ownerId: ids.rep2, level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 45 * DAY });
    const gone = await aged('已删除', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 45 * DAY });
    await t.database.db.update(customers).set({ deletedAt: new Date() }).where(eq(customers.id, gone.id));
    await t.database.db.insert(customerShares).values({ customerId: over.id, userId: ids.rep2, access: 'write' });

    // Before the run the owner is warned about what goes within 5 days (already due included), only their own.
    const before = (await rep1.get('/api/v1/customers/return-warnings')).json();
    // 新建未跟进 goes tomorrow (created 29 days ago); 近期跟进 in 20 days is not yet worth a warning.
    expect(names(before.items)).toEqual(['差一小时', '从未跟进', '新建未跟进', '过期一小时'].sort());
    expect(before.items[0]).toMatchObject({ name: '从未跟进', ruleId: rule.id, ruleName: '30天未跟进' });

    const result = await applyPoolReturnRules(t.database.db, new Date(), { batchSize: 2 });
    expect(result).toEqual({ returned: 3, byRule: { [rule.id]: 3 } });

    const row = await customerRow(t, over.id);
    expect(row).toMatchObject({ ownerId: null, departmentId: null, previousOwnerId: ids.rep1, poolReason: '自动回收：超过 30 天未跟进', nextContactAt: null });
    expect(row.poolReleasedAt).not.toBeNull();
    expect(await t.database.db.select().from(customerShares).where(eq(customerShares.customerId, over.id))).toEqual([]);
    const [released] = await systemEvents(t, over.id);
    expect(released).toEqual({
      event: 'released',
      params: { auto: true, rule: { id: rule.id, name: '30天未跟进' }, reason: '自动回收：超过 30 天未跟进', fromUserId: ids.rep1, fromUserName: '李一', clearedShares: 1 },
    });
    expect((await auditRows(t, over.id)).at(-1)).toMatchObject({ action: 'state', actorId: null, actorName: '系统' });
    expect((await customerRow(t, other.id)).previousOwnerId).toBe(ids.rep2);
    expect((await customerRow(t, never.id)).ownerId).toBeNull();
    expect((await customerRow(t, under.id)).ownerId).toBe(ids.rep1);

    // They are in the pool with the reason; the rest are untouched; a second run finds nothing.
    const pool = (await rep2.get('/api/v1/pool?pageSize=50')).json();
    expect(names(pool.items)).toEqual(['从未跟进', '别人的', '过期一小时'].sort());
    expect(pool.items.find((i: { id: number }) => i.id === over.id).poolReason).toBe('自动回收：超过 30 天未跟进');
    expect((await t.database.db.select().from(customers).where(and(eq(customers.ownerId, ids.rep1)))).filter((c) => !c.deletedAt)).toHaveLength(7);
    expect((await applyPoolReturnRules(t.database.db)).returned).toBe(0);

    const after = (await rep1.get('/api/v1/customers/return-warnings')).json();
    expect(names(after.items)).toEqual(['差一小时', '新建未跟进'].sort());
    expect((await rep2.get('/api/v1/customers/return-warnings')).json().items).toEqual([]);
  });

  it('a customer just claimed, assigned or transferred starts afresh: not warned about, not returned the next night', async () => {
    await admin.post('/api/v1/pool-return-rules', { name: '60天未跟进', noFollowupDays: 60, noDealDays: 90, warnDaysBefore: 5 });
    const old = { level: 'A', createdAgoMs: 400 * DAY, followupAgoMs: 300 * DAY };
    const claimed = await aged('领取的老客户', { ...old, ownerId: null, releasedAgoMs: 200 * DAY });
    const assigned = await aged('分配的老客户', { ...old, ownerId: null, releasedAgoMs: 200 * DAY });
    const transferred = await aged('转来的老客户', { ...old, ownerId: ids.rep2 });
    expect((await rep1.post(`/api/v1/customers/${claimed.id}/claim`)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/customers/${assigned.id}/assign`, { toUserId: ids.rep1 })).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/customers/${transferred.id}/transfer`, { toUserId: ids.rep1 })).statusCode).toBe(200);

    expect((await rep1.get('/api/v1/customers/return-warnings')).json().items).toEqual([]);
    expect((await applyPoolReturnRules(t.database.db, new Date(Date.now() + DAY))).returned).toBe(0);
    // Left alone for the rule's 60 days, they go like any other.
    expect((await applyPoolReturnRules(t.database.db, new Date(Date.now() + 61 * DAY))).returned).toBe(3);
    for (const c of [claimed, assigned, transferred]) expect((await customerRow(t, c.id)).ownerId).toBeNull();
  });

  it('"no deal" counts customers whose status is not 成交客户; disabled rules do nothing', async () => {
    await admin.post('/api/v1/pool-return-rules', { name: '关闭的', noFollowupDays: 1, enabled: false });
    await admin.post('/api/v1/pool-return-rules', { name: '60天未成交', noDealDays: 60 });
    const intent = await aged('意向未成交', { status: 'intent', createdAgoMs: 61 * DAY, followupAgoMs: HOUR });
    await aged('已成交', { status: 'deal', createdAgoMs: 200 * DAY, followupAgoMs: 100 * DAY });
    await aged('未满60天', { status: 'intent', createdAgoMs: 59 * DAY });
    expect((await applyPoolReturnRules(t.database.db)).returned).toBe(1);
    expect((await customerRow(t, intent.id)).poolReason).toBe('自动回收：超过 60 天未成交');
  });

  it('offers the registered exemptions and refuses any other, changing nothing', async () => {
    expect((await rep1.get('/api/v1/pool-return-rules/exemptions')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/pool-return-rules/exemptions')).json().items).toEqual([
      { key: 'hot', labelKey: 'customer.automation.exemption.hot' },
      { key: 'deal', labelKey: 'customer.automation.exemption.deal' },
    ]);
    const unknown = await admin.post('/api/v1/pool-return-rules', { name: '商机除外', noFollowupDays: 30, exemptions: ['hot', 'openOpportunity'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'RETURN_EXEMPTION_UNKNOWN', details: [{ field: 'exemptions' }] });
    expect((await admin.get('/api/v1/pool-return-rules')).json().items).toEqual([]);

    // Kept in the offered order and without repeats, so saving the same set again is no change.
    const rule = (await admin.post('/api/v1/pool-return-rules', { name: '两者除外', noFollowupDays: 30, exemptions: ['deal', 'hot', 'deal'] })).json();
    expect(rule.exemptions).toEqual(['hot', 'deal']);
    const auditCount = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where entity_type = 'pool_return_rule'`))[0].n;
    const before = await auditCount();
    expect((await admin.patch(`/api/v1/pool-return-rules/${rule.id}`, { exemptions: ['deal', 'hot'] })).json().exemptions).toEqual(['hot', 'deal']);
    expect(await auditCount()).toBe(before);
    expect((await admin.patch(`/api/v1/pool-return-rules/${rule.id}`, { exemptions: ['x'] })).statusCode).toBe(400);
    expect((await admin.patch(`/api/v1/pool-return-rules/${rule.id}`, { exemptions: [] })).json().exemptions).toEqual([]);
  });

  it('spares what the rule names: hot customers, customers with a deal, and what a later area registers', async () => {
    await admin.post('/api/v1/pool-return-rules', { name: '成交除外', noFollowupDays: 30, exemptions: ['deal'], warnDaysBefore: 3 });
    const old = { createdAgoMs: 100 * DAY, followupAgoMs: 40 * DAY };
    await aged('成交客户', { ...old, status: 'deal' });
    const hot = await aged('热点但未成交', { ...old, hot: true });
    const noStatus = await aged('无状态', old);
    const spared = await aged('有进行中的商机', { ...old, status: 'intent' });
    // An area such as opportunities registers its condition; the rule names it once it exists.
    const unregister = registerReturnExemption({ key: 'openOpportunity', labelKey: 'opportunity.returnExemption', spares: sql`c.name like '%商机%'` });
    try {
      const ruleId = (await admin.get('/api/v1/pool-return-rules')).json().items[0].id;
      expect((await admin.patch(`/api/v1/pool-return-rules/${ruleId}`, { exemptions: ['deal', 'openOpportunity'] })).statusCode).toBe(200);
      // Neither the warning nor the run touches the spared ones.
      expect(names((await rep1.get('/api/v1/customers/return-warnings')).json().items)).toEqual(['无状态', '热点但未成交'].sort());
      expect((await applyPoolReturnRules(t.database.db)).returned).toBe(2);
      // In the pool it is nobody's 热点 any more; the audit row says so.
      expect(await customerRow(t, hot.id)).toMatchObject({ ownerId: null, isHot: false, hotAt: null });
      expect((await auditRows(t, hot.id)).at(-1)!.changes).toContainEqual({ field: 'isHot', from: true, to: false });
      expect((await customerRow(t, noStatus.id)).ownerId).toBeNull();
      expect((await customerRow(t, spared.id)).ownerId).toBe(ids.rep1);
    } finally {
      unregister();
    }
    // Once the area is gone its key spares nothing, and it can no longer be chosen.
    expect((await admin.get('/api/v1/pool-return-rules/exemptions')).json().items.map((e: { key: string }) => e.key)).toEqual(['hot', 'deal']);
    expect((await applyPoolReturnRules(t.database.db)).returned).toBe(1);
    expect((await customerRow(t, spared.id)).ownerId).toBeNull();
  });

  it('a later area that replaces "deal" changes both the exemption and the "no deal" clock', async () => {
    await admin.post('/api/v1/pool-return-rules', { name: '60天未成交', noDealDays: 60 });
    const won = await aged('赢单客户', { status: 'intent', createdAgoMs: 61 * DAY, followupAgoMs: HOUR });
    const statusOnly = await aged('只改了状态', { status: 'deal', createdAgoMs: 61 * DAY, followupAgoMs: HOUR });
    const restore = registerReturnExemption({ key: 'deal', labelKey: 'opportunity.hasWon', spares: sql`c.name like '赢单%'` });
    try {
      expect((await applyPoolReturnRules(t.database.db)).returned).toBe(1);
    } finally {
      restore();
    }
    expect((await customerRow(t, won.id)).ownerId).toBe(ids.rep1);
    expect((await customerRow(t, statusOnly.id)).poolReason).toBe('自动回收：超过 60 天未成交');
    expect((await admin.get('/api/v1/pool-return-rules/exemptions')).json().items[1]).toEqual({ key: 'deal', labelKey: 'customer.automation.exemption.deal' });
  });

  it('the daily job runs once per company day however many callers race for it', async () => {
    await admin.post('/api/v1/pool-return-rules', { name: '10天', noFollowupDays: 10 });
    const c = await aged('并发回收', { createdAgoMs: 20 * DAY });
    const job = customerJobs.find((j) => j.name === 'customers.pool-return')!;
    const now = new Date();
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => runJobOnce(t.database.db, job, now)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['done', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect((await systemEvents(t, c.id)).filter((e) => e.event === 'released')).toHaveLength(1);
    const [run] = await t.database.db.select().from(jobRuns).where(eq(jobRuns.job, 'customers.pool-return'));
    expect(run.period).toBe(formatCompanyDate(now, await companyTimeZone(t.database.db)));
    expect(run.result).toEqual({ returned: 1, byRule: expect.any(Object) });
  });
});

describe('revisit plans (回访计划)', () => {
  it('admin-only rules, one per level', async () => {
    expect((await rep1.post('/api/v1/revisit-rules', { level: 'A', intervalDays: 7 })).statusCode).toBe(403);
    const a = await admin.post('/api/v1/revisit-rules', { level: 'A', intervalDays: 7 });
    expect(a.statusCode, a.body).toBe(200);
    const dup = await admin.post('/api/v1/revisit-rules', { level: 'A', intervalDays: 3 });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error).toMatchObject({ code: 'REVISIT_RULE_LEVEL_TAKEN', details: [{ field: 'level', message: '级别“A（重点）”已有回访计划' }] });
    const dupEn = await admin.request('POST', '/api/v1/revisit-rules', { level: 'A', intervalDays: 3 }, { 'accept-language': 'en' });
    expect(dupEn.json().error.details[0].message).toBe('Level A (key) already has a revisit plan');
    expect((await admin.post('/api/v1/revisit-rules', { level: 'B', intervalDays: 0 })).statusCode).toBe(400);
    expect((await admin.patch(`/api/v1/revisit-rules/${a.json().id}`, { intervalDays: 10 })).json()).toMatchObject({ level: 'A', intervalDays: 10 });
    expect((await admin.delete(`/api/v1/revisit-rules/${a.json().id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/v1/revisit-rules')).json().items).toEqual([]);
  });

  it('creates to-dos once, lists today and overdue, and completing one logs an activity and schedules the next', async () => {
    await admin.post('/api/v1/revisit-rules', { level: 'A', intervalDays: 7 });
    await admin.post('/api/v1/revisit-rules', { level: 'B', intervalDays: 14 });
    await admin.post('/api/v1/revisit-rules', { level: 'C', intervalDays: 30, enabled: false });
    const dueToday = await aged('A今天回访', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 7 * DAY });
    await aged('A未到期', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 3 * DAY });
    const late = await aged('B逾期', { level: 'B', createdAgoMs: 100 * DAY, followupAgoMs: 20 * DAY });
    await aged('B未到期', { level: 'B', createdAgoMs: 100 * DAY, followupAgoMs: 10 * DAY });
    await aged('C停用', { level: 'C', createdAgoMs: 100 * DAY, followupAgoMs: 90 * DAY });
    await aged('池中', { ownerId: null, level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 90 * DAY });
    const others = await aged('别人的A', { ownerId: ids.rep2, level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 9 * DAY });

    expect(await createRevisitTasks(t.database.db)).toEqual({ created: 3, skipped: 0 });
    expect(await createRevisitTasks(t.database.db)).toEqual({ created: 0, skipped: 0 });
    expect(await t.database.db.select().from(revisitTasks)).toHaveLength(3);

    const tz = await companyTimeZone(t.database.db);
    const today = formatCompanyDate(new Date(), tz);
    const todayList = (await rep1.get('/api/v1/revisits?scope=today')).json();
    expect(todayList).toMatchObject({ date: today, todayTotal: 1, overdueTotal: 1 });
    expect(todayList.items).toMatchObject([{ customerId: dueToday.id, customerName: 'A今天回访', dueDate: today, overdue: false, intervalDays: 7 }]);
    const overdue = (await rep1.get('/api/v1/revisits?scope=overdue')).json();
    expect(overdue.items).toMatchObject([{ customerId: late.id, dueDate: formatCompanyDate(new Date(Date.now() - 6 * DAY), tz), overdue: true }]);
    expect(names((await rep1.get('/api/v1/revisits')).json().items)).toEqual(['A今天回访', 'B逾期'].sort());
    expect(names((await rep2.get('/api/v1/revisits')).json().items)).toEqual(['别人的A']);
    expect((await rep1.get('/api/v1/revisits?scope=later')).statusCode).toBe(400);

    const task = todayList.items[0];
    expect((await rep2.post(`/api/v1/revisits/${task.id}/done`, { kind: 'call_out', content: '回访' })).statusCode).toBe(404);
    expect((await rep1.post(`/api/v1/revisits/${task.id}/done`, { kind: 'call_out', content: ' ' })).statusCode).toBe(400);
    const done = await rep1.post(`/api/v1/revisits/${task.id}/done`, { kind: 'call_out', content: '电话回访，客户满意' });
    expect(done.statusCode, done.body).toBe(200);
    const next = formatCompanyDate(new Date(Date.now() + 7 * DAY), tz);
    expect(done.json()).toMatchObject({ id: task.id, status: 'done', next: { dueDate: next } });
    const [activity] = await t.database.db.select().from(activities).where(eq(activities.id, done.json().activityId));
    expect(activity).toMatchObject({ customerId: dueToday.id, kind: 'call_out', content: '电话回访，客户满意', userId: ids.rep1 });
    expect((await customerRow(t, dueToday.id)).lastFollowupAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await rep1.post(`/api/v1/revisits/${task.id}/done`, { kind: 'call_out', content: '再来' })).json().error.code).toBe('REVISIT_NOT_OPEN');

    // The next run leaves the scheduled one alone; today's list no longer has it.
    expect(await createRevisitTasks(t.database.db)).toEqual({ created: 0, skipped: 0 });
    const [scheduled] = await t.database.db.select().from(revisitTasks).where(and(eq(revisitTasks.customerId, dueToday.id), eq(revisitTasks.status, 'open')));
    expect(scheduled.dueDate).toBe(next);
    expect((await rep1.get('/api/v1/revisits?scope=today')).json().items).toEqual([]);

    // A to-do whose customer changed hands is skipped and the new owner's opened on the next run.
    await t.database.db.update(customers).set({ ownerId: ids.rep1 }).where(eq(customers.id, others.id));
    expect(await createRevisitTasks(t.database.db)).toEqual({ created: 1, skipped: 1 });
    expect(names((await rep1.get('/api/v1/revisits')).json().items)).toEqual(['B逾期', '别人的A'].sort());
    expect((await rep2.get('/api/v1/revisits')).json().items).toEqual([]);
  });

  it('a plan takes effect when it is saved: due customers get their to-dos at once; a longer interval, disabling or deleting settles them', async () => {
    await aged('A到期', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 10 * DAY });
    await aged('A未到期', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 2 * DAY });
    await aged('B到期', { level: 'B', createdAgoMs: 100 * DAY, followupAgoMs: 60 * DAY });
    const due = async () => names((await rep1.get('/api/v1/revisits')).json().items);

    const rule = (await admin.post('/api/v1/revisit-rules', { level: 'A', intervalDays: 7 })).json();
    expect(await due()).toEqual(['A到期']);
    // Only the saved plan's level is touched: B has no plan, so nothing for it.
    expect(await t.database.db.select().from(revisitTasks)).toHaveLength(1);

    // A long-neglected customer is due under any interval; its due date is the plan's.
    const neglected = await aged('A久未跟进', { level: 'A', createdAgoMs: 900 * DAY, followupAgoMs: 500 * DAY });
    const dueDateOf = async () => (await t.database.db.select().from(revisitTasks).where(and(eq(revisitTasks.customerId, neglected.id), eq(revisitTasks.status, 'open'))))[0]?.dueDate;
    const tz = await companyTimeZone(t.database.db);
    await admin.patch(`/api/v1/revisit-rules/${rule.id}`, { intervalDays: 400 });
    expect(await dueDateOf()).toBe(formatCompanyDate(new Date(Date.now() - 100 * DAY), tz));
    await admin.patch(`/api/v1/revisit-rules/${rule.id}`, { intervalDays: 7 });
    expect(await dueDateOf()).toBe(formatCompanyDate(new Date(Date.now() - 493 * DAY), tz));
    await t.database.db.update(customers).set({ deletedAt: new Date() }).where(eq(customers.id, neglected.id));

    await admin.patch(`/api/v1/revisit-rules/${rule.id}`, { intervalDays: 30 });
    expect(await due()).toEqual([]);
    await admin.patch(`/api/v1/revisit-rules/${rule.id}`, { intervalDays: 7 });
    expect(await due()).toEqual(['A到期']);
    await admin.patch(`/api/v1/revisit-rules/${rule.id}`, { enabled: false });
    expect(await due()).toEqual([]);
    await admin.patch(`/api/v1/revisit-rules/${rule.id}`, { enabled: true, level: 'B' });
    expect(await due()).toEqual(['B到期']);
    await admin.delete(`/api/v1/revisit-rules/${rule.id}`);
    expect(await due()).toEqual([]);
    const tasks = await t.database.db.select().from(revisitTasks);
    expect(tasks.filter((task) => task.status === 'open')).toEqual([]);
    // The daily run that follows finds nothing left to do.
    expect(await createRevisitTasks(t.database.db)).toEqual({ created: 0, skipped: 0 });
  });

  it('a to-do follows its customer at once: to the new owner on a transfer, away when its level leaves the plan', async () => {
    const moved = await aged('A转移', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 10 * DAY });
    const relevelled = await aged('A改级', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 10 * DAY });
    await aged('D无计划', { level: 'D', createdAgoMs: 100 * DAY, followupAgoMs: 10 * DAY });
    await admin.post('/api/v1/revisit-rules', { level: 'A', intervalDays: 7 });
    const due = async (rep: TestClient) => names((await rep.get('/api/v1/revisits')).json().items);
    expect(await due(rep1)).toEqual(['A改级', 'A转移'].sort());

    const transferred = await admin.post(`/api/v1/customers/${moved.id}/transfer`, { toUserId: ids.rep2 });
    expect(transferred.statusCode, transferred.body).toBe(200);
    expect(await due(rep1)).toEqual(['A改级']);
    expect(await due(rep2)).toEqual(['A转移']);

    expect((await rep1.patch(`/api/v1/customers/${relevelled.id}`, { level: 'D' })).statusCode).toBe(200);
    expect(await due(rep1)).toEqual([]);
    // Back in the plan's level, and still due: its to-do is back too.
    expect((await rep1.patch(`/api/v1/customers/${relevelled.id}`, { level: 'A' })).statusCode).toBe(200);
    expect(await due(rep1)).toEqual(['A改级']);
    // Each change settled its own customer only, and the daily run finds nothing left to do.
    const open = (await t.database.db.select().from(revisitTasks)).filter((task) => task.status === 'open');
    expect(open.map((task) => [task.customerId, task.ownerId]).sort()).toEqual(
      [
        [moved.id, ids.rep2],
        [relevelled.id, ids.rep1],
      ].sort(),
    );
    expect(await createRevisitTasks(t.database.db)).toEqual({ created: 0, skipped: 0 });
  });

  it('a backdated follow-up that answers a due revisit leaves the next one alone on the daily run', async () => {
    const cust = await aged('A补记', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 10 * DAY });
    await admin.post('/api/v1/revisit-rules', { level: 'A', intervalDays: 7 });
    const call = await rep1.post(`/api/v1/customers/${cust.id}/activities`, { kind: 'call_out', content: '补记上周的电话', occurredAt: new Date(Date.now() - 12 * DAY).toISOString() });
    expect(call.statusCode, call.body).toBe(200);
    expect((await rep1.get('/api/v1/revisits')).json().items).toEqual([]);
    expect(await createRevisitTasks(t.database.db)).toEqual({ created: 0, skipped: 0 });
    expect((await rep1.get('/api/v1/revisits')).json().items).toEqual([]);
  });

  it('a follow-up logged while a revisit is due answers it at once; one not yet due is left to the daily run', async () => {
    const overdue = await aged('A逾期', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 9 * DAY });
    const other = await aged('A另一个', { level: 'A', createdAgoMs: 100 * DAY, followupAgoMs: 8 * DAY });
    await admin.post('/api/v1/revisit-rules', { level: 'A', intervalDays: 7 });
    expect(names((await rep1.get('/api/v1/revisits')).json().items)).toEqual(['A另一个', 'A逾期'].sort());
    const openTask = async (customerId: number) =>
      (await t.database.db.select().from(revisitTasks).where(eq(revisitTasks.customerId, customerId))).filter((task) => task.status === 'open');
    const [dueTask] = await openTask(overdue.id);

    const call = await rep1.post(`/api/v1/customers/${overdue.id}/activities`, { kind: 'call_out', content: '电话沟通了续约' });
    expect(call.statusCode, call.body).toBe(200);
    expect(names((await rep1.get('/api/v1/revisits')).json().items)).toEqual(['A另一个']);
    const [answered] = await t.database.db.select().from(revisitTasks).where(eq(revisitTasks.id, dueTask.id));
    expect(answered).toMatchObject({ status: 'done', doneActivityId: call.json().id });
    // The next one is open at once, due a plan's interval from today.
    const tz = await companyTimeZone(t.database.db);
    const [next] = await openTask(overdue.id);
    expect(next.dueDate).toBe(formatCompanyDate(new Date(Date.now() + 7 * DAY), tz));
    expect((await customerRow(t, other.id)).lastFollowupAt!.getTime()).toBeLessThan(Date.now() - 7 * DAY);

    // That one is not due yet: another follow-up today leaves it, and the daily run keeps it.
    expect((await rep1.post(`/api/v1/customers/${overdue.id}/activities`, { kind: 'visit', content: '上门拜访' })).statusCode).toBe(200);
    expect(await openTask(overdue.id)).toEqual([next]);
    expect(await createRevisitTasks(t.database.db)).toEqual({ created: 0, skipped: 0 });
  });

});
