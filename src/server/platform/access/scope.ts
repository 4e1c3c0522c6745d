import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { widestScope, type DataScope } from '../../../common/permissions';
import { sqlArray } from '../../db/arrays';
import { type Db, rows } from '../../db/client';
import type { Actor } from './actor';
import { defineActorFact } from './actor-facts';

/**
 * What a data scope resolves to: every record, the records owned by these users, or the records
 * of these departments. Resolved to id lists first so list queries stay index-friendly
 * (`owner_id = ANY(...)` / `department_id = ANY(...)`), never a join per row.
 */
export type ResolvedScope =
  | { kind: 'all' }
  | { kind: 'users'; ids: number[] }
  | { kind: 'departments'; ids: number[] }
  | { kind: 'none' };

/** The widest scope among the actor's roles that grant anything in `module`. */
export function scopeLevel(actor: Actor, module: string): DataScope | null {
  return widestScope(actor.grants.filter((g) => g.modules.has(module)).map((g) => g.scope));
}

/** The single mechanism that turns (user, module) into the records the user may see. */
export async function resolveScope(db: Db, actor: Actor, module: string): Promise<ResolvedScope> {
  const cached = actor.scopeCache.get(module) as ResolvedScope | undefined;
  if (cached) return cached;
  const level = scopeLevel(actor, module);
  let scope: ResolvedScope;
  switch (level) {
    case 'all':
      scope = { kind: 'all' };
      break;
    case 'self':
      scope = { kind: 'users', ids: [actor.userId] };
      break;
    case 'self_and_subordinates':
      scope = { kind: 'users', ids: (actor.scopeCache.get(SUBORDINATES) as number[] | undefined) ?? (await subordinateIds(db, actor.userId)) };
      break;
    case 'department':
      scope = { kind: 'departments', ids: [actor.departmentId] };
      break;
    case 'department_tree':
      scope = {
        kind: 'departments',
        ids: (actor.scopeCache.get(DEPARTMENT_TREE) as number[] | undefined) ?? (await departmentSubtreeIds(db, actor.departmentId)),
      };
      break;
    default:
      scope = { kind: 'none' };
  }
  actor.scopeCache.set(module, scope);
  return scope;
}

/** A WHERE condition restricting rows to the scope, given the record's owner and department columns. */
export function scopeCondition(
  scope: ResolvedScope,
  columns: { owner: AnyPgColumn | SQL; department: AnyPgColumn | SQL },
): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'users':
      return idIn(columns.owner, scope.ids);
    case 'departments':
      return idIn(columns.department, scope.ids);
    case 'none':
      return sql`false`;
  }
}

/**
 * `column = id` for one id (a rep's own records), else `column = any(ids)`. PostgreSQL 15 reads an
 * (owner, updated_at) index in order only for a plain equality; with `= any('{15}')` it walked the
 * whole updated_at index filtering for one owner's rows instead.
 */
function idIn(column: AnyPgColumn | SQL, ids: number[]): SQL {
  return ids.length === 1 ? sql`${column} = ${Math.trunc(ids[0])}` : sql`${column} = any(${sqlIntArray(ids)})`;
}

/** Whether one record (by its owner and department) falls inside the scope: for details and writes. */
export function inScope(scope: ResolvedScope, ownerId: number | null, departmentId: number | null): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'users':
      return ownerId !== null && scope.ids.includes(ownerId);
    case 'departments':
      return departmentId !== null && scope.ids.includes(departmentId);
    case 'none':
      return false;
  }
}

export function sqlIntArray(ids: number[]): SQL {
  return sqlArray(ids.map((id) => Math.trunc(id)), 'int');
}

/** The user and everyone below them in the supervisor chain. */
export async function subordinateIds(db: Db, userId: number): Promise<number[]> {
  const result = await rows<{ id: number }>(db, sql`${subordinatesOf(sql`${userId}::int`)} select id from sub`);
  return result.map((r) => r.id);
}

/** The department and all departments below it. */
export async function departmentSubtreeIds(db: Db, departmentId: number): Promise<number[]> {
  const result = await rows<{ id: number }>(db, sql`${departmentTreeOf(sql`${departmentId}::int`)} select id from tree`);
  return result.map((r) => r.id);
}

const subordinatesOf = (userId: SQL | AnyPgColumn) =>
  sql`with recursive sub(id) as (select ${userId} union select u.id from users u join sub on u.supervisor_id = sub.id)`;
const departmentTreeOf = (departmentId: SQL | AnyPgColumn) =>
  sql`with recursive tree(id) as (select ${departmentId} union select d.id from departments d join tree on d.parent_id = tree.id)`;

// Both arrive with the session (actor-facts.ts) for the scopes that need them.
const SUBORDINATES = 'org:subordinates';
const DEPARTMENT_TREE = 'org:department_tree';
defineActorFact(SUBORDINATES, (user) => sql`(${subordinatesOf(user.id)} select json_agg(id) from sub)`, { onlyForScopes: ['self_and_subordinates'] });
defineActorFact(DEPARTMENT_TREE, (user) => sql`(${departmentTreeOf(user.departmentId)} select json_agg(id) from tree)`, { onlyForScopes: ['department_tree'] });
