import nodemailer from 'nodemailer';
import type { MessagingRow } from './settings';

export interface MailInput {
  to: string;
  cc?: string[];
  subject: string;
  text: string;
}

export type MailResult = { ok: true; messageId: string; response: string } | { ok: false; error: string };

/** Short timeouts: a user is waiting on the answer, and a dead server must not hold the request. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000, dnsTimeout: 5_000 };

function transportFor(row: MessagingRow) {
  return nodemailer.createTransport({
    host: row.smtpHost,
    port: row.smtpPort,
    secure: row.smtpSecurity === 'tls',
    requireTLS: row.smtpSecurity === 'starttls',
    ignoreTLS: row.smtpSecurity === 'none',
    auth: row.smtpUser ? { user: row.smtpUser, pass: row.smtpPassword ?? '' } : undefined,
    ...TIMEOUTS,
  });
}

/** One line about what went wrong, with the SMTP answer when there is one, and no secret in it. */
export function summariseSmtpError(err: unknown, row: MessagingRow): string {
  const e = err as { message?: string; response?: string; code?: string };
  let text = e.response ?? e.message ?? String(err);
  if (e.code && !text.includes(e.code)) text = `${e.code}: ${text}`;
  for (const secret of [row.smtpPassword, row.smsSecret]) if (secret) text = text.split(secret).join('***');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Send one plain-text mail with the configured SMTP server; never throws. */
export async function sendMail(row: MessagingRow, mail: MailInput): Promise<MailResult> {
  const transport = transportFor(row);
  try {
    const info = await transport.sendMail({
      from: row.fromName ? { name: row.fromName, address: row.fromAddress } : row.fromAddress,
      to: mail.to,
      cc: mail.cc?.length ? mail.cc : undefined,
      subject: mail.subject,
      text: mail.text,
    });
    return { ok: true, messageId: String(info.messageId ?? ''), response: String(info.response ?? '') };
  } catch (err) {
    return { ok: false, error: summariseSmtpError(err, row) };
  } finally {
    transport.close();
  }
}
