import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { messagingSettingsBody } from '../../../common/messaging';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { diffFields, recordAudit } from '../audit/service';
import { messagingSettings } from './schema';

export type MessagingRow = typeof messagingSettings.$inferSelect;
type Input = z.output<typeof messagingSettingsBody>;

export const emailConfigured = (row: MessagingRow) => row.smtpHost !== '' && row.fromAddress !== '';
export const smsConfigured = (row: MessagingRow) => row.smsUrl !== '';

/** What the API answers: everything but the password and the secret, which are only "set or not". */
export function toMessagingDto(row: MessagingRow) {
  return {
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecurity: row.smtpSecurity,
    smtpUser: row.smtpUser,
    hasPassword: !!row.smtpPassword,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    smsUrl: row.smsUrl,
    smsMethod: row.smsMethod,
    smsTemplate: row.smsTemplate,
    smsSign: row.smsSign,
    hasSecret: !!row.smsSecret,
    smsSignatureHeader: row.smsSignatureHeader,
    smsHeaders: row.smsHeaders,
    emailConfigured: emailConfigured(row),
    smsConfigured: smsConfigured(row),
  };
}

/** The singleton row (id = 1), created empty on first use. */
export async function getMessagingRow(db: Db): Promise<MessagingRow> {
  const [row] = await db.select().from(messagingSettings).where(eq(messagingSettings.id, 1));
  if (row) return row;
  const [created] = await db.insert(messagingSettings).values({ id: 1 }).onConflictDoNothing().returning();
  return created ?? (await db.select().from(messagingSettings).where(eq(messagingSettings.id, 1)))[0];
}

const AUDITED = [
  'smtpHost',
  'smtpPort',
  'smtpSecurity',
  'smtpUser',
  'fromAddress',
  'fromName',
  'smsUrl',
  'smsMethod',
  'smsTemplate',
  'smsSign',
  'smsSignatureHeader',
] as const;

/** Save the settings; the audit row says a secret changed, never what it is. */
export async function updateMessaging(db: Db, actor: Actor, input: Input) {
  return db.transaction(async (tx) => {
    const before = await getMessagingRow(tx);
    const { smtpPassword, smsSecret, ...plain } = input;
    const next: Partial<MessagingRow> = { ...plain, updatedAt: new Date() };
    if (smtpPassword !== undefined) next.smtpPassword = smtpPassword || null;
    if (smsSecret !== undefined) next.smsSecret = smsSecret || null;
    const [row] = await tx.update(messagingSettings).set(next).where(eq(messagingSettings.id, 1)).returning();
    const changes = diffFields(before, plain, [...AUDITED]);
    if (JSON.stringify(before.smsHeaders) !== JSON.stringify(row.smsHeaders)) changes.push({ field: 'smsHeaders', from: before.smsHeaders, to: row.smsHeaders });
    if ((before.smtpPassword ?? null) !== (row.smtpPassword ?? null)) changes.push({ field: 'smtpPassword', from: '***', to: row.smtpPassword ? '***' : null });
    if ((before.smsSecret ?? null) !== (row.smsSecret ?? null)) changes.push({ field: 'smsSecret', from: '***', to: row.smsSecret ? '***' : null });
    if (changes.length) await recordAudit(tx, actor, { action: 'update', entityType: 'messaging_settings', entityId: 1, summary: '邮件与短信设置', changes });
    return toMessagingDto(row);
  });
}
