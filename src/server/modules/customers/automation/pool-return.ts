import { asc, eq, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR_NAME } from '../../../../common/api';
import { autoReturnReason } from '../../../../common/customers';
import { type Db, rows } from '../../../db/client';
import { sqlArray } from '../../../db/arrays';
import type { Actor } from '../../../platform/access/actor';
import { auditLog } from '../../../platform/audit/schema';
import { diffFields, recordAudit } from '../../../platform/audit/service';
import { fieldError, notFound } from '../../../platform/http/errors';
import { activities } from '../schema';
import { hasDeal, isReturnExemption, listReturnExemptions, sparedByRule } from './return-exemptions';
import { poolReturnRules } from './schema';

/**
 * 自动回收: owned customers matching an enabled rule go back to the pool, set-based, in batches of
 * one transaction each, with the same effects as a release (owner and department cleared, previous
 * owner kept, pool reason, team cleared, next contact cleared, audit row, 'released' timeline event
 * with `auto: true`).
 *
 * The clock of a customer: "no follow-up" counts from the latest of its last follow-up, its creation,
 * its last release to the pool and the day its owner got it (a customer just claimed, assigned or
 * transferred starts afresh); "no deal" counts from the latest of creation, last release and the
 * owner's start, and holds while the customer has no deal (the
 * `deal` condition of return-exemptions.ts). A rule with both criteria returns a customer when
 * either holds. A rule spares the customers its exemptions name (hot, with a deal, and what later
 * areas register).
 */

export type PoolReturnRuleRow = typeof poolReturnRules.$inferSelect;

export interface PoolReturnRuleInput {
  name: string;
  enabled: boolean;
  noFollowupDays: number | null;
  noDealDays: number | null;
  /** Customer level codes the rule applies to; null = every level (and none). */
  levels: string[] | null;
  /** Keys of registered exemptions (return-exemptions.ts): customers they hold for stay. */
  exemptions: string[];
  warnDaysBefore: number;
}

export function toRuleDto(r: PoolReturnRuleRow) {
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    noFollowupDays: r.noFollowupDays,
    noDealDays: r.noDealDays,
    levels: r.levels && r.levels.length > 0 ? r.levels : null,
    exemptions: r.exemptions,
    warnDaysBefore: r.warnDaysBefore,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listPoolReturnRules(db: Db) {
  const found = await db.select().from(poolReturnRules).orderBy(asc(poolReturnRules.id));
  return { items: found.map(toRuleDto) };
}

function normalise(input: PoolReturnRuleInput): PoolReturnRuleInput {
  if (input.noFollowupDays === null && input.noDealDays === null) throw fieldError('noFollowupDays', 'RETURN_RULE_CRITERIA_REQUIRED');
  const levels = input.levels && input.levels.length > 0 ? [...new Set(input.levels)] : null;
  if (input.exemptions.some((key) => !isReturnExemption(key))) throw fieldError('exemptions', 'RETURN_EXEMPTION_UNKNOWN');
  // Stored in the order they are offered, so that an unchanged set never shows up as a change.
  const exemptions = listReturnExemptions()
    .map((e) => e.key)
    .filter((key) => input.exemptions.includes(key));
  return {
    name: input.name,
    enabled: input.enabled,
    noFollowupDays: input.noFollowupDays,
    noDealDays: input.noDealDays,
    levels,
    exemptions,
    warnDaysBefore: input.warnDaysBefore,
  };
}

const ruleFields = ['name', 'enabled', 'noFollowupDays', 'noDealDays', 'levels', 'exemptions', 'warnDaysBefore'] as const;

export async function createPoolReturnRule(db: Db, actor: Actor, input: PoolReturnRuleInput) {
  const values = normalise(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(poolReturnRules).values(values).returning();
    await recordAudit(tx, actor, { action: 'create', entityType: 'pool_return_rule', entityId: row.id, summary: `自动回收规则：${row.name}`, summaryKey: 'customer.auditSummary.returnRule', summaryParams: { rule: row.name } });
    return toRuleDto(row);
  });
}

