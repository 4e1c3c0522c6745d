import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executeNamed } from '../../db/prepared';
import type { Actor } from '../access/actor';
import { diffFields, recordAudit } from '../audit/service';
import { conflict, fieldError, notFound } from '../http/errors';
import type { Lang } from '../http/lang';
import { dictionaryDefaults, type DictionaryType, dictionaryTypes } from './defaults';
import { dictionaryItems } from './schema';

type ItemRow = typeof dictionaryItems.$inferSelect;

export const toDictionaryItemDto = (row: ItemRow) => ({
  id: row.id,
  code: row.code,
  label: row.label,
  labelEn: row.labelEn,
  sort: row.sort,
  enabled: row.enabled,
});

/** The label users of this language read: the English one in English mode when it is set. */
export const dictionaryLabel = (item: { label: string; labelEn: string | null }, lang: Lang) => (lang === 'en' && item.labelEn ? item.labelEn : item.label);

/**
 * How many records use a dictionary code. Modules that store codes register a counter per type
 * (customers: industry, scale, source, level, status), so the platform refuses to delete an item in
 * use without knowing the modules.
 */
export type DictionaryUsageCounter = (db: Db, code: string) => Promise<number>;
const usageCounters = new Map<string, DictionaryUsageCounter>();

export function registerDictionaryUsage(type: DictionaryType, key: string, counter: DictionaryUsageCounter) {
  usageCounters.set(`${type}:${key}`, counter);
}

async function usageCount(db: Db, type: string, code: string): Promise<number> {
  let total = 0;
  for (const [key, counter] of usageCounters) {
    if (key.startsWith(`${type}:`)) total += await counter(db, code);
  }
  return total;
}

/** Seed each dictionary type that has no items at all with the defaults (first start, or a new type). */
export async function ensureDictionaryDefaults(db: Db) {
  const present = new Set(
    (await db.selectDistinct({ type: dictionaryItems.dictType }).from(dictionaryItems)).map((r) => r.type),
  );
  for (const type of dictionaryTypes) {
    if (present.has(type)) continue;
    await db
      .insert(dictionaryItems)
      .values(dictionaryDefaults[type].map((item, i) => ({ dictType: type, code: item.code, label: item.label, labelEn: item.labelEn, sort: (i + 1) * 10 })))
      .onConflictDoNothing();
  }
}

/** Items of the given types (all types when none named), in display order, disabled ones included. */
export async function listDictionaries(db: Db, types?: DictionaryType[]) {
  const wanted = types && types.length ? types : [...dictionaryTypes];
  const found = await db
    .select()
    .from(dictionaryItems)
    .where(inArray(dictionaryItems.dictType, wanted))
    .orderBy(asc(dictionaryItems.sort), asc(dictionaryItems.id));
  const items: Record<string, ReturnType<typeof toDictionaryItemDto>[]> = {};
  for (const type of wanted) items[type] = [];
  for (const row of found) items[row.dictType].push(toDictionaryItemDto(row));
  return { items };
}

export interface DictionaryValue {
  type: DictionaryType;
  code: string;
}

/**
 * Lock the items that these codes name (FOR KEY SHARE, the lock a foreign key would take) and
 * answer which of them are enabled items, as `type:code`. A record that is about to store a code
 * calls this in its write transaction: a concurrent delete of the item (FOR UPDATE, then a usage
 * re-count) then either waits for the record to commit and sees it in use, or deletes first and
 * the lock finds no row, so the record is refused. Renames and enabling/disabling (FOR NO KEY
 * UPDATE) do not conflict with it.
 */
export async function lockDictionaryValues(db: Db, values: DictionaryValue[]): Promise<Set<string>> {
  const statement = dictionaryLockStatement(values);
  if (!statement) return new Set();
  const { rows } = await executeNamed<{ dict_type: string; code: string }>(db, 'dictionary_lock', statement);
  return knownValues(rows);
}

/**
 * The statement of lockDictionaryValues (rows: dict_type, code), for a caller that takes it with
 * other locks in one statement (customers' write-locks.ts); null when there is nothing to lock.
 */
export function dictionaryLockStatement(values: DictionaryValue[]): SQL | null {
  const wanted = [...new Map(values.filter((v) => v.code !== '').map((v) => [`${v.type}:${v.code}`, v])).values()];
  if (!wanted.length) return null;
  const where = and(or(...wanted.map((v) => and(eq(dictionaryItems.dictType, v.type), eq(dictionaryItems.code, v.code)))), eq(dictionaryItems.enabled, true));
  return sql`select ${dictionaryItems.dictType}, ${dictionaryItems.code} from ${dictionaryItems} where ${where} order by ${dictionaryItems.id} for key share`;
}

/** The rows of dictionaryLockStatement as lockDictionaryValues answers them: `type:code`. */
export const knownValues = (rows: { dict_type: string; code: string }[]) => new Set(rows.map((r) => `${r.dict_type}:${r.code}`));

type DictionaryField = { field: string; type: DictionaryType; value: string | null | undefined };

const toCheck = (fields: DictionaryField[]) => fields.filter((f): f is DictionaryField & { value: string } => f.value != null && f.value !== '');

/** A field error on the first value that is not in `known` (from lockDictionaryValues). */
export function assertDictionaryValuesKnown(fields: DictionaryField[], known: Set<string>) {
  for (const f of toCheck(fields)) {
    if (!known.has(`${f.type}:${f.value}`)) throw fieldError(f.field, 'DICTIONARY_VALUE_UNKNOWN', { field: f.field });
  }
}

