import { and, asc, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { ContactCreateInput, ContactUpdateInput } from '../../../common/customers';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { diffFields, escapeLike, recordAudit } from '../../platform/audit/service';
import { fieldError, notFound } from '../../platform/http/errors';
import { customerScope, loadCustomer, visibleCustomers } from './access';
import { normalizeMobile } from './duplicates';
import { cappedTotal } from '../../platform/http/lists';
import { contacts, customers } from './schema';
import { rebuildSearchText, searchCondition, searchTerm } from './search-text';

/** 联系人: people at a customer. Who may see or change one follows its customer. */

type ContactRow = typeof contacts.$inferSelect;

const contactColumns = {
  contact: contacts,
  customerName: customers.name,
};

export function toContactDto(r: { contact: ContactRow; customerName: string }) {
  const c = r.contact;
  return {
    id: c.id,
    customerId: c.customerId,
    customerName: r.customerName,
    name: c.name,
    title: c.title,
    mobile: c.mobile,
    phone: c.phone,
    email: c.email,
    wechat: c.wechat,
    isDecisionMaker: c.isDecisionMaker,
    isPrimary: c.isPrimary,
    remark: c.remark,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

const auditedFields = ['name', 'title', 'mobile', 'phone', 'email', 'wechat', 'isDecisionMaker', 'isPrimary', 'remark'] as const;

/**
 * The contacts list: contacts of customers the caller may see (the same visibleCustomers as the
 * customer list). The search narrows customers through their trigram-indexed search text (which
 * holds contact names and phones) before matching the contact itself.
 */
export async function listContacts(db: Db, actor: Actor, query: { page: number; pageSize: number; q?: string; customerId?: number }) {
  const scope = await customerScope(db, actor);
  const like = query.q ? `%${escapeLike(searchTerm(query.q))}%` : undefined;
  const conditions: (SQL | undefined)[] = [
    isNull(contacts.deletedAt),
    await visibleCustomers(db, scope, actor),
    query.customerId ? eq(contacts.customerId, query.customerId) : undefined,
    like && query.q
      ? sql`${searchCondition({ text: customers.searchText, grams: customers.searchGrams }, query.q)} and (${contacts.name} ilike ${like} or ${contacts.mobile} ilike ${like} or ${contacts.phone} ilike ${like}
          or regexp_replace(coalesce(${contacts.phone}, ''), '[^0-9]', '', 'g') ilike ${like} or ${customers.name} ilike ${like})`
      : undefined,
  ];
  const where = and(...conditions);
  const offset = (query.page - 1) * query.pageSize;
  const [found, counted] = await Promise.all([
    db
      .select(contactColumns)
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(where)
      .orderBy(desc(contacts.updatedAt), desc(contacts.id))
      .limit(query.pageSize)
      .offset(offset),
    cappedTotal(db, sql`${contacts} inner join ${customers} on ${customers.id} = ${contacts.customerId} where ${where}`, { planEachExecution: !!query.q }),
  ]);
  return { items: found.map(toContactDto), page: query.page, pageSize: query.pageSize, ...counted };
}

/** One customer's contacts (anyone who may see the customer), the primary first. */
export async function customerContacts(db: Db, actor: Actor, customerId: number) {
  await loadCustomer(db, actor, customerId);
  const found = await db
    .select(contactColumns)
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(and(eq(contacts.customerId, customerId), isNull(contacts.deletedAt)))
    .orderBy(desc(contacts.isPrimary), asc(contacts.id));
  return { items: found.map(toContactDto) };
}

async function contactDto(db: Db, id: number) {
  const [row] = await db.select(contactColumns).from(contacts).innerJoin(customers, eq(customers.id, contacts.customerId)).where(eq(contacts.id, id));
  if (!row) throw notFound();
  return toContactDto(row);
}

/** A contact's audit entries belong to its customer's history too. */
const ofCustomer = (customerId: number) => ({ type: 'customer', id: customerId });

/** Make `id` the customer's only primary contact: the old one is unset first, in the same transaction. */
async function makePrimary(tx: Db, customerId: number, id: number) {
  await tx
    .update(contacts)
    .set({ isPrimary: false })
    .where(and(eq(contacts.customerId, customerId), eq(contacts.isPrimary, true), ne(contacts.id, id)));
  await tx.update(contacts).set({ isPrimary: true }).where(eq(contacts.id, id));
}

async function hasPrimary(tx: Db, customerId: number, exceptId = 0) {
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), eq(contacts.isPrimary, true), isNull(contacts.deletedAt), ne(contacts.id, exceptId)))
    .limit(1);
  return !!row;
}

