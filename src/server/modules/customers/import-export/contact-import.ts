import { and, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { contactCreateBody } from '../../../../common/customers';
import { sqlArray } from '../../../db/arrays';
import { type Db, rows as selectRows } from '../../../db/client';
import type { Actor } from '../../../platform/access/actor';
import { auditInsert, recordAudit } from '../../../platform/audit/service';
import type { Lang } from '../../../platform/http/lang';
import { issueMessage } from '../../../platform/http/validation';
import { customerScope } from '../access';
import { accessExpression } from '../customer-dto';
import { normalizeMobile } from '../duplicates';
import { contacts, customers } from '../schema';
import { rebuildSearchText } from '../search-text';
import { importColumns } from './columns';
import { choiceMaps, importOutcome, message, type PreviewRow, previewOf, readCells } from './import';
import type { UploadRow } from './upload-rows';

/**
 * 导入联系人: contacts for customers that exist, each row naming its customer by 客户名称. A row
 * goes to the one customer of that name the caller may change (the owner's side or a read-write
 * team member), as 新建联系人 would: the same fields and checks, and the first contact of a customer
 * without one becomes its primary. A name the caller cannot see, may only read, or that several
 * such customers share fails with the reason.
 */

type ContactInput = z.output<typeof contactCreateBody>;

interface ContactRow extends PreviewRow {
  customerName?: string;
  contact?: ContactInput;
  customerId?: number;
}

const BATCH_SIZE = 500;

function checkContactRow(upload: UploadRow, maps: Map<string, Map<string, string>>, lang: Lang): ContactRow {
  const { cells, errors, blank } = readCells(importColumns.contact, upload, maps, lang);
  const { customerName, isDecisionMaker, ...contactFields } = cells;
  const parsed = contactCreateBody.safeParse({
    ...contactFields,
    ...(isDecisionMaker !== undefined ? { isDecisionMaker: isDecisionMaker === 'true' } : {}),
    isPrimary: false,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'name');
      if (!blank.has(field)) errors.push({ field, message: issueMessage(issue, lang) });
    }
  }
  const row: ContactRow = { row: upload.row, values: upload.cells, errors };
  if (typeof customerName === 'string') row.customerName = customerName;
  if (parsed.success && !errors.length) row.contact = { ...parsed.data, mobile: normalizeMobile(parsed.data.mobile) };
  return row;
}

/**
 * Each row's customer, from the customers of those names and what the caller may do with each: a row
 * that passed on its own gets its customerId, or fails on 客户名称 with the reason.
 */
async function matchCustomers(db: Db, actor: Actor, rows: ContactRow[], lang: Lang) {
  const pending = rows.filter((r) => r.contact && r.customerName);
  const names = [...new Set(pending.map((r) => r.customerName!))];
  if (!names.length) return;
  const access = accessExpression(await customerScope(db, actor), actor);
  const found = await db
    .select({ id: customers.id, name: customers.name, access })
    .from(customers)
    .where(and(sql`${customers.name} = any(${sqlArray(names, 'text')})`, isNull(customers.deletedAt)));
  const byName = new Map<string, typeof found>();
  for (const c of found) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  for (const r of pending) {
    const name = r.customerName!;
    const matches = byName.get(name) ?? [];
    const writable = matches.filter((c) => c.access === 'scope' || c.access === 'write_share');
    let error: string | undefined;
    if (writable.length === 1) r.customerId = writable[0].id;
    else if (writable.length > 1) error = message('IMPORT_CUSTOMER_AMBIGUOUS', lang, { name, count: writable.length });
    else if (matches.some((c) => c.access !== null)) error = message('IMPORT_CUSTOMER_READ_ONLY', lang, { name });
    else error = message('IMPORT_CUSTOMER_NOT_FOUND', lang, { name });
    if (error) {
      r.errors.push({ field: 'customerName', message: error });
      delete r.contact;
    }
  }
}

