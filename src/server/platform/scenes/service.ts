import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { savedScenes } from '../../db/schema';
import type { Actor } from '../access/actor';
import { badRequest, conflict, notFound } from '../http/errors';
import { RequestValidationError } from '../http/validation';
import type { SavedScene, SavedSceneInput } from '../../../common/scenes';

/**
 * 我的场景: the views a user saves on a list (its filters and visible columns), one of which may be
 * the list's default. Each list area registers its key, its filter schema and its column keys
 * (`ServerModule.sceneLists`); only those keys, fields and columns can ever be stored.
 *
 * These are personal view preferences of the caller alone, not business records: nobody else can
 * read them and they change no data, so no audit trail is written for them.
 */

export interface SceneListDefinition {
  /** The list's own filter schema, strict: an unknown field is refused, never stored. */
  filters: z.ZodObject;
  /** The list's column keys (what column settings may show). */
  columns: readonly string[];
}
export type SceneLists = Readonly<Record<string, SceneListDefinition>>;

export const MAX_SCENES_PER_LIST = 30;

export type SceneDto = SavedScene;
export type SceneCreateInput = SavedSceneInput;
export type SceneUpdateInput = Partial<Omit<SceneCreateInput, 'list'>>;

type Row = typeof savedScenes.$inferSelect;

function toDto(row: Row, def: SceneListDefinition | undefined): SceneDto {
  // A field or column the list no longer has (after an upgrade) is dropped rather than sent back.
  const shape = def?.filters.shape ?? {};
  const filters = Object.fromEntries(Object.entries(row.filters ?? {}).filter(([k]) => k in shape));
  const columns = row.columns ? row.columns.filter((c) => def?.columns.includes(c)) : null;
  return {
    id: row.id,
    list: row.listKey,
    name: row.name,
    filters,
    columns,
    isDefault: row.isDefault,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** The filters as the list's schema reads them; a failure is a 400 naming each bad field (`filters.<field>`). */
function checkFilters(def: SceneListDefinition, raw: Record<string, unknown>): Record<string, unknown> {
  const result = def.filters.safeParse(raw);
  if (result.success) return result.data as Record<string, unknown>;
  const issues = result.error.issues.flatMap((issue): z.core.$ZodIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ ...issue, keys: [key], path: ['filters', ...issue.path, key] }))
      : [{ ...issue, path: ['filters', ...issue.path] }],
  );
  throw new RequestValidationError(issues, 'body');
}

/** Only the list's own column keys, each once, in the order given; an unknown one is a 400 naming it (`columns.<key>`). */
function checkColumns(def: SceneListDefinition, columns: string[] | null | undefined): string[] | null | undefined {
  if (!columns) return columns;
  const unknown = columns.filter((c) => !def.columns.includes(c));
  if (unknown.length) {
    const issues = unknown.map((c) => ({ code: 'custom', path: ['columns', c], message: 'COLUMN_UNKNOWN', input: c }) as z.core.$ZodIssue);
    throw new RequestValidationError(issues, 'body');
  }
  return [...new Set(columns)];
}

/** Serialises the changes one user makes to one list's scenes (the limit, the single default). */
async function lockUserList(tx: Db, userId: number, list: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`saved-scenes:${userId}:${list}`}))`);
}

async function ensureNameFree(tx: Db, userId: number, list: string, name: string, exceptId?: number) {
  const [taken] = await tx
    .select({ id: savedScenes.id })
    .from(savedScenes)
    .where(
      and(
        eq(savedScenes.userId, userId),
        eq(savedScenes.listKey, list),
        eq(savedScenes.name, name),
        exceptId ? ne(savedScenes.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw conflict('SCENE_NAME_TAKEN', { name });
}

async function clearDefault(tx: Db, userId: number, list: string) {
  await tx
    .update(savedScenes)
    .set({ isDefault: false })
    .where(and(eq(savedScenes.userId, userId), eq(savedScenes.listKey, list), eq(savedScenes.isDefault, true)));
}

/** The caller's own scenes on one list, oldest first. */
export async function listScenes(db: Db, actor: Actor, lists: SceneLists, list: string): Promise<{ items: SceneDto[] }> {
  const rows = await db
    .select()
    .from(savedScenes)
    .where(and(eq(savedScenes.userId, actor.userId), eq(savedScenes.listKey, list)))
    .orderBy(asc(savedScenes.createdAt), asc(savedScenes.id));
  return { items: rows.map((r) => toDto(r, lists[list])) };
}

export async function createScene(db: Db, actor: Actor, lists: SceneLists, input: SceneCreateInput): Promise<SceneDto> {
  const def = lists[input.list];
  if (!def) throw notFound();
  const filters = checkFilters(def, input.filters);
  const columns = checkColumns(def, input.columns) ?? null;
  return db.transaction(async (tx) => {
    await lockUserList(tx, actor.userId, input.list);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(savedScenes)
      .where(and(eq(savedScenes.userId, actor.userId), eq(savedScenes.listKey, input.list)));
    if (n >= MAX_SCENES_PER_LIST) throw badRequest('SCENE_LIMIT', { limit: MAX_SCENES_PER_LIST });
    await ensureNameFree(tx, actor.userId, input.list, input.name);
    if (input.isDefault) await clearDefault(tx, actor.userId, input.list);
    const [row] = await tx
      .insert(savedScenes)
      .values({ userId: actor.userId, listKey: input.list, name: input.name, filters, columns, isDefault: input.isDefault ?? false })
      .returning();
    return toDto(row, def);
  });
}

/** Someone else's scene, or one that does not exist, is a 404 alike. */
export async function updateScene(db: Db, actor: Actor, lists: SceneLists, id: number, input: SceneUpdateInput): Promise<SceneDto> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(savedScenes).where(and(eq(savedScenes.id, id), eq(savedScenes.userId, actor.userId)));
    const def = current && lists[current.listKey];
    if (!current || !def) throw notFound();
    await lockUserList(tx, actor.userId, current.listKey);
    const patch: Partial<typeof savedScenes.$inferInsert> = {};
    if (input.name !== undefined && input.name !== current.name) {
      await ensureNameFree(tx, actor.userId, current.listKey, input.name, id);
      patch.name = input.name;
    }
    if (input.filters !== undefined) patch.filters = checkFilters(def, input.filters);
    if (input.columns !== undefined) patch.columns = checkColumns(def, input.columns);
    if (input.isDefault !== undefined) {
      if (input.isDefault) await clearDefault(tx, actor.userId, current.listKey);
      patch.isDefault = input.isDefault;
    }
    if (!Object.keys(patch).length) return toDto(current, def);
    const [row] = await tx.update(savedScenes).set(patch).where(eq(savedScenes.id, id)).returning();
    return toDto(row, def);
  });
}

export async function deleteScene(db: Db, actor: Actor, id: number): Promise<void> {
  const gone = await db
    .delete(savedScenes)
    .where(and(eq(savedScenes.id, id), eq(savedScenes.userId, actor.userId)))
    .returning({ id: savedScenes.id });
  if (!gone.length) throw notFound();
}
