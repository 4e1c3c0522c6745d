import { z } from 'zod';
import { contactCreateBody, customerCreateBody, systemPoolReasons } from '../../../../common/customers';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/access/actor';
import { auditInsert, recordAudit } from '../../../platform/audit/service';
import { choiceKey, dictionaryLabel, type DictionaryValue, listDictionaries } from '../../../platform/dictionaries/service';
import { AppError, badRequest } from '../../../platform/http/errors';
import type { Lang } from '../../../platform/http/lang';
import { type ErrorCode, errorMessages, type FieldMessageCode, fieldMessages, formatMessage } from '../../../platform/http/messages';
import { issueMessage } from '../../../platform/http/validation';
import { duplicateMessageCode, existingDuplicates, normalizeMobile, phoneKey } from '../duplicates';
import { ownedRoom, type OwnerCandidate } from '../ownership';
import { activities, contacts, customers } from '../schema';
import { nameSortKey } from '../name-sort';
import { buildSearchText } from '../search-text';
import { assertReachable, lockNewOwner } from '../service';
import { getCustomerSettings } from '../settings';
import { lockCustomerKeys } from '../write-locks';
import { contactKeys, type CustomerImportKind, type ImportColumn, importColumns, type ImportKind, optionLabels, sheetTexts } from './columns';
import type { UploadRow } from './upload-rows';
import { buildErrorReport } from './workbook';

/**
 * 导入客户: each uploaded row is checked with the same rules as 新建客户 (the create body's Zod
 * schema, the person's reachability rule, enabled dictionary items, the duplicate rule and its
 * settings), then the valid rows are written set-based in batches, each batch one transaction that
 * re-checks duplicates under the same advisory locks a single create takes.
 */

export interface RowError {
  field: string;
  message: string;
}

export interface DuplicateOf {
  /** The earlier row of the same file. */
  row?: number;
  /** An existing customer: whose it is (never more), or in the pool. */
  ownerName?: string | null;
  inPool?: boolean;
}

export interface PreviewRow {
  row: number;
  values: Record<string, string>;
  errors: RowError[];
  duplicateOf?: DuplicateOf;
}

type CustomerInput = z.output<typeof customerCreateBody>;
type ContactInput = z.output<typeof contactCreateBody>;

interface CheckedRow extends PreviewRow {
  customer?: CustomerInput;
  contact?: ContactInput | null;
}

const BATCH_SIZE = 500;

export const message = (code: ErrorCode, lang: Lang, params: Record<string, unknown> = {}) => formatMessage(errorMessages[code][lang], params);

/** A service's field error (AppError) as the row errors it stands for, worded like the API would. */
function rowErrorsOf(err: unknown, lang: Lang): RowError[] {
  if (!(err instanceof AppError)) throw err;
  if (!err.details?.length) return [{ field: '_', message: message(err.messageCode ?? err.code, lang, err.params) }];
  return err.details.map((d) => ({
    field: d.field,
    message: d.code in fieldMessages ? fieldMessages[d.code as FieldMessageCode][lang] : message(d.code as ErrorCode, lang, err.params),
  }));
}

/** A cell that names more than one option (a clash the dictionary settings refuse, from older data). */
export const AMBIGUOUS = '\u0000ambiguous';

/**
 * cell → value for each list column, keyed by choiceKey (trimmed, any case): enabled dictionary
 * items by code, label or English label; a fixed list (性别, 是/否) by its value or either label.
 * A key two options answer to maps to AMBIGUOUS.
 */
export async function choiceMaps(db: Db, columns: ImportColumn[]) {
  const { items } = await listDictionaries(db);
  const maps = new Map<string, Map<string, string>>();
  const add = (map: Map<string, string>, text: string | null, value: string) => {
    if (!text) return;
    const key = choiceKey(text);
    const known = map.get(key);
    map.set(key, known === undefined || known === value ? value : AMBIGUOUS);
  };
  for (const c of columns) {
    const map = new Map<string, string>();
    if (c.dict) {
      for (const i of items[c.dict].filter((item) => item.enabled)) for (const text of [i.code, i.label, i.labelEn]) add(map, text, i.code);
    } else if (c.options) {
      for (const [value, label] of Object.entries(c.options)) for (const text of [value, label.zh, label.en]) add(map, text, value);
    } else continue;
    maps.set(c.key, map);
  }
  return maps;
}

