import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, rows } from '../../db/client';
import type { Actor } from '../access/actor';
import { departmentSubtreeIds, inScope, type ResolvedScope, resolveScope, scopeCondition, sqlIntArray } from '../access/scope';
import { dataScopes } from '../../../common/permissions';
import { diffFields, escapeLike, recordAudit } from '../audit/service';
import { hashPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import { AppError, badRequest, fieldError, notFound } from '../http/errors';
import { runUserDepartmentChange } from './department-change';
import { departments, roles, userRoles, users } from './schema';
import { ADMIN_ROLE_CODE } from './role-templates';

export type UserStatus = 'active' | 'disabled';

export interface UserCreateInput {
  username: string;
  password: string;
  name: string;
  mobile: string | null;
  email: string | null;
  departmentId: number;
  supervisorId: number | null;
  roleIds: number[];
  status: UserStatus;
  mustChangePassword?: boolean;
}

export type UserUpdateInput = Partial<Omit<UserCreateInput, 'username' | 'password'>>;

export const userSortFields = {
  username: users.username,
  name: users.name,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
} as const;

export interface UserListQuery {
  page: number;
  pageSize: number;
  sort?: keyof typeof userSortFields;
  order: 'asc' | 'desc';
  q?: string;
  departmentId?: number;
  status?: UserStatus;
  roleId?: number;
}

const supervisors = alias(users, 'supervisors');

const userColumns = {
  user: users,
  departmentName: departments.name,
  supervisorName: supervisors.name,
};

type UserJoinRow = { user: typeof users.$inferSelect; departmentName: string | null; supervisorName: string | null };

async function toUserDtos(db: Db, found: UserJoinRow[]) {
  const ids = found.map((r) => r.user.id);
  const roleRows = ids.length
    ? await db
        .select({ userId: userRoles.userId, id: roles.id, name: roles.name })
        .from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(inArray(userRoles.userId, ids))
        .orderBy(roles.id)
    : [];
  return found.map(({ user, departmentName, supervisorName }) => ({
    id: user.id,
    username: user.username,
    name: user.name,
    mobile: user.mobile,
    email: user.email,
    departmentId: user.departmentId,
    departmentName: departmentName ?? '',
    supervisorId: user.supervisorId,
    supervisorName,
    roles: roleRows.filter((r) => r.userId === user.id).map((r) => ({ id: r.id, name: r.name })),
    status: user.status,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  }));
}

/** Users within the actor's `org` data scope: a user record is "owned" by itself and its department. */
export async function listUsers(db: Db, actor: Actor, query: UserListQuery) {
  const scope = await resolveScope(db, actor, 'org');
  const conditions: (SQL | undefined)[] = [scopeCondition(scope, { owner: users.id, department: users.departmentId })];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.username, like), ilike(users.name, like), ilike(users.mobile, like)));
  }
  if (query.departmentId) conditions.push(inArray(users.departmentId, await departmentSubtreeIds(db, query.departmentId)));
  if (query.status) conditions.push(eq(users.status, query.status));
  if (query.roleId) {
    conditions.push(sql`exists (select 1 from user_roles ur where ur.user_id = ${users.id} and ur.role_id = ${query.roleId})`);
  }
  const where = and(...conditions);
  const sortColumn = userSortFields[query.sort ?? 'createdAt'];
  const direction = query.order === 'asc' ? asc : desc;
  const [found, [{ total }]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .leftJoin(supervisors, eq(supervisors.id, users.supervisorId))
      .where(where)
      .orderBy(sql`${direction(sortColumn)} nulls last`, direction(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items: await toUserDtos(db, found), page: query.page, pageSize: query.pageSize, total, totalExact: true };
}

/** One user, or 404 when it does not exist or lies outside the actor's scope. */
export async function getUser(db: Db, actor: Actor, id: number) {
  const row = await loadUserInScope(db, actor, id);
  const [found] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(supervisors, eq(supervisors.id, users.supervisorId))
    .where(eq(users.id, row.id));
  return (await toUserDtos(db, [found]))[0];
}

async function loadUserInScope(db: Db, actor: Actor, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw notFound();
  const scope = await resolveScope(db, actor, 'org');
  if (!inScope(scope, row.id, row.departmentId)) throw notFound();
  return row;
}

export async function canSeeUser(db: Db, actor: Actor, id: string) {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1 || n > 2147483647) return false;
  if (!actor.permissions.has('org.user.view')) return false;
  const [row] = await db.select({ id: users.id, departmentId: users.departmentId }).from(users).where(eq(users.id, n));
  return !!row && inScope(await resolveScope(db, actor, 'org'), row.id, row.departmentId);
}

