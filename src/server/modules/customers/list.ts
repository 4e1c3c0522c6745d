import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { customerScenes, customerSortFields } from '../../../common/customers';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { departmentSubtreeIds, sqlIntArray, subordinateIds } from '../../platform/access/scope';
import { customerScope, visibleCustomers } from './access';
import { accessExpression, readCustomerPage } from './customer-dto';
import { customers } from './schema';
import { companyTimeZone } from './settings';
import { searchCondition } from './search-text';

export interface CustomerListQuery {
  scene: (typeof customerScenes)[number];
  page: number;
  pageSize: number;
  sort?: (typeof customerSortFields)[number];
  order: 'asc' | 'desc';
  q?: string;
  kind?: 'company' | 'person';
  level?: string;
  industry?: string;
  source?: string;
  status?: string;
  ownerId?: number;
  departmentId?: number;
  province?: string;
  city?: string;
  district?: string;
  /** YYYY-MM-DD (a day in the company's time zone) or an ISO time. */
  createdFrom?: string;
  createdTo?: string;
  nextContactFrom?: string;
  nextContactTo?: string;
  lastFollowupFrom?: string;
  lastFollowupTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
}

/** The sortable columns: the only names that reach ORDER BY. */
const sortColumns = {
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  name: customers.nameSort,
  lastFollowupAt: customers.lastFollowupAt,
  nextContactAt: customers.nextContactAt,
} as const;

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Midnight starting `day` (+ offset days) in the company's time zone, in SQL (DST-safe). */
const dayStart = (tz: string, day: SQL, offsetDays = 0) => sql`((${day} + ${offsetDays}::int)::timestamp at time zone ${tz})`;
/**
 * The start of today (plus `offsetDays`) in the company's time zone, with no parameter: the zone, a
 * setting checked as an IANA name, is written as a literal. A prepared list then keeps one plan; with
 * the zone as a parameter PostgreSQL could not estimate the bound in its generic plan and planned
 * the 今日需联系 and 逾期未联系 lists anew on every request.
 */
const todayStart = (tz: string, offsetDays = 0) => {
  const zone = `'${tz.replaceAll("'", "''")}'`;
  return sql.raw(`(((now() at time zone ${zone})::date + ${Math.trunc(offsetDays)})::timestamp at time zone ${zone})`);
};

/** A lower bound: a day means from its start; a time means from that instant. */
const from = (tz: string, v: string) => (isDay(v) ? dayStart(tz, sql`${v}::date`) : sql`${v}::timestamptz`);
/** An upper bound, exclusive: a day means up to the start of the next day (the day is included). */
const to = (tz: string, v: string) => (isDay(v) ? dayStart(tz, sql`${v}::date`, 1) : sql`${v}::timestamptz`);

/** `column` between the bounds, both inclusive: a To day runs to the end of that day, a To time is the instant itself. */
function within(tz: string, column: AnyPgColumn, lower?: string, upper?: string): (SQL | undefined)[] {
  return [
    lower ? sql`${column} >= ${from(tz, lower)}` : undefined,
    upper ? sql`${column} ${isDay(upper) ? sql`<` : sql`<=`} ${to(tz, upper)}` : undefined,
  ];
}

async function sceneCondition(db: Db, actor: Actor, scene: CustomerListQuery['scene'], tz: () => Promise<string>): Promise<SQL | undefined> {
  switch (scene) {
    case 'mine':
      return eq(customers.ownerId, actor.userId);
    case 'subordinates': {
      const ids = (await subordinateIds(db, actor.userId)).filter((id) => id !== actor.userId);
      return ids.length ? sql`${customers.ownerId} = any(${sqlIntArray(ids)})` : sql`false`;
    }
    case 'shared_to_me':
      return sql`${customers.ownerId} <> ${actor.userId} and exists (select 1 from customer_shares s where s.customer_id = ${customers.id} and s.user_id = ${actor.userId})`;
    case 'shared_by_me':
      return sql`${customers.ownerId} = ${actor.userId} and exists (select 1 from customer_shares s where s.customer_id = ${customers.id})`;
    case 'hot':
      // The bare column, not `= $1`: a prepared statement's generic plan can then use the partial
      // hot index, and PostgreSQL keeps that plan instead of planning each execution for the value.
      return sql`${customers.isHot}`;
    case 'today': {
      const zone = await tz();
      return sql`${customers.nextContactAt} >= ${todayStart(zone)} and ${customers.nextContactAt} < ${todayStart(zone, 1)}`;
    }
    case 'overdue': {
      const zone = await tz();
      return sql`${customers.nextContactAt} < ${todayStart(zone)}`;
    }
    case 'all':
      return undefined;
  }
}