/** The item values of these fields, for lockDictionaryValues. */
export const dictionaryValuesOf = (fields: DictionaryField[]): DictionaryValue[] => toCheck(fields).map((f) => ({ type: f.type, code: f.value }));

/**
 * Check that each given value is the code of an enabled item of its type, and keep those items
 * from being deleted until the caller's transaction ends; a field error on the first that is not.
 * `fields` maps the request's field name to its dictionary type and value.
 */
export async function assertDictionaryValues(db: Db, fields: DictionaryField[]) {
  if (!toCheck(fields).length) return;
  assertDictionaryValuesKnown(fields, await lockDictionaryValues(db, dictionaryValuesOf(fields)));
}

/** The item; `lock`: 'update' to delete it, 'no key update' to edit it (records referencing it keep saving). */
async function loadItem(db: Db, id: number, lock?: 'update' | 'no key update') {
  const query = db.select().from(dictionaryItems).where(eq(dictionaryItems.id, id)).limit(1);
  const [row] = lock ? await query.for(lock) : await query;
  if (!row || !(dictionaryTypes as readonly string[]).includes(row.dictType)) throw notFound();
  return row;
}

/** How a label or code is compared when telling options apart: the import reads cells this way too. */
export const choiceKey = (text: string) => text.trim().toLowerCase();

/**
 * Refuse a label or English label that another item of the type already answers to (its code,
 * label or English label, in any case): an imported cell or a typed filter would not know which one
 * is meant.
 */
async function assertLabelsFree(tx: Db, type: string, exceptId: number | null, labels: { label?: string; labelEn?: string | null }) {
  if (!labels.label && !labels.labelEn) return;
  // One label change per list at a time: two administrators saving the same new label at once
  // would each find it free.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dictionary-labels:${type}`}))`);
  const others = (await tx.select().from(dictionaryItems).where(eq(dictionaryItems.dictType, type))).filter((i) => i.id !== exceptId);
  const taken = new Set(others.flatMap((i) => [i.code, i.label, i.labelEn ?? ''].filter(Boolean).map(choiceKey)));
  for (const field of ['label', 'labelEn'] as const) {
    const value = labels[field];
    if (value && taken.has(choiceKey(value))) throw fieldError(field, 'DICTIONARY_LABEL_TAKEN', { label: value });
  }
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

export async function createDictionaryItem(db: Db, actor: Actor, type: DictionaryType, input: { code?: string; label: string; labelEn?: string | null; sort?: number }) {
  // Items added without a code get a generated one: records keep it even when the label changes.
  const code = input.code ?? `x${randomBytes(4).toString('hex')}`;
  const codeTaken = () => fieldError('code', 'DICTIONARY_CODE_TAKEN', { code });
  return db
    .transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: dictionaryItems.id })
        .from(dictionaryItems)
        .where(and(eq(dictionaryItems.dictType, type), eq(dictionaryItems.code, code)));
      if (taken) throw codeTaken();
      await assertLabelsFree(tx, type, null, input);
      let sort = input.sort;
      if (sort === undefined) {
        const last = await tx
          .select({ sort: dictionaryItems.sort })
          .from(dictionaryItems)
          .where(eq(dictionaryItems.dictType, type))
          .orderBy(asc(dictionaryItems.sort));
        sort = (last.at(-1)?.sort ?? 0) + 10;
      }
      const [row] = await tx.insert(dictionaryItems).values({ dictType: type, code, label: input.label, labelEn: input.labelEn ?? null, sort }).returning();
      await recordAudit(tx, actor, { action: 'create', entityType: 'dictionary_item', entityId: row.id, summary: `${type}: ${row.label} (${row.code})` });
      return toDictionaryItemDto(row);
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw codeTaken();
      throw err;
    });
}

export async function updateDictionaryItem(
  db: Db,
  actor: Actor,
  id: number,
  input: { label?: string; labelEn?: string | null; sort?: number; enabled?: boolean },
) {
  return db.transaction(async (tx) => {
    const before = await loadItem(tx, id, 'no key update');
    await assertLabelsFree(tx, before.dictType, id, input);
    const changes = diffFields(before, input, ['label', 'labelEn', 'sort', 'enabled']);
    if (!changes.length) return toDictionaryItemDto(before);
    const [row] = await tx
      .update(dictionaryItems)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(dictionaryItems.id, id))
      .returning();
    const stateOnly = changes.length === 1 && changes[0].field === 'enabled';
    await recordAudit(tx, actor, {
      action: stateOnly ? 'state' : 'update',
      entityType: 'dictionary_item',
      entityId: id,
      summary: `${row.dictType}: ${row.label} (${row.code})`,
      changes,
    });
    return toDictionaryItemDto(row);
  });
}

/** Delete an item nobody uses; in use → 409 DICTIONARY_IN_USE with the count (disable it instead). */
export async function deleteDictionaryItem(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    // FOR UPDATE waits for every open transaction that has locked the item to store its code
    // (lockDictionaryValues), and the count below is a new statement, so it sees what they wrote.
    const row = await loadItem(tx, id, 'update');
    const used = await usageCount(tx, row.dictType, row.code);
    if (used > 0) throw conflict('DICTIONARY_IN_USE', { count: used });
    await tx.delete(dictionaryItems).where(eq(dictionaryItems.id, id));
    await recordAudit(tx, actor, { action: 'delete', entityType: 'dictionary_item', entityId: id, summary: `${row.dictType}: ${row.label} (${row.code})` });
  });
}
