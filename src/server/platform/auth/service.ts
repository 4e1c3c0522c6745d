import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/service';
import { AppError, badRequest, fieldError } from '../http/errors';
import { departments, users } from '../org/schema';
import { buildActor, rolesOfUser, type RoleRow, type UserRow } from './actor-loader';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { createSession, deleteSession, endUserSessions } from './sessions';
import { accountKey, addressKey, clearFailures, lockedMinutes, recordFailure, THROTTLE } from './throttle';
import type { Lang } from '../http/lang';

export interface LoginInput {
  username: string;
  password: string;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  lang: Lang;
}

/**
 * Check credentials under the per-account and per-address throttle; on success open a session.
 * Every attempt, failed or not, lands in the audit trail.
 */
export async function login(db: Db, input: LoginInput, meta: RequestMeta, idleMinutes: number) {
  const keys = [accountKey(input.username), addressKey(meta.ip)];
  const minutes = await lockedMinutes(db, keys);
  if (minutes > 0) throw new AppError(429, 'AUTH_THROTTLED', { minutes });

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()))
    .limit(1);
  const ok = user ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);
  const anonymous = { ip: meta.ip, lang: meta.lang, sessionId: null };

  if (!ok || !user) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, keys[0], THROTTLE.accountFailures);
      await recordFailure(tx, keys[1], THROTTLE.addressFailures);
      await recordAudit(
        tx,
        user ? buildActor(user, [], anonymous) : null,
        { action: 'login_failed', entityType: 'session', entityId: user?.id ?? null, summary: input.username.slice(0, 64) },
        { name: user?.name ?? input.username.slice(0, 64) },
      );
    });
    throw new AppError(401, 'AUTH_INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await recordAudit(db, buildActor(user, [], anonymous), {
      action: 'login_failed',
      entityType: 'session',
      entityId: user.id,
      summary: 'disabled',
    });
    throw new AppError(403, 'AUTH_USER_DISABLED');
  }

  return db.transaction(async (tx) => {
    await clearFailures(tx, keys[0]);
    const session = await createSession(tx, user.id, idleMinutes, meta);
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    const userRoleRows = await rolesOfUser(tx, user.id);
    const actor = buildActor(user, userRoleRows, { ...anonymous, sessionId: session.id });
    await recordAudit(tx, actor, { action: 'login', entityType: 'session', entityId: user.id });
    return { session, actor, user, roles: userRoleRows };
  });
}

export async function logout(db: Db, actor: Actor) {
  await db.transaction(async (tx) => {
    if (actor.sessionId) await deleteSession(tx, actor.sessionId);
    await recordAudit(tx, actor, { action: 'logout', entityType: 'session', entityId: actor.userId });
  });
}

export async function changeOwnPassword(db: Db, actor: Actor, input: { oldPassword: string; newPassword: string }) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user || !(await verifyPassword(input.oldPassword, user.passwordHash))) {
    throw fieldError('oldPassword', 'AUTH_WRONG_PASSWORD');
  }
  if (input.oldPassword === input.newPassword) throw badRequest('PASSWORD_SAME');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, actor.userId));
    // Other devices logged in with the old password are signed out; this one stays.
    await endUserSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, actor, { action: 'password', entityType: 'user', entityId: actor.userId, summary: 'self' });
  });
}

export async function meView(db: Db, user: UserRow, userRoleRows: RoleRow[]) {
  const [dept] = await db
    .select({
      name: departments.name,
      // Whether anyone reports to this user: the web app offers the 下属负责的 scene only then.
      hasSubordinates: sql<boolean>`exists (select 1 from ${users} where ${users.supervisorId} = ${user.id})`,
    })
    .from(departments)
    .where(eq(departments.id, user.departmentId));
  const permissions = new Set<string>();
  for (const r of userRoleRows) for (const p of r.permissions) permissions.add(p);
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    mobile: user.mobile,
    email: user.email,
    departmentId: user.departmentId,
    departmentName: dept?.name ?? '',
    roles: userRoleRows.map((r) => ({ id: r.id, name: r.name })),
    permissions: [...permissions].sort(),
    mustChangePassword: user.mustChangePassword,
    hasSubordinates: dept?.hasSubordinates ?? false,
  };
}