/** The labels a user may pick per list column (the template's second sheet and drop-downs), in `lang`. */
export async function importChoices(db: Db, kind: ImportKind, lang: Lang): Promise<Map<string, string[]>> {
  const { items } = await listDictionaries(db);
  const result = new Map<string, string[]>();
  for (const c of importColumns[kind]) {
    if (c.dict) result.set(c.key, items[c.dict].filter((i) => i.enabled).map((i) => dictionaryLabel(i, lang)));
    else if (c.options) result.set(c.key, optionLabels(c.options, lang));
  }
  return result;
}

/** One row on its own: required fields, formats, list values, the person's mobile-or-phone rule. */
/**
 * A row's cells by field: list cells as their values (an unknown label is an error), empty cells
 * left out. A required cell left empty is said plainly ("客户名称：不能为空"), not as the schema's
 * type error: `blank` names those fields, for the caller to skip the schema's own issue on them.
 */
export function readCells(columns: ImportColumn[], upload: UploadRow, maps: Map<string, Map<string, string>>, lang: Lang) {
  const errors: RowError[] = [];
  const cells: Record<string, string | undefined> = {};
  const blank = new Set<string>();
  for (const c of columns) {
    const raw = upload.cells[c.key];
    if (raw === undefined) {
      if (c.required) {
        blank.add(c.key);
        errors.push({ field: c.key, message: fieldMessages.BLANK[lang] });
      }
      continue;
    }
    const map = maps.get(c.key);
    if (!map) {
      cells[c.key] = raw;
      continue;
    }
    const value = map.get(choiceKey(raw));
    if (value === undefined) errors.push({ field: c.key, message: message('IMPORT_VALUE_UNKNOWN', lang, { value: raw }) });
    else if (value === AMBIGUOUS) errors.push({ field: c.key, message: message('IMPORT_VALUE_AMBIGUOUS', lang, { value: raw }) });
    else cells[c.key] = value;
  }
  return { cells, errors, blank };
}

function checkRow(kind: CustomerImportKind, upload: UploadRow, maps: Map<string, Map<string, string>>, lang: Lang): CheckedRow {
  const { cells, errors, blank } = readCells(importColumns[kind], upload, maps, lang);
  const fields: Record<string, unknown> = { kind };
  const contactFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cells)) {
    if (key in contactKeys) contactFields[contactKeys[key as keyof typeof contactKeys]] = value;
    else fields[key] = value;
  }
  const parsed = customerCreateBody.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'name');
      if (!blank.has(field)) errors.push({ field, message: issueMessage(issue, lang) });
    }
  }
  let contact: ContactInput | null = null;
  if (Object.values(contactFields).some((v) => v)) {
    if (!contactFields.name) errors.push({ field: 'contactName', message: message('IMPORT_CONTACT_NAME_REQUIRED', lang) });
    else {
      const parsedContact = contactCreateBody.safeParse({ ...contactFields, isPrimary: true });
      if (parsedContact.success) contact = { ...parsedContact.data, mobile: normalizeMobile(parsedContact.data.mobile) };
      else {
        const byField = Object.fromEntries(Object.entries(contactKeys).map(([k, v]) => [v, k]));
        for (const issue of parsedContact.error.issues) errors.push({ field: byField[String(issue.path[0])] ?? 'contactName', message: issueMessage(issue, lang) });
      }
    }
  }
  let customer: CustomerInput | undefined;
  if (parsed.success) {
    customer = { ...parsed.data, mobile: normalizeMobile(parsed.data.mobile) };
    try {
      assertReachable(customer);
    } catch (err) {
      errors.push(...rowErrorsOf(err, lang));
    }
  }
  return { row: upload.row, values: upload.cells, errors, ...(errors.length ? {} : { customer, contact }) };
}