async function checkContactRows(db: Db, actor: Actor, uploads: UploadRow[], lang: Lang): Promise<ContactRow[]> {
  const maps = await choiceMaps(db, importColumns.contact);
  const rows = uploads.map((u) => checkContactRow(u, maps, lang));
  await matchCustomers(db, actor, rows, lang);
  return rows;
}

/** 预览: every row with its errors; nothing is written. */
export async function previewContactImport(db: Db, actor: Actor, uploads: UploadRow[], lang: Lang) {
  return previewOf('contact', await checkContactRows(db, actor, uploads, lang), lang);
}

/**
 * 导入: the valid rows, in batches of one transaction each. A batch locks its customers first (as
 * 新建联系人 does: the lock serialises primary and search text per customer) and matches them again
 * under the lock, since a customer may have been transferred away or deleted since the check.
 */
export async function commitContactImport(db: Db, actor: Actor, uploads: UploadRow[], lang: Lang) {
  const rows = await checkContactRows(db, actor, uploads, lang);
  const valid = rows.filter((r) => r.contact);
  let imported = 0;
  for (let start = 0; start < valid.length; start += BATCH_SIZE) {
    const batch = valid.slice(start, start + BATCH_SIZE);
    const last = start + BATCH_SIZE >= valid.length;
    await db.transaction(async (tx) => {
      const ids = [...new Set(batch.map((r) => r.customerId!))];
      await selectRows(tx, sql`select id from customers where id = any(${sqlArray(ids, 'bigint')}) order by id for update`);
      for (const r of batch) delete r.customerId;
      await matchCustomers(tx, actor, batch, lang);
      const ready = batch.filter((r) => r.contact);
      // A name may now lead to another customer (the first one gone): lock that one too.
      const moved = [...new Set(ready.map((r) => r.customerId!))].filter((id) => !ids.includes(id));
      if (moved.length) await selectRows(tx, sql`select id from customers where id = any(${sqlArray(moved, 'bigint')}) order by id for update`);
      imported += await insertContacts(tx, actor, ready);
      if (last && imported > 0) await recordAudit(tx, actor, { action: 'create', entityType: 'contact', summary: `导入联系人 ${imported} 个`,
          summaryKey: 'customer.auditSummary.contactsImported',
          summaryParams: { count: imported },
        });
    });
  }
  return { imported, ...(await importOutcome('contact', rows, lang)) };
}

/** The contacts as one insert; the first of a customer that has no primary contact becomes it. */
async function insertContacts(tx: Db, actor: Actor, ready: ContactRow[]): Promise<number> {
  if (!ready.length) return 0;
  const ids = [...new Set(ready.map((r) => r.customerId!))];
  const withPrimary = await selectRows<{ customer_id: number }>(
    tx,
    sql`select customer_id from contacts where customer_id = any(${sqlArray(ids, 'bigint')}) and is_primary and deleted_at is null`,
  );
  const hasPrimary = new Set(withPrimary.map((r) => Number(r.customer_id)));
  const now = new Date();
  const userId = actor.userId > 0 ? actor.userId : null;
  const inserted = await tx
    .insert(contacts)
    .values(
      ready.map((r) => {
        const { isPrimary: _primary, ...fields } = r.contact!;
        const isPrimary = !hasPrimary.has(r.customerId!);
        hasPrimary.add(r.customerId!);
        return { ...fields, customerId: r.customerId!, isPrimary, createdBy: userId, createdAt: now, updatedAt: now };
      }),
    )
    .returning({ id: contacts.id });
  await rebuildSearchText(tx, ids);
  // Each contact's own audit row, worded as 新建联系人 words it ("客户: 联系人"). A row names its customer
  // exactly (matched again under the lock), and RETURNING answers in the order of the values.
  await auditInsert(
    tx,
    actor,
    inserted.map(({ id }, i) => ({
      action: 'create' as const,
      entityType: 'contact',
      entityId: id,
      summary: `${ready[i].customerName}: ${ready[i].contact!.name}`,
      parent: { type: 'customer', id: ready[i].customerId! },
    })),
  );
  return ready.length;
}
