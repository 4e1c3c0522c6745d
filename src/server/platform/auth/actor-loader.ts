import { eq } from 'drizzle-orm';
import { moduleOf, type DataScope } from '../../../common/permissions';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import type { Lang } from '../http/lang';
import { roles, userRoles, users } from '../org/schema';

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
  user: UserRow,
  userRoleRows: RoleRow[],
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
