import { createHmac } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { buildSmsRequest } from './sms';
import { getMessagingRow } from './settings';

let t: TestApp;
let admin: TestClient;
let smtp: SMTPServer;
let smtpPort = 0;
const received: { to: string[]; data: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await makeUser(t, { username: 'rep', departmentId: await rootDepartmentId(t), roles: ['sales_rep'] });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'crm@example.com' && auth.password === 'smtp-Secret-9') return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await t?.close();
});

const settings = () => ({
  smtpHost: '127.0.0.1',
  smtpPort,
  smtpSecurity: 'none',
  smtpUser: 'crm@example.com',
  smtpPassword: 'smtp-Secret-9',
  fromAddress: 'crm@example.com',
  fromName: '示例公司',
  smsUrl: 'http://127.0.0.1:9/sms',
  smsMethod: 'POST',
  smsTemplate: '{"to":"{mobile}","text":"{sign}{content}","ts":{timestamp}}',
  smsSign: '【示例】',
  smsSecret: 'sms-Secret-7',
  smsSignatureHeader: 'X-Signature',
  smsHeaders: { 'X-Api-Key': 'k1' },
});

describe('messaging settings', () => {
  it('starts empty; only settings.messaging.manage reads or writes them', async () => {
    const first = await admin.get('/api/v1/settings/messaging');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ smtpHost: '', hasPassword: false, hasSecret: false, emailConfigured: false, smsConfigured: false });
    const rep = await t.login('rep');
    expect((await rep.get('/api/v1/settings/messaging')).statusCode).toBe(403);
    expect((await rep.put('/api/v1/settings/messaging', settings())).statusCode).toBe(403);
    expect((await rep.post('/api/v1/settings/messaging/test-email', { to: 'a@example.com' })).statusCode).toBe(403);
  });

  it('never answers the password or the secret; omitted keeps them, null clears them; the audit row hides them', async () => {
    const saved = await admin.put('/api/v1/settings/messaging', settings());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain('smtp-Secret-9');
    expect(saved.body).not.toContain('sms-Secret-7');
    expect(saved.json()).toMatchObject({ smtpHost: '127.0.0.1', hasPassword: true, hasSecret: true, emailConfigured: true, smsConfigured: true });
    expect(saved.json()).not.toHaveProperty('smtpPassword');

    const { smtpPassword: _p, smsSecret: _s, ...withoutSecrets } = settings();
    const kept = await admin.put('/api/v1/settings/messaging', { ...withoutSecrets, fromName: '示例公司销售部' });
    expect(kept.json()).toMatchObject({ fromName: '示例公司销售部', hasPassword: true, hasSecret: true });
    const row = await getMessagingRow(t.database.db);
    expect([row.smtpPassword, row.smsSecret]).toEqual(['smtp-Secret-9', 'sms-Secret-7']);

    const cleared = await admin.put('/api/v1/settings/messaging', { ...withoutSecrets, smsSecret: null });
    expect(cleared.json()).toMatchObject({ hasPassword: true, hasSecret: false });
    const audit = (await admin.get('/api/v1/audit?entityType=messaging_settings')).body;
    expect(audit).not.toContain('smtp-Secret-9');
    expect(audit).not.toContain('sms-Secret-7');
    expect(audit).toContain('smsSecret');
    await admin.put('/api/v1/settings/messaging', settings());
  });

  it('refuses a bad URL, port, sender or header naming the field, changing nothing', async () => {
    const before = (await admin.get('/api/v1/settings/messaging')).json();
    for (const [field, value] of [
      ['smsUrl', 'ftp://x'],
      ['smsUrl', 'not a url'],
      ['smtpPort', 70000],
      ['fromAddress', 'nobody'],
      ['smsSignatureHeader', 'X Sig'],
      ['smsMethod', 'PUT'],
    ] as const) {
      const res = await admin.put('/api/v1/settings/messaging', { ...settings(), [field]: value });
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(res.json().error.details[0].field).toBe(field);
    }
    expect((await admin.get('/api/v1/settings/messaging')).json()).toEqual(before);
  });

  it('sends a test mail that arrives; a refused one answers 502 with the server reply', async () => {
    const res = await admin.post('/api/v1/settings/messaging/test-email', { to: 'boss@example.com' });
    expect(res.statusCode, res.body).toBe(200);
    const mail = received.at(-1);
    expect(mail?.to).toEqual(['boss@example.com']);
    expect(mail?.data).toMatch(/Subject: /);

    await admin.put('/api/v1/settings/messaging', { ...settings(), smtpPort: 9 }); // nothing listens on the discard port
    const failed = await admin.post('/api/v1/settings/messaging/test-email', { to: 'boss@example.com' });
    expect(failed.statusCode).toBe(502);
    expect(failed.json().error.code).toBe('EMAIL_SEND_FAILED');
    expect(failed.body).not.toContain('smtp-Secret-9');
    await admin.put('/api/v1/settings/messaging', settings());
  });
});

