import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { systemPoolReasons, type CustomerCreateInput, type CustomerUpdateInput } from '../../../common/customers';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope, scopeCondition } from '../../platform/access/scope';
import { auditInsert, diffFields, recordAudit } from '../../platform/audit/service';
import { insertTogether, writeTogether } from '../../db/write-together';
import { assertDictionaryValuesKnown, dictionaryValuesOf } from '../../platform/dictionaries/service';
import { conflict, fieldError, forbidden, notFound } from '../../platform/http/errors';
import { customerScope, loadCustomer, notOwnerSide, type CustomerRow } from './access';
import { recheckRevisits } from './automation/revisits';
import { accessExpression, type CustomerDto, customerDtoRow, selectCustomerDtos, selectCustomerPage, toCustomerDto } from './customer-dto';
import { blockingDocuments } from './delete-guards';
import './dictionary-usage';
import './owner-department';
import { assertNotDuplicate, normalizeMobile } from './duplicates';
import { customerEventInsert } from './events';
import { assertOwnedLimit, assertReceivable, lockUser, type OwnerCandidate } from './ownership';
import { customers } from './schema';
import { nameSortKey } from './name-sort';
import { buildSearchText, rebuildSearchText, searchCondition } from './search-text';
import { cappedTotal } from '../../platform/http/lists';
import { lockCustomerKeys } from './write-locks';

/** The fields of a customer a user edits (audited field by field). */
const editableFields = [
  'kind',
  'name',
  'shortName',
  'industry',
  'scale',
  'source',
  'level',
  'status',
  'province',
  'city',
  'district',
  'address',
  'phone',
  'website',
  'creditCode',
  'gender',
  'mobile',
  'wechat',
  'birthday',
  'remark',
  'nextContactAt',
] as const;

const searchableFields = new Set(['name', 'shortName', 'phone', 'mobile']);

const dictionaryFields = ['industry', 'scale', 'source', 'level', 'status'] as const;

/** One customer the caller may see (404 otherwise), as the API shows it. */
export async function getCustomer(db: Db, actor: Actor, id: number): Promise<CustomerDto> {
  // The caller's access is computed in the same statement (accessExpression): null means out of sight.
  const access = accessExpression(await customerScope(db, actor), actor);
  const row = await customerDtoRow(db, access, and(eq(customers.id, id), isNull(customers.deletedAt))!);
  if (!row?.access) throw notFound();
  return toCustomerDto(row);
}

/** 个人客户 needs a way to reach them: a mobile or a phone. */
export function assertReachable(c: { kind: string; mobile: string | null; phone: string | null }) {
  if (c.kind === 'person' && !c.mobile && !c.phone) throw fieldError('mobile', 'CUSTOMER_CONTACT_REQUIRED');
}

/**
 * Steps 3 and 4 of the lock order (write-locks.ts) for one save, then the checks they protect:
 * dictionary codes must be enabled items (only values that change are checked: a disabled item may
 * stay), and no exact duplicate name or number unless the settings allow it.
 */
async function lockAndCheckKeys(
  tx: Db,
  values: Partial<Record<(typeof dictionaryFields)[number], string | null>> & { name?: string | null; phone?: string | null; mobile?: string | null },
  opts: { before?: CustomerRow; changed?: Set<string> } = {},
) {
  const { before, changed } = opts;
  const dictionary = dictionaryFields
    .filter((field) => field in values && (!before || before[field] !== values[field]))
    .map((field) => ({ field, type: field, value: values[field] }));
  const pick = (field: 'name' | 'phone' | 'mobile') => (!changed || changed.has(field) ? (values[field] ?? null) : null);
  const name = pick('name');
  const phones = [
    { field: 'phone', value: pick('phone') },
    { field: 'mobile', value: pick('mobile') },
  ];
  const known = await lockCustomerKeys(tx, {
    dictionary: dictionaryValuesOf(dictionary),
    names: name ? [name] : [],
    phones: phones.map((p) => p.value).filter((v): v is string => !!v),
  });
  assertDictionaryValuesKnown(dictionary, known);
  await assertNotDuplicate(tx, { name, phones, excludeId: before?.id });
}

