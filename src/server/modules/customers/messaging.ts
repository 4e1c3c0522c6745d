import { and, eq, isNull } from 'drizzle-orm';
import type { CustomerEmailInput, CustomerSmsInput } from '../../../common/messaging';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { AppError, badRequest, fieldError } from '../../platform/http/errors';
import { fieldNames } from '../../platform/http/messages';
import { sendMail } from '../../platform/messaging/mailer';
import { effectiveMessagingRow, emailConfigured, smsConfigured } from '../../platform/messaging/settings';
import type { MessagingEnv } from '../../config';
import { sendSms } from '../../platform/messaging/sms';
import { loadCustomer } from './access';
import { createActivity } from './activities';
import { recordCustomerEvent } from './events';
import { contacts } from './schema';

/**
 * 发邮件 / 发短信 from the customer view. The caller needs write access on the customer (checked
 * before anything is sent). A sent message becomes an activity (kind email / sms) in 行动历史; a
 * failed one is answered 502 and recorded in the same timeline as a system event, so nothing is
 * silently lost.
 */

async function contactOf(db: Db, customerId: number, contactId: number) {
  const [contact] = await db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, mobile: contacts.mobile })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.customerId, customerId), isNull(contacts.deletedAt)));
  if (!contact) throw fieldError('contactId', 'UNKNOWN_REFERENCE', { field: 'contactId' });
  return contact;
}

export async function emailCustomer(db: Db, actor: Actor, customerId: number, input: CustomerEmailInput, env: MessagingEnv = {}) {
  const { row: customer } = await loadCustomer(db, actor, customerId, { forWrite: true });
  let to = input.to ?? null;
  let contactId: number | null = null;
  if (input.contactId) {
    const contact = await contactOf(db, customer.id, input.contactId);
    if (!contact.email) throw fieldError('contactId', 'CONTACT_NO_EMAIL');
    to = contact.email;
    contactId = contact.id;
  }
  if (!to) throw fieldError('to', 'RECIPIENT_REQUIRED', { field: fieldNames.recipient[actor.lang] });
  // The stored settings with the environment's SMTP_* / SMS_GATEWAY_* taking precedence.
  const settings = await effectiveMessagingRow(db, env);
  if (!emailConfigured(settings)) throw badRequest('EMAIL_NOT_CONFIGURED');

  const cc = input.cc ?? [];
  const result = await sendMail(settings, { to, cc, subject: input.subject, text: input.body });
  if (!result.ok) {
    await recordCustomerEvent(db, actor, customer.id, 'email_failed', { to, cc, subject: input.subject, reason: result.error, contactId }, contactId);
    throw new AppError(502, 'EMAIL_SEND_FAILED', { reason: result.error });
  }
  return createActivity(db, actor, customer.id, {
    kind: 'email',
    content: `${input.subject}\n\n${input.body}`,
    contactId,
    params: { to, cc, subject: input.subject, messageId: result.messageId },
  });
}

export async function smsCustomer(db: Db, actor: Actor, customerId: number, input: CustomerSmsInput, env: MessagingEnv = {}) {
  const { row: customer } = await loadCustomer(db, actor, customerId, { forWrite: true });
  let mobile = input.mobile ?? null;
  let contactId: number | null = null;
  if (input.contactId) {
    const contact = await contactOf(db, customer.id, input.contactId);
    if (!contact.mobile) throw fieldError('contactId', 'CONTACT_NO_MOBILE');
    mobile = contact.mobile;
    contactId = contact.id;
  }
  if (!mobile) throw fieldError('mobile', 'RECIPIENT_REQUIRED', { field: fieldNames.mobile[actor.lang] });
  // The stored settings with the environment's SMTP_* / SMS_GATEWAY_* taking precedence.
  const settings = await effectiveMessagingRow(db, env);
  if (!smsConfigured(settings)) throw badRequest('SMS_NOT_CONFIGURED');

  const result = await sendSms(settings, mobile, input.content);
  if (!result.ok) {
    await recordCustomerEvent(db, actor, customer.id, 'sms_failed', {
      mobile,
      content: input.content,
      status: result.status,
      answer: result.answer,
      reason: result.error,
      contactId,
    }, contactId);
    throw new AppError(502, 'SMS_SEND_FAILED', { reason: result.error });
  }
  return createActivity(db, actor, customer.id, {
    kind: 'sms',
    content: input.content,
    contactId,
    params: { mobile, status: result.status, answer: result.answer },
  });
}