/** The numbers of a customer the duplicate rule compares (phone and mobile). */
const phonesOf = (c: CustomerInput) => [c.phone, c.mobile].filter((p): p is string => !!p);

/** The dictionary codes a checked row would store, as (type, code). */
function dictionaryValuesOfRow(kind: CustomerImportKind, r: CheckedRow): DictionaryValue[] {
  const c = r.customer as Record<string, unknown> | undefined;
  if (!c) return [];
  return importColumns[kind].flatMap((col) => (col.dict && typeof c[col.key] === 'string' && c[col.key] !== '' ? [{ type: col.dict, code: c[col.key] as string }] : []));
}

/** Rows whose dictionary codes are no longer enabled items (`known`, from lockCustomerKeys) fail. */
function failUnknownDictionaryValues(kind: CustomerImportKind, rows: CheckedRow[], known: Set<string>, lang: Lang) {
  for (const r of rows) {
    if (!r.customer) continue;
    for (const col of importColumns[kind]) {
      const code = (r.customer as Record<string, unknown>)[col.key];
      if (!col.dict || typeof code !== 'string' || code === '' || known.has(`${col.dict}:${code}`)) continue;
      r.errors.push({ field: col.key, message: message('IMPORT_VALUE_UNKNOWN', lang, { value: r.values[col.key] ?? code }) });
    }
    if (r.errors.length) {
      delete r.customer;
      delete r.contact;
    }
  }
}

/**
 * The duplicate rule over rows that passed on their own: against each other (the later row fails)
 * and against existing customers. Only the kinds of duplicate the settings refuse are checked.
 */
async function checkDuplicates(tx: Db, rows: CheckedRow[], lang: Lang) {
  const settings = await getCustomerSettings(tx);
  const candidates = rows.filter((r) => r.customer);
  const names = settings.allowDuplicateName ? [] : candidates.map((r) => r.customer!.name);
  const phones = settings.allowDuplicatePhone ? [] : candidates.flatMap((r) => phonesOf(r.customer!));
  const existing = await existingDuplicates(tx, { names, phones });
  const seenNames = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  for (const r of candidates) {
    const c = r.customer!;
    const fail = (field: string, text: string, duplicateOf: DuplicateOf) => {
      r.errors.push({ field, message: text });
      r.duplicateOf ??= duplicateOf;
    };
    if (!settings.allowDuplicateName) {
      const hit = existing.names.get(c.name);
      const earlier = seenNames.get(c.name);
      if (hit) fail('name', message(duplicateMessageCode('name', hit), lang, { ownerName: hit.ownerName ?? '' }), { ownerName: hit.ownerName, inPool: hit.ownerId === null });
      else if (earlier) fail('name', message('IMPORT_DUPLICATE_IN_FILE', lang, { row: earlier }), { row: earlier });
      else seenNames.set(c.name, r.row);
    }
    if (!settings.allowDuplicatePhone) {
      for (const field of ['phone', 'mobile'] as const) {
        const value = c[field];
        if (!value) continue;
        const hit = existing.phones.get(value);
        // The same number written two ways in one file is still one number.
        const earlier = seenPhones.get(phoneKey(value));
        if (hit) fail(field, message(duplicateMessageCode('phone', hit), lang, { ownerName: hit.ownerName ?? '' }), { ownerName: hit.ownerName, inPool: hit.ownerId === null });
        else if (earlier && earlier !== r.row) fail(field, message('IMPORT_DUPLICATE_IN_FILE', lang, { row: earlier }), { row: earlier });
        else seenPhones.set(phoneKey(value), r.row);
      }
    }
    if (r.errors.length) {
      delete r.customer;
      delete r.contact;
    }
  }
}

async function checkRows(db: Db, kind: CustomerImportKind, uploads: UploadRow[], lang: Lang): Promise<CheckedRow[]> {
  const maps = await choiceMaps(db, importColumns[kind]);
  const rows = uploads.map((u) => checkRow(kind, u, maps, lang));
  await checkDuplicates(db, rows, lang);
  return rows;
}

export const toPreview = (r: PreviewRow): PreviewRow => ({ row: r.row, values: r.values, errors: r.errors, ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}) });

