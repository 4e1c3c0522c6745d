import { and, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/access/actor';
import { sqlIntArray } from '../../../platform/access/scope';
import { listDictionaries } from '../../../platform/dictionaries/service';
import { accessExpression, type CustomerDto, selectCustomerDtos, toCustomerDto } from '../customer-dto';
import { customerListOrder, customerListWhere, type CustomerListQuery } from '../list';
import { customers } from '../schema';
import { companyTimeZone } from '../settings';
import { type ExportColumn, exportColumnKeys, exportColumns, genderLabels } from './columns';
import { buildSheet } from './workbook';

/**
 * 导出: the customer list as the caller sees it (same scope, scene, search, filters and sort as
 * GET /customers), up to 50,000 rows, built in memory as one .xlsx. Dictionary codes become their
 * labels and times are written in the company's time zone.
 */

export const EXPORT_MAX_ROWS = 50_000;
/** 导出所选: at most this many chosen customers in one export. */
export const EXPORT_MAX_IDS = 1_000;

const kindLabels: Record<string, string> = { company: '企业客户', person: '个人客户' };
const genderByValue = Object.fromEntries(Object.entries(genderLabels).map(([label, value]) => [value, label]));

function timeFormatter(timeZone: string) {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return (iso: string | null) => (iso ? format.format(new Date(iso)) : null);
}

/** `ids` (导出所选) narrows the list to those customers; ids the caller may not see are left out like any other. */
export async function exportCustomers(
  db: Db,
  actor: Actor,
  query: Omit<CustomerListQuery, 'page' | 'pageSize'>,
  columns: ExportColumn[],
  ids: number[] = [],
) {
  const wanted = columns.length ? exportColumnKeys.filter((k) => columns.includes(k)) : exportColumnKeys;
  const { scope, where } = await customerListWhere(db, actor, query);
  const chosen = ids.length ? sql`${customers.id} = any(${sqlIntArray(ids)})` : undefined;
  const found = await selectCustomerDtos(db, accessExpression(scope, actor))
    .where(and(where, chosen))
    .orderBy(...customerListOrder(query))
    .limit(EXPORT_MAX_ROWS);
  const { items } = await listDictionaries(db);
  const labels = new Map(Object.entries(items).flatMap(([type, list]) => list.map((i) => [`${type}:${i.code}`, i.label] as const)));
  const dict = (type: string, code: string | null) => (code ? (labels.get(`${type}:${code}`) ?? code) : null);
  const time = timeFormatter(await companyTimeZone(db));
  const cell = (c: CustomerDto, key: ExportColumn): string | null => {
    switch (key) {
      case 'kind':
        return kindLabels[c.kind];
      case 'level':
      case 'status':
      case 'industry':
      case 'scale':
      case 'source':
        return dict(key, c[key]);
      case 'contact':
        return c.primaryContact?.name ?? null;
      case 'contactMobile':
        return c.primaryContact?.mobile ?? null;
      case 'owner':
        return c.inPool ? '客户池' : c.ownerName;
      case 'department':
        return c.departmentName;
      case 'region':
        return [c.province, c.city, c.district].filter(Boolean).join(' ') || null;
      case 'gender':
        return c.gender ? genderByValue[c.gender] : null;
      case 'isHot':
        return c.isHot ? '是' : '否';
      case 'nextContactAt':
      case 'lastFollowupAt':
      case 'createdAt':
      case 'updatedAt':
        return time(c[key]);
      default:
        return c[key];
    }
  };
  const rows = found.map((r) => {
    const c = toCustomerDto(r);
    return wanted.map((k) => cell(c, k));
  });
  return buildSheet('客户', wanted.map((k) => exportColumns[k]), rows);
}