async function assertReferences(db: Db, input: UserUpdateInput) {
  if (input.departmentId !== undefined) {
    const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!d) throw fieldError('departmentId', 'UNKNOWN_REFERENCE', { field: 'departmentId' });
  }
  if (input.supervisorId) {
    const [s] = await db.select({ status: users.status }).from(users).where(eq(users.id, input.supervisorId));
    if (!s) throw fieldError('supervisorId', 'UNKNOWN_REFERENCE', { field: 'supervisorId' });
    if (s.status !== 'active') throw fieldError('supervisorId', 'SUPERVISOR_DISABLED');
  }
  if (input.roleIds && input.roleIds.length) {
    const found = await db.select({ id: roles.id }).from(roles).where(inArray(roles.id, input.roleIds));
    if (found.length !== new Set(input.roleIds).size) throw fieldError('roleIds', 'UNKNOWN_REFERENCE', { field: 'roleIds' });
  }
}

/**
 * No privilege escalation through user management: a manager places users only in departments
 * inside their own `org` scope, and grants only roles whose permissions and data scope are
 * within their own. Roles the user already holds may stay.
 */
async function assertWithinActorReach(db: Db, actor: Actor, input: UserUpdateInput, currentRoleIds: number[] = []) {
  if (input.departmentId !== undefined) {
    const scope = await resolveScope(db, actor, 'org');
    let allowed = scope.kind === 'all';
    if (scope.kind === 'departments') allowed = scope.ids.includes(input.departmentId);
    if (scope.kind === 'users') {
      const found = await rows<{ ok: boolean }>(
        db,
        sql`select exists (select 1 from users where id = any(${sqlIntArray(scope.ids)}) and department_id = ${input.departmentId}) as ok`,
      );
      allowed = found[0]?.ok === true;
    }
    if (!allowed && actor.userId > 0) throw fieldError('departmentId', 'DEPARTMENT_OUT_OF_SCOPE');
  }
  const added = (input.roleIds ?? []).filter((id) => !currentRoleIds.includes(id));
  if (!added.length || actor.userId === 0) return;
  const actorRank = Math.max(-1, ...actor.grants.map((g) => dataScopes.indexOf(g.scope)));
  const candidates = await db.select().from(roles).where(inArray(roles.id, added));
  for (const role of candidates) {
    const withinPermissions = role.permissions.every((p) => actor.permissions.has(p));
    const withinScope = dataScopes.indexOf(role.dataScope) <= actorRank;
    if (!withinPermissions || !withinScope) throw fieldError('roleIds', 'ROLE_NOT_ASSIGNABLE');
  }
}

/** Refuse a supervisor that is the user or anyone below the user: the chain must not loop. */
async function assertNoSupervisorLoop(db: Db, userId: number, supervisorId: number | null) {
  if (supervisorId === null) return;
  if (supervisorId === userId) throw fieldError('supervisorId', 'SUPERVISOR_LOOP');
  const chain = await rows<{ id: number }>(
    db,
    sql`with recursive up(id, depth) as (
          select ${supervisorId}::int, 0
          union all
          select u.supervisor_id, up.depth + 1 from users u join up on u.id = up.id
           where u.supervisor_id is not null and up.depth < 1000
        ) select id from up`,
  );
  if (chain.some((r) => r.id === userId)) throw fieldError('supervisorId', 'SUPERVISOR_LOOP');
}

async function setRoles(db: Db, userId: number, roleIds: number[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  const unique = [...new Set(roleIds)];
  if (unique.length) await db.insert(userRoles).values(unique.map((roleId) => ({ userId, roleId })));
}

async function roleNames(db: Db, userId: number): Promise<string[]> {
  const found = await db
    .select({ name: roles.name })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId))
    .orderBy(roles.id);
  return found.map((r) => r.name);
}

/** The installation must keep one active administrator, or nobody could manage it. */
async function assertAdminRemains(db: Db) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(roles.code, ADMIN_ROLE_CODE), eq(users.status, 'active')));
  if (n < 1) throw badRequest('LAST_ADMIN');
}

