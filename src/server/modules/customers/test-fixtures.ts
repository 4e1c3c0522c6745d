import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema';
import { makeDepartment, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { nameSortKey } from './name-sort';
import { activities, customers, poolClaims } from './schema';

/**
 * Test data for the customer modules, written straight into the tables so each test file states
 * only what it is about (the customer API itself has its own tests).
 */
export async function makeCustomer(
  t: TestApp,
  opts: { name: string; ownerId: number | null; departmentId?: number | null; level?: string; industry?: string; nextContactAt?: Date | null; poolReleasedAt?: Date | null },
) {
  const [row] = await t.database.db
    .insert(customers)
    .values({
      kind: 'company',
      name: opts.name,
      ownerId: opts.ownerId,
      departmentId: opts.departmentId ?? null,
      level: opts.level ?? null,
      industry: opts.industry ?? null,
      nextContactAt: opts.nextContactAt ?? null,
      poolReleasedAt: opts.poolReleasedAt ?? (opts.ownerId === null ? new Date() : null),
      searchText: opts.name,
      nameSort: nameSortKey(opts.name, 'company'),
      createdBy: opts.ownerId,
    })
    .returning();
  return row;
}

export async function customerRow(t: TestApp, id: number) {
  const [row] = await t.database.db.select().from(customers).where(eq(customers.id, id));
  return row;
}

/** The customer's system events, oldest first. */
export async function systemEvents(t: TestApp, id: number) {
  const found = await t.database.db
    .select({ event: activities.event, params: activities.params })
    .from(activities)
    .where(and(eq(activities.customerId, id), eq(activities.kind, 'system')))
    .orderBy(activities.id);
  return found;
}

export async function claimRows(t: TestApp, customerId: number) {
  return t.database.db.select().from(poolClaims).where(eq(poolClaims.customerId, customerId));
}

export async function auditRows(t: TestApp, customerId: number) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, String(customerId))))
    .orderBy(auditLog.id);
}

/**
 * The sales team several customer tests share: 销售部 with manager 王经理 (mgr) over reps 李一
 * (rep1) and 张二 (rep2); 华南区 with rep 赵三 (rep3) and tech 孙工 (tech). Everyone is logged in.
 */
export async function salesTeam(t: TestApp) {
  const root = await rootDepartmentId(t);
  const dept = (await makeDepartment(t, '销售部', root)).id;
  const other = (await makeDepartment(t, '华南区', root)).id;
  const mgr = (await makeUser(t, { username: 'mgr', name: '王经理', departmentId: dept, roles: ['sales_manager'] })).id;
  const ids = {
    mgr,
    rep1: (await makeUser(t, { username: 'rep1', name: '李一', departmentId: dept, roles: ['sales_rep'], supervisorId: mgr })).id,
    rep2: (await makeUser(t, { username: 'rep2', name: '张二', departmentId: dept, roles: ['sales_rep'], supervisorId: mgr })).id,
    rep3: (await makeUser(t, { username: 'rep3', name: '赵三', departmentId: other, roles: ['sales_rep'] })).id,
    tech: (await makeUser(t, { username: 'tech', name: '孙工', departmentId: other, roles: ['tech'] })).id,
  };
  const c = {} as Record<keyof typeof ids, TestClient>;
  for (const k of Object.keys(ids) as (keyof typeof ids)[]) c[k] = await t.login(k);
  return { dept, other, ids, c };
}
