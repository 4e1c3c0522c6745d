import { and, asc, count, desc, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { diffFields, recordAudit } from '../../platform/audit/service';
import { fieldError } from '../../platform/http/errors';
import { users } from '../../platform/org/schema';
import { answerDueRevisit } from './automation/revisit-answer';
import { customerScope, loadCustomer } from './access';
import { accessExpression, selectCustomerDtos, toCustomerDto } from './customer-dto';
import { activities, contacts, customers } from './schema';
import { companyDayStart, companyTimeZone, formatCompanyDate } from './settings';

/**
 * 行动历史: the follow-up timeline of one customer. Users log calls, visits, mail, messages,
 * meetings and notes; system events (see events.ts) land in the same table. A logged activity
 * moves the customer's 最后跟进时间 forward and sets (or settles) its 下次联系时间, which feeds the
 * workbench reminders.
 */

export const activityKinds = ['call_in', 'call_out', 'visit', 'email', 'sms', 'wechat', 'meeting', 'note'] as const;
export type ActivityKind = (typeof activityKinds)[number];

const kindLabels: Record<ActivityKind, string> = {
  call_in: '来电',
  call_out: '去电',
  visit: '拜访',
  email: '邮件',
  sms: '短信',
  wechat: '微信',
  meeting: '会议',
  note: '备注',
};

/** How far ahead an activity's time may lie (clock skew, "tomorrow morning" typed tonight). */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

type ActivityJoinRow = {
  activity: typeof activities.$inferSelect;
  userName: string | null;
  contactName: string | null;
};

function toActivityDto({ activity: a, userName, contactName }: ActivityJoinRow) {
  return {
    id: a.id,
    customerId: a.customerId,
    contactId: a.contactId,
    contactName,
    kind: a.kind,
    event: a.event,
    params: a.params ?? null,
    content: a.content,
    occurredAt: a.occurredAt.toISOString(),
    nextContactAt: a.nextContactAt?.toISOString() ?? null,
    userId: a.userId,
    userName,
  };
}

export type ActivityDto = ReturnType<typeof toActivityDto>;

const activityColumns = { activity: activities, userName: users.name, contactName: contacts.name };

function selectActivities(db: Db) {
  return db
    .select(activityColumns)
    .from(activities)
    .leftJoin(users, eq(users.id, activities.userId))
    .leftJoin(contacts, eq(contacts.id, activities.contactId));
}

/** The timeline, newest first, for anyone who may see the customer (activities_customer_idx). */
export async function listActivities(db: Db, actor: Actor, customerId: number, query: { page: number; pageSize: number }) {
  const { row } = await loadCustomer(db, actor, customerId);
  const [found, [{ total }]] = await Promise.all([
    selectActivities(db)
      .where(eq(activities.customerId, row.id))
      .orderBy(desc(activities.occurredAt), desc(activities.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(activities).where(eq(activities.customerId, row.id)),
  ]);
  return { items: found.map(toActivityDto), page: query.page, pageSize: query.pageSize, total, totalExact: true };
}

export interface ActivityInput {
  kind: ActivityKind;
  content: string;
  occurredAt?: Date;
  contactId?: number | null;
  nextContactAt?: Date | null;
  /** Structured extras for the timeline (e.g. a sent mail's recipient and subject). */
  params?: Record<string, unknown> | null;
}

/**
 * Log a follow-up (needs write access on the customer). 最后跟进时间 becomes the activity's time
 * when that is newer. 下次联系时间: set when given; when not given, a reminder already due is
 * settled by this contact (cleared) unless the activity is a mere note; a future one stays.
 */
export async function createActivity(db: Db, actor: Actor, customerId: number, input: ActivityInput): Promise<ActivityDto> {
  const now = new Date();
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) throw fieldError('occurredAt', 'ACTIVITY_IN_FUTURE');
  const nextContactAt = input.nextContactAt ?? null;
  if (nextContactAt && nextContactAt.getTime() < occurredAt.getTime()) throw fieldError('nextContactAt', 'NEXT_CONTACT_BEFORE_OCCURRED');

  const id = await db.transaction(async (tx) => {
    const { row } = await loadCustomer(tx, actor, customerId, { forWrite: true, lock: true });
    if (input.contactId) {
      const [contact] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.id, input.contactId), eq(contacts.customerId, row.id), isNull(contacts.deletedAt)));
      if (!contact) throw fieldError('contactId', 'UNKNOWN_REFERENCE', { field: 'contactId' });
    }
    const [created] = await tx
      .insert(activities)
      .values({
        customerId: row.id,
        contactId: input.contactId ?? null,
        kind: input.kind,
        content: input.content,
        params: input.params ?? null,
        occurredAt,
        nextContactAt,
        userId: actor.userId > 0 ? actor.userId : null,
      })
      .returning({ id: activities.id });

    const after: { lastFollowupAt?: Date; nextContactAt?: Date | null } = {};
    if (!row.lastFollowupAt || row.lastFollowupAt.getTime() < occurredAt.getTime()) after.lastFollowupAt = occurredAt;
    if (nextContactAt) after.nextContactAt = nextContactAt;
    else if (input.kind !== 'note' && row.nextContactAt && row.nextContactAt.getTime() <= now.getTime()) after.nextContactAt = null;
    const changes = diffFields(row, after, ['lastFollowupAt', 'nextContactAt']);
    if (changes.length) await tx.update(customers).set(after).where(eq(customers.id, row.id));
    // Every follow-up restarts the revisit clock (last follow-up), so it also answers a revisit that is due.
    await answerDueRevisit(tx, row.id, created.id, now);
    // The customer's own record changes (its follow-up times): an update of it, named by the summary.
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'customer',
      entityId: row.id,
      summary: `${row.name}: 行动记录（${kindLabels[input.kind]}）`,
      summaryKey: 'customer.auditSummary.activityLogged',
      summaryParams: { name: row.name, kind: input.kind },
      changes,
    });
    return created.id;
  });
  const [found] = await selectActivities(db).where(eq(activities.id, id));
  return toActivityDto(found);
}

