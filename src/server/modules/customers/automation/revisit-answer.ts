import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../db/client';
import { companyDay } from '../settings';

/**
 * How a revisit to-do is answered, apart from the rest of 回访计划 (revisits.ts) so that logging a
 * follow-up (activities.ts) can use it without the two modules importing each other.
 */

/**
 * A follow-up answers the customer's revisit when one is due (today or overdue): the to-do is closed
 * as done with that activity and the next opened at once, so 今日回访 drops it now rather than after
 * the next daily run. A to-do not yet due is left to the daily run, which settles it against the
 * new last follow-up. Answers whether a to-do was closed.
 */
export async function answerDueRevisit(tx: Db, customerId: number, activityId: number, now: Date): Promise<boolean> {
  const { day } = await companyDay(tx, now);
  const closed = await rows<{ id: number }>(
    tx,
    sql`update revisit_tasks set status = 'done', done_activity_id = ${activityId}, done_at = ${now}
        where customer_id = ${customerId} and status = 'open' and due_date <= ${day}::date
        returning id`,
  );
  if (closed.length) await openNextRevisit(tx, customerId, day);
  return closed.length > 0;
}

/**
 * Open the customer's next revisit, due `day` + its plan's days, for its owner: nothing when it has no
 * owner or no enabled plan, and the one already open when there is one.
 */
export async function openNextRevisit(tx: Db, customerId: number, day: string): Promise<{ id: number; dueDate: string } | null> {
  await tx.execute(
    sql`insert into revisit_tasks (customer_id, owner_id, rule_id, due_date)
        select c.id, c.owner_id, r.id, ${day}::date + r.interval_days
        from customers c join revisit_rules r on r.level = c.level and r.enabled
        where c.id = ${customerId} and c.owner_id is not null and c.deleted_at is null
        on conflict do nothing`,
  );
  const [open] = await rows<{ id: number; due_date: string }>(
    tx,
    sql`select id, due_date::text as due_date from revisit_tasks where customer_id = ${customerId} and status = 'open'`,
  );
  return open ? { id: Number(open.id), dueDate: open.due_date } : null;
}