describe('settings from the environment (SMTP_*, SMS_GATEWAY_*)', () => {
  let envApp: TestApp | undefined;
  afterAll(() => envApp?.close());

  it('win over the stored settings, show read-only without their secrets, ignore edits, and are what a test mail goes through', async () => {
    envApp = await createTestApp({
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        SMTP_SECURITY: 'none',
        SMTP_USER: 'crm@example.com',
        SMTP_PASSWORD: 'smtp-Secret-9',
        SMTP_FROM: 'env-sender@example.com',
        SMS_GATEWAY_SECRET: 'env-Sms-Secret-3',
      },
    });
    const envAdmin = await envApp.login('admin');
    const shown = await envAdmin.get('/api/v1/settings/messaging');
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      smtpHost: '127.0.0.1',
      smtpPort,
      smtpSecurity: 'none',
      smtpUser: 'crm@example.com',
      hasPassword: true,
      fromAddress: 'env-sender@example.com',
      hasSecret: true,
      emailConfigured: true,
      smsConfigured: false,
      fromEnvironment: ['smtpHost', 'smtpPort', 'smtpSecurity', 'smtpUser', 'smtpPassword', 'fromAddress', 'smsSecret'],
    });
    expect(shown.body).not.toContain('smtp-Secret-9');
    expect(shown.body).not.toContain('env-Sms-Secret-3');

    // The page may still send them: what the environment sets is kept, the rest is saved.
    const saved = await envAdmin.put('/api/v1/settings/messaging', { ...settings(), smtpHost: 'smtp.elsewhere.example', smtpPassword: 'other', fromName: '环境公司' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ smtpHost: '127.0.0.1', fromAddress: 'env-sender@example.com', fromName: '环境公司', smsUrl: 'http://127.0.0.1:9/sms' });
    expect(saved.body).not.toContain('smtp-Secret-9');
    const stored = await getMessagingRow(envApp.database.db);
    expect(stored).toMatchObject({ smtpHost: '', smtpPassword: null, fromAddress: '', fromName: '环境公司', smsUrl: 'http://127.0.0.1:9/sms', smsSecret: null });

    const sent = await envAdmin.post('/api/v1/settings/messaging/test-email', { to: 'ops@example.com' });
    expect(sent.statusCode, sent.body).toBe(200);
    const mail = received.at(-1);
    expect(mail?.to).toEqual(['ops@example.com']);
    expect(mail?.data).toMatch(/^From: .*env-sender@example\.com/m);
  });
});

describe('SMS request', () => {
  it('fills the JSON template escaped, signs the body with HMAC-SHA256 and adds the configured headers', async () => {
    const row = { ...(await getMessagingRow(t.database.db)), smsSecret: 'sms-Secret-7' };
    const req = buildSmsRequest(row, '13812345678', '您好"张总"\n明天见', new Date('2026-01-01T00:00:00Z'));
    expect(req.method).toBe('POST');
    expect(JSON.parse(req.body ?? '')).toEqual({ to: '13812345678', text: '【示例】您好"张总"\n明天见', ts: 1767225600 });
    expect(req.headers['x-signature']).toBe(createHmac('sha256', 'sms-Secret-7').update(req.body ?? '').digest('hex'));
    expect(req.headers['x-api-key']).toBe('k1');

    const get = buildSmsRequest({ ...row, smsMethod: 'GET', smsTemplate: 'to={mobile}&msg={sign}{content}', smsUrl: 'http://gw.example/send?k=1' }, '13812345678', '你好 & 再见');
    expect(get.url).toBe(`http://gw.example/send?k=1&to=13812345678&msg=${encodeURIComponent('【示例】你好 & 再见')}`);
    expect(get.body).toBeUndefined();
  });
});
