import { z } from 'zod';
import { creditCode, email, entityId, isoDay, isoTime, mobile, optionalText, phone, requiredText, text } from './fields';

/**
 * Request bodies of the customers API, shared by the server's routes and the web's forms
 * (src/server/modules/customers/CONTRACT.md). Dictionary-backed fields carry an item's code and
 * are checked against the enabled items on the server.
 */

export const customerKinds = ['company', 'person'] as const;
export const genders = ['male', 'female', 'unknown'] as const;
export const customerScenes = ['mine', 'subordinates', 'shared_to_me', 'shared_by_me', 'hot', 'today', 'overdue', 'all'] as const;
export const customerSortFields = ['updatedAt', 'createdAt', 'name', 'lastFollowupAt', 'nextContactAt'] as const;
export const bulkActions = ['transfer', 'share', 'release', 'hot', 'unhot', 'delete', 'restore'] as const;
/** The largest import file the server reads; the web refuses a larger one before uploading it. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const dictValue = z
  .string()
  .trim()
  .max(32)
  .nullish()
  .transform((v) => (v ? v : null));

/** Each field of a customer a user edits, with its rule; absent means null on create. */
export const customerFields = {
  kind: z.enum(customerKinds),
  name: requiredText(100),
  shortName: optionalText(50),
  industry: dictValue,
  scale: dictValue,
  source: dictValue,
  level: dictValue,
  status: dictValue,
  province: optionalText(30),
  city: optionalText(30),
  district: optionalText(30),
  address: optionalText(200),
  phone,
  website: optionalText(200),
  creditCode,
  gender: z
    .enum(genders)
    .nullish()
    .transform((v) => v ?? null),
  mobile,
  wechat: optionalText(50),
  // A day of slack: "today" may already be tomorrow where the customer lives.
  birthday: isoDay
    .refine((v) => v <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), 'BIRTHDAY_IN_FUTURE')
    .nullish()
    .transform((v) => v ?? null),
  remark: optionalText(2000),
  nextContactAt: isoTime,
};

export const customerCreateBody = z.strictObject({
  ...customerFields,
  /** Someone else as owner (needs customer.transfer). */
  ownerId: entityId.optional(),
  /** Straight into the pool (needs customer.pool or customer.assign). */
  toPool: z.boolean().optional(),
});

export const customerUpdateBody = z.strictObject(
  Object.fromEntries(Object.entries(customerFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof customerFields]: z.ZodOptional<(typeof customerFields)[K]>;
  },
);

export const duplicateCheckBody = z.strictObject({
  name: z.string().trim().max(100).optional(),
  phone: z.string().trim().max(30).optional(),
  mobile: z.string().trim().max(20).optional(),
  excludeId: entityId.optional(),
});

export const contactFields = {
  name: requiredText(50),
  title: optionalText(50),
  mobile,
  phone,
  email,
  wechat: optionalText(50),
  isDecisionMaker: z.boolean().default(false),
  isPrimary: z.boolean().default(false),
  remark: optionalText(1000),
};

export const contactCreateBody = z.strictObject(contactFields);
export const contactUpdateBody = z.strictObject({
  name: contactFields.name.optional(),
  title: contactFields.title.optional(),
  mobile: contactFields.mobile.optional(),
  phone: contactFields.phone.optional(),
  email: contactFields.email.optional(),
  wechat: contactFields.wechat.optional(),
  isDecisionMaker: z.boolean().optional(),
  isPrimary: z.boolean().optional(),
  remark: contactFields.remark.optional(),
});

export const bulkBody = z.strictObject({
  action: z.enum(bulkActions),
  ids: z.array(entityId).min(1).max(500),
  toUserId: entityId.optional(),
  access: z.enum(['read', 'write']).optional(),
  reason: text(200).optional(),
  withContacts: z.boolean().optional(),
});

export type CustomerCreateInput = z.output<typeof customerCreateBody>;
export type CustomerUpdateInput = z.output<typeof customerUpdateBody>;
export type ContactCreateInput = z.output<typeof contactCreateBody>;
export type ContactUpdateInput = z.output<typeof contactUpdateBody>;
export type BulkInput = z.output<typeof bulkBody>;

/**
 * The customer list's columns, in display order: what the column settings offer, what a saved
 * scene may carry, and (each one mapped to export columns) what the export writes.
 */
export const customerListColumns = [
  'name',
  'level',
  'phone',
  'nextContactAt',
  'contact',
  'owner',
  'lastFollowupAt',
  'status',
  'industry',
  'source',
  'region',
  'createdAt',
  'updatedAt',
] as const;
export type CustomerListColumn = (typeof customerListColumns)[number];
/**
 * The columns shown until a user picks their own with 列设置 (the rest are a tick away): the ones a
 * rep works the day by, few enough to fit a 1366 px screen without scrolling sideways.
 */
const hiddenByDefault: readonly CustomerListColumn[] = ['industry', 'source', 'region', 'createdAt', 'updatedAt'];
export const defaultListColumns: readonly CustomerListColumn[] = customerListColumns.filter((c) => !hiddenByDefault.includes(c));

/**
 * The pool reasons the system writes when a customer starts out in the pool: in Chinese, like a typed
 * reason, and read back by exact match so other languages can say them in their own words.
 */
export const systemPoolReasons = { created: '新建时放入客户池', imported: '导入到客户池' } as const;
export type SystemPoolReason = keyof typeof systemPoolReasons;

export function parseSystemPoolReason(reason: string): SystemPoolReason | undefined {
  return (Object.keys(systemPoolReasons) as SystemPoolReason[]).find((key) => systemPoolReasons[key] === reason);
}

/** What the automatic return (自动回收) checked: no follow-up, or no deal, for a number of days. */
export type AutoReturnCriterion = 'followup' | 'deal';
const AUTO_RETURN_REASON = /^自动回收：超过 (\d+) 天未(跟进|成交)$/;

/**
 * The pool reason the automatic return stores: in Chinese, the company's language, like a reason a
 * user types. parseAutoReturnReason reads it back, so other languages can say it in their own words.
 */
export function autoReturnReason(criterion: AutoReturnCriterion, days: number): string {
  return `自动回收：超过 ${days} 天未${criterion === 'followup' ? '跟进' : '成交'}`;
}

export function parseAutoReturnReason(reason: string): { criterion: AutoReturnCriterion; days: number } | undefined {
  const match = AUTO_RETURN_REASON.exec(reason);
  return match ? { criterion: match[2] === '跟进' ? 'followup' : 'deal', days: Number(match[1]) } : undefined;
}
