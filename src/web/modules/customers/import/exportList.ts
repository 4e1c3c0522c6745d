import type { ColumnsType } from 'antd/es/table';
import type { Query } from '../../../app/api';
import type { Customer } from '../types';
import { download } from './api';

/** The export's column keys (server whitelist) for each list column shown; the phone column carries both numbers. */
const exportKeysOf: Record<string, string[]> = {
  name: ['name'],
  level: ['level'],
  phone: ['phone', 'mobile'],
  nextContactAt: ['nextContactAt'],
  contact: ['contact', 'contactMobile'],
  owner: ['owner'],
  lastFollowupAt: ['lastFollowupAt'],
  status: ['status'],
  industry: ['industry'],
  source: ['source'],
  region: ['region'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
};

/** 导出: the current list (scene, search, filters, sort) with the columns the list shows. */
export function exportCustomerList(query: Query, columns: ColumnsType<Customer>) {
  const keys = columns.flatMap((c) => exportKeysOf[String(c.key ?? ('dataIndex' in c ? c.dataIndex : ''))] ?? []);
  return download('/customers/export.xlsx', { ...query, columns: keys.join(',') }, 'customers.xlsx');
}
