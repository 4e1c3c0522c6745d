import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { sqlArray } from '../../../db/arrays';
import { type Db, rows } from '../../../db/client';
import type { Actor } from '../../../platform/access/actor';
import { diffFields, recordAudit } from '../../../platform/audit/service';
import { dictionaryItems } from '../../../platform/dictionaries/schema';
import { dictionaryLabel } from '../../../platform/dictionaries/service';
import { conflict, fieldError, notFound } from '../../../platform/http/errors';
import { type ActivityKind, createActivity } from '../activities';
import { companyDay, companyZoneSql } from '../settings';
import { openNextRevisit } from './revisit-answer';
import { revisitRules, revisitTasks } from './schema';

/**
 * 回访计划 (S6): per customer level, revisit every N days. The daily job opens a revisit to-do for
 * the owner when the customer's last follow-up (or its creation, or its last release to the pool)
 * plus N days has come, and the customer has no open one. Completing it logs an activity and opens
 * the next one at once, due today + N; so does any follow-up logged while it is due (revisit-answer.ts).
 * A to-do whose customer changed hands or level is settled at once (recheckRevisits); one whose
 * customer was followed up before it fell due is skipped by the next run (and a new one opened when due).
 * Saving or deleting a plan applies it to its level at once, in the same transaction: the owners of
 * customers already due see their to-dos today, not after the next daily run.
 */

export type RevisitRuleRow = typeof revisitRules.$inferSelect;
export interface RevisitRuleInput {
  level: string;
  intervalDays: number;
  enabled: boolean;
}

const toRuleDto = (r: RevisitRuleRow) => ({ id: r.id, level: r.level, intervalDays: r.intervalDays, enabled: r.enabled, updatedAt: r.updatedAt.toISOString() });

export async function listRevisitRules(db: Db) {
  const found = await db.select().from(revisitRules).orderBy(asc(revisitRules.level));
  return { items: found.map(toRuleDto) };
}

/** One plan per level: a second is refused, naming the level as the caller reads it (A（重点）). */
async function assertLevelFree(tx: Db, actor: Actor, level: string, exceptId?: number) {
  const [taken] = await tx
    .select({ id: revisitRules.id })
    .from(revisitRules)
    .where(and(eq(revisitRules.level, level), exceptId ? ne(revisitRules.id, exceptId) : undefined));
  if (!taken) return;
  const [item] = await tx
    .select()
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.dictType, 'level'), eq(dictionaryItems.code, level)));
  throw fieldError('level', 'REVISIT_RULE_LEVEL_TAKEN', { level: item ? dictionaryLabel(item, actor.lang) : level });
}

export async function createRevisitRule(db: Db, actor: Actor, input: RevisitRuleInput) {
  return db.transaction(async (tx) => {
    await assertLevelFree(tx, actor, input.level);
    const [row] = await tx.insert(revisitRules).values(input).returning();
    await recordAudit(tx, actor, { action: 'create', entityType: 'revisit_rule', entityId: row.id, summary: `回访计划：${row.level} 每 ${row.intervalDays} 天`,
      summaryKey: 'customer.auditSummary.revisitRuleCreated',
      summaryParams: { level: row.level, days: row.intervalDays },
    });
    await createRevisitTasks(tx, new Date(), { levels: [row.level] });
    return toRuleDto(row);
  });
}

