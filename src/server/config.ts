import path from 'node:path';
import { z } from 'zod';
import { smsMethods, smtpSecurities } from '../common/messaging';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

function isUrl(v: string) {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** Every environment variable the server reads, parsed once. A bad value stops start-up with one line naming it. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
  TZ: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 8),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // Mail and SMS: each one set here wins over 系统设置 → 邮件与短信, where it shows read-only.
  SMTP_HOST: z.string().trim().min(1).max(200).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURITY: z.enum(smtpSecurities).optional(),
  SMTP_USER: z.string().trim().max(200).optional(),
  SMTP_PASSWORD: z.string().max(500).optional(),
  SMTP_FROM: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address')
    .optional(),
  SMTP_FROM_NAME: z.string().trim().max(100).optional(),
  SMS_GATEWAY_URL: z
    .string()
    .trim()
    .max(500)
    .refine(isUrl, 'must be an http:// or https:// URL')
    .optional(),
  SMS_GATEWAY_METHOD: z.enum(smsMethods).optional(),
  SMS_GATEWAY_TEMPLATE: z.string().max(4000).optional(),
  SMS_GATEWAY_SIGN: z.string().trim().max(40).optional(),
  SMS_GATEWAY_SECRET: z.string().max(500).optional(),
  SMS_GATEWAY_SIGNATURE_HEADER: z.string().trim().regex(HEADER_NAME, 'must be an HTTP header name').optional(),
  SMS_GATEWAY_HEADERS: z
    .string()
    .transform((text, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = null;
      }
      const ok =
        !!value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.entries(value).every(([k, v]) => HEADER_NAME.test(k) && typeof v === 'string' && v.length <= 1000) &&
        Object.keys(value).length <= 20;
      if (!ok) {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of header names to text values, e.g. {"X-Api-Key":"…"}' });
        return z.NEVER;
      }
      return value as Record<string, string>;
    })
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  /** How long a copy may answer from a session it read before (0: read it on every request). */
  sessionCacheSeconds: number;
  cookieSecure: 'true' | 'false' | 'auto';
  trustProxy: boolean;
  /** The mail and SMS settings the environment sets (only those set); they win over the settings page. */
  messaging: MessagingEnv;
};

/** SMTP and SMS gateway fields set by the environment, named as in the messaging settings. */
export interface MessagingEnv {
  smtpHost?: string;
  smtpPort?: number;
  smtpSecurity?: (typeof smtpSecurities)[number];
  smtpUser?: string;
  smtpPassword?: string;
  fromAddress?: string;
  fromName?: string;
  smsUrl?: string;
  smsMethod?: (typeof smsMethods)[number];
  smsTemplate?: string;
  smsSign?: string;
  smsSecret?: string;
  smsSignatureHeader?: string;
  smsHeaders?: Record<string, string>;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(clean);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.TZ) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: e.TZ });
    } catch {
      throw new ConfigError(`Invalid environment variable TZ: unknown time zone "${e.TZ}"`);
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY === 'true',
    messaging: definedOnly({
      smtpHost: e.SMTP_HOST,
      smtpPort: e.SMTP_PORT,
      smtpSecurity: e.SMTP_SECURITY,
      smtpUser: e.SMTP_USER,
      smtpPassword: e.SMTP_PASSWORD,
      fromAddress: e.SMTP_FROM,
      fromName: e.SMTP_FROM_NAME,
      smsUrl: e.SMS_GATEWAY_URL,
      smsMethod: e.SMS_GATEWAY_METHOD,
      smsTemplate: e.SMS_GATEWAY_TEMPLATE,
      smsSign: e.SMS_GATEWAY_SIGN,
      smsSecret: e.SMS_GATEWAY_SECRET,
      smsSignatureHeader: e.SMS_GATEWAY_SIGNATURE_HEADER,
      smsHeaders: e.SMS_GATEWAY_HEADERS,
    }),
  };
}

const definedOnly = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** For entry points: the config, or one line naming the bad variable and exit code 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