/** 预览: every row with its errors; nothing is written. */
export async function previewImport(db: Db, kind: CustomerImportKind, uploads: UploadRow[], lang: Lang) {
  return previewOf(kind, await checkRows(db, kind, uploads, lang), lang);
}

/**
 * A preview's counts and rows. When no row can be imported the error report comes with it (导入 is
 * closed to such a file, so the report cannot wait for it); otherwise 导入 returns it, and a
 * preview does not build a workbook nobody asked for.
 */
export async function previewOf<K extends ImportKind>(kind: K, rows: PreviewRow[], lang: Lang) {
  const invalid = rows.filter((r) => r.errors.length).length;
  const errorReport = rows.length > 0 && invalid === rows.length ? (await importOutcome(kind, rows, lang)).errorReport : null;
  return { kind, total: rows.length, valid: rows.length - invalid, invalid, rows: rows.map(toPreview), errorReport };
}

export interface CommitTarget {
  target: 'owner' | 'pool';
  ownerId?: number;
}

/**
 * 导入: the valid rows, to an owner (the caller by default; another user in the caller's scope
 * needs customer.transfer) or to the pool. Returns the counts and, when rows failed, the error
 * report (.xlsx) of those rows.
 */
export async function commitImport(db: Db, actor: Actor, kind: CustomerImportKind, uploads: UploadRow[], to: CommitTarget, lang: Lang) {
  const toPool = to.target === 'pool';
  // Who receives them is checked before anything is read or written (403 / 400 on ownerId).
  await db.transaction((tx) => lockNewOwner(tx, actor, { ownerId: to.ownerId, toPool }));
  const rows = await checkRows(db, kind, uploads, lang);
  const valid = rows.filter((r) => r.customer);
  if (valid.length) {
    // The owned limit is checked for the whole file before the first batch: an import that would
    // not fit is refused whole, saying how many would, rather than stopping half way with some
    // batches written. (A grant that lands while the batches run is handled per row below.)
    await db.transaction(async (tx) => {
      const owner = await lockNewOwner(tx, actor, { ownerId: to.ownerId, toPool });
      const room = owner && (await ownedRoom(tx, owner));
      if (owner && room && valid.length > room.room) {
        throw badRequest('OWNED_LIMIT_IMPORT', { name: owner.name, limit: room.limit, owned: room.owned, room: room.room, count: valid.length });
      }
    });
  }
  let imported = 0;
  for (let start = 0; start < valid.length; start += BATCH_SIZE) {
    const batch = valid.slice(start, start + BATCH_SIZE);
    const last = start + BATCH_SIZE >= valid.length;
    await db.transaction(async (tx) => {
      // The lock order of write-locks.ts: the owner's row, then the batch's dictionary items and
      // duplicate keys, the same steps a single create takes.
      const owner = await lockNewOwner(tx, actor, { ownerId: to.ownerId, toPool });
      const known = await lockCustomerKeys(tx, {
        dictionary: batch.flatMap((r) => dictionaryValuesOfRow(kind, r)),
        names: batch.map((r) => r.customer!.name),
        phones: batch.flatMap((r) => phonesOf(r.customer!)),
      });
      // An item may have been deleted or disabled since the check: its rows fail now.
      failUnknownDictionaryValues(kind, batch, known, lang);
      // Someone may have created one of these since the check: those rows fail now, the rest go in.
      await checkDuplicates(tx, batch, lang);
      let ready = batch.filter((r) => r.customer);
      // The up-front check passed, but the owner may have received customers since (a claim, an
      // assignment): the rows that no longer fit fail one by one, with the reason, and the batches
      // already written stay as the answer reports them, instead of one error hiding them.
      const room = owner && (await ownedRoom(tx, owner));
      if (owner && room && ready.length > room.room) {
        for (const r of ready.slice(room.room)) {
          r.errors.push({ field: '_', message: message('OWNED_LIMIT', lang, { name: owner.name, limit: room.limit }) });
          delete r.customer;
          delete r.contact;
        }
        ready = ready.slice(0, room.room);
      }
      imported += await insertRows(tx, actor, owner, ready);
      if (last && imported > 0) {
        await recordAudit(tx, actor, {
          action: 'create',
          entityType: 'customer',
          summary: owner ? `导入客户 ${imported} 个（负责人：${owner.name}）` : `导入客户 ${imported} 个（放入公海）`,
          summaryKey: owner ? 'customer.auditSummary.importedBatch' : 'customer.auditSummary.importedBatchToPool',
          summaryParams: { count: imported, owner: owner?.name ?? null },
        });
      }
    });
  }
  return { imported, ...(await importOutcome(kind, rows, lang)) };
}