export async function updateRevisitRule(db: Db, actor: Actor, id: number, patch: Partial<RevisitRuleInput>) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(revisitRules).where(eq(revisitRules.id, id)).for('update');
    if (!before) throw notFound();
    if (patch.level !== undefined) await assertLevelFree(tx, actor, patch.level, id);
    const [row] = await tx
      .update(revisitRules)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(revisitRules.id, id))
      .returning();
    const changes = diffFields(before, patch, ['level', 'intervalDays', 'enabled']);
    // Open to-dos move with the interval, both ways: one opened under 400 days does not keep that
    // date when the plan goes back to 7 (nor one opened under 7 fall due early under 30).
    if (row.intervalDays !== before.intervalDays) {
      await tx
        .update(revisitTasks)
        .set({ dueDate: sql`${revisitTasks.dueDate} + ${row.intervalDays - before.intervalDays}::int` })
        .where(and(eq(revisitTasks.ruleId, id), eq(revisitTasks.status, 'open')));
    }
    if (changes.length) await recordAudit(tx, actor, { action: 'update', entityType: 'revisit_rule', entityId: id, summary: `回访计划：${row.level}`, summaryKey: 'customer.auditSummary.revisitRule', summaryParams: { level: row.level }, changes });
    if (changes.length) await createRevisitTasks(tx, new Date(), { levels: [...new Set([before.level, row.level])] });
    return toRuleDto(row);
  });
}

export async function deleteRevisitRule(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(revisitRules).where(eq(revisitRules.id, id)).returning();
    if (!row) throw notFound();
    await recordAudit(tx, actor, { action: 'delete', entityType: 'revisit_rule', entityId: id, summary: `回访计划：${row.level}`, summaryKey: 'customer.auditSummary.revisitRule', summaryParams: { level: row.level } });
    await createRevisitTasks(tx, new Date(), { levels: [row.level] });
  });
}

/** The day (company time zone) a customer's revisit clock starts: last follow-up, creation or last release. */
const clockDay = (tz: SQL) => sql`(greatest(c.created_at, c.last_followup_at, c.pool_released_at) at time zone ${tz})::date`;

/** Which customers a settle-and-open pass looks at, and the company's zone and today, as SQL. */
interface RevisitPass {
  tz: SQL;
  day: SQL;
  customers: SQL;
}

/**
 * Settle stale to-dos (the customer changed hands, left the plan, or was followed up before it fell
 * due), then open one for every customer that is due and has none: two statements, in the caller's
 * transaction.
 */
async function settleAndOpen(tx: Db, { tz, day, customers }: RevisitPass) {
  const skipped = await rows<{ id: number }>(
    tx,
    sql`update revisit_tasks t set status = 'skipped'
        from customers c
        left join revisit_rules r on r.level = c.level and r.enabled
        where t.status = 'open' and c.id = t.customer_id
          and (c.deleted_at is not null or c.owner_id is distinct from t.owner_id or r.id is null
               or ${clockDay(tz)} + r.interval_days > t.due_date)
          ${customers}
        returning t.id`,
  );
  const created = await rows<{ id: number }>(
    tx,
    sql`insert into revisit_tasks (customer_id, owner_id, rule_id, due_date)
        select c.id, c.owner_id, r.id, ${clockDay(tz)} + r.interval_days
        from customers c
        join revisit_rules r on r.enabled and r.level = c.level
        where c.owner_id is not null and c.deleted_at is null
          and ${clockDay(tz)} + r.interval_days <= ${day}
          ${customers}
        -- "No open to-do yet" is left to the one-open-per-customer unique index: a NOT EXISTS here
        -- was once planned as a nested loop rescanning the growing table per customer (26 minutes
        -- at a million customers instead of 5 seconds).
        on conflict do nothing
        returning id`,
  );
  return { created: created.length, skipped: skipped.length };
}

/**
 * The daily run: settle stale to-dos, then open one for every customer that is due and has none.
 * With `levels`, only customers of those levels (a plan just saved or deleted).
 */
export async function createRevisitTasks(db: Db, now = new Date(), opts: { levels?: string[] } = {}) {
  const { tz, day } = await companyDay(db, now);
  const ofLevels = opts.levels ? sql`and c.level = any(${sqlArray(opts.levels, 'text')})` : sql``;
  return db.transaction((tx) => settleAndOpen(tx, { tz: sql`${tz}`, day: sql`${day}::date`, customers: ofLevels }));
}

