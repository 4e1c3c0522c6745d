import { z } from 'zod';
import { email, requiredText, text } from './fields';

/** Messaging settings (SMTP + SMS gateway), shared by the server's routes and the web's forms. */
export const smtpSecurities = ['tls', 'starttls', 'none'] as const;
export const smsMethods = ['GET', 'POST'] as const;
export const smsPlaceholders = ['mobile', 'content', 'sign', 'timestamp'] as const;

/** The settings' fields, as the body names them (the environment may set each one). */
export const messagingFields = [
  'smtpHost',
  'smtpPort',
  'smtpSecurity',
  'smtpUser',
  'smtpPassword',
  'fromAddress',
  'fromName',
  'smsUrl',
  'smsMethod',
  'smsTemplate',
  'smsSign',
  'smsSecret',
  'smsSignatureHeader',
  'smsHeaders',
] as const;
export type MessagingField = (typeof messagingFields)[number];

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    if (v === '') return true;
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'URL_INVALID');

const headerName = z.string().trim().max(64).regex(/^([!#$%&'*+.^_`|~0-9A-Za-z-]+)?$/, 'HEADER_NAME_INVALID');

/** Write-only secrets: omitted = keep the stored one, null = clear it, a string = replace it. */
const secret = z.string().max(500).nullish();

export const messagingSettingsBody = z.strictObject({
  smtpHost: text(200).default(''),
  smtpPort: z.number().int().min(1).max(65535).default(465),
  smtpSecurity: z.enum(smtpSecurities).default('tls'),
  smtpUser: text(200).default(''),
  smtpPassword: secret,
  fromAddress: email.transform((v) => v ?? ''),
  fromName: text(100).default(''),
  smsUrl: httpUrl.default(''),
  smsMethod: z.enum(smsMethods).default('POST'),
  smsTemplate: z.string().max(4000).default(''),
  smsSign: text(40).default(''),
  smsSecret: secret,
  smsSignatureHeader: headerName.default(''),
  smsHeaders: z
    .record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/, 'HEADER_NAME_INVALID'), z.string().max(1000))
    .refine((h) => Object.keys(h).length <= 20, 'HEADERS_TOO_MANY')
    .default({}),
});
export type MessagingSettingsInput = z.input<typeof messagingSettingsBody>;

export const messagingSettingsSchema = z.object({
  smtpHost: z.string(),
  smtpPort: z.number().int(),
  smtpSecurity: z.enum(smtpSecurities),
  smtpUser: z.string(),
  hasPassword: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string(),
  smsUrl: z.string(),
  smsMethod: z.enum(smsMethods),
  smsTemplate: z.string(),
  smsSign: z.string(),
  hasSecret: z.boolean(),
  smsSignatureHeader: z.string(),
  smsHeaders: z.record(z.string(), z.string()),
  emailConfigured: z.boolean(),
  smsConfigured: z.boolean(),
  /** Fields set by the server's environment (SMTP_HOST …): they win over the stored ones and cannot be edited here. */
  fromEnvironment: z.array(z.enum(messagingFields)),
});
export type MessagingSettings = z.infer<typeof messagingSettingsSchema>;

const requiredEmail = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'EMAIL_INVALID');

export const testEmailBody = z.strictObject({ to: requiredEmail });

/** 发邮件 from the customer view: to a contact of the customer, or to an address typed in. */
export const customerEmailBody = z.strictObject({
  contactId: z.number().int().min(1).max(2147483647).optional(),
  to: requiredEmail.optional(),
  cc: z.array(requiredEmail).max(10).optional(),
  subject: requiredText(200),
  body: requiredText(20000),
});
export type CustomerEmailInput = z.infer<typeof customerEmailBody>;

/** 发短信: to a contact's mobile, or a mobile typed in. */
export const customerSmsBody = z.strictObject({
  contactId: z.number().int().min(1).max(2147483647).optional(),
  mobile: z
    .string()
    .trim()
    .regex(/^(\+?86[- ]?)?1[3-9]\d{9}$/, 'MOBILE_INVALID')
    .transform((v) => v.replace(/\D/g, '').slice(-11))
    .optional(),
  content: requiredText(500),
});
export type CustomerSmsInput = z.infer<typeof customerSmsBody>;