/**
 * Who receives a new customer (create, import): the caller, another user (needs customer.transfer,
 * an active user in the caller's scope) or the pool (null; needs customer.pool or customer.assign).
 * The receiving user's row is locked (see ownership.ts for the lock order).
 */
export async function lockNewOwner(tx: Db, actor: Actor, input: { ownerId?: number; toPool?: boolean }): Promise<OwnerCandidate | null> {
  if (input.toPool) {
    if (!actor.permissions.has('customer.pool') && !actor.permissions.has('customer.assign')) throw forbidden();
    return null;
  }
  if (input.ownerId !== undefined && input.ownerId !== actor.userId) {
    if (!actor.permissions.has('customer.transfer')) throw forbidden();
    const owner = assertReceivable(await lockUser(tx, input.ownerId), 'ownerId');
    if (!inScope(await customerScope(tx, actor), owner.id, owner.departmentId)) throw fieldError('ownerId', 'CUSTOMER_OWNER_INVALID');
    return owner;
  }
  return assertReceivable(await lockUser(tx, actor.userId), 'ownerId');
}

/**
 * 新建客户: the caller owns it, unless they name another owner (customer.transfer, someone active
 * in their scope) or send it straight to the pool. The department is the owner's.
 */
export async function createCustomer(db: Db, actor: Actor, input: CustomerCreateInput): Promise<CustomerDto> {
  const { ownerId, toPool, ...fields } = input;
  const values = { ...fields, mobile: normalizeMobile(fields.mobile) };
  const id = await db.transaction(async (tx) => {
    const owner = await lockNewOwner(tx, actor, { ownerId, toPool });
    if (owner) await assertOwnedLimit(tx, owner);
    assertReachable(values);
    await lockAndCheckKeys(tx, values);
    const now = new Date();
    // The row, its timeline event and its audit row in one statement.
    return insertTogether(
      tx,
      tx.insert(customers).values({
        ...values,
        ownerId: owner?.id ?? null,
        departmentId: owner?.departmentId ?? null,
        poolReleasedAt: owner ? null : now,
        poolReason: owner ? null : systemPoolReasons.created,
        createdBy: actor.userId > 0 ? actor.userId : null,
        updatedBy: actor.userId > 0 ? actor.userId : null,
        createdAt: now,
        updatedAt: now,
        // A new customer has no contacts yet: its search text is its own fields (no second write).
        searchText: buildSearchText(values, []),
        nameSort: nameSortKey(values.name, values.kind),
      }).returning({ id: customers.id }),
      (newId) => [
        customerEventInsert(tx, actor, newId, 'created', owner ? { ownerId: owner.id, ownerName: owner.name } : { toPool: true }),
        auditInsert(tx, actor, {
          action: 'create',
          entityType: 'customer',
          entityId: newId,
          summary: owner ? `${values.name}（负责人：${owner.name}）` : `${values.name}（放入公海）`,
          summaryKey: owner ? 'customer.auditSummary.created' : 'customer.auditSummary.createdInPool',
          summaryParams: { name: values.name, owner: owner?.name ?? null },
        }),
      ],
    );
  });
  return getCustomer(db, actor, id);
}

