import type { DictionaryType } from '../../../platform/dictionaries/defaults';
import type { Bilingual, Lang } from '../../../platform/http/lang';

/**
 * The columns of the import template, per customer kind: the header users see (Chinese, or English
 * in English mode), the field it fills (a customer field of CONTRACT.md, or the first contact's),
 * and how a cell is read. The template, the preview, the commit and the error report all follow this
 * one list. An upload may use either language's headers and option labels, whatever the mode.
 */

/** Customers of either kind, or contacts added to existing customers (matched by name). */
export type ImportKind = 'company' | 'person' | 'contact';
export type CustomerImportKind = Exclude<ImportKind, 'contact'>;

/** A fixed list: the stored value, and the label users type in each language. */
export type OptionList = Record<string, Bilingual>;

export interface ImportColumn {
  /** The row field: a customer field, or contactName/contactTitle/contactMobile/contactEmail. */
  key: string;
  header: Bilingual;
  required?: boolean;
  /** Users type the item's label; it is stored as the item's code. */
  dict?: DictionaryType;
  /** A fixed list (性别, 是/否): users type a label, the value is stored. */
  options?: OptionList;
  /** Read an Excel date cell as YYYY-MM-DD. */
  date?: boolean;
  width?: number;
}

export const genderOptions: OptionList = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  unknown: { zh: '未知', en: 'Unknown' },
};
export const yesNoOptions: OptionList = { true: { zh: '是', en: 'Yes' }, false: { zh: '否', en: 'No' } };

/** The labels of a fixed list in one language, in its order. */
export const optionLabels = (options: OptionList, lang: Lang) => Object.values(options).map((o) => o[lang]);

const region: ImportColumn[] = [
  { key: 'province', header: { zh: '省', en: 'Province' } },
  { key: 'city', header: { zh: '市', en: 'City' } },
  { key: 'district', header: { zh: '区', en: 'District' } },
  { key: 'address', header: { zh: '详细地址', en: 'Address' }, width: 30 },
];

export const importColumns: Record<ImportKind, ImportColumn[]> = {
  company: [
    { key: 'name', header: { zh: '客户名称', en: 'Customer name' }, required: true, width: 30 },
    { key: 'shortName', header: { zh: '简称', en: 'Short name' } },
    { key: 'industry', header: { zh: '行业', en: 'Industry' }, dict: 'industry' },
    { key: 'scale', header: { zh: '规模', en: 'Size' }, dict: 'scale' },
    { key: 'source', header: { zh: '来源', en: 'Source' }, dict: 'source' },
    { key: 'level', header: { zh: '级别', en: 'Level' }, dict: 'level' },
    { key: 'status', header: { zh: '客户状态', en: 'Status' }, dict: 'status' },
    ...region,
    { key: 'phone', header: { zh: '电话', en: 'Phone' }, width: 16 },
    { key: 'website', header: { zh: '网址', en: 'Website' }, width: 24 },
    { key: 'creditCode', header: { zh: '统一社会信用代码', en: 'Unified social credit code' }, width: 22 },
    { key: 'remark', header: { zh: '备注', en: 'Notes' }, width: 30 },
    { key: 'contactName', header: { zh: '联系人姓名', en: 'Contact name' } },
    { key: 'contactTitle', header: { zh: '联系人职务', en: 'Contact job title' } },
    { key: 'contactMobile', header: { zh: '联系人手机', en: 'Contact mobile' }, width: 16 },
    { key: 'contactEmail', header: { zh: '联系人邮箱', en: 'Contact email' }, width: 24 },
  ],
  person: [
    { key: 'name', header: { zh: '姓名', en: 'Name' }, required: true, width: 16 },
    { key: 'gender', header: { zh: '性别', en: 'Gender' }, options: genderOptions },
    { key: 'mobile', header: { zh: '手机', en: 'Mobile' }, width: 16 },
    { key: 'phone', header: { zh: '电话', en: 'Phone' }, width: 16 },
    { key: 'wechat', header: { zh: '微信', en: 'WeChat' } },
    { key: 'birthday', header: { zh: '生日', en: 'Birthday' }, date: true },
    { key: 'source', header: { zh: '来源', en: 'Source' }, dict: 'source' },
    { key: 'level', header: { zh: '级别', en: 'Level' }, dict: 'level' },
    { key: 'status', header: { zh: '客户状态', en: 'Status' }, dict: 'status' },
    ...region,
    { key: 'remark', header: { zh: '备注', en: 'Notes' }, width: 30 },
  ],
  contact: [
    { key: 'customerName', header: { zh: '客户名称', en: 'Customer name' }, required: true, width: 30 },
    { key: 'name', header: { zh: '姓名', en: 'Name' }, required: true, width: 14 },
    { key: 'title', header: { zh: '职务', en: 'Job title' } },
    { key: 'mobile', header: { zh: '手机', en: 'Mobile' }, width: 16 },
    { key: 'phone', header: { zh: '电话', en: 'Phone' }, width: 16 },
    { key: 'email', header: { zh: '邮箱', en: 'Email' }, width: 24 },
    { key: 'wechat', header: { zh: '微信', en: 'WeChat' } },
    { key: 'isDecisionMaker', header: { zh: '关键决策人', en: 'Decision maker' }, options: yesNoOptions },
    { key: 'remark', header: { zh: '备注', en: 'Notes' }, width: 30 },
  ],
};