export async function createUser(db: Db, actor: Actor, input: UserCreateInput) {
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
    if (taken) throw fieldError('username', 'USERNAME_TAKEN', { username: input.username });
    await assertReferences(tx, input);
    await assertWithinActorReach(tx, actor, input);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        passwordHash,
        name: input.name,
        mobile: input.mobile,
        email: input.email,
        departmentId: input.departmentId,
        supervisorId: input.supervisorId,
        status: input.status,
        mustChangePassword: input.mustChangePassword ?? false,
      })
      .returning({ id: users.id });
    await setRoles(tx, row.id, input.roleIds);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      summary: `${input.name} (${input.username})`,
    });
    return row.id;
  }).catch((err: unknown) => {
    // Two managers creating the same username at once: the loser hears the same as a plain duplicate.
    if (isUniqueViolation(err)) throw fieldError('username', 'USERNAME_TAKEN', { username: input.username });
    throw err;
  });
  return getUserUnscoped(db, id);
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function updateUser(db: Db, actor: Actor, id: number, input: UserUpdateInput) {
  await db.transaction(async (tx) => {
    const before = await loadUserInScope(tx, actor, id);
    await assertReferences(tx, input);
    const currentRoleIds = (await tx.select({ id: userRoles.roleId }).from(userRoles).where(eq(userRoles.userId, id))).map((r) => r.id);
    if (input.roleIds !== undefined && id === actor.userId && !actor.permissions.has('role.manage')) {
      const same = [...new Set(input.roleIds)].sort().join() === [...currentRoleIds].sort().join();
      if (!same) throw fieldError('roleIds', 'SELF_ROLES');
    }
    await assertWithinActorReach(tx, actor, input, currentRoleIds);
    if (input.supervisorId !== undefined) await assertNoSupervisorLoop(tx, id, input.supervisorId);
    if (input.status === 'disabled' && id === actor.userId) throw badRequest('SELF_DISABLE');
    const { roleIds, ...fields } = input;
    const changes = diffFields(before, fields, ['name', 'mobile', 'email', 'departmentId', 'supervisorId', 'status']);
    if (Object.keys(fields).length) {
      await tx.update(users).set({ ...fields, updatedAt: new Date() }).where(eq(users.id, id));
    }
    if (fields.departmentId !== undefined && fields.departmentId !== before.departmentId) {
      await runUserDepartmentChange(tx, { userId: id, fromDepartmentId: before.departmentId, toDepartmentId: fields.departmentId });
    }
    if (roleIds !== undefined) {
      const oldRoles = await roleNames(tx, id);
      await setRoles(tx, id, roleIds);
      const newRoles = await roleNames(tx, id);
      if (oldRoles.join() !== newRoles.join()) changes.push({ field: 'roles', from: oldRoles, to: newRoles });
    }
    if (input.status === 'disabled' || roleIds !== undefined) await assertAdminRemains(tx);
    if (input.status === 'disabled' && before.status !== 'disabled') await endUserSessions(tx, id);
    if (changes.length) {
      const statusOnly = changes.length === 1 && changes[0].field === 'status';
      await recordAudit(tx, actor, {
        action: statusOnly ? 'state' : 'update',
        entityType: 'user',
        entityId: id,
        summary: `${before.name} (${before.username})`,
        changes,
      });
    }
  });
  return getUserUnscoped(db, id);
}

export async function resetPassword(db: Db, actor: Actor, id: number, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const before = await loadUserInScope(tx, actor, id);
    await tx.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: new Date() }).where(eq(users.id, id));
    await endUserSessions(tx, id);
    await recordAudit(tx, actor, {
      action: 'password',
      entityType: 'user',
      entityId: id,
      summary: `reset: ${before.name} (${before.username})`,
    });
  });
}

export async function updateOwnProfile(db: Db, actor: Actor, input: { mobile?: string | null; email?: string | null }) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.userId));
    const changes = diffFields(before, input, ['mobile', 'email']);
    if (!changes.length) return;
    await tx.update(users).set({ ...input, updatedAt: new Date() }).where(eq(users.id, actor.userId));
    await recordAudit(tx, actor, { action: 'update', entityType: 'user', entityId: actor.userId, summary: before.name, changes });
  });
}

async function getUserUnscoped(db: Db, id: number) {
  const [found] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(supervisors, eq(supervisors.id, users.supervisorId))
    .where(eq(users.id, id));
  if (!found) throw new AppError(404, 'NOT_FOUND');
  return (await toUserDtos(db, [found]))[0];
}

/** Active users for pickers (assign to, supervisor, share with): names only, any logged-in user. */
/**
 * Active users by name or account, for pickers. `within`: only those inside that scope (the users
 * whose records the caller's data scope of a module covers, e.g. whom a manager may assign customers to).
 */
export async function userOptions(db: Db, q: string | undefined, within?: ResolvedScope, limit = 20) {
  const like = q ? `%${escapeLike(q)}%` : undefined;
  const found = await db
    .select({ id: users.id, name: users.name, username: users.username, departmentName: departments.name })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(
      and(
        eq(users.status, 'active'),
        like ? or(ilike(users.name, like), ilike(users.username, like)) : undefined,
        within ? scopeCondition(within, { owner: users.id, department: users.departmentId }) : undefined,
      ),
    )
    .orderBy(users.name, users.id)
    .limit(limit);
  return { items: found.map((u) => ({ ...u, departmentName: u.departmentName ?? '' })) };
}
