import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DataScope } from '../../../common/permissions';
import { sqlArray } from '../../db/arrays';
import { roles, userRoles } from '../org/schema';

/** The acting user's columns a fact may read. */
export interface FactUser {
  id: AnyPgColumn;
  departmentId: AnyPgColumn;
}

const facts = new Map<string, (user: FactUser) => SQL>();
const onlyFor = new Map<string, readonly DataScope[]>();
/** The declared keys in order, joined: names the session statement's shape (read on every request). */
let factsKey = '';

/**
 * Declare a fact about the acting user that data scopes read on most requests (their subordinates,
 * their department's subtree, the records shared with them). The session's own statement
 * (actor-loader.ts) computes every declared fact, so a list page needs no round trip of its own to
 * learn them: each lands in the request's `actor.scopeCache` under `key`, where the code that would
 * otherwise query it looks first. The expression must yield JSON-able data (an id array, say).
 */
export function defineActorFact(key: string, expression: (user: FactUser) => SQL, opts: { onlyForScopes?: readonly DataScope[] } = {}): void {
  facts.set(key, expression);
  if (opts.onlyForScopes) onlyFor.set(key, opts.onlyForScopes);
  factsKey = [...facts.keys()].sort().join(',');
}

/** A key that changes when a fact is declared: the statement of actorFactsColumn is built once per key. */
export const actorFactsKey = () => factsKey;

/** The declared facts as one JSON object column. */
export function actorFactsColumn(user: FactUser): SQL<Record<string, unknown>> {
  const entries = [...facts.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return sql`'{}'::json`;
  const pairs = entries.map(([key, expression]) => sql`${key}::text, ${whenNeeded(key, user, expression(user))}`);
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/**
 * A fact only some data scopes use (the subordinates for 本人及下属, say) is computed only for a
 * user with a role of such a scope; for others it is null and, if ever asked for, queried then.
 */
function whenNeeded(key: string, user: FactUser, expression: SQL): SQL {
  const scopes = onlyFor.get(key);
  if (!scopes) return expression;
  return sql`case when exists (select 1 from ${userRoles} ur join ${roles} r on r.id = ur.role_id
    where ur.user_id = ${user.id} and r.data_scope = any(${sqlArray(scopes, 'text')})) then ${expression} end`;
}
