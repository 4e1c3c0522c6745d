import { and, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/access/actor';
import { sqlIntArray } from '../../../platform/access/scope';
import { dictionaryLabel, listDictionaries } from '../../../platform/dictionaries/service';
import { accessExpression, type CustomerDto, selectCustomerDtos, toCustomerDto } from '../customer-dto';
import { customerListOrder, customerListWhere, type CustomerListQuery } from '../list';
import { customers } from '../schema';
import { companyTimeZone, formatCompanyDate } from '../settings';
import type { Lang } from '../../../platform/http/lang';
import { type ExportColumn, exportColumnKeys, exportColumns, genderOptions, sheetTexts, yesNoOptions } from './columns';
import { buildSheet } from './workbook';

/**
 * 导出: the customer list as the caller sees it (same scope, scene, search, filters and sort as
 * GET /customers), up to 50,000 rows, built in memory as one .xlsx. Dictionary codes become their
 * labels and times are written in the company's time zone.
 */

export const EXPORT_MAX_ROWS = 50_000;
/** 导出所选: at most this many chosen customers in one export. */
export const EXPORT_MAX_IDS = 1_000;

function timeFormatter(timeZone: string) {
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return (iso: string | null) => (iso ? format.format(new Date(iso)) : null);
}

/**
 * `ids` (导出所选) narrows the list to those customers; ids the caller may not see are left out like
 * any other. Headers, sheet and file name, and the fixed labels (客户类型, 性别, 是/否, 客户池) are
 * in `lang`, and so are dictionary labels where the item has an English one.
 */
export async function exportCustomers(
  db: Db,
  actor: Actor,
  query: Omit<CustomerListQuery, 'page' | 'pageSize'>,
  columns: ExportColumn[],
  ids: number[],
  lang: Lang,
): Promise<{ content: Buffer; fileName: string }> {
  const wanted = columns.length ? exportColumnKeys.filter((k) => columns.includes(k)) : exportColumnKeys;
  const { scope, where } = await customerListWhere(db, actor, query);
  const chosen = ids.length ? sql`${customers.id} = any(${sqlIntArray(ids)})` : undefined;
  const found = await selectCustomerDtos(db, accessExpression(scope, actor))
    .where(and(where, chosen))
    .orderBy(...customerListOrder(query))
    .limit(EXPORT_MAX_ROWS);
  const { items } = await listDictionaries(db);
  const labels = new Map(Object.entries(items).flatMap(([type, list]) => list.map((i) => [`${type}:${i.code}`, dictionaryLabel(i, lang)] as const)));
  const dict = (type: string, code: string | null) => (code ? (labels.get(`${type}:${code}`) ?? code) : null);
  const timeZone = await companyTimeZone(db);
  const time = timeFormatter(timeZone);
  const cell = (c: CustomerDto, key: ExportColumn): string | null => {
    switch (key) {
      case 'kind':
        return sheetTexts[c.kind][lang];
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
        return c.inPool ? sheetTexts.inPool[lang] : c.ownerName;
      case 'department':
        return c.departmentName;
      case 'region':
        return [c.province, c.city, c.district].filter(Boolean).join(' ') || null;
      case 'gender':
        return c.gender ? (genderOptions[c.gender]?.[lang] ?? c.gender) : null;
      case 'isHot':
        return yesNoOptions[String(c.isHot)][lang];
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
  const content = await buildSheet(sheetTexts.customerSheet[lang], wanted.map((k) => exportColumns[k][lang]), rows);
  // The day in the company's time zone, as the sheet's times are.
  return { content, fileName: `${sheetTexts.exportFile[lang]}-${formatCompanyDate(new Date(), timeZone)}.xlsx` };
}
