import { asc, count, eq, sql } from 'drizzle-orm';
import { allPermissions, type DataScope } from '../../../common/permissions';
import { type Db, rows } from '../../db/client';
import type { Actor } from '../access/actor';
import { diffFields, recordAudit } from '../audit/service';
import { badRequest, conflict, fieldError, notFound } from '../http/errors';
import { ADMIN_ROLE_CODE, roleTemplates } from './role-templates';
import { roles, userRoles } from './schema';

export interface RoleInput {
  name: string;
  description: string | null;
  dataScope: DataScope;
  permissions: string[];
}

type RoleRow = typeof roles.$inferSelect;

export function toRoleDto(r: RoleRow, userCount: number) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    dataScope: r.dataScope,
    permissions: r.permissions,
    userCount,
    isSystem: r.isSystem,
  };
}

export async function listRoles(db: Db) {
  const found = await rows<RoleRow & { userCount: number }>(
    db,
    sql`select r.id, r.code, r.name, r.description, r.data_scope as "dataScope", r.permissions, r.is_system as "isSystem",
               (select count(*)::int from user_roles ur where ur.role_id = r.id) as "userCount"
          from roles r order by r.id`,
  );
  return { items: found.map((r) => toRoleDto(r, r.userCount)) };
}

async function getRole(db: Db, id: number) {
  const [row] = await db.select().from(roles).where(eq(roles.id, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

async function assertNameFree(db: Db, name: string, exceptId?: number) {
  const [row] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, name));
  if (row && row.id !== exceptId) throw fieldError('name', 'ROLE_NAME_TAKEN', { name });
}

const normalisePermissions = (list: string[]) => [...new Set(list)].sort();

export async function createRole(db: Db, actor: Actor, input: RoleInput) {
  return db.transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const [row] = await tx
      .insert(roles)
      .values({ ...input, permissions: normalisePermissions(input.permissions) })
      .returning();
    await recordAudit(tx, actor, { action: 'create', entityType: 'role', entityId: row.id, summary: row.name });
    return toRoleDto(row, 0);
  });
}

export async function updateRole(db: Db, actor: Actor, id: number, input: Partial<RoleInput>) {
  return db.transaction(async (tx) => {
    const before = await getRole(tx, id);
    // The administrator role always holds every permission with full scope, so nobody locks themselves out.
    if (before.code === ADMIN_ROLE_CODE && (input.permissions !== undefined || input.dataScope !== undefined)) {
      throw badRequest('ROLE_SYSTEM_LOCKED');
    }
    if (input.name !== undefined) await assertNameFree(tx, input.name, id);
    const patch = { ...input, ...(input.permissions ? { permissions: normalisePermissions(input.permissions) } : {}) };
    const [row] = await tx.update(roles).set({ ...patch, updatedAt: new Date() }).where(eq(roles.id, id)).returning();
    const changes = diffFields(before, patch, ['name', 'description', 'dataScope', 'permissions']);
    if (changes.length) await recordAudit(tx, actor, { action: 'update', entityType: 'role', entityId: id, summary: row.name, changes });
    const [{ n }] = await tx.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, id));
    return toRoleDto(row, n);
  });
}

export async function deleteRole(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const before = await getRole(tx, id);
    if (before.isSystem) throw badRequest('ROLE_SYSTEM');
    const [{ n }] = await tx.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, id));
    if (n > 0) throw conflict('ROLE_IN_USE', { users: n });
    await tx.delete(roles).where(eq(roles.id, id));
    await recordAudit(tx, actor, { action: 'delete', entityType: 'role', entityId: id, summary: before.name });
  });
}

/** Insert the templates an installation lacks; the admin role is kept holding every permission. */
export async function ensureRoleTemplates(db: Db) {
  const existing = await db.select().from(roles).orderBy(asc(roles.id));
  for (const t of roleTemplates) {
    const found = existing.find((r) => r.code === t.code);
    if (!found) {
      const nameTaken = existing.some((r) => r.name === t.name);
      await db.insert(roles).values({
        code: t.code,
        name: nameTaken ? `${t.name}（模板）` : t.name,
        description: t.description,
        dataScope: t.dataScope,
        permissions: [...t.permissions],
        isSystem: t.isSystem ?? false,
      });
    } else if (t.code === ADMIN_ROLE_CODE && normalisePermissions(found.permissions).join() !== normalisePermissions([...allPermissions]).join()) {
      await db.update(roles).set({ permissions: [...allPermissions], dataScope: 'all' }).where(eq(roles.id, found.id));
    }
  }
}

export async function roleIdByCode(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, code));
  if (!row) throw new Error(`role template ${code} missing`);
  return row.id;
}