/** New contact (write access on the customer); the first contact of a customer becomes its primary. */
export async function createContact(db: Db, actor: Actor, customerId: number, input: ContactCreateInput) {
  const id = await db.transaction(async (tx) => {
    // The customer row lock serialises contact writes per customer (primary, search text).
    const { row: customer } = await loadCustomer(tx, actor, customerId, { forWrite: true, lock: true });
    const { isPrimary, ...fields } = input;
    const [row] = await tx
      .insert(contacts)
      .values({ ...fields, mobile: normalizeMobile(fields.mobile), customerId, isPrimary: false, createdBy: actor.userId > 0 ? actor.userId : null })
      .returning({ id: contacts.id });
    if (isPrimary || !(await hasPrimary(tx, customerId, row.id))) await makePrimary(tx, customerId, row.id);
    await rebuildSearchText(tx, customerId);
    await recordAudit(tx, actor, { action: 'create', entityType: 'contact', entityId: row.id, summary: `${customer.name}: ${fields.name}`, parent: ofCustomer(customerId) });
    return row.id;
  });
  return contactDto(db, id);
}

async function loadContactForWrite(tx: Db, actor: Actor, id: number) {
  const [row] = await tx.select().from(contacts).where(and(eq(contacts.id, id), isNull(contacts.deletedAt))).limit(1);
  if (!row) throw notFound();
  const { row: customer } = await loadCustomer(tx, actor, row.customerId, { forWrite: true, lock: true });
  // Re-read under the customer's lock: another writer may have changed the primary meanwhile.
  const [current] = await tx.select().from(contacts).where(and(eq(contacts.id, id), isNull(contacts.deletedAt))).limit(1);
  if (!current) throw notFound();
  return { contact: current, customer };
}

export async function updateContact(db: Db, actor: Actor, id: number, input: ContactUpdateInput) {
  const values = 'mobile' in input ? { ...input, mobile: normalizeMobile(input.mobile ?? null) } : input;
  await db.transaction(async (tx) => {
    const { contact: before, customer } = await loadContactForWrite(tx, actor, id);
    const changes = diffFields(before, values, auditedFields);
    if (!changes.length) return;
    const { isPrimary, ...fields } = values;
    if (isPrimary === false && before.isPrimary) throw fieldError('isPrimary', 'CONTACT_PRIMARY_REQUIRED');
    await tx
      .update(contacts)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(contacts.id, id));
    if (isPrimary && !before.isPrimary) await makePrimary(tx, before.customerId, id);
    if (changes.some((c) => c.field === 'name' || c.field === 'mobile' || c.field === 'phone')) await rebuildSearchText(tx, before.customerId);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'contact',
      entityId: id,
      summary: `${customer.name}: ${values.name ?? before.name}`,
      changes,
      parent: ofCustomer(before.customerId),
    });
  });
  return contactDto(db, id);
}

/** Delete a contact (soft); when it was the primary, the longest-standing remaining contact takes over. */
export async function deleteContact(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const { contact, customer } = await loadContactForWrite(tx, actor, id);
    await tx.update(contacts).set({ deletedAt: new Date(), isPrimary: false }).where(eq(contacts.id, id));
    const parent = ofCustomer(contact.customerId);
    if (contact.isPrimary) {
      const [next] = await tx
        .select({ id: contacts.id, name: contacts.name })
        .from(contacts)
        .where(and(eq(contacts.customerId, contact.customerId), isNull(contacts.deletedAt)))
        .orderBy(asc(contacts.id))
        .limit(1);
      if (next) {
        await makePrimary(tx, contact.customerId, next.id);
        // The takeover is a change of that contact too, and says so in the customer's history.
        const changes = [{ field: 'isPrimary', from: false, to: true }];
        await recordAudit(tx, actor, { action: 'update', entityType: 'contact', entityId: next.id, summary: `${customer.name}: ${next.name}`, changes, parent });
      }
    }
    await rebuildSearchText(tx, contact.customerId);
    await recordAudit(tx, actor, { action: 'delete', entityType: 'contact', entityId: id, summary: `${customer.name}: ${contact.name}`, parent });
  });
}

/** Record history of a contact: whoever may see its customer. */
export async function canSeeContact(db: Db, actor: Actor, entityId: string): Promise<boolean> {
  const id = Number(entityId);
  if (!Number.isInteger(id) || id < 1 || id > Number.MAX_SAFE_INTEGER) return false;
  const [row] = await db.select({ customerId: contacts.customerId }).from(contacts).where(eq(contacts.id, id)).limit(1);
  if (!row) return false;
  try {
    await loadCustomer(db, actor, row.customerId);
    return true;
  } catch {
    return false;
  }
}
