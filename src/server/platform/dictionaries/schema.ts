import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Administrator-edited value lists (行业, 来源, 级别, 客户状态 …). Records store the item's `code`;
 * the label is what users see and may be renamed without touching records.
 */
export const dictionaryItems = pgTable(
  'dictionary_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dictType: text('dict_type').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** The label in English mode; null shows `label` there too. */
    labelEn: text('label_en'),
    sort: integer('sort').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dictionary_items_type_code_uq').on(t.dictType, t.code), index('dictionary_items_type_idx').on(t.dictType, t.sort)],
);