/** 修改客户: owner-side or a read-write team member; each changed field in the audit row. */
export async function updateCustomer(db: Db, actor: Actor, id: number, input: CustomerUpdateInput): Promise<CustomerDto> {
  const values = 'mobile' in input ? { ...input, mobile: normalizeMobile(input.mobile ?? null) } : input;
  await db.transaction(async (tx) => {
    const { row: before } = await loadCustomer(tx, actor, id, { forWrite: true, lock: true });
    const changes = diffFields(before, values, editableFields);
    if (!changes.length) return;
    const changed = new Set(changes.map((c) => c.field));
    assertReachable({ ...before, ...values });
    await lockAndCheckKeys(tx, values, { before, changed });
    await tx
      .update(customers)
      .set({
        ...values,
        ...(changed.has('name') || changed.has('kind') ? { nameSort: nameSortKey(values.name ?? before.name, values.kind ?? before.kind) } : {}),
        updatedAt: new Date(),
        updatedBy: actor.userId > 0 ? actor.userId : null,
      })
      .where(eq(customers.id, id));
    if ([...changed].some((f) => searchableFields.has(f))) await rebuildSearchText(tx, id);
    // Another level is another revisit plan (or none): the to-do follows at once.
    if (changed.has('level')) await recheckRevisits(tx, id);
    await writeTogether(tx, [
      customerEventInsert(tx, actor, id, 'updated', { fields: [...changed] }),
      auditInsert(tx, actor, { action: 'update', entityType: 'customer', entityId: id, summary: values.name ?? before.name, changes }),
    ]);
  });
  return getCustomer(db, actor, id);
}

/** 标记 / 取消热点客户: in the timeline and the audit trail; marking twice changes nothing. */
export async function setHot(db: Db, actor: Actor, id: number, hot: boolean): Promise<CustomerDto> {
  await db.transaction(async (tx) => {
    const { row } = await loadCustomer(tx, actor, id, { forWrite: true, lock: true });
    await applyHot(tx, actor, row, hot);
  });
  return getCustomer(db, actor, id);
}

async function applyHot(tx: Db, actor: Actor, row: CustomerRow, hot: boolean) {
  if (row.isHot === hot) return;
  await tx
    .update(customers)
    .set({ isHot: hot, hotAt: hot ? new Date() : null, updatedAt: new Date(), updatedBy: actor.userId > 0 ? actor.userId : null })
    .where(eq(customers.id, row.id));
  await writeTogether(tx, [
    customerEventInsert(tx, actor, row.id, hot ? 'hot' : 'unhot'),
    auditInsert(tx, actor, {
      action: 'state',
      entityType: 'customer',
      entityId: row.id,
      summary: `${row.name}: ${hot ? '标记热点' : '取消热点'}`,
      summaryKey: hot ? 'customer.auditSummary.markedHot' : 'customer.auditSummary.unmarkedHot',
      summaryParams: { name: row.name },
      changes: [{ field: 'isHot', from: row.isHot, to: hot }],
    }),
  ]);
}

/** For the bulk endpoint: one customer's hot mark in the caller's transaction. */
export async function setHotIn(tx: Db, actor: Actor, id: number, hot: boolean) {
  const { row } = await loadCustomer(tx, actor, id, { forWrite: true, lock: true });
  await applyHot(tx, actor, row, hot);
}

/**
 * 删除 (soft, to the recycle bin): owner-side only (a manager may also delete a pool customer), and
 * refused while a later module's guard reports documents of the customer.
 */
export async function deleteCustomerIn(tx: Db, actor: Actor, id: number) {
  if (!actor.permissions.has('customer.delete')) throw forbidden();
  const { row, access } = await loadCustomer(tx, actor, id, { lock: true });
  const mayDelete = access === 'scope' || (access === 'pool' && actor.permissions.has('customer.assign'));
  if (!mayDelete) throw notOwnerSide(access);
  const documents = await blockingDocuments(tx, id);
  if (documents > 0) throw conflict('CUSTOMER_HAS_DOCUMENTS', { documents });
  await tx
    .update(customers)
    .set({ deletedAt: new Date(), deletedBy: actor.userId > 0 ? actor.userId : null })
    .where(eq(customers.id, id));
  await recordAudit(tx, actor, { action: 'delete', entityType: 'customer', entityId: id, summary: row.name });
}

export async function deleteCustomer(db: Db, actor: Actor, id: number) {
  await db.transaction((tx) => deleteCustomerIn(tx, actor, id));
}

