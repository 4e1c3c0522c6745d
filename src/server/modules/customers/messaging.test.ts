import http from 'node:http';
import { createHmac } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { makeCustomer, systemEvents } from './test-fixtures';

/** 发邮件 / 发短信 from the customer view, against a real SMTP server and HTTP receiver on loopback. */

let t: TestApp;
let admin: TestClient;
let rep1: TestClient;
let rep2: TestClient;
let dept = 0;
const ids = { rep1: 0, rep2: 0 };

let smtp: SMTPServer;
let smtpPort = 0;
const mails: { from: string; to: string[]; raw: string }[] = [];

let gateway: http.Server;
let gatewayUrl = '';
const smsHits: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let gatewayAnswer = { status: 200, body: '{"code":0,"msg":"ok","id":"M1"}' };

/** Decode a raw RFC 5322 message enough to read the subject and the text body (QP or base64). */
function decodeMail(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  const words = (v: string) =>
    v.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  const qp = (v: string) => {
    const bytes: number[] = [];
    const s = v.replace(/=\r?\n/g, '');
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
        bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(s[i], 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  };
  const bodyRaw = rest.join('\n\n');
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const body = cte === 'base64' ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8') : cte === 'quoted-printable' ? qp(bodyRaw) : bodyRaw;
  return { subject: words(header('Subject')), from: words(header('From')), cc: header('Cc'), body: body.replace(/\r\n/g, '\n').trimEnd() };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const root = await rootDepartmentId(t);
  dept = (await makeDepartment(t, '销售部', root)).id;
  ids.rep1 = (await makeUser(t, { username: 'rep1', name: '李一', departmentId: dept, roles: ['sales_rep'] })).id;
  ids.rep2 = (await makeUser(t, { username: 'rep2', name: '张二', departmentId: dept, roles: ['sales_rep'] })).id;
  rep1 = await t.login('rep1');
  rep2 = await t.login('rep2');

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refuse')) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;

  gateway = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      smsHits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(gatewayAnswer.status, { 'content-type': 'application/json' }).end(gatewayAnswer.body);
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms/send`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await new Promise<void>((resolve) => gateway?.close(() => resolve()));
  await t?.close();
});

async function customerWithContact(name: string, contact: Record<string, unknown>) {
  const cust = await makeCustomer(t, { name, ownerId: ids.rep1, departmentId: dept });
  const created = await rep1.post(`/api/v1/customers/${cust.id}/contacts`, contact);
  expect(created.statusCode, created.body).toBe(200);
  return { customerId: cust.id, contactId: created.json().id as number };
}

const latestActivity = async (customerId: number) => (await rep1.get(`/api/v1/customers/${customerId}/activities`)).json().items[0];

describe('email from the customer view', () => {
  it('without SMTP settings answers 400 EMAIL_NOT_CONFIGURED and sends nothing', async () => {
    const { customerId, contactId } = await customerWithContact('未配置公司', { name: '王五', email: 'wang@example.com' });
    const res = await rep1.post(`/api/v1/customers/${customerId}/email`, { contactId, subject: '你好', body: '正文' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('EMAIL_NOT_CONFIGURED');
    expect(mails).toHaveLength(0);
    // The view asks first, so a rep learns it before writing anything.
    expect((await rep1.get('/api/v1/messaging/availability')).json()).toEqual({ email: false, sms: false });
  });

  it('sends to the contact through SMTP (Chinese subject and body arrive intact) and logs an email activity', async () => {
    const saved = await admin.put('/api/v1/settings/messaging', {
      smtpHost: '127.0.0.1',
      smtpPort,
      smtpSecurity: 'none',
      fromAddress: 'sales@example.com',
      fromName: '示例贸易',
      smsUrl: gatewayUrl,
      smsMethod: 'POST',
      smsTemplate: '{"phone":"{mobile}","text":"{sign}{content}","ts":"{timestamp}"}',
      smsSign: '【示例贸易】',
      smsSecret: 'gw-Secret-1',
      smsSignatureHeader: 'X-Sign',
      smsHeaders: { 'X-App': 'crm' },
    });
    expect((await rep1.get('/api/v1/messaging/availability')).json()).toEqual({ email: true, sms: true });
    expect(saved.statusCode, saved.body).toBe(200);
    const { customerId, contactId } = await customerWithContact('上海邮件测试有限公司', { name: '陈经理', email: 'chen@example.com', mobile: '13800001111' });
    const body = '陈经理您好：\n附上本月报价，请查收。\n—— 李一';
    const res = await rep1.post(`/api/v1/customers/${customerId}/email`, { contactId, subject: '十一月报价单', body, cc: ['boss@example.com'] });
    expect(res.statusCode, res.body).toBe(200);

    const mail = mails.at(-1);
    expect(mail?.to.sort()).toEqual(['boss@example.com', 'chen@example.com']);
    expect(mail?.from).toBe('sales@example.com');
    const decoded = decodeMail(mail?.raw ?? '');
    expect(decoded.subject).toBe('十一月报价单');
    expect(decoded.from).toContain('示例贸易');
    expect(decoded.body).toBe(body);

    expect(res.json()).toMatchObject({ kind: 'email', contactId, contactName: '陈经理', userName: '李一', params: { to: 'chen@example.com', subject: '十一月报价单' } });
    const logged = await latestActivity(customerId);
    expect(logged).toMatchObject({ id: res.json().id, kind: 'email', content: `十一月报价单\n\n${body}` });
    const customer = (await rep1.get(`/api/v1/customers/${customerId}`)).json();
    expect(customer.lastFollowupAt).toBe(logged.occurredAt);
  });

  it('a refused recipient answers 502 EMAIL_SEND_FAILED with the SMTP reply, and the failure is in the timeline', async () => {
    const { customerId } = await customerWithContact('退信测试公司', { name: '退信', email: 'x@example.com' });
    const before = mails.length;
    const res = await rep1.post(`/api/v1/customers/${customerId}/email`, { to: 'refuse@example.com', subject: '会被拒收', body: '内容' });
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('EMAIL_SEND_FAILED');
    expect(res.json().error.message).toContain('550');
    expect(mails.length).toBe(before);
    const events = await systemEvents(t, customerId);
    expect(events.at(-1)).toMatchObject({ event: 'email_failed', params: { to: 'refuse@example.com', subject: '会被拒收' } });
    expect(String(events.at(-1)?.params?.reason)).toContain('550');
    const items = (await rep1.get(`/api/v1/customers/${customerId}/activities`)).json().items;
    expect(items.some((a: { kind: string }) => a.kind === 'email')).toBe(false);
  });

  it('checks access and input before sending: no write access 404/403, bad contact, no recipient, bad address', async () => {
    const { customerId, contactId } = await customerWithContact('权限测试公司', { name: '无邮箱', mobile: '13800002222' });
    const before = mails.length;
    const url = `/api/v1/customers/${customerId}/email`;
    expect((await rep2.post(url, { to: 'a@example.com', subject: 's', body: 'b' })).statusCode).toBe(404);
    await rep1.put(`/api/v1/customers/${customerId}/team/${ids.rep2}`, { access: 'read' });
    expect((await rep2.post(url, { to: 'a@example.com', subject: 's', body: 'b' })).statusCode).toBe(403);

    const noEmail = await rep1.post(url, { contactId, subject: 's', body: 'b' });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().error).toMatchObject({ code: 'CONTACT_NO_EMAIL', details: [{ field: 'contactId' }] });
    const other = await customerWithContact('别家公司', { name: '别人', email: 'other@example.com' });
    expect((await rep1.post(url, { contactId: other.contactId, subject: 's', body: 'b' })).json().error.details[0].field).toBe('contactId');
    const none = await rep1.post(url, { subject: 's', body: 'b' });
    expect(none.json().error).toMatchObject({ code: 'RECIPIENT_REQUIRED', details: [{ field: 'to' }] });
    const bad = await rep1.post(url, { to: 'not-an-address', subject: 's', body: 'b' });
    expect(bad.json().error.details[0]).toEqual({ field: 'to', message: '邮箱格式不正确' });
    expect((await rep1.post(url, { to: 'a@example.com', subject: ' ', body: 'b' })).json().error.details[0].field).toBe('subject');
    expect(mails.length).toBe(before);
  });
});

describe('SMS from the customer view', () => {
  it('calls the gateway with the rendered template and HMAC signature, and logs an sms activity with the answer', async () => {
    const { customerId, contactId } = await customerWithContact('短信测试公司', { name: '刘总', mobile: '+86 139-0000-3333'.replace(/[- ]/g, '') });
    const content = '刘总您好，明天上午10点拜访，"确认"请回复1';
    const res = await rep1.post(`/api/v1/customers/${customerId}/sms`, { contactId, content });
    expect(res.statusCode, res.body).toBe(200);

    const hit = smsHits.at(-1);
    expect(hit?.method).toBe('POST');
    expect(hit?.url).toBe('/sms/send');
    const sent = JSON.parse(hit?.body ?? '{}');
    expect(sent).toMatchObject({ phone: '13900003333', text: `【示例贸易】${content}` });
    expect(Math.abs(Number(sent.ts) - Date.now() / 1000)).toBeLessThan(60);
    expect(hit?.headers['x-sign']).toBe(createHmac('sha256', 'gw-Secret-1').update(hit?.body ?? '').digest('hex'));
    expect(hit?.headers['x-app']).toBe('crm');
    expect(hit?.headers['content-type']).toContain('application/json');

    expect(res.json()).toMatchObject({ kind: 'sms', contactId, content, params: { mobile: '13900003333', status: 200, answer: '{"code":0,"msg":"ok","id":"M1"}' } });
    expect((await latestActivity(customerId)).id).toBe(res.json().id);
  });

  it('a gateway error answers 502 SMS_SEND_FAILED and is logged with the status and (truncated) answer', async () => {
    const { customerId, contactId } = await customerWithContact('短信失败公司', { name: '周总', mobile: '13900004444' });
    gatewayAnswer = { status: 500, body: `{"code":40001,"msg":"余额不足${'x'.repeat(2000)}"}` };
    try {
      const res = await rep1.post(`/api/v1/customers/${customerId}/sms`, { contactId, content: '测试' });
      expect(res.statusCode).toBe(502);
      expect(res.json().error.code).toBe('SMS_SEND_FAILED');
      expect(res.json().error.message).toContain('HTTP 500');
      const last = (await systemEvents(t, customerId)).at(-1);
      expect(last).toMatchObject({ event: 'sms_failed', params: { mobile: '13900004444', status: 500, content: '测试' } });
      expect(String(last?.params?.answer)).toContain('余额不足');
      expect(String(last?.params?.answer).length).toBeLessThanOrEqual(501);
      // The timeline names the contact it was for, as it does for a text that went out.
      expect(await latestActivity(customerId)).toMatchObject({ event: 'sms_failed', contactId, contactName: '周总' });
    } finally {
      gatewayAnswer = { status: 200, body: '{"code":0}' };
    }
  });

  it('an unreachable gateway is a 502 too; a contact without mobile or a bad number is a 400', async () => {
    const { customerId, contactId } = await customerWithContact('网关不通公司', { name: '吴总', email: 'wu@example.com' });
    const url = `/api/v1/customers/${customerId}/sms`;
    expect((await rep1.post(url, { contactId, content: 'x' })).json().error.code).toBe('CONTACT_NO_MOBILE');
    expect((await rep1.post(url, { mobile: '1380000abcd', content: 'x' })).json().error.details[0].field).toBe('mobile');
    expect((await rep1.post(url, { mobile: '13900005555', content: '' })).json().error.details[0].field).toBe('content');

    await admin.put('/api/v1/settings/messaging', { smtpHost: '127.0.0.1', smtpPort, smtpSecurity: 'none', fromAddress: 'sales@example.com', smsUrl: 'http://127.0.0.1:9/down' });
    const down = await rep1.post(url, { mobile: '13900005555', content: '测试' });
    expect(down.statusCode).toBe(502);
    expect(down.json().error.code).toBe('SMS_SEND_FAILED');
    // Port 9 is one fetch refuses outright: the administrator is told to pick another.
    expect(down.json().error.message).toContain('port 9 is not allowed');
    expect((await systemEvents(t, customerId)).at(-1)?.event).toBe('sms_failed');
  });
});
