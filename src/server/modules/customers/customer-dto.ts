import { and, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { executeByShape } from '../../db/prepared';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition, type ResolvedScope } from '../../platform/access/scope';
import { notFound } from '../../platform/http/errors';
import { cappedTotal, reusedTotal } from '../../platform/http/lists';
import { departments, users } from '../../platform/org/schema';
import { customerScope, type CustomerAccess } from './access';
import { contacts, customers } from './schema';

/**
 * The Customer of CONTRACT.md: one select with the owner's, department's and creator's names and
 * the primary contact, and the caller's access computed in SQL from the resolved scope.
 */

export const customerAccessValues = ['scope', 'write_share', 'read_share', 'pool'] as const;

export const customerSchema = z.object({
  id: z.number(),
  kind: z.enum(['company', 'person']),
  name: z.string(),
  shortName: z.string().nullable(),
  industry: z.string().nullable(),
  scale: z.string().nullable(),
  source: z.string().nullable(),
  level: z.string().nullable(),
  status: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  creditCode: z.string().nullable(),
  gender: z.enum(['male', 'female', 'unknown']).nullable(),
  mobile: z.string().nullable(),
  wechat: z.string().nullable(),
  birthday: z.string().nullable(),
  remark: z.string().nullable(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  previousOwnerId: z.number().nullable(),
  inPool: z.boolean(),
  poolReleasedAt: z.string().nullable(),
  poolReason: z.string().nullable(),
  isHot: z.boolean(),
  lastFollowupAt: z.string().nullable(),
  nextContactAt: z.string().nullable(),
  primaryContact: z.object({ id: z.number(), name: z.string(), mobile: z.string().nullable() }).nullable(),
  /** Null only right after the caller gave the customer away (transfer) and no longer sees it. */
  access: z.enum(customerAccessValues).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdByName: z.string().nullable(),
  updatedByName: z.string().nullable(),
  deletedAt: z.string().nullable().optional(),
  deletedByName: z.string().nullable().optional(),
});

/**
 * A user's or department's name beside an id, as a scalar subquery: PostgreSQL plans these one by
 * one, where four more joined tables made planning cost several times the query itself.
 */
const userName = (id: AnyPgColumn) => sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${id})`;
const departmentName = (id: AnyPgColumn) => sql<string | null>`(select ${departments.name} from ${departments} where ${departments.id} = ${id})`;
const primaries = alias(contacts, 'primary_contact');

// Everything but the search text and its grams, which only the search box reads.
const { searchText: _searchText, searchGrams: _searchGrams, ...customerColumns } = getTableColumns(customers);

/** What the caller may do with each row, computed in the list query itself (one scope, no per-row lookups). */
export function accessExpression(scope: ResolvedScope, actor: Actor): SQL<CustomerAccess> {
  const poolAccess = actor.permissions.has('customer.pool') || actor.permissions.has('customer.assign') ? sql`'pool'` : sql`null`;
  return sql<CustomerAccess>`case
    when ${customers.deletedAt} is not null then null
    when ${customers.ownerId} is null then ${poolAccess}
    when ${scopeCondition(scope, { owner: customers.ownerId, department: customers.departmentId })} then 'scope'
    else (select case s.access when 'write' then 'write_share' else 'read_share' end
            from customer_shares s where s.customer_id = ${customers.id} and s.user_id = ${actor.userId}) end`;
}

/** The fields of a customer DTO row: the customer, the names beside its ids, its primary contact, the caller's access. */
const dtoFields = (access: SQL<CustomerAccess>) => ({
  customer: customerColumns,
  ownerName: userName(customers.ownerId),
  departmentName: departmentName(customers.departmentId),
  createdByName: userName(customers.createdBy),
  updatedByName: userName(customers.updatedBy),
  deletedByName: userName(customers.deletedBy),
  primaryId: primaries.id,
  primaryName: primaries.name,
  primaryMobile: primaries.mobile,
  access,
});
// `is_primary` as a bare column, not `= $1`: a generic plan can use the partial primary-contact index only with it in the text.
const primaryJoin = and(eq(primaries.customerId, customers.id), sql`${primaries.isPrimary}`, isNull(primaries.deletedAt));

/** The customer rows with the names the API shows beside ids; the caller adds where/order/limit. */
export function selectCustomerDtos(db: Db, access: SQL<CustomerAccess>) {
  return db.select(dtoFields(access)).from(customers).leftJoin(primaries, primaryJoin).$dynamic();
}

export interface CustomerPage {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  offset: number;
}

/**
 * A search with at most this many matches (the list's count says so) collects its matches first and
 * then sorts them; above it, walking the sort index finds a page of dense matches quickly.
 */
export const FEW_MATCHES = 2_000;

/**
 * One page of customer DTOs: the page's ids first (WHERE, ORDER BY, LIMIT over customers alone),
 * then the names fetched for those rows only. PostgreSQL estimates a substring match poorly; for a
 * search with few matches it would walk the updated_at index through tens of thousands of rows
 * (48 ms for 北京华 at a million customers) rather than use the trigram index and sort 700 rows
 * (2 ms). `fewMatches` says the count has shown the matches are few: the WHERE is then fenced
 * (OFFSET 0 keeps PostgreSQL from folding it into the ordered scan) so it is answered by the
 * search index, and only its rows are sorted.
 */
export function selectCustomerPage(
  db: Db,
  access: SQL<CustomerAccess>,
  page: CustomerPage & { fewMatches?: boolean },
) {
  return selectPageOf(db, access, {
    where: page.where ?? sql`true`,
    orderBy: sql.join(page.orderBy, sql`, `),
    window: pageWindow(page),
    fewMatches: !!page.fewMatches,
  });
}

/** LIMIT and OFFSET as literals: the planner picks an index walk for a page by them (db/prepared.ts). */
const pageWindow = (page: Pick<CustomerPage, 'limit' | 'offset'>) =>
  sql.raw(`limit ${Math.trunc(page.limit)} offset ${Math.trunc(page.offset)}`);

function selectPageOf(db: Db, access: SQL, page: { where: SQL; orderBy: SQL; window: SQL; fewMatches: boolean }) {
  const source = page.fewMatches ? sql`(select * from ${customers} where ${page.where} offset 0) as ${customers}` : sql`${customers} where ${page.where}`;
  const ids = sql`select ${customers.id} from ${source} order by ${page.orderBy} ${page.window}`;
  return selectCustomerDtos(db, access as SQL<CustomerAccess>)
    .where(sql`${customers.id} in (${ids})`)
    .orderBy(page.orderBy);
}

/**
 * The rows of selectCustomerPage, through a statement prepared once per shape of the page. A search
 * reaches it only after the count has chosen the shape (fenced for few matches, the index walk for
 * many), so one plan serves every term of a shape and PostgreSQL may keep it (measured at a million
 * customers: 0.8–1.5 ms less PostgreSQL CPU per search than planning each term, no term slower).
 */
function customerPageRows(db: Db, access: SQL<CustomerAccess>, page: CustomerPage & { fewMatches: boolean }, searching: boolean) {
  const { fewMatches } = page;
  return executeByShape(
    db,
    fewMatches ? 'customer_page_few' : 'customer_page',
    { where: page.where ?? sql`true`, access, orderBy: sql.join(page.orderBy, sql`, `), window: pageWindow(page) },
    (parts) => selectPageOf(db, parts.access, { ...parts, fewMatches }),
    // Many matches: the term's own estimate picks the index walk.
    { genericPlan: searching && fewMatches },
  );
}

/** What a customer page may be ordered by (customerListOrder, the pool's order), kept by a search's matches. */
const sortableColumns = {
  id: customers.id,
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  nameSort: customers.nameSort,
  lastFollowupAt: customers.lastFollowupAt,
  nextContactAt: customers.nextContactAt,
  poolReleasedAt: customers.poolReleasedAt,
};

/**
 * A search page and its number of matches in one statement: the matches (at most FEW_MATCHES + 1)
 * are collected once through the search index, then counted and sorted for the page. Searching
 * twice (a count, then the page) cost twice the index work.
 */
export function selectSearchPage(db: Db, access: SQL<CustomerAccess>, page: CustomerPage) {
  return selectSearchPageOf(db, access, { where: page.where ?? sql`true`, orderBy: sql.join(page.orderBy, sql`, `), window: pageWindow(page) });
}

function selectSearchPageOf(db: Db, access: SQL, page: { where: SQL; orderBy: SQL; window: SQL }) {
  const matches = db
    .$with('matches')
    .as(db.select(sortableColumns).from(customers).where(page.where).limit(FEW_MATCHES + 1));
  // Read as "customers" inside, so the page's ORDER BY (written against customers) applies to it.
  const ids = sql`select id from ${matches} as ${customers} order by ${page.orderBy} ${page.window}`;
  return db
    .with(matches)
    .select({ ...dtoFields(access as SQL<CustomerAccess>), matchCount: sql<number>`(select count(*) from ${matches})`.mapWith(Number) })
    .from(customers)
    .leftJoin(primaries, primaryJoin)
    .where(sql`${customers.id} in (${ids})`)
    .orderBy(page.orderBy);
}

/**
 * The rows of selectSearchPage, prepared once per shape: its matches are always collected through the
 * search indexes (at most FEW_MATCHES + 1 of them), whatever the term.
 */
function searchPageRows(db: Db, access: SQL<CustomerAccess>, page: CustomerPage) {
  return executeByShape(
    db,
    'customer_search_page',
    { where: page.where ?? sql`true`, access, orderBy: sql.join(page.orderBy, sql`, `), window: pageWindow(page) },
    (parts) => selectSearchPageOf(db, parts.access, parts),
    { genericPlan: true },
  );
}

/**
 * A page of customers with the list's total. A search first tries the one-statement search page
 * (unless this list is known to match many rows); with more than FEW_MATCHES matches, or on a page
 * past the end, it counts (capped, reused when large) and reads the page as the count says.
 */
export async function readCustomerPage(db: Db, access: SQL<CustomerAccess>, page: CustomerPage, searching: boolean) {
  const count = sql`${customers} where ${page.where ?? sql`true`}`;
  if (searching && (reusedTotal(db, count) ?? 0) <= FEW_MATCHES) {
    const found = await searchPageRows(db, access, page);
    const matches = found.length ? found[0].matchCount : page.offset === 0 ? 0 : undefined;
    if (matches !== undefined && matches <= FEW_MATCHES) return { items: found.map((r) => toCustomerDto(r)), total: matches, totalExact: true };
  }
  const counted = searching ? await cappedTotal(db, count, { genericPlan: true }) : undefined;
  const fewMatches = !!counted && counted.totalExact && counted.total <= FEW_MATCHES;
  const [found, total] = await Promise.all([customerPageRows(db, access, { ...page, fewMatches }, searching), counted ?? cappedTotal(db, count)]);
  return { items: found.map((r) => toCustomerDto(r)), ...total };
}

type CustomerDtoRow = Awaited<ReturnType<ReturnType<typeof selectCustomerDtos>['execute']>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCustomerDto(r: CustomerDtoRow, opts: { recycle?: boolean } = {}): CustomerDto {
  const c = r.customer;
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    shortName: c.shortName,
    industry: c.industry,
    scale: c.scale,
    source: c.source,
    level: c.level,
    status: c.status,
    province: c.province,
    city: c.city,
    district: c.district,
    address: c.address,
    phone: c.phone,
    website: c.website,
    creditCode: c.creditCode,
    gender: c.gender,
    mobile: c.mobile,
    wechat: c.wechat,
    birthday: c.birthday,
    remark: c.remark,
    ownerId: c.ownerId,
    ownerName: r.ownerName,
    departmentId: c.departmentId,
    departmentName: r.departmentName,
    previousOwnerId: c.previousOwnerId,
    inPool: c.ownerId === null,
    poolReleasedAt: iso(c.poolReleasedAt),
    poolReason: c.poolReason,
    isHot: c.isHot,
    lastFollowupAt: iso(c.lastFollowupAt),
    nextContactAt: iso(c.nextContactAt),
    primaryContact: r.primaryId ? { id: r.primaryId, name: r.primaryName ?? '', mobile: r.primaryMobile } : null,
    access: r.access,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    createdByName: r.createdByName,
    updatedByName: r.updatedByName,
    ...(opts.recycle ? { deletedAt: iso(c.deletedAt), deletedByName: r.deletedByName } : {}),
  };
}

export type CustomerDto = z.infer<typeof customerSchema>;

/**
 * One customer as the API shows it to this caller, without a visibility check: for answering a
 * write the caller just made (claim, assign, transfer). Reads go through getCustomer (404 outside scope).
 */
export async function customerDtoFor(db: Db, actor: Actor, id: number): Promise<CustomerDto> {
  const row = await customerDtoRow(db, accessExpression(await customerScope(db, actor), actor), eq(customers.id, id));
  if (!row) throw notFound();
  return toCustomerDto(row);
}

/** One customer's DTO row (or none) through a statement prepared per shape: the customer view's one query. */
export async function customerDtoRow(db: Db, access: SQL<CustomerAccess>, where: SQL): Promise<CustomerDtoRow | undefined> {
  const [row] = await executeByShape(db, 'customer_one', { access, where }, (parts) =>
    selectCustomerDtos(db, parts.access as SQL<CustomerAccess>).where(parts.where).limit(1),
  );
  return row;
}

/** DTOs for rows a list already chose (and scoped), in the same order. */
export async function customerDtosFor(db: Db, actor: Actor, rows: { id: number }[]): Promise<CustomerDto[]> {
  if (!rows.length) return [];
  const access = accessExpression(await customerScope(db, actor), actor);
  const found = await selectCustomerDtos(db, access).where(inArray(customers.id, rows.map((r) => r.id)));
  const byId = new Map(found.map((r) => [r.customer.id, toCustomerDto(r)]));
  return rows.map((r) => byId.get(r.id)).filter((d): d is CustomerDto => !!d);
}
