import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export type FieldChange = { field: string; from: unknown; to: unknown };
export type AuditSummaryParams = Record<string, string | number | null>;

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    /** The actor's department when it happened: the audit module's data scope filters on it. */
    departmentId: integer('department_id'),
    ip: text('ip'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary'),
    /**
     * The summary as an i18n key and its values, so each user reads it in their language; `summary`
     * keeps the Chinese wording (searched, and shown where no key was stored).
     */
    summaryKey: text('summary_key'),
    summaryParams: jsonb('summary_params').$type<AuditSummaryParams>(),
    changes: jsonb('changes').$type<FieldChange[]>(),
    /** The record this one belongs to (a contact's customer): its history lists this entry too. */
    parentType: text('parent_type'),
    parentId: text('parent_id'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_department_idx').on(t.departmentId, t.at),
    index('audit_parent_idx').on(t.parentType, t.parentId, t.at).where(sql`${t.parentType} is not null`),
  ],
);
