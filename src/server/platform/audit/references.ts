import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, users } from '../org/schema';
import type { FieldChange } from './schema';

/** A change as 操作记录 shows it: ids of people and departments come with their names. */
export type NamedFieldChange = FieldChange & {
  fromName?: string;
  toName?: string;
  /** Who a per-member field (`team.4`) is about. */
  subjectName?: string;
};

type ReferenceKind = 'user' | 'department';

// Changes store ids; these fields hold ids of users or departments whatever the entity. Names are
// read when the trail is shown (not stored), so they read as today's, and any user may see them
// (the same names /users/options gives every logged-in user).
const referenceFields: Record<string, ReferenceKind> = { ownerId: 'user', supervisorId: 'user', departmentId: 'department' };
const entityReferenceFields: Record<string, Record<string, ReferenceKind>> = { department: { parentId: 'department' } };
const MEMBER_FIELD = /^team\.(\d+)$/;

function referenceOf(entityType: string, field: string): ReferenceKind | undefined {
  return entityReferenceFields[entityType]?.[field] ?? referenceFields[field];
}

const idOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 2147483647 ? value : undefined);

/** Adds names to the changes of a page of audit entries: two lookups for the whole page. */
export async function nameReferences<E extends { entityType: string; changes: FieldChange[] | null }>(
  db: Db,
  entries: E[],
): Promise<(Omit<E, 'changes'> & { changes: NamedFieldChange[] | null })[]> {
  const ids: Record<ReferenceKind, Set<number>> = { user: new Set(), department: new Set() };
  for (const entry of entries) {
    for (const change of entry.changes ?? []) {
      const kind = referenceOf(entry.entityType, change.field);
      for (const value of kind ? [change.from, change.to] : []) {
        const id = idOf(value);
        if (id !== undefined) ids[kind!].add(id);
      }
      const member = MEMBER_FIELD.exec(change.field);
      if (member) ids.user.add(Number(member[1]));
    }
  }
  const [userNames, departmentNames] = await Promise.all([
    namesOf(db, users, [...ids.user]),
    namesOf(db, departments, [...ids.department]),
  ]);
  const names: Record<ReferenceKind, Map<number, string>> = { user: userNames, department: departmentNames };
  return entries.map((entry) => ({
    ...entry,
    changes:
      entry.changes?.map((change) => {
        const kind = referenceOf(entry.entityType, change.field);
        const member = MEMBER_FIELD.exec(change.field);
        const nameOf = (value: unknown) => {
          const id = idOf(value);
          return kind && id !== undefined ? names[kind].get(id) : undefined;
        };
        const named: NamedFieldChange = { ...change };
        const fromName = nameOf(change.from);
        const toName = nameOf(change.to);
        const subjectName = member ? userNames.get(Number(member[1])) : undefined;
        if (fromName !== undefined) named.fromName = fromName;
        if (toName !== undefined) named.toName = toName;
        if (subjectName !== undefined) named.subjectName = subjectName;
        return named;
      }) ?? null,
  }));
}

async function namesOf(db: Db, table: typeof users | typeof departments, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
