import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { escapeLike } from '../../platform/audit/service';
import { AppError } from '../../platform/http/errors';
import type { ErrorCode } from '../../platform/http/messages';
import { customerAccess } from './access';
import { customers } from './schema';
import { getCustomerSettings } from './settings';

/**
 * 查重: customers (including those in the pool) with the same phone or a similar name. Whose they
 * are (the owner's name) is always said; anything more only when the caller may see the customer.
 */

/** Mainland mobiles are stored as their 11 digits, so "+86 138-1234-5678" and "13812345678" match. */
export function normalizeMobile(value: string | null): string | null {
  if (!value) return null;
  const digits = value.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

/** What an invisible customer's name shows: its first and last character. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 4))}${chars[chars.length - 1]}`;
}

export interface DuplicateMatch {
  id: number | null;
  name: string;
  matchedOn: 'name' | 'phone';
  similarity: number;
  ownerName: string | null;
  inPool: boolean;
  visible: boolean;
}

type MatchRow = { id: number; similarity: number | string; ownerName: string | null };

const MAX_MATCHES = 10;

export async function checkDuplicates(
  db: Db,
  actor: Actor,
  input: { name?: string; phone?: string; mobile?: string; excludeId?: number },
): Promise<{ matches: DuplicateMatch[] }> {
  const exclude = input.excludeId ?? 0;
  const name = input.name?.trim() ?? '';
  const phones = [...new Set([input.phone?.trim(), normalizeMobile(input.mobile?.trim() ?? null), normalizeMobile(input.phone?.trim() ?? null)])].filter(
    (p): p is string => !!p && p.replace(/\D/g, '').length >= 5,
  );
  const found: { row: MatchRow; matchedOn: 'name' | 'phone' }[] = [];
  if ([...name].length >= 2) {
    const like = `%${escapeLike(name.toLowerCase())}%`;
    // The search-text conditions use its trigram index; the name conditions decide what counts as similar.
    const byName = await rows<MatchRow>(
      db,
      sql`select c.id, case when c.name = ${name} then 1 else similarity(c.name, ${name}) end as similarity, u.name as "ownerName"
            from customers c left join users u on u.id = c.owner_id
           where c.deleted_at is null and c.id <> ${exclude}
             and (c.search_text ilike ${like} or ${name} <% c.search_text)
             and (c.name = ${name} or c.name ilike ${like} or ${name} ilike '%' || replace(replace(replace(c.name, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
                  or similarity(c.name, ${name}) >= 0.4 or word_similarity(${name}, c.name) >= 0.6)
           order by 2 desc, c.id
           limit ${MAX_MATCHES}`,
    );
    for (const row of byName) found.push({ row, matchedOn: 'name' });
  }
  if (phones.length) {
    const list = sql`${`{${phones.map((p) => `"${p.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;
    const byPhone = await rows<MatchRow>(
      db,
      sql`select c.id, 1 as similarity, u.name as "ownerName"
            from customers c left join users u on u.id = c.owner_id
           where c.deleted_at is null and c.id <> ${exclude}
             and (c.phone = any(${list}) or c.mobile = any(${list})
                  or c.id in (select k.customer_id from contacts k where k.deleted_at is null and (k.mobile = any(${list}) or k.phone = any(${list}))))
           order by c.id
           limit ${MAX_MATCHES}`,
    );
    for (const row of byPhone) found.push({ row, matchedOn: 'phone' });
  }
  if (!found.length) return { matches: [] };
  const ids = [...new Set(found.map((f) => f.row.id))];
  const full = await db.select().from(customers).where(sql`${customers.id} = any(${`{${ids.join(',')}}`}::bigint[])`);
  const byId = new Map(full.map((r) => [r.id, r]));
  const matches: DuplicateMatch[] = [];
  for (const { row, matchedOn } of found) {
    const customer = byId.get(row.id);
    if (!customer) continue;
    const visible = (await customerAccess(db, actor, customer)) !== null;
    matches.push({
      id: visible ? customer.id : null,
      name: visible ? customer.name : maskName(customer.name),
      matchedOn,
      similarity: Math.round(Number(row.similarity) * 100) / 100,
      ownerName: row.ownerName,
      inPool: customer.ownerId === null,
      visible,
    });
  }
  return { matches };
}

/**
 * Refuse saving an exact duplicate name or phone unless the customer settings allow it: 409
 * CUSTOMER_DUPLICATE naming only the owner. Transaction-scoped advisory locks on the name and
 * numbers make two concurrent saves of the same customer queue, so the second sees the first.
 */
export async function assertNotDuplicate(
  tx: Db,
  input: { name?: string | null; phones?: { field: string; value: string | null | undefined }[]; excludeId?: number },
) {
  const settings = await getCustomerSettings(tx);
  const exclude = input.excludeId ?? 0;
  if (input.name && !settings.allowDuplicateName) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer-name:${input.name}`}))`);
    const [hit] = await rows<{ ownerName: string | null; ownerId: number | null }>(
      tx,
      sql`select c.owner_id as "ownerId", u.name as "ownerName" from customers c left join users u on u.id = c.owner_id
           where c.name = ${input.name} and c.deleted_at is null and c.id <> ${exclude} limit 1`,
    );
    if (hit) throw duplicate('name', hit.ownerId === null ? 'CUSTOMER_DUPLICATE_NAME_POOL' : 'CUSTOMER_DUPLICATE_NAME', hit.ownerName);
  }
  if (!settings.allowDuplicatePhone) {
    for (const { field, value } of input.phones ?? []) {
      if (!value) continue;
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer-phone:${value}`}))`);
      const [hit] = await rows<{ ownerName: string | null; ownerId: number | null }>(
        tx,
        sql`select c.owner_id as "ownerId", u.name as "ownerName" from customers c left join users u on u.id = c.owner_id
             where (c.phone = ${value} or c.mobile = ${value}) and c.deleted_at is null and c.id <> ${exclude} limit 1`,
      );
      if (hit) throw duplicate(field, hit.ownerId === null ? 'CUSTOMER_DUPLICATE_PHONE_POOL' : 'CUSTOMER_DUPLICATE_PHONE', hit.ownerName);
    }
  }
}

function duplicate(field: string, messageCode: ErrorCode, ownerName: string | null) {
  return new AppError(409, 'CUSTOMER_DUPLICATE', { ownerName: ownerName ?? '' }, [{ field, code: messageCode }], messageCode);
}
