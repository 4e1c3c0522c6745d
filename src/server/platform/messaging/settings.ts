import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type MessagingField, messagingFields, type messagingSettingsBody } from '../../../common/messaging';
import type { MessagingEnv } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';
import { diffFields, recordAudit } from '../audit/service';
import { messagingSettings } from './schema';

export type MessagingRow = typeof messagingSettings.$inferSelect;
type Input = z.output<typeof messagingSettingsBody>;

export const emailConfigured = (row: MessagingRow) => row.smtpHost !== '' && row.fromAddress !== '';
export const smsConfigured = (row: MessagingRow) => row.smsUrl !== '';

/** The fields the environment sets, in the settings' order. */
export const environmentFields = (env: MessagingEnv): MessagingField[] => messagingFields.filter((f) => env[f] !== undefined);

/**
 * The settings sending uses: the stored row, with every field the environment sets (SMTP_HOST,
 * SMS_GATEWAY_URL …, see config.ts) taking precedence, so several copies of the server can be
 * configured alike without touching the database.
 */
export async function effectiveMessagingRow(db: Db, env: MessagingEnv): Promise<MessagingRow> {
  return { ...(await getMessagingRow(db)), ...env };
}

/**
 * What the API answers, for the effective settings (stored row with the environment's fields):
 * everything but the password and the secret, which are only "set or not", and which fields the
 * environment sets (read-only on the page).
 */
export function toMessagingDto(stored: MessagingRow, env: MessagingEnv = {}) {
  const row: MessagingRow = { ...stored, ...env };
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
    fromEnvironment: environmentFields(env),
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

/**
 * Save the settings; the audit row says a secret changed, never what it is. Fields the environment
 * sets are read-only: what the body says for them is ignored and the stored value kept.
 */
export async function updateMessaging(db: Db, actor: Actor, input: Input, env: MessagingEnv = {}) {
  return db.transaction(async (tx) => {
    const before = await getMessagingRow(tx);
    const editable = { ...input };
    for (const field of environmentFields(env)) delete editable[field];
    const { smtpPassword, smsSecret, ...plain } = editable;
    const next: Partial<MessagingRow> = { ...plain, updatedAt: new Date() };
    if (smtpPassword !== undefined) next.smtpPassword = smtpPassword || null;
    if (smsSecret !== undefined) next.smsSecret = smsSecret || null;
    const [row] = await tx.update(messagingSettings).set(next).where(eq(messagingSettings.id, 1)).returning();
    const changes = diffFields(before, plain, [...AUDITED]);
    if (JSON.stringify(before.smsHeaders) !== JSON.stringify(row.smsHeaders)) changes.push({ field: 'smsHeaders', from: before.smsHeaders, to: row.smsHeaders });
    if ((before.smtpPassword ?? null) !== (row.smtpPassword ?? null)) changes.push({ field: 'smtpPassword', from: '***', to: row.smtpPassword ? '***' : null });
    if ((before.smsSecret ?? null) !== (row.smsSecret ?? null)) changes.push({ field: 'smsSecret', from: '***', to: row.smsSecret ? '***' : null });
    if (changes.length) await recordAudit(tx, actor, { action: 'update', entityType: 'messaging_settings', entityId: 1, summary: '邮件与短信设置', summaryKey: 'auditSummary.messagingSettings', changes });
    return toMessagingDto(row, env);
  });
}