export async function updatePoolReturnRule(db: Db, actor: Actor, id: number, patch: Partial<PoolReturnRuleInput>) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(poolReturnRules).where(eq(poolReturnRules.id, id)).for('update');
    if (!before) throw notFound();
    const values = normalise({ ...toRuleDto(before), ...patch });
    const [row] = await tx
      .update(poolReturnRules)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(poolReturnRules.id, id))
      .returning();
    const changes = diffFields(before as Record<string, unknown>, values as unknown as Record<string, unknown>, ruleFields);
    if (changes.length) await recordAudit(tx, actor, { action: 'update', entityType: 'pool_return_rule', entityId: id, summary: `自动回收规则：${row.name}`, summaryKey: 'customer.auditSummary.returnRule', summaryParams: { rule: row.name }, changes });
    return toRuleDto(row);
  });
}

export async function deletePoolReturnRule(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(poolReturnRules).where(eq(poolReturnRules.id, id)).returning();
    if (!row) throw notFound();
    await recordAudit(tx, actor, { action: 'delete', entityType: 'pool_return_rule', entityId: id, summary: `自动回收规则：${row.name}`, summaryKey: 'customer.auditSummary.returnRule', summaryParams: { rule: row.name } });
  });
}

/** The instant each criterion counts from (see the module comment). */
const followupClock = sql`greatest(c.created_at, c.last_followup_at, c.pool_released_at, c.owned_since)`;
const dealClock = sql`greatest(c.created_at, c.pool_released_at, c.owned_since)`;

/**
 * Customers (alias c) that rule r (alias r) applies to at all: owned, alive, level, not spared.
 * Built per call: a later area may have registered or replaced an exemption.
 */
const ruleApplies = () => sql`c.owner_id is not null and c.deleted_at is null
  and (r.levels is null or cardinality(r.levels) = 0 or c.level = any(r.levels))
  and not ${sparedByRule()}`;

/** When rule r returns customer c (null when neither criterion applies to it). */
const returnAt = () => sql`least(
  case when r.no_followup_days is not null then ${followupClock} + make_interval(days => r.no_followup_days) end,
  case when r.no_deal_days is not null and not ${hasDeal()} then ${dealClock} + make_interval(days => r.no_deal_days) end)`;


type Candidate = { id: number; name: string; owner_id: number; department_id: number | null; is_hot: boolean; owner_name: string | null; by_followup: boolean };

/**
 * Apply every enabled rule at `now`. Each batch locks its customers (skipping rows a user holds
 * right now: they are looked at again on the next run) and moves them in one transaction.
 */