export const contactKeys = { contactName: 'name', contactTitle: 'title', contactMobile: 'mobile', contactEmail: 'email' } as const;

/** The header as the template writes it: required columns carry a star. */
export const headerText = (c: ImportColumn, lang: Lang) => (c.required ? `${c.header[lang]}*` : c.header[lang]);

/**
 * A header cell as the reader compares it: without the star, spaces and case, so "客户名称*",
 * " Customer Name " and "customer name" all name the same column.
 */
export const headerKey = (text: string) => text.replace(/[*＊\s]/g, '').toLowerCase();

/** The other texts of the files, in both languages. */
export const sheetTexts = {
  customerSheet: { zh: '客户', en: 'Customers' },
  contactSheet: { zh: '联系人', en: 'Contacts' },
  choicesSheet: { zh: '可选值', en: 'Options' },
  pickFromList: { zh: '请从下拉列表中选择', en: 'Pick a value from the list' },
  failedSheet: { zh: '导入失败', en: 'Failed rows' },
  /** The error report's extra columns. */
  errorColumn: { zh: '错误原因', en: 'Error' },
  rowColumn: { zh: '原行号', en: 'Row' },
  /** "客户名称：不能为空" */
  fieldSeparator: { zh: '：', en: ': ' },
  reasonSeparator: { zh: '；', en: '; ' },
  companyTemplate: { zh: '企业客户导入模板.xlsx', en: 'company-customers-template.xlsx' },
  personTemplate: { zh: '个人客户导入模板.xlsx', en: 'individual-customers-template.xlsx' },
  contactTemplate: { zh: '联系人导入模板.xlsx', en: 'contacts-template.xlsx' },
  exportFile: { zh: '客户', en: 'customers' },
  company: { zh: '企业客户', en: 'Company' },
  person: { zh: '个人客户', en: 'Individual' },
  inPool: { zh: '客户池', en: 'Pool' },
} satisfies Record<string, Bilingual>;

/** The columns the export offers (the list's columns and the profile's fields), in export order. */
export const exportColumns = {
  name: { zh: '客户名称', en: 'Customer name' },
  kind: { zh: '客户类型', en: 'Type' },
  shortName: { zh: '简称', en: 'Short name' },
  level: { zh: '级别', en: 'Level' },
  status: { zh: '客户状态', en: 'Status' },
  industry: { zh: '行业', en: 'Industry' },
  scale: { zh: '规模', en: 'Size' },
  source: { zh: '来源', en: 'Source' },
  phone: { zh: '电话', en: 'Phone' },
  mobile: { zh: '手机', en: 'Mobile' },
  contact: { zh: '主联系人', en: 'Primary contact' },
  contactMobile: { zh: '主联系人手机', en: 'Primary contact mobile' },
  owner: { zh: '负责人', en: 'Owner' },
  department: { zh: '所属部门', en: 'Department' },
  region: { zh: '地区', en: 'Region' },
  address: { zh: '详细地址', en: 'Address' },
  website: { zh: '网址', en: 'Website' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  gender: { zh: '性别', en: 'Gender' },
  wechat: { zh: '微信', en: 'WeChat' },
  birthday: { zh: '生日', en: 'Birthday' },
  remark: { zh: '备注', en: 'Notes' },
  isHot: { zh: '热点客户', en: 'Hot customer' },
  nextContactAt: { zh: '下次联系时间', en: 'Next contact' },
  lastFollowupAt: { zh: '最后跟进时间', en: 'Last follow-up' },
  createdAt: { zh: '创建时间', en: 'Created' },
  updatedAt: { zh: '更新时间', en: 'Updated' },
} satisfies Record<string, Bilingual>;

export type ExportColumn = keyof typeof exportColumns;
export const exportColumnKeys = Object.keys(exportColumns) as ExportColumn[];
