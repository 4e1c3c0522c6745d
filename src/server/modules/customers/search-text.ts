import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

type Searchable = { name: string; shortName?: string | null; phone?: string | null; mobile?: string | null };
type SearchableContact = { name: string; mobile?: string | null; phone?: string | null };

/**
 * What the customer search box matches: name, short name, phones, and each live contact's name and
 * phones, in one lower-cased string behind one pg_trgm GIN index. Pure, so bulk loaders build it too.
 */
export function buildSearchText(customer: Searchable, contacts: SearchableContact[]): string {
  const parts = [customer.name, customer.shortName, customer.phone, customer.mobile];
  for (const c of contacts) parts.push(c.name, c.mobile, c.phone);
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .join(' ')
    .toLowerCase();
}

/** Rebuild one customer's search text from its row and live contacts (after any write to either). */
export async function rebuildSearchText(db: Db, customerId: number): Promise<void> {
  await db.execute(sql`
    update customers c set search_text = lower(concat_ws(' ', nullif(c.name, ''), nullif(c.short_name, ''), nullif(c.phone, ''), nullif(c.mobile, ''),
      (select string_agg(concat_ws(' ', nullif(k.name, ''), nullif(k.mobile, ''), nullif(k.phone, '')), ' ' order by k.id)
         from contacts k where k.customer_id = c.id and k.deleted_at is null)))
    where c.id = ${customerId}`);
}