export async function applyPoolReturnRules(db: Db, now = new Date(), opts: { batchSize?: number } = {}) {
  const batchSize = opts.batchSize ?? 500;
  const at = sql`${now.toISOString()}::timestamptz`;
  const applies = ruleApplies();
  const returnsAt = returnAt();
  const rules = await db.select().from(poolReturnRules).where(eq(poolReturnRules.enabled, true)).orderBy(asc(poolReturnRules.id));
  const byRule: Record<string, number> = {};
  let returned = 0;
  for (const rule of rules) {
    byRule[rule.id] = 0;
    for (;;) {
      const moved = await db.transaction(async (tx) => {
        const batch = await rows<Candidate>(
          tx,
          sql`select c.id, c.name, c.owner_id, c.department_id, c.is_hot, u.name as owner_name,
                (r.no_followup_days is not null and ${followupClock} + make_interval(days => r.no_followup_days) < ${at}) as by_followup
              from customers c
              join pool_return_rules r on r.id = ${rule.id}
              left join users u on u.id = c.owner_id
              where ${applies} and ${returnsAt} < ${at}
              order by c.id
              limit ${batchSize}
              for update of c skip locked`,
        );
        if (batch.length === 0) return 0;
        const ids = batch.map((b) => Number(b.id));
        const idArray = sqlArray(ids, 'bigint');
        const followupIds = sqlArray(batch.filter((b) => b.by_followup).map((b) => Number(b.id)), 'bigint');
        const fReason = rule.noFollowupDays !== null ? autoReturnReason('followup', rule.noFollowupDays) : '';
        const dReason = rule.noDealDays !== null ? autoReturnReason('deal', rule.noDealDays) : '';
        await tx.execute(sql`update customers set
            previous_owner_id = owner_id, owner_id = null, department_id = null,
            pool_released_at = ${at}, pool_reason = case when id = any(${followupIds}) then ${fReason} else ${dReason} end,
            next_contact_at = null, is_hot = false, hot_at = null, updated_at = ${at}, updated_by = null
          where id = any(${idArray})`);
        const cleared = await rows<{ customer_id: number; n: number }>(
          tx,
          sql`with d as (delete from customer_shares where customer_id = any(${idArray}) returning customer_id)
              select customer_id, count(*)::int as n from d group by customer_id`,
        );
        const clearedBy = new Map(cleared.map((r) => [Number(r.customer_id), Number(r.n)]));
        const ruleRef = { id: rule.id, name: rule.name };
        await tx.insert(auditLog).values(
          batch.map((b) => ({
            at: now,
            actorId: null,
            actorName: SYSTEM_ACTOR_NAME,
            action: 'state',
            entityType: 'customer',
            entityId: String(b.id),
            summary: `${b.name}: 放入公海（${b.by_followup ? fReason : dReason}）`,
            summaryKey: b.by_followup ? 'customer.auditSummary.autoReturnedFollowup' : 'customer.auditSummary.autoReturnedDeal',
            summaryParams: { name: b.name, days: (b.by_followup ? rule.noFollowupDays : rule.noDealDays) ?? 0 },
            changes: [
              { field: 'ownerId', from: Number(b.owner_id), to: null },
              ...(b.department_id !== null ? [{ field: 'departmentId', from: Number(b.department_id), to: null }] : []),
              ...(b.is_hot ? [{ field: 'isHot', from: true, to: false }] : []),
            ],
          })),
        );
        await tx.insert(activities).values(
          batch.map((b) => ({
            customerId: Number(b.id),
            kind: 'system',
            event: 'released',
            occurredAt: now,
            params: {
              auto: true,
              rule: ruleRef,
              reason: b.by_followup ? fReason : dReason,
              fromUserId: Number(b.owner_id),
              fromUserName: b.owner_name,
              clearedShares: clearedBy.get(Number(b.id)) ?? 0,
            },
            userId: null,
          })),
        );
        return batch.length;
      });
      byRule[rule.id] += moved;
      returned += moved;
      if (moved < batchSize) break;
    }
  }
  return { returned, byRule };
}

/**
 * 即将回收: the caller's own customers that an enabled rule with a warning period will return
 * within that period, soonest first (up to 100), with the rule and the moment.
 */
export async function listReturnWarnings(db: Db, actor: Actor, now = new Date()) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const returnsAt = returnAt();
  const found = await rows<{ id: number; name: string; level: string | null; last_followup_at: string | Date | null; return_at: string | Date; rule_id: number; rule_name: string }>(
    db,
    sql`select distinct on (c.id) c.id, c.name, c.level, c.last_followup_at, ${returnsAt} as return_at, r.id as rule_id, r.name as rule_name
        from customers c
        join pool_return_rules r on r.enabled and r.warn_days_before > 0
        where c.owner_id = ${actor.userId} and ${ruleApplies()}
          and ${returnsAt} <= ${at} + make_interval(days => r.warn_days_before)
        order by c.id, ${returnsAt}`,
  );
  const items = found
    .map((r) => ({
      customerId: Number(r.id),
      name: r.name,
      level: r.level,
      lastFollowupAt: r.last_followup_at ? new Date(r.last_followup_at).toISOString() : null,
      returnAt: new Date(r.return_at).toISOString(),
      ruleId: r.rule_id,
      ruleName: r.rule_name,
    }))
    .sort((a, b) => a.returnAt.localeCompare(b.returnAt) || a.customerId - b.customerId);
  return { items: items.slice(0, 100), total: items.length };
}
