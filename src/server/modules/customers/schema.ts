import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { files } from '../../platform/settings/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 客户: company (企业客户) or person (个人客户). `owner_id` null means the customer is in the pool
 * (公海). `department_id` is the owner's department, kept in sync on transfer, so department scopes
 * filter on an indexed column. `search_text` gathers name, short name, phones and contact names and
 * phones for one pg_trgm index (substring search, Chinese included).
 */
export const customers = pgTable(
  'customers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: ['company', 'person'] }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    // Dictionary codes
    industry: text('industry'),
    scale: text('scale'),
    source: text('source'),
    level: text('level'),
    status: text('status'),
    // Region and contact points
    province: text('province'),
    city: text('city'),
    district: text('district'),
    address: text('address'),
    phone: text('phone'),
    website: text('website'),
    creditCode: text('credit_code'),
    // Person fields
    gender: text('gender', { enum: ['male', 'female', 'unknown'] }),
    mobile: text('mobile'),
    wechat: text('wechat'),
    birthday: date('birthday', { mode: 'string' }),
    remark: text('remark'),
    // Ownership
    ownerId: integer('owner_id'),
    departmentId: integer('department_id'),
    previousOwnerId: integer('previous_owner_id'),
    poolReleasedAt: ts('pool_released_at'),
    /** When the current owner got it by claim, assignment or transfer: the automatic return counts from here too. */
    ownedSince: ts('owned_since'),
    poolReason: text('pool_reason'),
    isHot: boolean('is_hot').notNull().default(false),
    hotAt: ts('hot_at'),
    // Follow-up rhythm
    lastFollowupAt: ts('last_followup_at'),
    nextContactAt: ts('next_contact_at'),
    /**
     * 客户名称's pinyin sort key (name-sort.ts); filled by the writers, and by a job for rows written
     * without it. COLLATE "C" in migration 0017 (drizzle's column builder has no collation).
     */
    nameSort: text('name_sort'),
    searchText: text('search_text').notNull().default(''),
    // Its 1–2 character grams (function in migration 0006), for short searches trigrams cannot serve.
    searchGrams: text('search_grams')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`search_grams(search_text)`),
    createdBy: integer('created_by'),
    updatedBy: integer('updated_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    deletedBy: integer('deleted_by'),
  },
  (t) => [
    // Scope-shaped indexes: every list is "owner in (…)" or "department in (…)", newest first.
    index('customers_owner_updated_idx').on(t.ownerId, t.updatedAt.desc(), t.id.desc()).where(sql`${t.deletedAt} is null`),
    index('customers_department_updated_idx').on(t.departmentId, t.updatedAt.desc(), t.id.desc()).where(sql`${t.deletedAt} is null`),
    index('customers_updated_idx').on(t.updatedAt.desc(), t.id.desc()).where(sql`${t.deletedAt} is null`),
    index('customers_pool_idx').on(t.poolReleasedAt.desc(), t.id.desc()).where(sql`${t.ownerId} is null and ${t.deletedAt} is null`),
    index('customers_owner_next_contact_idx').on(t.ownerId, t.nextContactAt).where(sql`${t.deletedAt} is null`),
    index('customers_hot_idx').on(t.ownerId, t.hotAt.desc()).where(sql`${t.isHot} and ${t.deletedAt} is null`),
    // The search indexes lead with the owner (btree_gin), so a rep's search intersects the term's
    // matches with the rep's customers inside one index instead of also walking a b-tree (migration 0013).
    // On PostgreSQL both take new entries directly, with no pending list (migration 0010: every search
    // scanned it, and merging it stalled concurrent writes); PGlite keeps a short one (0009). Set in
    // the migrations, so that the indexes are not rebuilt.
    index('customers_search_trgm_idx').using('gin', t.ownerId, sql`${t.searchText} gin_trgm_ops`),
    index('customers_search_grams_idx').using('gin', t.ownerId, t.searchGrams),
    // 查重 compares numbers by their digits however they were typed (duplicates.ts, migration 0015).
    index('customers_phone_digits_idx').using('btree', sql`regexp_replace(${t.phone}, '[^0-9]', '', 'g')`),
    index('customers_mobile_idx').on(t.mobile),
    index('customers_name_idx').on(t.name),
    index('customers_name_sort_idx').on(t.nameSort.desc(), t.id.desc()).where(sql`${t.deletedAt} is null`),
    // The rows still waiting for their key (fillNameSortKeys): empty once the job has caught up.
    index('customers_name_sort_missing_idx').on(t.id).where(sql`${t.nameSort} is null`),
    index('customers_deleted_idx').on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
  ],
);

