import { count, eq, sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../platform/org/schema';
import { createTestApp, type TestApp } from '../testing/harness';
import { DEMO_PASSWORD, demoUsers } from './company';
import { createRevisitTasks } from '../modules/customers/automation/revisits';
import { seedDemo } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo company', () => {
  it('fills an empty database, lets each role log in with its own menu rights, and refuses a second run', async () => {
    await seedDemo(t.database);
    const [{ n }] = await t.database.db.select({ n: count() }).from(users);
    expect(n).toBe(demoUsers.length + 1);

    const rep = await t.login('wangfang', DEMO_PASSWORD);
    const repMe = (await rep.get('/api/v1/auth/me')).json();
    expect(repMe.user.roles[0].name).toBe('销售人员');
    expect(repMe.user.permissions).not.toContain('settings.company.manage');
    const manager = await t.login('liqiang', DEMO_PASSWORD);
    // A sales manager (本部门及下属部门) sees 销售一部 only: himself and his two reps.
    const seen = (await manager.get('/api/v1/users?pageSize=100')).json();
    expect(seen.items.map((u: { username: string }) => u.username).sort()).toEqual(['liqiang', 'wangfang', 'zhaolei']);
    const [wangfang] = await t.database.db.select().from(users).where(eq(users.username, 'wangfang'));
    const [liqiang] = await t.database.db.select().from(users).where(eq(users.username, 'liqiang'));
    expect(wangfang.supervisorId).toBe(liqiang.id);

    // A customer's history reads true: its newest entry is its 最后跟进时间, and none predates it being created.
    const [history] = await rows<{ customers: number; mismatched: number }>(
      t.database.db,
      sql`select count(*)::int as customers,
                 count(*) filter (where c.last_followup_at is distinct from h.newest or h.oldest < c.created_at)::int as mismatched
          from customers c join lateral (select max(occurred_at) as newest, min(occurred_at) as oldest from activities a where a.customer_id = c.id) h on true`,
    );
    expect(history.customers).toBeGreaterThan(100);
    expect(history.mismatched).toBe(0);

    // A newcomer logging in as a rep sees a living product: hot customers, some to contact today,
    // some overdue, a pool to claim from, contacts and revisits due.
    const total = async (path: string) => {
      const res = await rep.get(path);
      expect(res.statusCode, path).toBe(200);
      return res.json().total as number;
    };
    expect(await total('/api/v1/customers?scene=mine')).toBeGreaterThan(20);
    expect(await total('/api/v1/customers?scene=hot')).toBeGreaterThan(0);
    expect(await total('/api/v1/customers?scene=today')).toBeGreaterThan(0);
    expect(await total('/api/v1/customers?scene=overdue')).toBeGreaterThan(0);
    expect(await total('/api/v1/pool')).toBeGreaterThan(0);
    expect(await total('/api/v1/contacts')).toBeGreaterThan(0);
    // Every column of the list has something to show and to filter on: each 客户状态 occurs, and
    // every customer names who created it; they sort by pinyin.
    const filled = await rows<{ status: string; n: number }>(t.database.db, sql`select coalesce(status, '-') as status, count(*)::int as n from customers group by 1`);
    expect(filled.map((r) => r.status).sort()).toEqual(['deal', 'intent', 'lost', 'potential']);
    const [missing] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from customers where created_by is null or updated_by is null or name_sort is null`);
    expect(missing.n).toBe(0);
    // Each customer's 操作记录 starts with its creation, by the rep who made it.
    const mine = (await rep.get('/api/v1/customers?scene=mine&pageSize=1')).json().items[0];
    const trail = (await rep.get(`/api/v1/audit/records/customer/${mine.id}`)).json().items;
    expect(trail.at(-1)).toMatchObject({
      action: 'create',
      entityType: 'customer',
      actorName: mine.createdByName,
      summaryKey: 'customer.auditSummary.created',
      summaryParams: { name: mine.name, owner: mine.createdByName },
    });
    // A pool customer is nobody's 热点.
    const [hotInPool] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from customers where owner_id is null and is_hot`);
    expect(hotInPool.n).toBe(0);
    // The demo's revisit plans open their to-dos on the first daily run (a server start runs it).
    await createRevisitTasks(t.database.db);
    const revisits = (await rep.get('/api/v1/revisits')).json();
    expect(revisits.todayTotal + revisits.overdueTotal).toBeGreaterThan(0);

    await expect(seedDemo(t.database)).rejects.toMatchObject({ code: 'DEMO_REFUSED' });
    const [{ n: after }] = await t.database.db.select({ n: count() }).from(users);
    expect(after).toBe(n);
  });
});
