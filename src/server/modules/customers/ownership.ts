import { and, count, eq, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import { executeNamed, preparedOnce } from '../../db/prepared';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { auditInsert } from '../../platform/audit/service';
import type { AuditSummaryParams, FieldChange } from '../../platform/audit/schema';
import { writeTogether } from '../../db/write-together';
import { badRequest, conflict, fieldError, notFound } from '../../platform/http/errors';
import { users } from '../../platform/org/schema';
import type { CustomerRow } from './access';
import { recheckRevisits } from './automation/revisits';
import { type CustomerEvent, customerEventInsert } from './events';
import { customers, customerSettings, customerShares } from './schema';
import { getCustomerSettings, knowCustomerSettings } from './settings';

/**
 * Who owns a customer, and the one way that changes hands (claim, assign, transfer, release).
 *
 * Lock order, everywhere: the receiving user's row in `users` first, then the customer row. Every
 * path that gives a user a customer locks that user's row while it counts, so the owned limit and
 * the daily claim limit hold under concurrent requests, and the fixed order cannot deadlock. The
 * whole order, with the dictionary items and duplicate keys that follow, is in write-locks.ts.
 */

export interface OwnerCandidate {
  id: number;
  name: string;
  departmentId: number;
  status: 'active' | 'disabled';
}

/**
 * Lock the user's row (FOR UPDATE) and return it; null when there is no such user. The customer
 * rules come along in the same statement: every caller consults them next (limits, duplicates).
 */
export async function lockUser(tx: Db, userId: number): Promise<OwnerCandidate | null> {
  const statement = preparedOnce(tx, 'customer_lock_user', () =>
    tx
      .select({ id: users.id, name: users.name, departmentId: users.departmentId, status: users.status, settings: customerSettings })
      .from(users)
      .leftJoin(customerSettings, eq(customerSettings.id, 1))
      .where(eq(users.id, sql.placeholder('userId')))
      .for('update', { of: users }),
  );
  const [row] = await statement.execute({ userId });
  if (!row) return null;
  const { settings, ...user } = row;
  if (settings) knowCustomerSettings(tx, settings);
  return user;
}

/** A user who may receive customers: exists and is active, else a field error on `field`. */
export function assertReceivable(user: OwnerCandidate | null, field: string): OwnerCandidate {
  if (!user) throw fieldError(field, 'UNKNOWN_REFERENCE', { field });
  if (user.status !== 'active') throw fieldError(field, 'USER_DISABLED', { userName: user.name });
  return user;
}

/**
 * Refuse when the user already owns the configured maximum (0 = unlimited). Call with the user's
 * row locked (lockUser) so two concurrent grants cannot both pass the count. Also for the core's
 * customer create.
 */
export async function assertOwnedLimit(tx: Db, user: { id: number; name: string }, adding = 1) {
  const room = await ownedRoom(tx, user);
  if (room && adding > room.room) throw badRequest('OWNED_LIMIT', { name: user.name, limit: room.limit });
}

/**
 * The owned limit and how many more customers the user may receive; null when there is no limit.
 * Call with the user's row locked (lockUser) for an answer that holds until the transaction ends.
 */
export async function ownedRoom(tx: Db, user: { id: number }): Promise<{ limit: number; owned: number; room: number } | null> {
  const { maxOwnedPerUser } = await getCustomerSettings(tx);
  if (maxOwnedPerUser <= 0) return null;
  const [{ n }] = await tx
    .select({ n: count() })
    .from(customers)
    .where(and(eq(customers.ownerId, user.id), isNull(customers.deletedAt)));
  return { limit: maxOwnedPerUser, owned: n, room: Math.max(0, maxOwnedPerUser - n) };
}

export async function userName(tx: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

/** 409 POOL_ALREADY_CLAIMED naming whoever owns the customer now (404 if it was deleted meanwhile). */
export async function alreadyClaimed(tx: Db, customerId: number) {
  const [row] = await tx
    .select({ name: users.name })
    .from(customers)
    .innerJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)));
  return row ? conflict('POOL_ALREADY_CLAIMED', { ownerName: row.name }) : notFound();
}

export interface OwnerChange {
  before: CustomerRow;
  to: OwnerCandidate | null;
  event: CustomerEvent;
  params: Record<string, unknown>;
  /** Audit summary suffix, e.g. "转移：张三 → 李四", and the same as an i18n key with its values (the customer's name is added). */
  summary: string;
  summaryKey: string;
  summaryParams?: AuditSummaryParams;
  /** Extra columns to set with the owner (pool release fields). */
  extra?: Partial<typeof customers.$inferInsert>;
  /** Fields `extra` changed that the audit row should name (besides owner and department). */
  changes?: FieldChange[];
  /** Writes that go with a successful change (a claim's record), run with its audit row and event. */
  alsoWrite?: SQLWrapper[];
}

/**
 * Move the customer to `to` (null: the pool) only if its owner is still `before.ownerId`: a
 * conditional UPDATE, so of two concurrent changes from the same state exactly one applies.
 * Returns false when the owner changed underneath (nothing written). On success writes the
 * audit row, the timeline event and `alsoWrite` in the caller's transaction, in one statement.
 */
export async function changeOwner(tx: Db, actor: Actor, change: OwnerChange): Promise<boolean> {
  const { before, to } = change;
  const now = new Date();
  const { rows: updated } = await executeNamed(
    tx,
    'customer_owner_change',
    tx
      .update(customers)
      .set({
        ownerId: to?.id ?? null,
        departmentId: to?.departmentId ?? null,
        ownedSince: to ? now : null,
        previousOwnerId: before.ownerId ?? before.previousOwnerId,
        updatedAt: now,
        updatedBy: actor.userId > 0 ? actor.userId : null,
        ...change.extra,
      })
      .where(
        and(
          eq(customers.id, before.id),
          isNull(customers.deletedAt),
          before.ownerId === null ? isNull(customers.ownerId) : eq(customers.ownerId, before.ownerId),
        ),
      )
      .returning({ id: customers.id }),
  );
  if (updated.length === 0) return false;
  await writeTogether(tx, [
    // An owner needs no team membership of their own customer.
    to && tx.delete(customerShares).where(and(eq(customerShares.customerId, before.id), eq(customerShares.userId, to.id))),
    auditInsert(tx, actor, {
      action: 'state',
      entityType: 'customer',
      entityId: before.id,
      summary: `${before.name}: ${change.summary}`,
      summaryKey: change.summaryKey,
      summaryParams: { name: before.name, ...change.summaryParams },
      changes: [
        { field: 'ownerId', from: before.ownerId, to: to?.id ?? null },
        ...(before.departmentId !== (to?.departmentId ?? null) ? [{ field: 'departmentId', from: before.departmentId, to: to?.departmentId ?? null }] : []),
        ...(change.changes ?? []),
      ],
    }),
    customerEventInsert(tx, actor, before.id, change.event, change.params),
    ...(change.alsoWrite ?? []),
  ]);
  // The revisit to-do goes with the customer: the new owner's when due, not after the next daily run.
  if (to) await recheckRevisits(tx, before.id, now);
  return true;
}