/** 联系人: people at a company customer; scope follows the customer. */
export const contacts = pgTable(
  'contacts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    title: text('title'),
    mobile: text('mobile'),
    phone: text('phone'),
    email: text('email'),
    wechat: text('wechat'),
    isDecisionMaker: boolean('is_decision_maker').notNull().default(false),
    isPrimary: boolean('is_primary').notNull().default(false),
    remark: text('remark'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('contacts_customer_idx').on(t.customerId).where(sql`${t.deletedAt} is null`),
    index('contacts_mobile_idx').on(t.mobile),
    index('contacts_phone_digits_idx').using('btree', sql`regexp_replace(${t.phone}, '[^0-9]', '', 'g')`),
    // Exactly one primary contact per customer: the service moves it in one transaction; this is the backstop.
    uniqueIndex('contacts_one_primary_uq').on(t.customerId).where(sql`${t.isPrimary} and ${t.deletedAt} is null`),
  ],
);

/**
 * 行动历史: the follow-up timeline. User activities (电话 in/out, 拜访, 邮件, 短信, 微信, 会议, 备注) and
 * system events (created, transferred, released, claimed, marked hot …) share one table.
 */
export const activities = pgTable(
  'activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    contactId: bigint('contact_id', { mode: 'number' }),
    kind: text('kind').notNull(),
    /** For system events: what happened (created, transferred, released, claimed, assigned, hot, unhot, shared …). */
    event: text('event'),
    params: jsonb('params').$type<Record<string, unknown>>(),
    content: text('content'),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
    nextContactAt: ts('next_contact_at'),
    userId: integer('user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('activities_customer_idx').on(t.customerId, t.occurredAt.desc(), t.id.desc()), index('activities_user_idx').on(t.userId, t.occurredAt.desc())],
);

/** 共享 / 团队成员: users who see a customer they do not own, read-only or read-write. */
export const customerShares = pgTable(
  'customer_shares',
  {
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    userId: integer('user_id').notNull(),
    access: text('access', { enum: ['read', 'write'] }).notNull(),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.userId] }), index('customer_shares_user_idx').on(t.userId)],
);

/** Claims from the pool, for the daily limit and the "previous owner may not reclaim for N days" rule. */
export const poolClaims = pgTable(
  'pool_claims',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    userId: integer('user_id').notNull(),
    claimedAt: ts('claimed_at').notNull().defaultNow(),
  },
  (t) => [index('pool_claims_user_idx').on(t.userId, t.claimedAt)],
);

/** One row (id = 1): the customer rules an administrator sets (pool, limits, duplicates). */
export const customerSettings = pgTable('customer_settings', {
  id: integer('id').primaryKey(),
  dailyClaimLimit: integer('daily_claim_limit').notNull().default(20),
  reclaimBlockDays: integer('reclaim_block_days').notNull().default(7),
  maxOwnedPerUser: integer('max_owned_per_user').notNull().default(0),
  allowDuplicateName: boolean('allow_duplicate_name').notNull().default(false),
  allowDuplicatePhone: boolean('allow_duplicate_phone').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Saved list scenes (场景): a user's own filters and columns, one may be the default. */
export const savedScenes = pgTable(
  'saved_scenes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull(),
    listKey: text('list_key').notNull(),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    columns: jsonb('columns').$type<string[]>(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('saved_scenes_user_idx').on(t.userId, t.listKey)],
);

/**
 * 附件: files attached to a customer. The bytes and their name, type and size live in the platform
 * `files` store; this row says which customer a file belongs to (so `/files/:id` serves it only to
 * users who may see that customer). Deleting an attachment removes this row and the file.
 */
export const customerAttachments = pgTable(
  'customer_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    fileId: text('file_id')
      .notNull()
      .references(() => files.id),
    uploadedBy: integer('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('customer_attachments_customer_idx').on(t.customerId, t.createdAt.desc(), t.id.desc()),
    uniqueIndex('customer_attachments_file_uq').on(t.fileId),
  ],
);
