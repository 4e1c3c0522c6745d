import { type SQL, sql } from 'drizzle-orm';
import { nationalPhone } from '../../../common/fields';
import { type Db, rows } from '../../db/client';
import { executeNamed } from '../../db/prepared';
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

/**
 * What two numbers are compared by: their digits in national form (without +86). A landline is kept
 * as typed, and "0755-2666 0001", "(0755)26660001", "+86 755 2666 0001" and caller ID's
 * "075526660001" are one number.
 */
export function phoneKey(value: string): string {
  return normalizeMobile(nationalPhone(value)) ?? '';
}

/**
 * A stored landline column's digits, in SQL: exactly the expression that customers_phone_digits_idx
 * and contacts_phone_digits_idx index (migration 0015), so that the comparison uses them. Mobiles are
 * stored as digits already.
 */
const phoneDigits = (column: 'c.phone' | 'x.phone' | 'k.phone') => sql.raw(`regexp_replace(${column}, '[^0-9]', '', 'g')`);

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
  /** sameName: exactly the name typed (what saving refuses); name: a similar one (pg_trgm also says 1 for names differing only in case or punctuation). */
  matchedOn: 'sameName' | 'name' | 'phone';
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
  const phones = [...new Set([input.phone, input.mobile].filter((p): p is string => !!p?.trim()).map(phoneKey))].filter((key) => key.length >= 5);
  const found: { row: MatchRow; matchedOn: 'name' | 'phone' }[] = [];
  if ([...name].length >= 2) {
    const like = `%${escapeLike(name.toLowerCase())}%`;
    // The search-text conditions use its trigram index; the name conditions decide what counts as similar.
    const byName = await rows<MatchRow>(
      db,
      sql`select c.id, case when c.name = ${name} then 1 else similarity(c.name, ${name}) end as similarity, u.name as "ownerName"
            from customers c left join users u on u.id = c.owner_id
           where c.deleted_at is null and c.id <> ${exclude}
             and (c.search_text like lower(${like}) or ${name} <% c.search_text)
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
             -- One index lookup per kind of number, then the customers: as one OR with the contacts'
             -- subquery PostgreSQL walked every customer instead (a second at a million customers).
             and c.id in (select x.id from customers x where ${phoneDigits('x.phone')} = any(${list})
                          union all select x.id from customers x where x.mobile = any(${list})
                          union all select k.customer_id from contacts k
                                     where k.deleted_at is null and (k.mobile = any(${list}) or ${phoneDigits('k.phone')} = any(${list})))
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
      matchedOn: matchedOn === 'name' && customer.name === name ? 'sameName' : matchedOn,
      similarity: Math.round(Number(row.similarity) * 100) / 100,
      ownerName: row.ownerName,
      inPool: customer.ownerId === null,
      visible,
    });
  }
  return { matches };
}

/** Whose an existing duplicate is: its owner (null: the pool). */
export interface DuplicateOwner {
  ownerId: number | null;
  ownerName: string | null;
}

/** A JSON text array, expanded in SQL: arbitrary strings without building an array literal. */
const textList = (values: string[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * The duplicate rule, set-based: live customers (pool included) with exactly one of these names, or
 * with one of these numbers as phone or mobile. One hit per name and per number, by lowest id.
 */
export async function existingDuplicates(
  tx: Db,
  input: { names?: string[]; phones?: string[]; excludeId?: number },
): Promise<{ names: Map<string, DuplicateOwner>; phones: Map<string, DuplicateOwner> }> {
  const exclude = input.excludeId ?? 0;
  const names = [...new Set(input.names ?? [])].filter(Boolean);
  // Numbers are looked up by their keys and answered by the values the caller gave.
  const phones = [...new Set((input.phones ?? []).map(phoneKey))].filter(Boolean);
  const result = { names: new Map<string, DuplicateOwner>(), phones: new Map<string, DuplicateOwner>() };
  if (!names.length && !phones.length) return result;
  // Names and numbers in one statement (a save checks both): the oldest holder of each.
  const { rows: found } = await executeNamed<DuplicateOwner & { kind: 'name' | 'phone'; key: string }>(
    tx,
    'customer_duplicates',
    sql`select 'name' as kind, n.key, c.owner_id as "ownerId", u.name as "ownerName"
          from ${textList(names)} as n(key)
          join lateral (select c.id, c.owner_id from customers c
                         where c.name = n.key and c.deleted_at is null and c.id <> ${exclude}
                         order by c.id limit 1) c on true
          left join users u on u.id = c.owner_id
        union all
        -- Numbers as two plain joins, not a per-number probe with an OR: a probe's plan, kept while a
        -- large import fills a small table, scanned the table and its landlines' digits once per number.
        select 'phone', h.key, h.owner_id, u.name
          from (select distinct on (m.key) m.key, m.id, m.owner_id
                  from (select p.key, c.id, c.owner_id from ${textList(phones)} as p(key)
                          join customers c on ${phoneDigits('c.phone')} = p.key
                         where c.deleted_at is null and c.id <> ${exclude}
                        union all
                        select p.key, c.id, c.owner_id from ${textList(phones)} as p(key)
                          join customers c on c.mobile = p.key
                         where c.deleted_at is null and c.id <> ${exclude}) m
                 order by m.key, m.id) h
          left join users u on u.id = h.owner_id`,
  );
  const byPhoneKey = new Map<string, DuplicateOwner>();
  for (const { kind, key, ...owner } of found) (kind === 'name' ? result.names : byPhoneKey).set(key, owner);
  for (const value of input.phones ?? []) {
    const hit = byPhoneKey.get(phoneKey(value));
    if (hit) result.phones.set(value, hit);
  }
  return result;
}

/**
 * Transaction-scoped advisory locks on names and numbers, so that two concurrent saves of the same
 * customer queue and the second sees the first. All keys are taken in one statement, ordered by the
 * lock's own key (the 32-bit hash, duplicates removed), so that any two callers take the locks they
 * share in the same order: sorting by the text would not, when two texts hash alike. Callers go
 * through lockCustomerKeys (write-locks.ts), which places this step in the lock order.
 */
export async function lockDuplicateKeys(tx: Db, input: { names?: string[]; phones?: string[] }) {
  const statement = duplicateKeysLockStatement(input);
  if (statement) await executeNamed(tx, 'customer_key_locks', statement);
}

/**
 * The statement of lockDuplicateKeys; null when there is nothing to lock. `after`, a relation of the
 * same statement, is read before any lock is taken (each lock is taken on a row joined with it):
 * for write-locks.ts, which takes the dictionary locks first in the same statement.
 */
export function duplicateKeysLockStatement(input: { names?: string[]; phones?: string[] }, after?: SQL): SQL | null {
  const keys = [...new Set([...(input.names ?? []).map((n) => `customer-name:${n}`), ...(input.phones ?? []).map((p) => `customer-phone:${phoneKey(p)}`)])];
  if (!keys.length) return null;
  const hashes = sql`(select distinct hashtext(k) as h from ${textList(keys)} as t(k) order by h) s`;
  return sql`select count(pg_advisory_xact_lock(h)) from ${hashes}${after ? sql` cross join ${after}` : sql``}`;
}

/** The wording of a duplicate: names only the owner, or says it is in the pool. */
export function duplicateMessageCode(on: 'name' | 'phone', hit: DuplicateOwner): ErrorCode {
  if (on === 'name') return hit.ownerId === null ? 'CUSTOMER_DUPLICATE_NAME_POOL' : 'CUSTOMER_DUPLICATE_NAME';
  return hit.ownerId === null ? 'CUSTOMER_DUPLICATE_PHONE_POOL' : 'CUSTOMER_DUPLICATE_PHONE';
}

/**
 * Refuse saving an exact duplicate name or phone unless the customer settings allow it: 409
 * CUSTOMER_DUPLICATE naming only the owner. Call with the name and numbers locked
 * (lockCustomerKeys), so that two concurrent saves of the same customer queue and the second sees
 * the first.
 */
export async function assertNotDuplicate(
  tx: Db,
  input: { name?: string | null; phones?: { field: string; value: string | null | undefined }[]; excludeId?: number },
) {
  const settings = await getCustomerSettings(tx);
  const name = input.name && !settings.allowDuplicateName ? input.name : null;
  const phones = settings.allowDuplicatePhone ? [] : (input.phones ?? []).filter((p): p is { field: string; value: string } => !!p.value);
  if (!name && !phones.length) return;
  // One look for the name and every number; the name is reported first, then the numbers in order.
  const hits = await existingDuplicates(tx, { names: name ? [name] : [], phones: phones.map((p) => p.value), excludeId: input.excludeId });
  const nameHit = name ? hits.names.get(name) : undefined;
  if (nameHit) throw duplicate('name', duplicateMessageCode('name', nameHit), nameHit.ownerName);
  for (const { field, value } of phones) {
    const hit = hits.phones.get(value);
    if (hit) throw duplicate(field, duplicateMessageCode('phone', hit), hit.ownerName);
  }
}

function duplicate(field: string, messageCode: ErrorCode, ownerName: string | null) {
  return new AppError(409, 'CUSTOMER_DUPLICATE', { ownerName: ownerName ?? '' }, [{ field, code: messageCode }], messageCode);
}
