import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row (id = 1): how the installation sends mail (SMTP) and text messages (an HTTP SMS
 * gateway). The password and the gateway secret are write-only: never answered by the API.
 */
export const messagingSettings = pgTable('messaging_settings', {
  id: integer('id').primaryKey(),
  smtpHost: text('smtp_host').notNull().default(''),
  smtpPort: integer('smtp_port').notNull().default(465),
  /** tls: TLS from the first byte (465); starttls: upgrade required (587); none: plain (local relays). */
  smtpSecurity: text('smtp_security', { enum: ['tls', 'starttls', 'none'] }).notNull().default('tls'),
  smtpUser: text('smtp_user').notNull().default(''),
  smtpPassword: text('smtp_password'),
  fromAddress: text('from_address').notNull().default(''),
  fromName: text('from_name').notNull().default(''),
  smsUrl: text('sms_url').notNull().default(''),
  smsMethod: text('sms_method', { enum: ['GET', 'POST'] }).notNull().default('POST'),
  /** POST: the body; GET: the query string. Placeholders {mobile} {content} {sign} {timestamp}. */
  smsTemplate: text('sms_template').notNull().default(''),
  /** 短信签名, e.g. 【示例公司】, filled into {sign}. */
  smsSign: text('sms_sign').notNull().default(''),
  smsSecret: text('sms_secret'),
  /** When set (and a secret is set), the request carries HMAC-SHA256(body or query, secret) in this header. */
  smsSignatureHeader: text('sms_signature_header').notNull().default(''),
  smsHeaders: jsonb('sms_headers').$type<Record<string, string>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