const REMINDER_LIMIT = 100;

/**
 * 今日需联系 / 逾期未联系 for the workbench: the caller's own customers whose 下次联系时间 falls on
 * `date` (default today, company time zone) or before it, as Customers, most overdue first (up to
 * 100 of each). Index: customers_owner_next_contact_idx.
 */
export async function listReminders(db: Db, actor: Actor, query: { date?: string }) {
  const timeZone = await companyTimeZone(db);
  const [dayStart, dayEnd] = await Promise.all([companyDayStart(db, { date: query.date }), companyDayStart(db, { date: query.date, offsetDays: 1 })]);
  const mine = and(eq(customers.ownerId, actor.userId), isNull(customers.deletedAt));
  const dueToday = and(mine, gte(customers.nextContactAt, dayStart), lt(customers.nextContactAt, dayEnd));
  const overdue = and(mine, lt(customers.nextContactAt, dayStart));
  const access = accessExpression(await customerScope(db, actor), actor);
  const page = (where: SQL | undefined) =>
    selectCustomerDtos(db, access).where(where).orderBy(asc(customers.nextContactAt), asc(customers.id)).limit(REMINDER_LIMIT);
  const [late, today, [{ todayTotal }], [{ overdueTotal }]] = await Promise.all([
    page(overdue),
    page(dueToday),
    db.select({ todayTotal: count() }).from(customers).where(dueToday),
    db.select({ overdueTotal: count() }).from(customers).where(overdue),
  ]);
  return {
    date: formatCompanyDate(dayStart, timeZone),
    /** Where "today" starts: items due before it are overdue. */
    dayStart: dayStart.toISOString(),
    items: [...late, ...today].map((r) => toCustomerDto(r)),
    todayTotal,
    overdueTotal,
  };
}
