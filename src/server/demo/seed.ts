import { count, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { sqlArray } from '../db/arrays';
import { LOCK_KEYS } from '../db/migrate';
import { systemActor } from '../platform/access/actor';
import { AppError } from '../platform/http/errors';
import { roleIdByCode } from '../platform/org/roles';
import { departments, users } from '../platform/org/schema';
import { createUser } from '../platform/org/users';
import { companySettings } from '../platform/settings/schema';
import { customers } from '../modules/customers/schema';
import { poolReturnRules, revisitRules } from '../modules/customers/automation/schema';
import { demoCompany, demoDepartments, DEMO_PASSWORD, demoUsers } from './company';
import { insertFakeCustomers } from './fake-customers';

/**
 * Business data means anything beyond what the first start creates (the root department and the
 * administrator). Later areas add their own tables to this check.
 */
export async function hasBusinessData(db: Db): Promise<boolean> {
  const [{ n: userCount }] = await db.select({ n: count() }).from(users);
  const [{ n: departmentCount }] = await db.select({ n: count() }).from(departments);
  const [{ n: customerCount }] = await db.select({ n: count() }).from(customers);
  return userCount > 1 || departmentCount > 1 || customerCount > 0;
}

/** Fill a freshly bootstrapped database with the demo company. Refuses one that holds business data. */
export async function seedDemo(database: Database) {
  return database.withExclusiveLock(LOCK_KEYS.demo, async (db) => {
    if (await hasBusinessData(db)) throw new AppError(409, 'DEMO_REFUSED');
    const actor = systemActor();
    return db.transaction(async (tx) => {
      await tx.update(companySettings).set({ ...demoCompany, isDemo: true, updatedAt: new Date() }).where(eq(companySettings.id, 1));
      const [root] = await tx.select().from(departments).where(isNull(departments.parentId)).limit(1);
      await tx.update(departments).set({ name: demoCompany.shortName }).where(eq(departments.id, root.id));
      const deptIds = new Map<string, number>();
      for (const [i, name] of demoDepartments.entries()) {
        const [d] = await tx.insert(departments).values({ name, parentId: root.id, sort: i }).returning();
        deptIds.set(name, d.id);
      }
      // The administrator sits in 行政部 so the tree has no users at the root.
      await tx.update(users).set({ departmentId: deptIds.get('行政部')! }).where(eq(users.username, 'admin'));
      const userIds = new Map<string, number>();
      for (const u of demoUsers) {
        const created = await createUser(tx, actor, {
          username: u.username,
          password: DEMO_PASSWORD,
          name: u.name,
          mobile: u.mobile,
          email: `${u.username}@demo.example.com`,
          departmentId: deptIds.get(u.department)!,
          supervisorId: u.supervisor ? userIds.get(u.supervisor)! : null,
          roleIds: [await roleIdByCode(tx, u.role)],
          status: 'active',
        });
        userIds.set(u.username, created.id);
      }
      const customerCount = await seedDemoCustomers(tx, demoUsers.filter((u) => u.role.startsWith('sales_')).map((u) => userIds.get(u.username)!));
      return { departments: demoDepartments.length, users: demoUsers.length, customers: customerCount };
    });
  });
}

/**
 * A few hundred customers over the demo sales staff: contacts, a history of follow-ups, and on
 * purpose some hot ones, some due today and some in the pool, so every role sees a living product.
 */
async function seedDemoCustomers(tx: Db, salesUserIds: number[]) {
  const owners = (await tx.select({ id: users.id, department_id: users.departmentId }).from(users)).filter((u) => salesUserIds.includes(u.id));
  const ids = await insertFakeCustomers(tx, { count: 300, seed: 20261127, owners, contactsPer: 2, activitiesPer: 4 });
  // Each customer's 操作记录 starts where a typed-in one's does: its creation, by the rep who made it.
  await tx.execute(sql`insert into audit_log (at, actor_id, actor_name, department_id, action, entity_type, entity_id, summary, summary_key, summary_params)
    select c.created_at, u.id, u.name, u.department_id, 'create', 'customer', c.id::text, c.name || '（负责人：' || u.name || '）',
           'customer.auditSummary.created', jsonb_build_object('name', c.name, 'owner', u.name)
      from customers c join users u on u.id = c.created_by
     where c.id = any(${sqlArray(ids, 'bigint')})`);
  for (const owner of owners) {
    // Each rep: three hot customers and four due for contact today (company time zone is Asia/Shanghai).
    await tx.execute(sql`update customers set is_hot = true, hot_at = now()
      where id in (select id from customers where owner_id = ${owner.id} order by id limit 3)`);
    await tx.execute(sql`update customers set next_contact_at = date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' + interval '15 hours'
      where id in (select id from customers where owner_id = ${owner.id} order by id desc limit 4)`);
  }
  // Sales automation: A-level customers every 7 days, B every 14 (the daily job turns them into
  // 今日回访 to-dos). The return rule ships disabled: old demo follow-ups would empty every list.
  await tx.insert(revisitRules).values([
    { level: 'A', intervalDays: 7 },
    { level: 'B', intervalDays: 14 },
  ]);
  await tx.insert(poolReturnRules).values({ name: '90 天未跟进自动回收（示例）', enabled: false, noFollowupDays: 90, warnDaysBefore: 7, exemptions: ['hot', 'deal'] });
  return ids.length;
}
