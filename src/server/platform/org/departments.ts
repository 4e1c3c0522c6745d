import { asc, count, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client';
import type { Actor } from '../access/actor';
import { departmentSubtreeIds } from '../access/scope';
import { diffFields, recordAudit } from '../audit/service';
import { badRequest, conflict, fieldError, notFound } from '../http/errors';
import { departments, users } from './schema';

export type DepartmentRow = typeof departments.$inferSelect;

export interface DepartmentInput {
  name: string;
  parentId: number | null;
  sort?: number;
}

/** The whole tree, flat, with each department's number of users. Structure is not data-scoped. */
export async function listDepartments(db: Db) {
  const found = await rows<DepartmentRow & { userCount: number }>(
    db,
    sql`select d.id, d.name, d.parent_id as "parentId", d.sort, d.created_at as "createdAt", d.updated_at as "updatedAt",
               (select count(*)::int from users u where u.department_id = d.id) as "userCount"
          from departments d order by d.sort, d.id`,
  );
  return { items: found.map(toDepartmentDto) };
}

export function toDepartmentDto(d: DepartmentRow & { userCount?: number }) {
  return {
    id: d.id,
    name: d.name,
    parentId: d.parentId,
    sort: d.sort,
    userCount: d.userCount ?? 0,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}

export async function getDepartment(db: Db, id: number) {
  const [row] = await db.select().from(departments).where(eq(departments.id, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

async function assertParentExists(db: Db, parentId: number | null) {
  if (parentId === null) return;
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, parentId));
  if (!row) throw fieldError('parentId', 'UNKNOWN_REFERENCE', { field: 'parentId' });
}

export async function createDepartment(db: Db, actor: Actor, input: DepartmentInput) {
  return db.transaction(async (tx) => {
    await assertParentExists(tx, input.parentId);
    const [row] = await tx
      .insert(departments)
      .values({ name: input.name, parentId: input.parentId, sort: input.sort ?? 0 })
      .returning();
    await recordAudit(tx, actor, { action: 'create', entityType: 'department', entityId: row.id, summary: row.name });
    return toDepartmentDto(row);
  });
}

export async function updateDepartment(db: Db, actor: Actor, id: number, input: Partial<DepartmentInput>) {
  return db.transaction(async (tx) => {
    const before = await getDepartment(tx, id);
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      if (input.parentId === null) {
        // A tree has one root; moving another department to the top is allowed, but the root stays.
      } else {
        await assertParentExists(tx, input.parentId);
        const subtree = await departmentSubtreeIds(tx, id);
        if (subtree.includes(input.parentId)) throw fieldError('parentId', 'DEPARTMENT_LOOP');
      }
    }
    const [row] = await tx
      .update(departments)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(departments.id, id))
      .returning();
    const changes = diffFields(before, input, ['name', 'parentId', 'sort']);
    if (changes.length) await recordAudit(tx, actor, { action: 'update', entityType: 'department', entityId: id, summary: row.name, changes });
    const [{ userCount }] = await tx.select({ userCount: count() }).from(users).where(eq(users.departmentId, id));
    return toDepartmentDto({ ...row, userCount });
  });
}

/** Only an empty department goes: no users and no sub-departments; the last root stays. */
export async function deleteDepartment(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const before = await getDepartment(tx, id);
    // Lock the row so a user cannot be moved in while we check.
    await tx.execute(sql`select id from departments where id = ${id} for update`);
    const [{ n: userCount }] = await tx.select({ n: count() }).from(users).where(eq(users.departmentId, id));
    const [{ n: childCount }] = await tx.select({ n: count() }).from(departments).where(eq(departments.parentId, id));
    if (userCount > 0 || childCount > 0) {
      // Name only what is actually in the way.
      const wording = childCount === 0 ? 'DEPARTMENT_HAS_USERS' : userCount === 0 ? 'DEPARTMENT_HAS_CHILDREN' : 'DEPARTMENT_NOT_EMPTY';
      throw conflict('DEPARTMENT_NOT_EMPTY', { users: userCount, children: childCount }, wording);
    }
    if (before.parentId === null) {
      const [{ n: roots }] = await tx.select({ n: count() }).from(departments).where(isNull(departments.parentId));
      if (roots <= 1) throw badRequest('DEPARTMENT_ROOT_REQUIRED');
    }
    await tx.delete(departments).where(eq(departments.id, id));
    await recordAudit(tx, actor, { action: 'delete', entityType: 'department', entityId: id, summary: before.name });
  });
}

export async function departmentNames(db: Db): Promise<Map<number, string>> {
  const found = await db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.id));
  return new Map(found.map((d) => [d.id, d.name]));
}
