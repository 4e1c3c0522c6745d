import { eq, is, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { type Db, rows } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { diffFields, recordAudit } from '../../platform/audit/service';
import { getCompanyRow } from '../../platform/settings/company';
import { companySettings, DEFAULT_TIME_ZONE } from '../../platform/settings/schema';
import { customerSettings } from './schema';

/**
 * The customer rules an administrator sets (客户设置): pool limits, owned limit, duplicates.
 * The one getter for them; the row (id = 1) is created on first use.
 */
export type CustomerSettingsRow = typeof customerSettings.$inferSelect;

export interface CustomerSettingsInput {
  /** Claims from the pool per user per day (company time zone); 0 = unlimited. */
  dailyClaimLimit: number;
  /** Days during which the user who released a customer may not claim it back; 0 = no block. */
  reclaimBlockDays: number;
  /** Customers one user may own; 0 = unlimited. Enforced on create, claim, assign and transfer. */
  maxOwnedPerUser: number;
  allowDuplicateName: boolean;
  allowDuplicatePhone: boolean;
}

export function getCustomerSettings(db: Db): Promise<CustomerSettingsRow> {
  if (!is(db, PgTransaction)) return readCustomerSettings(db);
  // A create or a claim consults the rules at three steps of one transaction: read them once.
  let read = readInTransaction.get(db);
  if (!read) readInTransaction.set(db, (read = readCustomerSettings(db)));
  return read;
}
const readInTransaction = new WeakMap<Db, Promise<CustomerSettingsRow>>();

/** The rules as a statement of this transaction read them along with something else (lockUser). */
export function knowCustomerSettings(tx: Db, row: CustomerSettingsRow) {
  if (is(tx, PgTransaction) && !readInTransaction.has(tx)) readInTransaction.set(tx, Promise.resolve(row));
}

async function readCustomerSettings(db: Db): Promise<CustomerSettingsRow> {
  const [row] = await db.select().from(customerSettings).where(eq(customerSettings.id, 1));
  if (row) return row;
  const [created] = await db.insert(customerSettings).values({ id: 1 }).onConflictDoNothing().returning();
  return created ?? (await db.select().from(customerSettings).where(eq(customerSettings.id, 1)))[0];
}

export function toCustomerSettingsDto(row: CustomerSettingsRow): CustomerSettingsInput {
  return {
    dailyClaimLimit: row.dailyClaimLimit,
    reclaimBlockDays: row.reclaimBlockDays,
    maxOwnedPerUser: row.maxOwnedPerUser,
    allowDuplicateName: row.allowDuplicateName,
    allowDuplicatePhone: row.allowDuplicatePhone,
  };
}

export async function updateCustomerSettings(db: Db, actor: Actor, input: CustomerSettingsInput) {
  return db.transaction(async (tx) => {
    const before = await getCustomerSettings(tx);
    const [row] = await tx
      .update(customerSettings)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(customerSettings.id, 1))
      .returning();
    readInTransaction.delete(tx);
    const changes = diffFields(before, input, ['dailyClaimLimit', 'reclaimBlockDays', 'maxOwnedPerUser', 'allowDuplicateName', 'allowDuplicatePhone']);
    if (changes.length) await recordAudit(tx, actor, { action: 'update', entityType: 'customer_settings', entityId: 1, summary: '客户设置', summaryKey: 'customer.auditSummary.settings', changes });
    return toCustomerSettingsDto(row);
  });
}

/** The company's time zone (company settings), in which "today" is counted. */
export async function companyTimeZone(db: Db): Promise<string> {
  return (await getCompanyRow(db)).timeZone;
}

/**
 * Midnight that starts a day in the company's time zone, as an instant: `date` (YYYY-MM-DD) or
 * today, shifted by `offsetDays`. PostgreSQL does the zone arithmetic (DST-safe).
 */
export async function companyDayStart(db: Db, opts: { date?: string; offsetDays?: number } = {}): Promise<Date> {
  const [row] = await rows<{ at: Date | string }>(db, sql`select ${companyDayStartSql(opts)} as at`);
  return new Date(row.at);
}

/**
 * The same instant as an SQL expression, for a statement that compares with it (a claim counts
 * the day's claims in one statement). The zone is read in it; the column's default stands in if a
 * hand reset removed the company row.
 */
export function companyDayStartSql(opts: { date?: string; offsetDays?: number } = {}): SQL {
  const zone = companyZoneSql();
  const day = opts.date ? sql`${opts.date}::date` : sql`(now() at time zone ${zone})::date`;
  return sql`((${day} + ${opts.offsetDays ?? 0}::int)::timestamp at time zone ${zone})`;
}

/** The company's time zone as an SQL expression, read in the statement that uses it (no round trip of its own). */
export function companyZoneSql(): SQL {
  return sql`coalesce((select ${companySettings.timeZone} from ${companySettings} where ${companySettings.id} = 1), ${DEFAULT_TIME_ZONE}::text)`;
}

/** The company's time zone and the calendar date (YYYY-MM-DD) of `now` in it. */
export async function companyDay(db: Db, now: Date): Promise<{ tz: string; day: string }> {
  const tz = await companyTimeZone(db);
  return { tz, day: formatCompanyDate(now, tz) };
}

/** The calendar date (YYYY-MM-DD) of an instant in the company's time zone, for messages. */
export function formatCompanyDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