/** Deleted customers within the caller's scope; pool customers only for a company-wide scope. */
async function recycleScope(db: Db, actor: Actor): Promise<SQL> {
  const scope = await customerScope(db, actor);
  return sql`(${scopeCondition(scope, { owner: customers.ownerId, department: customers.departmentId })} and ${customers.ownerId} is not null
    or ${customers.ownerId} is null and ${scope.kind === 'all' ? sql`true` : sql`false`})`;
}

export async function listRecycleBin(db: Db, actor: Actor, query: { page: number; pageSize: number; q?: string }) {
  const where = and(
    isNotNull(customers.deletedAt),
    await recycleScope(db, actor),
    query.q ? searchCondition({ text: customers.searchText, grams: customers.searchGrams }, query.q) : undefined,
  );
  const offset = (query.page - 1) * query.pageSize;
  const [found, counted] = await Promise.all([
    selectCustomerPage(db, sql`'scope'`, { where, orderBy: [desc(customers.deletedAt), desc(customers.id)], limit: query.pageSize, offset }),
    cappedTotal(db, sql`${customers} where ${where}`, { planEachExecution: !!query.q }),
  ]);
  return {
    items: found.map((r) => toCustomerDto(r, { recycle: true })),
    page: query.page,
    pageSize: query.pageSize,
    ...counted,
  };
}

/** 恢复: back where it was (same owner, or the pool); refused if an equal customer was created meanwhile. */
export async function restoreCustomer(db: Db, actor: Actor, id: number): Promise<CustomerDto> {
  await db.transaction((tx) => restoreCustomerIn(tx, actor, id));
  const scope = await customerScope(db, actor);
  const [row] = await selectCustomerDtos(db, accessExpression(scope, actor)).where(eq(customers.id, id));
  return toCustomerDto(row);
}

/** 从回收站恢复 inside the caller's transaction (one customer, or one of a bulk restore): refused while a live customer now has its name or numbers. */
export async function restoreCustomerIn(tx: Db, actor: Actor, id: number): Promise<void> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), isNotNull(customers.deletedAt), await recycleScope(tx, actor)))
    .for('update');
  if (!row) throw notFound();
  // Its dictionary codes were counted as in use while it was in the bin: only the duplicate keys.
  await lockCustomerKeys(tx, { names: [row.name], phones: [row.phone, row.mobile].filter((p): p is string => !!p) });
  await assertNotDuplicate(tx, {
    name: row.name,
    phones: [
      { field: 'phone', value: row.phone },
      { field: 'mobile', value: row.mobile },
    ],
    excludeId: id,
  });
  await tx
    .update(customers)
    .set({ deletedAt: null, deletedBy: null, updatedAt: new Date(), updatedBy: actor.userId > 0 ? actor.userId : null })
    .where(eq(customers.id, id));
  await writeTogether(tx, [
    customerEventInsert(tx, actor, id, 'restored'),
    auditInsert(tx, actor, { action: 'state', entityType: 'customer', entityId: id, summary: `${row.name}: 从回收站恢复`,
      summaryKey: 'customer.auditSummary.restored',
      summaryParams: { name: row.name }, changes: [{ field: 'deletedAt', from: row.deletedAt?.toISOString() ?? null, to: null }] }),
  ]);
}

/** Record history: anyone who may see the customer (or, once deleted, may see it in the recycle bin). */
export async function canSeeCustomer(db: Db, actor: Actor, entityId: string): Promise<boolean> {
  const id = Number(entityId);
  if (!Number.isInteger(id) || id < 1 || id > Number.MAX_SAFE_INTEGER) return false;
  const [row] = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
  if (!row) return false;
  if (row.deletedAt) {
    if (!actor.permissions.has('customer.recycle')) return false;
    const [inBin] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.id, id), await recycleScope(db, actor)));
    return !!inBin;
  }
  try {
    await loadCustomer(db, actor, id);
    return true;
  } catch {
    return false;
  }
}
