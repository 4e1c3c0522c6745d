import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema';
import type { TestApp } from '../../testing/harness';
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
