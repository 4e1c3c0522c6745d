import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { moduleOf, type DataScope } from '../../../common/permissions';
import { ChangeCache } from '../../db/change-cache';
import type { ChangeFeed } from '../../db/changes';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import type { Actor } from '../access/actor';
import { actorFactsColumn, actorFactsKey } from '../access/actor-facts';
import type { Lang } from '../http/lang';
import { roles, userRoles, users } from '../org/schema';
import { sessions } from './schema';
import { deleteSession, sessionIdOf } from './sessions';

export type UserRow = typeof users.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;

export async function rolesOfUser(db: Db, userId: number): Promise<RoleRow[]> {
  const found = await db
    .select({ role: roles })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId))
    .orderBy(roles.id);
  return found.map((r) => r.role);
}

export function buildActor(
  user: Pick<UserRow, 'id' | 'username' | 'name' | 'departmentId'>,
  userRoleRows: Pick<RoleRow, 'permissions' | 'dataScope'>[],
  ctx: { ip: string | null; lang: Lang; sessionId: string | null },
): Actor {
  const permissions = new Set<string>();
  const grants = userRoleRows.map((role) => {
    for (const p of role.permissions) permissions.add(p);
    return { scope: role.dataScope as DataScope, modules: new Set(role.permissions.map(moduleOf)) };
  });
  return {
    userId: user.id,
    username: user.username,
    name: user.name,
    departmentId: user.departmentId,
    permissions,
    grants,
    ip: ctx.ip,
    lang: ctx.lang,
    sessionId: ctx.sessionId,
    scopeCache: new Map(),
  };
}

export async function loadActor(
  db: Db,
  userId: number,
  ctx: { ip: string | null; lang: Lang; sessionId: string | null },
): Promise<{ actor: Actor; user: UserRow; roles: RoleRow[] } | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.status !== 'active') return null;
  const userRoleRows = await rolesOfUser(db, userId);
  return { actor: buildActor(user, userRoleRows, ctx), user, roles: userRoleRows };
}

/** A user's roles as the actor needs them, for one statement with the user's row. */
const grantsOf = (userId: SQL | AnyPgColumn) =>
  sql<Pick<RoleRow, 'permissions' | 'dataScope'>[]>`coalesce((select json_agg(json_build_object('permissions', r.permissions, 'dataScope', r.data_scope) order by r.id)
    from ${userRoles} ur join ${roles} r on r.id = ur.role_id where ur.user_id = ${userId}), '[]'::json)`;

/** The statement every authenticated request runs first (unless its answer is cached): session, user, roles and the actor facts. */
function sessionActorStatement(db: Db) {
  return preparedOnce(db, `session_actor\u0000${actorFactsKey()}`, () =>
    db
      .select({
        session: { id: sessions.id, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt },
        user: { id: users.id, username: users.username, name: users.name, departmentId: users.departmentId, status: users.status },
        grants: grantsOf(users.id),
        facts: actorFactsColumn(users),
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sql.placeholder('id'))),
  );
}

/** What a request needs of its session: the row, its user and the user's roles and facts. */
export type SessionActorRow = Awaited<ReturnType<ReturnType<typeof sessionActorStatement>['execute']>>[number];

/** Sessions' rows by id, kept across requests until a table they are read from changes (migration 0012). */
export type SessionCache = ChangeCache<SessionActorRow>;

export const newSessionCache = (feed: ChangeFeed, seconds: number): SessionCache =>
  new ChangeCache(feed, 'actors', { ttlMs: seconds * 1000, maxEntries: 20_000 });

/**
 * The session of a cookie token and its user's actor: from the cache, or from one prepared
 * statement (session, user, roles and the scopes' facts were three to five round trips on every
 * request). Null for an unknown or expired session (which is deleted) or an inactive user.
 */
export async function loadSessionActor(db: Db, cache: SessionCache, token: string, ctx: { ip: string | null; lang: Lang }) {
  if (token.length > 100) return null;
  const id = sessionIdOf(token);
  let row = cache.get(id);
  // An expiry is decided on the stored row: another copy may have moved it on.
  if (!row || row.session.expiresAt.getTime() <= Date.now()) {
    const version = cache.version;
    [row] = await sessionActorStatement(db).execute({ id });
    if (!row) return null;
    if (row.session.expiresAt.getTime() <= Date.now()) {
      await deleteSession(db, id);
      return null;
    }
    if (row.user.status !== 'active') return null;
    // Later requests get the same facts and grants: none of them may change what the next one sees.
    for (const value of Object.values(row.facts)) Object.freeze(value);
    for (const grant of row.grants) Object.freeze(grant.permissions);
    cache.put(id, row, version);
  }
  const actor = buildActor(row.user, row.grants, { ...ctx, sessionId: row.session.id });
  for (const [key, value] of Object.entries(row.facts)) if (value !== null) actor.scopeCache.set(key, value);
  return { session: row.session, actor };
}