/**
 * A customer whose level or owner just changed: its to-do follows at once (closed if it no longer
 * applies, opened for the new owner or level when due), in the change's own transaction.
 */
export async function recheckRevisits(tx: Db, customerId: number, now = new Date()) {
  const tz = companyZoneSql();
  return settleAndOpen(tx, { tz, day: sql`(${now.toISOString()}::timestamptz at time zone ${tz})::date`, customers: sql`and c.id = ${customerId}` });
}

export type RevisitScope = 'today' | 'overdue' | 'all';

/** 今日回访 / 逾期回访: the caller's open revisit to-dos due today or before (company time zone), oldest first. */
export async function listRevisits(db: Db, actor: Actor, query: { scope?: RevisitScope }, now = new Date()) {
  const { day } = await companyDay(db, now);
  const scope = query.scope ?? 'all';
  const due = scope === 'today' ? sql`t.due_date = ${day}::date` : scope === 'overdue' ? sql`t.due_date < ${day}::date` : sql`t.due_date <= ${day}::date`;
  const mine = sql`t.owner_id = ${actor.userId} and t.status = 'open' and c.owner_id = t.owner_id and c.deleted_at is null`;
  const [found, [totals]] = await Promise.all([
    rows<{ id: number; customer_id: number; name: string; level: string | null; phone: string | null; mobile: string | null; due_date: string; last_followup_at: string | Date | null; interval_days: number | null }>(
      db,
      sql`select t.id, t.customer_id, c.name, c.level, c.phone, c.mobile, t.due_date::text as due_date, c.last_followup_at, r.interval_days
          from revisit_tasks t
          join customers c on c.id = t.customer_id
          left join revisit_rules r on r.id = t.rule_id
          where ${mine} and ${due}
          order by t.due_date, t.id
          limit 100`,
    ),
    rows<{ today: number; overdue: number }>(
      db,
      sql`select count(*) filter (where t.due_date = ${day}::date)::int as today, count(*) filter (where t.due_date < ${day}::date)::int as overdue
          from revisit_tasks t join customers c on c.id = t.customer_id
          where ${mine} and t.due_date <= ${day}::date`,
    ),
  ]);
  return {
    date: day,
    items: found.map((r) => ({
      id: Number(r.id),
      customerId: Number(r.customer_id),
      customerName: r.name,
      level: r.level,
      phone: r.phone ?? r.mobile,
      dueDate: r.due_date,
      overdue: r.due_date < day,
      lastFollowupAt: r.last_followup_at ? new Date(r.last_followup_at).toISOString() : null,
      intervalDays: r.interval_days,
    })),
    todayTotal: Number(totals?.today ?? 0),
    overdueTotal: Number(totals?.overdue ?? 0),
  };
}

/**
 * 完成回访: log the activity on the customer (same rules as any follow-up: write access needed) and
 * close the to-do in one transaction; the next to-do is opened at once, due today + the plan's days.
 * The follow-up answers the to-do by itself (answerDueRevisit, as any follow-up does while it is due).
 */
export async function completeRevisit(db: Db, actor: Actor, id: number, input: { kind: ActivityKind; content: string }, now = new Date()) {
  const { day } = await companyDay(db, now);
  return db.transaction(async (tx) => {
    const [task] = await tx
      .select()
      .from(revisitTasks)
      .where(and(eq(revisitTasks.id, id), eq(revisitTasks.ownerId, actor.userId)))
      .for('update');
    if (!task) throw notFound();
    if (task.status !== 'open') throw conflict('REVISIT_NOT_OPEN');
    const activity = await createActivity(tx, actor, task.customerId, { kind: input.kind, content: input.content });
    await tx
      .update(revisitTasks)
      .set({ status: 'done', doneActivityId: activity.id, doneAt: now })
      .where(and(eq(revisitTasks.id, id), eq(revisitTasks.status, 'open')));
    const next = await openNextRevisit(tx, task.customerId, day);
    return { id, status: 'done' as const, activityId: activity.id, next };
  });
}
