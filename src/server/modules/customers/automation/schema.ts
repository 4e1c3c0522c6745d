import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 自动回收规则: owned customers that match an enabled rule go back to the pool on the daily run.
 * A rule matches on "no follow-up for N days" and/or "no deal for N days" (either one set is enough),
 * optionally only for some levels (null = all), sparing the customers its `exemptions` name (keys
 * of return-exemptions.ts: hot, with a deal, …). Owners are warned
 * `warn_days_before` days ahead (0 = no warning).
 */
export const poolReturnRules = pgTable('pool_return_rules', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  noFollowupDays: integer('no_followup_days'),
  noDealDays: integer('no_deal_days'),
  levels: text('levels').array(),
  exemptions: text('exemptions').array().notNull().default(sql`'{}'::text[]`),
  warnDaysBefore: integer('warn_days_before').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 回访计划: customers of `level` are revisited every `interval_days` days (one rule per level). */
export const revisitRules = pgTable(
  'revisit_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    level: text('level').notNull(),
    intervalDays: integer('interval_days').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('revisit_rules_level_uq').on(t.level)],
);

/** 回访任务: a revisit to-do for the owner, due on a day (company time zone). At most one open per customer. */
export const revisitTasks = pgTable(
  'revisit_tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    ownerId: integer('owner_id').notNull(),
    ruleId: integer('rule_id'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'done', 'skipped'] }).notNull().default('open'),
    doneActivityId: bigint('done_activity_id', { mode: 'number' }),
    doneAt: ts('done_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('revisit_tasks_one_open_uq').on(t.customerId).where(sql`${t.status} = 'open'`),
    index('revisit_tasks_owner_due_idx').on(t.ownerId, t.dueDate).where(sql`${t.status} = 'open'`),
  ],
);
