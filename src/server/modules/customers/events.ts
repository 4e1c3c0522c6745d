import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { activities } from './schema';

/** System events that appear in a customer's follow-up timeline (行动历史). */
export type CustomerEvent =
  | 'created'
  | 'updated'
  | 'transferred'
  | 'released'
  | 'claimed'
  | 'assigned'
  | 'hot'
  | 'unhot'
  | 'shared'
  | 'unshared'
  | 'restored'
  /** A mail or text message from the customer view that could not be sent (params: recipient, reason). */
  | 'email_failed'
  | 'sms_failed'
  /** 附件 uploaded or deleted (params: fileName, and size when added). */
  | 'attachment_added'
  | 'attachment_deleted';

/**
 * Write one system row (kind 'system') into the customer's timeline, inside the caller's
 * transaction so it lands with the change or not at all. The one place every customer module
 * records a system event; `params` carries what the web needs to word it (e.g. {fromUserName, toUserName}).
 */
export async function recordCustomerEvent(
  tx: Db,
  actor: Actor,
  customerId: number,
  event: CustomerEvent,
  params: Record<string, unknown> | null = null,
  /** The contact it was about (a failed mail or text), shown with it like a follow-up's. */
  contactId: number | null = null,
) {
  await customerEventInsert(tx, actor, customerId, event, params, contactId);
}

/** The event's INSERT, not yet run: for writeTogether, alongside the change's audit row. */
export function customerEventInsert(
  tx: Db,
  actor: Actor,
  customerId: number | SQL<number>,
  event: CustomerEvent,
  params: Record<string, unknown> | null = null,
  contactId: number | null = null,
) {
  return tx.insert(activities).values({
    customerId,
    kind: 'system',
    event,
    params,
    contactId,
    userId: actor.userId > 0 ? actor.userId : null,
  });
}
