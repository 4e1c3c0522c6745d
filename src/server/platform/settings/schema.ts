import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The company's time zone until an administrator sets another. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** One row (id = 1): the company using this installation. */
export const companySettings = pgTable('company_settings', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  logoFileId: text('logo_file_id'),
  timeZone: text('time_zone').notNull().default(DEFAULT_TIME_ZONE),
  currency: text('currency').notNull().default('CNY'),
  /** Set by `npm run demo`; business data guards use it too. */
  isDemo: boolean('is_demo').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Uploaded files: stored on disk under generated names; the row keeps the metadata. */
export const files = pgTable('files', {
  id: text('id').primaryKey(),
  originalName: text('original_name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Scheduled-job bookkeeping and other one-per-installation markers. */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
