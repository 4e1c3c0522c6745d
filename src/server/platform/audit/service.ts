import { and, desc, eq, gte, ilike, is, lte, or, SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { resolveScope, scopeCondition } from '../access/scope';
import { notFound } from '../http/errors';
import { nameReferences } from './references';
import { auditLog, type AuditSummaryParams, type FieldChange } from './schema';
import { canSeeRecord } from './visibility';

export type AuditAction = 'create' | 'update' | 'delete' | 'state' | 'login' | 'login_failed' | 'logout' | 'password';

export interface AuditEntryInput {
  action: AuditAction;
  entityType: string;
  /** SQL for an id written in the same statement (insertTogether). */
  entityId?: string | number | SQL | null;
  summary?: string | null;
  /** The summary as the web's i18n key (e.g. customer.auditSummary.transferred) and its values. */
  summaryKey?: string;
  summaryParams?: AuditSummaryParams;
  changes?: FieldChange[] | null;
  /** The record this one belongs to (a contact's or an attachment's customer), whose history shows it too. */
  parent?: { type: string; id: string | number };
}

/** Write one audit row inside the caller's transaction, so it lands with the change or not at all. */
export async function recordAudit(db: Db, actor: Actor | null, entry: AuditEntryInput, who?: { name?: string }) {
  await auditInsert(db, actor, entry, who);
}

/**
 * The audit row's INSERT, not yet run: for writeTogether, alongside the change's other small writes.
 * Several entries (one per imported record) make one multi-row insert.
 */
export function auditInsert(db: Db, actor: Actor | null, entry: AuditEntryInput | AuditEntryInput[], who?: { name?: string }) {
  const entries = Array.isArray(entry) ? entry : [entry];
  return db.insert(auditLog).values(
    entries.map((e) => ({
      actorId: actor && actor.userId > 0 ? actor.userId : null,
      actorName: who?.name ?? actor?.name ?? null,
      departmentId: actor && actor.departmentId > 0 ? actor.departmentId : null,
      ip: actor?.ip ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId == null ? null : is(e.entityId, SQL) ? sql`${e.entityId}::text` : String(e.entityId),
      summary: e.summary ?? null,
      summaryKey: e.summaryKey ?? null,
      summaryParams: e.summaryKey ? (e.summaryParams ?? {}) : null,
      changes: e.changes && e.changes.length > 0 ? e.changes : null,
      parentType: e.parent?.type ?? null,
      parentId: e.parent ? String(e.parent.id) : null,
    })),
  );
}

/** The fields that differ between two versions of a record, old → new. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in after)) continue;
    const from = normalise(before[field]);
    const to = normalise(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
  actorId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  q?: string;
}

/** Browse the audit trail within the actor's `audit` data scope (by who acted and their department). */
export async function listAudit(db: Db, actor: Actor, query: AuditQuery) {
  const scope = await resolveScope(db, actor, 'audit');
  const conditions: (SQL | undefined)[] = [
    scopeCondition(scope, { owner: auditLog.actorId, department: auditLog.departmentId }),
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.from ? gte(auditLog.at, query.from) : undefined,
    query.to ? lte(auditLog.at, query.to) : undefined,
    query.q
      ? or(ilike(auditLog.summary, `%${escapeLike(query.q)}%`), ilike(auditLog.actorName, `%${escapeLike(query.q)}%`))
      : undefined,
  ];
  const where = and(...conditions);
  // One row past the page tells whether there is more without counting the whole trail.
  const limit = query.pageSize;
  const offset = (query.page - 1) * query.pageSize;
  const items = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(query.order === 'asc' ? auditLog.at : desc(auditLog.at), query.order === 'asc' ? auditLog.id : desc(auditLog.id))
    .limit(limit + 1)
    .offset(offset);
  const hasMore = items.length > limit;
  return {
    items: await nameReferences(db, items.slice(0, limit).map(toAuditDto)),
    page: query.page,
    pageSize: query.pageSize,
    total: offset + Math.min(items.length, limit) + (hasMore ? 1 : 0),
    totalExact: !hasMore,
  };
}

/** A record's own history and that of the records belonging to it, for anyone who may see the record. */
export async function recordHistory(db: Db, actor: Actor, entityType: string, entityId: string) {
  if (!(await canSeeRecord(db, actor, entityType, entityId))) throw notFound();
  const items = await db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)),
        and(eq(auditLog.parentType, entityType), eq(auditLog.parentId, entityId)),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(500);
  return { items: await nameReferences(db, items.map(toAuditDto)) };
}

export function toAuditDto(row: typeof auditLog.$inferSelect) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
    summaryKey: row.summaryKey,
    summaryParams: row.summaryParams,
    changes: row.changes ?? null,
  };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
