import type { DictionaryType } from '../../../platform/dictionaries/defaults';

/**
 * The columns of the import template, per customer kind: the Chinese header users see, the field it
 * fills (a customer field of CONTRACT.md, or the first contact's), and how a cell is read. The
 * template, the preview, the commit and the error report all follow this one list.
 */

/** Customers of either kind, or contacts added to existing customers (matched by name). */
export type ImportKind = 'company' | 'person' | 'contact';
export type CustomerImportKind = Exclude<ImportKind, 'contact'>;

export interface ImportColumn {
  /** The row field: a customer field, or contactName/contactTitle/contactMobile/contactEmail. */
  key: string;
  header: string;
  required?: boolean;
  /** Users type the item's label; it is stored as the item's code. */
  dict?: DictionaryType;
  /** A fixed list of labels → values (性别). */
  options?: Record<string, string>;
  /** Read an Excel date cell as YYYY-MM-DD. */
  date?: boolean;
  width?: number;
}

export const genderLabels: Record<string, string> = { 男: 'male', 女: 'female', 未知: 'unknown' };
export const yesNoLabels: Record<string, string> = { 是: 'true', 否: 'false' };

const region: ImportColumn[] = [
  { key: 'province', header: '省' },
  { key: 'city', header: '市' },
  { key: 'district', header: '区' },
  { key: 'address', header: '详细地址', width: 30 },
];

export const importColumns: Record<ImportKind, ImportColumn[]> = {
  company: [
    { key: 'name', header: '客户名称', required: true, width: 30 },
    { key: 'shortName', header: '简称' },
    { key: 'industry', header: '行业', dict: 'industry' },
    { key: 'scale', header: '规模', dict: 'scale' },
    { key: 'source', header: '来源', dict: 'source' },
    { key: 'level', header: '级别', dict: 'level' },
    { key: 'status', header: '客户状态', dict: 'status' },
    ...region,
    { key: 'phone', header: '电话', width: 16 },
    { key: 'website', header: '网址', width: 24 },
    { key: 'creditCode', header: '统一社会信用代码', width: 22 },
    { key: 'remark', header: '备注', width: 30 },
    { key: 'contactName', header: '联系人姓名' },
    { key: 'contactTitle', header: '联系人职务' },
    { key: 'contactMobile', header: '联系人手机', width: 16 },
    { key: 'contactEmail', header: '联系人邮箱', width: 24 },
  ],
  person: [
    { key: 'name', header: '姓名', required: true, width: 16 },
    { key: 'gender', header: '性别', options: genderLabels },
    { key: 'mobile', header: '手机', width: 16 },
    { key: 'phone', header: '电话', width: 16 },
    { key: 'wechat', header: '微信' },
    { key: 'birthday', header: '生日', date: true },
    { key: 'source', header: '来源', dict: 'source' },
    { key: 'level', header: '级别', dict: 'level' },
    { key: 'status', header: '客户状态', dict: 'status' },
    ...region,
    { key: 'remark', header: '备注', width: 30 },
  ],
  contact: [
    { key: 'customerName', header: '客户名称', required: true, width: 30 },
    { key: 'name', header: '姓名', required: true, width: 14 },
    { key: 'title', header: '职务' },
    { key: 'mobile', header: '手机', width: 16 },
    { key: 'phone', header: '电话', width: 16 },
    { key: 'email', header: '邮箱', width: 24 },
    { key: 'wechat', header: '微信' },
    { key: 'isDecisionMaker', header: '关键决策人', options: yesNoLabels },
    { key: 'remark', header: '备注', width: 30 },
  ],
};

export const contactKeys = { contactName: 'name', contactTitle: 'title', contactMobile: 'mobile', contactEmail: 'email' } as const;

/** The header as the template writes it: required columns carry a star. */
export const headerText = (c: ImportColumn) => (c.required ? `${c.header}*` : c.header);

/** The header of the error report's extra column. */
export const ERROR_COLUMN = '错误原因';

/** The columns the export offers (the list's columns and the profile's fields), in export order. */
export const exportColumns = {
  name: '客户名称',
  kind: '客户类型',
  shortName: '简称',
  level: '级别',
  status: '客户状态',
  industry: '行业',
  scale: '规模',
  source: '来源',
  phone: '电话',
  mobile: '手机',
  contact: '主联系人',
  contactMobile: '主联系人手机',
  owner: '负责人',
  department: '所属部门',
  region: '地区',
  address: '详细地址',
  website: '网址',
  creditCode: '统一社会信用代码',
  gender: '性别',
  wechat: '微信',
  birthday: '生日',
  remark: '备注',
  isHot: '热点客户',
  nextContactAt: '下次联系时间',
  lastFollowupAt: '最后跟进时间',
  createdAt: '创建时间',
  updatedAt: '更新时间',
} as const;

export type ExportColumn = keyof typeof exportColumns;
export const exportColumnKeys = Object.keys(exportColumns) as ExportColumn[];
