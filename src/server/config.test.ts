import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

/** A wrong environment variable stops start-up with one line that names it. */
describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set (empty values count as unset)', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(c).toMatchObject({ port: 3000, dataDir: path.resolve('./data'), databaseUrl: undefined, adminPassword: undefined, trustProxy: false });
  });

  it('reads valid values', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://crm@db:5432/crm', ADMIN_PASSWORD: 'Secret123', TZ: 'Asia/Shanghai', TRUST_PROXY: 'true' });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgresql://crm@db:5432/crm', adminPassword: 'Secret123', trustProxy: true });
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    ['PORT', { PORT: 'abc' }, /^Invalid environment variable PORT: /],
    ['PORT', { PORT: '70000' }, /^Invalid environment variable PORT: /],
    ['PORT', { PORT: '80.5' }, /^Invalid environment variable PORT: /],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }, /^Invalid environment variable DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/$/],
    ['ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }, /^Invalid environment variable ADMIN_PASSWORD: must be at least 8 characters$/],
    ['TZ', { TZ: 'Mars/Olympus' }, /^Invalid environment variable TZ: unknown time zone "Mars\/Olympus"$/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^Invalid environment variable LOG_LEVEL: /],
    ['SESSION_IDLE_MINUTES', { SESSION_IDLE_MINUTES: '1' }, /^Invalid environment variable SESSION_IDLE_MINUTES: /],
    ['COOKIE_SECURE', { COOKIE_SECURE: 'yes' }, /^Invalid environment variable COOKIE_SECURE: /],
    ['SMTP_PORT', { SMTP_PORT: '0' }, /^Invalid environment variable SMTP_PORT: /],
    ['SMTP_SECURITY', { SMTP_SECURITY: 'ssl' }, /^Invalid environment variable SMTP_SECURITY: /],
    ['SMTP_FROM', { SMTP_FROM: 'nobody' }, /^Invalid environment variable SMTP_FROM: must be an email address$/],
    ['SMS_GATEWAY_URL', { SMS_GATEWAY_URL: 'ftp://gw.example' }, /^Invalid environment variable SMS_GATEWAY_URL: must be an http:\/\/ or https:\/\/ URL$/],
    ['SMS_GATEWAY_METHOD', { SMS_GATEWAY_METHOD: 'PUT' }, /^Invalid environment variable SMS_GATEWAY_METHOD: /],
    ['SMS_GATEWAY_SIGNATURE_HEADER', { SMS_GATEWAY_SIGNATURE_HEADER: 'X Sig' }, /^Invalid environment variable SMS_GATEWAY_SIGNATURE_HEADER: must be an HTTP header name$/],
    ['SMS_GATEWAY_HEADERS', { SMS_GATEWAY_HEADERS: '{"X-Key": 1}' }, /^Invalid environment variable SMS_GATEWAY_HEADERS: must be a JSON object/],
    ['SMS_GATEWAY_HEADERS', { SMS_GATEWAY_HEADERS: 'not json' }, /^Invalid environment variable SMS_GATEWAY_HEADERS: must be a JSON object/],
  ];
  for (const [name, env, message] of refused) {
    it(`refuses ${name}=${Object.values(env)[0]} with a one-line message naming it`, () => {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as Error).message;
      expect(text).toMatch(message);
      expect(text).not.toContain('\n');
    });
  }

  it('reads the mail and SMS gateway settings, keeping only those set', () => {
    expect(loadConfig({}).messaging).toEqual({});
    const c = loadConfig({
      SMTP_HOST: 'smtp.example.com',
      SMTP_PORT: '587',
      SMTP_SECURITY: 'starttls',
      SMTP_USER: 'crm@example.com',
      SMTP_PASSWORD: 'pw',
      SMTP_FROM: 'crm@example.com',
      SMTP_FROM_NAME: '示例公司',
      SMS_GATEWAY_URL: 'https://sms.example.com/send',
      SMS_GATEWAY_METHOD: 'GET',
      SMS_GATEWAY_TEMPLATE: 'to={mobile}&msg={sign}{content}',
      SMS_GATEWAY_SIGN: '【示例】',
      SMS_GATEWAY_SECRET: 's3',
      SMS_GATEWAY_SIGNATURE_HEADER: 'X-Signature',
      SMS_GATEWAY_HEADERS: '{"X-Api-Key":"k1"}',
      SMTP_USER_UNUSED: 'x',
    });
    expect(c.messaging).toEqual({
      smtpHost: 'smtp.example.com',
      smtpPort: 587,
      smtpSecurity: 'starttls',
      smtpUser: 'crm@example.com',
      smtpPassword: 'pw',
      fromAddress: 'crm@example.com',
      fromName: '示例公司',
      smsUrl: 'https://sms.example.com/send',
      smsMethod: 'GET',
      smsTemplate: 'to={mobile}&msg={sign}{content}',
      smsSign: '【示例】',
      smsSecret: 's3',
      smsSignatureHeader: 'X-Signature',
      smsHeaders: { 'X-Api-Key': 'k1' },
    });
    expect(loadConfig({ SMTP_HOST: 'mail.example.com', SMTP_PASSWORD: '' }).messaging).toEqual({ smtpHost: 'mail.example.com' });
  });

  it('names the first wrong variable when several are wrong', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', TZ: 'Nowhere/Land' })).toThrow(/DATABASE_URL/);
  });
});