/**
 * The rows that failed, and their error report (.xlsx, base64; null when none failed): the reasons
 * beside each row's cells, "客户名称：不能为空" (or "Customer name: …" in English).
 */
export async function importOutcome(kind: ImportKind, rows: PreviewRow[], lang: Lang) {
  const failed = rows.filter((r) => r.errors.length);
  const headers = new Map(importColumns[kind].map((c) => [c.key, c.header[lang]]));
  const reason = (e: RowError) => {
    const header = headers.get(e.field);
    return header ? `${header}${sheetTexts.fieldSeparator[lang]}${e.message}` : e.message;
  };
  const reasons = (r: PreviewRow) => r.errors.map(reason).join(sheetTexts.reasonSeparator[lang]);
  const report = failed.length
    ? (await buildErrorReport(importColumns[kind], failed.map((r) => ({ row: r.row, cells: r.values, reason: reasons(r) })), lang)).toString('base64')
    : null;
  return { failed: failed.length, failedRows: failed.map(toPreview), errorReport: report };
}

/** Customers, their first contact and their 'created' events, each as one multi-row insert. */
async function insertRows(tx: Db, actor: Actor, owner: OwnerCandidate | null, ready: CheckedRow[]): Promise<number> {
  if (!ready.length) return 0;
  const now = new Date();
  const userId = actor.userId > 0 ? actor.userId : null;
  const inserted = await tx
    .insert(customers)
    .values(
      ready.map((r) => {
        const { ownerId: _o, toPool: _p, ...values } = r.customer!;
        return {
          ...values,
          ownerId: owner?.id ?? null,
          departmentId: owner?.departmentId ?? null,
          poolReleasedAt: owner ? null : now,
          poolReason: owner ? null : systemPoolReasons.imported,
          searchText: buildSearchText(values, r.contact ? [r.contact] : []),
          nameSort: nameSortKey(values.name, values.kind),
          createdBy: userId,
          updatedBy: userId,
          createdAt: now,
          updatedAt: now,
        };
      }),
    )
    .returning({ id: customers.id });
  // INSERT … VALUES … RETURNING answers in the order of the values.
  const withContact = ready.map((r, i) => ({ id: inserted[i].id, contact: r.contact })).filter((x) => x.contact);
  if (withContact.length) {
    await tx.insert(contacts).values(
      withContact.map(({ id, contact }) => {
        const { isPrimary: _primary, ...fields } = contact!;
        return { ...fields, customerId: id, isPrimary: true, createdBy: userId, createdAt: now, updatedAt: now };
      }),
    );
  }
  const params = owner ? { ownerId: owner.id, ownerName: owner.name, imported: true } : { toPool: true, imported: true };
  await tx.insert(activities).values(inserted.map(({ id }) => ({ customerId: id, kind: 'system', event: 'created', params, userId, occurredAt: now, createdAt: now })));
  // Each customer's own 操作记录 starts with its import, as it starts with 新建 for one typed in.
  await auditInsert(
    tx,
    actor,
    inserted.map(({ id }, i) => ({
      action: 'create' as const,
      entityType: 'customer',
      entityId: id,
      summary: owner ? `${ready[i].customer!.name}（导入，负责人：${owner.name}）` : `${ready[i].customer!.name}（导入到公海）`,
      summaryKey: owner ? 'customer.auditSummary.imported' : 'customer.auditSummary.importedToPool',
      summaryParams: { name: ready[i].customer!.name, owner: owner?.name ?? null },
    })),
  );
  return inserted.length;
}
