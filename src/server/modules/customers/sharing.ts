import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { auditInsert } from '../../platform/audit/service';
import { writeTogether } from '../../db/write-together';
import { conflict, fieldError, forbidden, notFound } from '../../platform/http/errors';
import { users } from '../../platform/org/schema';
import { loadCustomer, notOwnerSide } from './access';
import { customerEventInsert } from './events';
import { assertOwnedLimit, assertReceivable, changeOwner, lockUser, userName } from './ownership';
import { customerShares } from './schema';

/**
 * 转移 and 团队成员 (共享): handing a customer to another user, and the users who see a customer
 * they do not own, read-only or read-write. Only owner-side actors (the customer inside their own
 * customer scope) change either; a read-write team member may edit the customer but not its team.
 */

export type ShareAccess = 'read' | 'write';

/**
 * 转移: the customer (inside the actor's scope) goes to an active user; the department follows the
 * new owner and the old owner is kept as previous owner. Contacts have no owner of their own (they
 * follow the customer), so `withContacts` is recorded for now; later modules move open
 * opportunities with it.
 */
export async function transferCustomer(
  db: Db,
  actor: Actor,
  id: number,
  input: { toUserId: number; withContacts?: boolean },
): Promise<number> {
  if (!actor.permissions.has('customer.transfer')) throw forbidden();
  const withContacts = input.withContacts ?? false;
  await db.transaction(async (tx) => {
    const target = await lockUser(tx, input.toUserId);
    const { row, access } = await loadCustomer(tx, actor, id, { lock: true });
    if (access === 'pool') throw conflict('CUSTOMER_IN_POOL');
    if (access !== 'scope') throw notOwnerSide(access);
    const to = assertReceivable(target, 'toUserId');
    if (row.ownerId === to.id) throw fieldError('toUserId', 'SAME_OWNER', { userName: to.name });
    await assertOwnedLimit(tx, to);
    const fromUserName = await userName(tx, row.ownerId);
    const ok = await changeOwner(tx, actor, {
      before: row,
      to,
      event: 'transferred',
      params: { fromUserId: row.ownerId, fromUserName, toUserId: to.id, toUserName: to.name, withContacts },
      summary: `转移：${fromUserName ?? ''} → ${to.name}`,
      summaryKey: 'customer.auditSummary.transferred',
      summaryParams: { from: fromUserName ?? '', to: to.name },
    });
    if (!ok) throw conflict('CONFLICT');
  });
  return id;
}

export interface TeamMember {
  userId: number;
  name: string;
  access: ShareAccess;
}

/** The owner and the team members of a customer, for anyone who may see the customer. */
export async function getTeam(db: Db, actor: Actor, id: number) {
  const { row } = await loadCustomer(db, actor, id);
  return teamOf(db, row.id, row.ownerId);
}

async function teamOf(db: Db, customerId: number, ownerId: number | null) {
  const members = await db
    .select({ userId: customerShares.userId, name: users.name, access: customerShares.access })
    .from(customerShares)
    .innerJoin(users, eq(users.id, customerShares.userId))
    .where(eq(customerShares.customerId, customerId))
    .orderBy(asc(customerShares.createdAt), asc(customerShares.userId));
  const ownerName = await userName(db, ownerId);
  return {
    owner: ownerId !== null ? { userId: ownerId, name: ownerName ?? '' } : null,
    members: members as TeamMember[],
  };
}

/** Owner-side actors with customer.share only (a write team member edits the customer, not its team). */
async function loadForTeamChange(tx: Db, actor: Actor, id: number) {
  if (!actor.permissions.has('customer.share')) throw forbidden();
  const { row, access } = await loadCustomer(tx, actor, id, { lock: true });
  if (access === 'pool') throw conflict('CUSTOMER_IN_POOL');
  if (access !== 'scope') throw notOwnerSide(access);
  return row;
}

/** Add a team member or change their access (共享). Returns the team. */
export async function shareCustomer(db: Db, actor: Actor, id: number, input: { userId: number; access: ShareAccess }) {
  return db.transaction(async (tx) => {
    const row = await loadForTeamChange(tx, actor, id);
    const [found] = await tx.select({ id: users.id, name: users.name, status: users.status, departmentId: users.departmentId }).from(users).where(eq(users.id, input.userId));
    const user = assertReceivable(found ?? null, 'userId');
    if (row.ownerId === user.id) throw fieldError('userId', 'SHARE_WITH_OWNER', { userName: user.name });
    const [existing] = await tx
      .select({ access: customerShares.access })
      .from(customerShares)
      .where(and(eq(customerShares.customerId, id), eq(customerShares.userId, user.id)));
    if (existing?.access !== input.access) {
      await writeTogether(tx, [
        tx
          .insert(customerShares)
          .values({ customerId: id, userId: user.id, access: input.access, createdBy: actor.userId > 0 ? actor.userId : null })
          .onConflictDoUpdate({ target: [customerShares.customerId, customerShares.userId], set: { access: input.access } }),
        auditInsert(tx, actor, {
          action: 'state',
          entityType: 'customer',
          entityId: id,
          summary: `${row.name}: 共享给 ${user.name}（${input.access === 'write' ? '可编辑' : '只读'}）`,
          summaryKey: input.access === 'write' ? 'customer.auditSummary.sharedWrite' : 'customer.auditSummary.sharedRead',
          summaryParams: { name: row.name, user: user.name },
          changes: [{ field: `team.${user.id}`, from: existing?.access ?? null, to: input.access }],
        }),
        customerEventInsert(tx, actor, id, 'shared', { userId: user.id, userName: user.name, access: input.access, previousAccess: existing?.access ?? null }),
      ]);
    }
    return teamOf(tx, id, row.ownerId);
  });
}

/** Remove a team member (取消共享). 404 when the user is not on the team. */
export async function unshareCustomer(db: Db, actor: Actor, id: number, memberId: number) {
  await db.transaction(async (tx) => {
    const row = await loadForTeamChange(tx, actor, id);
    const [removed] = await tx
      .delete(customerShares)
      .where(and(eq(customerShares.customerId, id), eq(customerShares.userId, memberId)))
      .returning({ access: customerShares.access });
    if (!removed) throw notFound();
    const name = await userName(tx, memberId);
    await writeTogether(tx, [
      auditInsert(tx, actor, {
        action: 'state',
        entityType: 'customer',
        entityId: id,
        summary: `${row.name}: 取消共享 ${name ?? memberId}`,
        summaryKey: 'customer.auditSummary.unshared',
        summaryParams: { name: row.name, user: name ?? String(memberId) },
        changes: [{ field: `team.${memberId}`, from: removed.access, to: null }],
      }),
      customerEventInsert(tx, actor, id, 'unshared', { userId: memberId, userName: name, access: removed.access }),
    ]);
  });
}