/**
 * The customer list: what the caller may see (visibleCustomers), narrowed by a scene and filters,
 * searched through the trigram-indexed search text, sorted by a whitelisted column. The total is
 * counted up to 10,000 rows and otherwise reported as "10,000+".
 */
export async function listCustomers(db: Db, actor: Actor, query: CustomerListQuery) {
  const { scope, where } = await customerListWhere(db, actor, query);
  const found = await readCustomerPage(db, accessExpression(scope, actor), customerListPage(where, query), !!query.q);
  return { ...found, page: query.page, pageSize: query.pageSize };
}

/** Where, order and window of one list page (bench/http.ts replays it bare). */
export function customerListPage(where: SQL | undefined, query: CustomerListQuery) {
  return { where, orderBy: [...customerListOrder(query)], limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/** Sort columns that may be empty; their blanks always sort last. (A name's key, empty only until the job has made it, sorts as its index holds it.) */
const nullableSorts = new Set(['lastFollowupAt', 'nextContactAt']);

/**
 * The list's order: the whitelisted sort column, then id; the export uses it too. The NULLS clauses
 * spell out what the (… DESC NULLS LAST, id DESC NULLS LAST) indexes hold, read forwards for
 * "desc" and backwards for "asc", so PostgreSQL reads a page straight off an index instead of
 * sorting every row in scope.
 */
export function customerListOrder(query: Pick<CustomerListQuery, 'sort' | 'order'>) {
  const sort = query.sort ?? 'updatedAt';
  const direction = query.order === 'asc' ? sql.raw('asc') : sql.raw('desc');
  const indexNulls = query.order === 'asc' ? sql.raw('nulls first') : sql.raw('nulls last');
  const columnNulls = nullableSorts.has(sort) ? sql.raw('nulls last') : indexNulls;
  return [sql`${sortColumns[sort]} ${direction} ${columnNulls}`, sql`${customers.id} ${direction} ${indexNulls}`] as const;
}

/** What the list (and the export) selects: the caller's visible customers, the scene and the filters. */
export async function customerListWhere(db: Db, actor: Actor, query: Omit<CustomerListQuery, 'page' | 'pageSize'>) {
  const scope = await customerScope(db, actor);
  let zone: string | undefined;
  const tz = async () => (zone ??= await companyTimeZone(db));
  const timeRanges = [
    [customers.createdAt, query.createdFrom, query.createdTo],
    [customers.nextContactAt, query.nextContactFrom, query.nextContactTo],
    [customers.lastFollowupAt, query.lastFollowupFrom, query.lastFollowupTo],
    [customers.updatedAt, query.updatedFrom, query.updatedTo],
  ] as const;
  if (timeRanges.some(([, lower, upper]) => [lower, upper].some((v) => v && isDay(v)))) await tz();
  const conditions: (SQL | undefined)[] = [
    await visibleCustomers(db, scope, actor),
    await sceneCondition(db, actor, query.scene, tz),
    query.q ? searchCondition({ text: customers.searchText, grams: customers.searchGrams }, query.q) : undefined,
    query.kind ? eq(customers.kind, query.kind) : undefined,
    query.level ? eq(customers.level, query.level) : undefined,
    query.industry ? eq(customers.industry, query.industry) : undefined,
    query.source ? eq(customers.source, query.source) : undefined,
    query.status ? eq(customers.status, query.status) : undefined,
    query.ownerId ? eq(customers.ownerId, query.ownerId) : undefined,
    query.departmentId ? sql`${customers.departmentId} = any(${sqlIntArray(await departmentSubtreeIds(db, query.departmentId))})` : undefined,
    query.province ? eq(customers.province, query.province) : undefined,
    query.city ? eq(customers.city, query.city) : undefined,
    query.district ? eq(customers.district, query.district) : undefined,
    ...timeRanges.flatMap(([column, lower, upper]) => within(zone ?? '', column, lower, upper)),
  ];
  return { scope, where: and(...conditions) };
}
