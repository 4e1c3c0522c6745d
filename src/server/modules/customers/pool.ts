import { and, count, desc, eq, getTableColumns, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { searchCondition } from './search-text';
import { preparedOnce } from '../../db/prepared';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { badRequest, conflict, fieldError, forbidden, notFound } from '../../platform/http/errors';
import { customerAccess, customerScope, loadCustomer, notOwnerSide, type CustomerRow } from './access';
import { alreadyClaimed, assertOwnedLimit, assertReceivable, changeOwner, lockUser, userName } from './ownership';
import { readCustomerPage } from './customer-dto';
import { customers, customerShares, poolClaims } from './schema';
import { companyDayStartSql, companyTimeZone, formatCompanyDate, getCustomerSettings } from './settings';

/**
 * 客户池 / 公海: customers with no owner. Owners release them with a reason; users with
 * customer.pool claim them (daily limit, previous owner blocked for N days, owned limit);
 * managers with customer.assign hand them (or their people's customers) to someone in their scope.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** 放入公海: only owner-side actors; the team and the next-contact date are cleared, the previous owner remembered. */
export async function releaseCustomer(db: Db, actor: Actor, id: number, input: { reason: string }) {
  if (!actor.permissions.has('customer.pool')) throw forbidden();
  const reason = (input.reason ?? '').trim();
  if (!reason) throw fieldError('reason', 'RELEASE_REASON_REQUIRED');
  await db.transaction(async (tx) => {
    const { row, access } = await loadCustomer(tx, actor, id, { lock: true });
    if (access === 'pool') throw conflict('CUSTOMER_IN_POOL');
    if (access !== 'scope') throw notOwnerSide(access);
    const fromUserName = await userName(tx, row.ownerId);
    const cleared = await tx.delete(customerShares).where(eq(customerShares.customerId, id)).returning({ userId: customerShares.userId });
    const ok = await changeOwner(tx, actor, {
      before: row,
      to: null,
      event: 'released',
      params: { reason, fromUserId: row.ownerId, fromUserName, clearedShares: cleared.length },
      summary: `放入公海（${reason}）`,
      summaryKey: 'customer.auditSummary.released',
      summaryParams: { reason },
      // The follow-up plan and the 热点 mark were the old owner's; whoever takes it next starts afresh.
      extra: { poolReleasedAt: new Date(), poolReason: reason, nextContactAt: null, isHot: false, hotAt: null },
      changes: row.isHot ? [{ field: 'isHot', from: true, to: false }] : [],
    });
    // The row is locked, so its owner cannot have moved; kept as a guard.
    if (!ok) throw conflict('CONFLICT');
  });
}

/**
 * 领取: exactly one of many concurrent claimers gets the customer. The claimer's user row is
 * locked while the day's claims are counted (daily limit under concurrency); the customer moves
 * by a conditional UPDATE … WHERE owner_id IS NULL, so a loser changes nothing and hears who won.
 */
export async function claimCustomer(db: Db, actor: Actor, id: number): Promise<number> {
  if (!actor.permissions.has('customer.pool')) throw forbidden();
  await db.transaction(async (tx) => {
    const me = assertReceivable(await lockUser(tx, actor.userId), 'userId');
    // The customer with the caller's claims today, in one statement. It runs after the caller's row
    // is locked, so its snapshot holds every claim of the caller's that committed before.
    const [found] = await preparedOnce(tx, 'pool_claim_row', () =>
      tx
        .select({ ...getTableColumns(customers), claimsToday: claimsTodaySql(sql.placeholder('userId')) })
        .from(customers)
        .where(and(eq(customers.id, sql.placeholder('id')), isNull(customers.deletedAt)))
        .limit(1),
    ).execute({ id, userId: actor.userId });
    if (!found) throw notFound();
    const { claimsToday: claimedToday, ...row } = found;
    if (row.ownerId !== null) {
      // Say who has it when it was a pool customer or the caller may see it; otherwise it is simply not there.
      if (row.poolReleasedAt !== null || (await customerAccess(tx, actor, row))) throw await alreadyClaimed(tx, id);
      throw notFound();
    }
    const settings = await getCustomerSettings(tx);
    await assertMayReclaim(tx, actor, row, settings.reclaimBlockDays);
    if (settings.dailyClaimLimit > 0 && claimedToday >= settings.dailyClaimLimit) throw badRequest('POOL_DAILY_LIMIT', { limit: settings.dailyClaimLimit });
    await assertOwnedLimit(tx, me);
    const ok = await changeOwner(tx, actor, {
      before: row,
      to: me,
      event: 'claimed',
      params: { userId: me.id, userName: me.name },
      summary: `${me.name} 从公海领取`,
      summaryKey: 'customer.auditSummary.claimed',
      summaryParams: { user: me.name },
      // Counted against the daily claim limit.
      alsoWrite: [tx.insert(poolClaims).values({ customerId: id, userId: actor.userId })],
    });
    if (!ok) throw await alreadyClaimed(tx, id);
  });
  return id;
}

async function assertMayReclaim(tx: Db, actor: Actor, row: CustomerRow, blockDays: number) {
  if (blockDays <= 0 || row.previousOwnerId !== actor.userId || !row.poolReleasedAt) return;
  const until = new Date(row.poolReleasedAt.getTime() + blockDays * DAY_MS);
  if (Date.now() < until.getTime()) {
    throw badRequest('POOL_RECLAIM_BLOCKED', { days: blockDays, until: formatCompanyDate(until, await companyTimeZone(tx)) });
  }
}

/**
 * 分配 / 二次分配: a manager gives a pool customer, or one of their people's customers, to an
 * active user within their own customer scope. The owned limit applies; the claim rules do not.
 */
export async function assignCustomer(db: Db, actor: Actor, id: number, input: { toUserId: number }): Promise<number> {
  if (!actor.permissions.has('customer.assign')) throw forbidden();
  await db.transaction(async (tx) => {
    const target = assertReceivable(await lockUser(tx, input.toUserId), 'toUserId');
    const { row, access } = await loadCustomer(tx, actor, id, { lock: true });
    if (access !== 'pool' && access !== 'scope') throw notOwnerSide(access);
    if (!inScope(await customerScope(tx, actor), target.id, target.departmentId)) throw fieldError('toUserId', 'ASSIGN_OUT_OF_SCOPE');
    if (row.ownerId === target.id) throw fieldError('toUserId', 'SAME_OWNER', { userName: target.name });
    await assertOwnedLimit(tx, target);
    const fromUserName = await userName(tx, row.ownerId);
    const ok = await changeOwner(tx, actor, {
      before: row,
      to: target,
      event: 'assigned',
      params: { fromUserId: row.ownerId, fromUserName, toUserId: target.id, toUserName: target.name, fromPool: row.ownerId === null },
      summary: `分配给 ${target.name}`,
      summaryKey: 'customer.auditSummary.assigned',
      summaryParams: { user: target.name },
    });
    if (!ok) throw conflict('CONFLICT');
  });
  return id;
}

export interface PoolQuery {
  page: number;
  pageSize: number;
  q?: string;
  level?: string;
  industry?: string;
}

/**
 * The pool list: no owner, not deleted, newest release first (customers_pool_idx). Anyone with
 * customer.pool or customer.assign sees the whole pool.
 */
export async function listPool(db: Db, actor: Actor, query: PoolQuery) {
  if (!actor.permissions.has('customer.pool') && !actor.permissions.has('customer.assign')) throw forbidden();
  const conditions: (SQL | undefined)[] = [
    isNull(customers.ownerId),
    isNull(customers.deletedAt),
    query.q ? searchCondition({ text: customers.searchText, grams: customers.searchGrams }, query.q) : undefined,
    query.level ? eq(customers.level, query.level) : undefined,
    query.industry ? eq(customers.industry, query.industry) : undefined,
  ];
  const where = and(...conditions);
  const page = { where, orderBy: [desc(customers.poolReleasedAt), desc(customers.id)], limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  return { ...(await readCustomerPage(db, sql<'pool'>`'pool'`, page, !!query.q)), page: query.page, pageSize: query.pageSize };
}

/**
 * The caller's claims today (company time zone) against the daily limit (0 = unlimited), and how
 * long a releaser waits to claim back, so the page offers 领取 only where it would succeed.
 */
export async function poolStatus(db: Db, actor: Actor) {
  const [settings, claimed] = await Promise.all([getCustomerSettings(db), claimsToday(db, actor.userId)]);
  return { claimsToday: claimed, dailyClaimLimit: settings.dailyClaimLimit, reclaimBlockDays: settings.reclaimBlockDays };
}

/** The user's claims since midnight in the company's time zone, in one statement. */
async function claimsToday(db: Db, userId: number): Promise<number> {
  const statement = preparedOnce(db, 'pool_claims_today', () => db.select({ n: count() }).from(poolClaims).where(claimedTodayBy(sql.placeholder('userId'))));
  const [{ n }] = await statement.execute({ userId });
  return n;
}

/** Which claims count against the user's daily limit: theirs since midnight in the company's time zone. */
const claimedTodayBy = (userId: SQLWrapper) => sql`${poolClaims.userId} = ${userId} and ${poolClaims.claimedAt} >= ${companyDayStartSql()}`;

/** The same count as a value to select (the claim reads it with the customer). */
const claimsTodaySql = (userId: SQLWrapper) => sql<number>`(select count(*) from ${poolClaims} where ${claimedTodayBy(userId)})`.mapWith(Number);
