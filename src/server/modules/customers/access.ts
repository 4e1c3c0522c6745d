import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { dataScopes } from '../../../common/permissions';
import { sqlArray } from '../../db/arrays';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import type { Actor } from '../../platform/access/actor';
import { defineActorFact } from '../../platform/access/actor-facts';
import { inScope, resolveScope, scopeCondition, type ResolvedScope } from '../../platform/access/scope';
import { AppError, notFound } from '../../platform/http/errors';
import { customers, customerShares } from './schema';

export type CustomerRow = typeof customers.$inferSelect;

/** How the actor relates to one customer: owner-side (in scope), shared (read/write), pool, or none. */
export type CustomerAccess = 'scope' | 'write_share' | 'read_share' | 'pool' | null;

export const customerScope = (db: Db, actor: Actor) => resolveScope(db, actor, 'customer');

/**
 * Rows the actor may see in customer lists: owned within the `customer` data scope, or shared with
 * the actor (团队成员). Pool customers (no owner) are listed only by the pool's own list.
 * The shared ids are resolved first (a user has few), so the condition stays
 * `owner_id = any(…) or id = any(…)`: both sides use an index, where an `or exists (…)` would make
 * PostgreSQL walk the whole table at a million customers.
 */
export async function visibleCustomers(db: Db, scope: ResolvedScope, actor: Actor): Promise<SQL> {
  const owned = sql`${customers.deletedAt} is null and ${customers.ownerId} is not null and ${scopeCondition(scope, { owner: customers.ownerId, department: customers.departmentId })}`;
  // Shared customers always have an owner (a release to the pool clears its shares), so a scope
  // of everything already holds them.
  if (scope.kind === 'all') return sql`(${owned})`;
  const shared = await sharedCustomerIds(db, actor);
  if (!shared.length) return sql`(${owned})`;
  return sql`(${owned} or (${customers.deletedAt} is null and ${customers.id} = any(${sqlArray(shared, 'bigint')})))`;
}

const SHARED = 'customer:shared';
// Usually known before the list asks: the session's statement computes it (actor-facts.ts).
// A scope of everything needs no shares (visibleCustomers), so that user is spared the lookup.
defineActorFact(SHARED, (user) => sql`(select coalesce(json_agg(s.customer_id), '[]'::json) from ${customerShares} s where s.user_id = ${user.id})`, {
  onlyForScopes: dataScopes.filter((s) => s !== 'all'),
});

/** The customers shared with the actor, once per request. */
async function sharedCustomerIds(db: Db, actor: Actor): Promise<number[]> {
  const cached = actor.scopeCache.get(SHARED) as number[] | undefined;
  if (cached) return cached;
  const statement = preparedOnce(db, 'customer_shared_ids', () =>
    db.select({ id: customerShares.customerId }).from(customerShares).where(eq(customerShares.userId, sql.placeholder('userId'))),
  );
  const found = await statement.execute({ userId: actor.userId });
  const ids = found.map((r) => r.id);
  actor.scopeCache.set(SHARED, ids);
  return ids;
}

export async function customerAccess(db: Db, actor: Actor, row: CustomerRow): Promise<CustomerAccess> {
  if (row.deletedAt) return null;
  if (row.ownerId === null) return actor.permissions.has('customer.pool') || actor.permissions.has('customer.assign') ? 'pool' : null;
  if (inScope(await customerScope(db, actor), row.ownerId, row.departmentId)) return 'scope';
  const [share] = await db
    .select({ access: customerShares.access })
    .from(customerShares)
    .where(and(eq(customerShares.customerId, row.id), eq(customerShares.userId, actor.userId)));
  if (!share) return null;
  return share.access === 'write' ? 'write_share' : 'read_share';
}

/**
 * Load one customer the actor may see, or answer 404 as if it did not exist. With `forWrite` the
 * actor must be owner-side or a read-write team member (else 403); `lock` takes a row lock for state changes.
 */
export async function loadCustomer(
  db: Db,
  actor: Actor,
  id: number,
  opts: { forWrite?: boolean; lock?: boolean } = {},
): Promise<{ row: CustomerRow; access: Exclude<CustomerAccess, null> }> {
  const query = db.select().from(customers).where(and(eq(customers.id, id), isNull(customers.deletedAt))).limit(1);
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  const access = await customerAccess(db, actor, row);
  if (!access) throw notFound();
  // Seen but read-only (read share, pool): refused, not hidden.
  if (opts.forWrite && access !== 'scope' && access !== 'write_share') throw notOwnerSide(access);
  return { row, access };
}

/**
 * 403 for an actor who sees the customer but may not do this to it. The code stays FORBIDDEN; the
 * wording says why (only shared read-only, shared but not the owner's side, in the pool), which a
 * bulk action's per-customer report shows as it is.
 */
export function notOwnerSide(access: CustomerAccess): AppError {
  const why = { read_share: 'CUSTOMER_READ_ONLY', write_share: 'CUSTOMER_OWNER_SIDE_ONLY', pool: 'CUSTOMER_IN_POOL' } as const;
  return new AppError(403, 'FORBIDDEN', {}, undefined, access && access !== 'scope' ? why[access] : undefined);
}
