// 发短信 on a desktop: the administrator points the SMS gateway (系统设置 → 邮件与短信) at an HTTP
// receiver the test runs on loopback, standing in for the SMS provider; a sales rep texts a contact
// from the customer view. The receiver gets the request the settings describe (template filled in,
// signed, extra header) and the 行动历史 shows the message with the gateway's answer. When the
// gateway fails (500), the rep is told so and the failure is in the timeline too.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, snap } from './support/browser';
import { ADMIN_PASSWORD, apiSession, createUserViaApi, gone, label, logIn, openMenu, visible } from './support/ui';

const REP = { username: 'sms_rep', password: 'Passw0rd1', name: '章海燕', department: '销售八部', role: '销售人员' };
// Unique to this journey file: the server and its database are shared by every journey.
const CUSTOMER = '温州鹿城短信测试鞋业有限公司';
const CONTACT = { name: '林总', mobile: '13957710001' };
const GATEWAY = {
  template: '{"mobile":"{mobile}","content":"{sign}{content}","ts":"{timestamp}"}',
  sign: '【华东销售】',
  secret: 'e2e-sms-secret',
  signatureHeader: 'X-Signature',
  headers: '{"X-Api-Key": "crm-e2e-key"}',
};
const TEXT = '林总您好，报价单已发至您的邮箱，请查收。如有疑问随时联系我。';
const TEXT_FAILED = '林总您好，明天上午十点的会议改到下午两点。';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The timeline of 行动历史, each entry's text, newest first. */
async function timeline(page: Page): Promise<string[]> {
  const items = page.locator('.ant-timeline-item');
  await visible(items);
  return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('a sales rep texts a customer contact through the configured SMS gateway (desktop)', () => {
  let browser: Browser;
  let admin: Page;
  let rep: Page;
  let receiver: http.Server;
  let gatewayUrl = '';
  let customerId = 0;
  const received: Received[] = [];
  let failing = false;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (failing) {
          res.writeHead(500, { 'content-type': 'text/plain' }).end('gateway down');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0,"message":"ok"}');
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms/send`;

    const api = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(api, REP);
    const repApi = await apiSession(REP.username, REP.password);
    customerId = (await repApi.post<{ id: number }>('/customers', { kind: 'company', name: CUSTOMER })).id;
    await repApi.post(`/customers/${customerId}/contacts`, { ...CONTACT, isPrimary: true });

    browser = await launchBrowser();
    admin = await newPage(browser, DESKTOP);
    rep = await newPage(browser, DESKTOP);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      await snap(admin, 'customer-sms-FAILED-admin');
      await snap(rep, 'customer-sms-FAILED-rep');
    }
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  it('administrator sets up the SMS gateway in 系统设置 → 邮件与短信', async () => {
    await logIn(admin, 'admin', ADMIN_PASSWORD);
    await openMenu(admin, '系统设置', '邮件与短信');
    await admin.waitForURL((url) => url.pathname === '/system/messaging');
    const sms = await visible(admin.locator('.ant-card').filter({ hasText: '短信网关（HTTP）' }));
    await sms.getByLabel('网关地址').fill(gatewayUrl);
    // POST is the default method.
    expect(await sms.locator('.ant-select').filter({ has: admin.getByLabel('请求方式') }).innerText()).toContain('POST');
    await sms.getByLabel('请求模板').fill(GATEWAY.template);
    await sms.getByLabel('短信签名').fill(GATEWAY.sign);
    await sms.getByLabel('密钥').fill(GATEWAY.secret);
    await sms.getByLabel('签名请求头').fill(GATEWAY.signatureHeader);
    // Extra headers must be a JSON object: a typo is caught before saving.
    await sms.getByLabel('附加请求头（JSON）').fill('X-Api-Key: crm-e2e-key');
    await admin.getByRole('button', { name: label('保存') }).click();
    await visible(sms.getByText('请输入 JSON 对象', { exact: false }));
    await sms.getByLabel('附加请求头（JSON）').fill(GATEWAY.headers);
    await gone(sms.getByText('请输入 JSON 对象', { exact: false }));
    await snap(admin, 'customer-sms-01-settings');
    await admin.getByRole('button', { name: label('保存') }).click();
    await visible(admin.getByText('已保存'));

    // After a reload the values are there; the secret is not shown, only that it is set.
    await admin.reload();
    const reloaded = await visible(admin.locator('.ant-card').filter({ hasText: '短信网关（HTTP）' }));
    expect(await reloaded.getByLabel('网关地址').inputValue()).toBe(gatewayUrl);
    expect(await reloaded.getByLabel('请求模板').inputValue()).toBe(GATEWAY.template);
    expect(await reloaded.getByLabel('短信签名').inputValue()).toBe(GATEWAY.sign);
    expect(await reloaded.getByLabel('密钥').inputValue()).toBe('');
    expect(await reloaded.getByLabel('密钥').getAttribute('placeholder')).toBe('已设置，留空则不修改');
    expect(JSON.parse(await reloaded.getByLabel('附加请求头（JSON）').inputValue())).toEqual({ 'X-Api-Key': 'crm-e2e-key' });
    expect(received).toHaveLength(0);
  });

  it('the rep texts the primary contact from the customer view; the gateway gets the filled-in, signed request', async () => {
    await logIn(rep, REP.username, REP.password);
    await rep.goto(`/customers/${customerId}`);
    await visible(rep.getByRole('heading', { name: CUSTOMER }));
    await rep.locator('.customer-view-header').getByRole('button', { name: label('发短信') }).click();
    const dialog = await visible(rep.getByRole('dialog', { name: `发短信：${CUSTOMER}` }));
    // The primary contact's mobile is the default recipient (filled in once the contacts have loaded).
    await expect.poll(() => dialog.getByLabel('手机号').inputValue()).toBe(CONTACT.mobile);
    await dialog.getByLabel('短信内容').fill(TEXT);
    await visible(dialog.getByText(`已输入 ${[...TEXT].length} 字，约 1 条`, { exact: false }));
    await snap(rep, 'customer-sms-02-compose');
    await dialog.getByRole('button', { name: label('发送') }).click();
    await visible(rep.getByText('短信已发送，已记入行动历史'));
    await gone(dialog);

    expect(received).toHaveLength(1);
    const request = received[0];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/sms/send');
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request.headers['x-api-key']).toBe('crm-e2e-key');
    expect(request.headers['x-signature']).toBe(createHmac('sha256', GATEWAY.secret).update(request.body, 'utf8').digest('hex'));
    const body = JSON.parse(request.body) as Record<string, string>;
    expect(body).toEqual({ mobile: CONTACT.mobile, content: `${GATEWAY.sign}${TEXT}`, ts: expect.stringMatching(/^\d{10}$/) as unknown });
    expect(Math.abs(Number(body.ts) - Date.now() / 1000)).toBeLessThan(120);

    await rep.getByRole('tab', { name: '行动历史' }).click();
    await expect.poll(async () => (await timeline(rep))[0]).toContain(TEXT);
    const [entry] = await timeline(rep);
    expect(entry).toContain('短信');
    expect(entry).toContain(REP.name);
    expect(entry).toContain(CONTACT.name);
    expect(entry).toContain(`手机：${CONTACT.mobile}`);
    expect(entry).toContain('网关应答：200 {"code":0,"message":"ok"}');
    await snap(rep, 'customer-sms-03-timeline');
  });

  it('when the gateway fails, the rep is told and the failure is in 行动历史', async () => {
    failing = true;
    await rep.locator('.customer-view-header').getByRole('button', { name: label('发短信') }).click();
    const dialog = await visible(rep.getByRole('dialog', { name: `发短信：${CUSTOMER}` }));
    // A fresh form: the last message is not still there.
    expect(await dialog.getByLabel('短信内容').inputValue()).toBe('');
    await dialog.getByLabel('短信内容').fill(TEXT_FAILED);
    await dialog.getByRole('button', { name: label('发送') }).click();
    await visible(rep.getByText('短信发送失败：HTTP 500 gateway down（已记入行动历史）'));
    // The text is kept so the rep can try again later.
    expect(await dialog.getByLabel('短信内容').inputValue()).toBe(TEXT_FAILED);
    await snap(rep, 'customer-sms-04-failed');
    expect(received).toHaveLength(2);
    expect((JSON.parse(received[1].body) as { content: string }).content).toBe(`${GATEWAY.sign}${TEXT_FAILED}`);
    await dialog.getByRole('button', { name: label('取消') }).click();
    await gone(dialog);

    await expect.poll(async () => (await timeline(rep))[0]).toContain('短信发送失败');
    const [failed, sent] = await timeline(rep);
    expect(failed).toContain(`手机：${CONTACT.mobile}`);
    expect(failed).toContain(`短信内容：${TEXT_FAILED}`);
    expect(failed).toContain('HTTP 500 gateway down');
    expect(failed).toContain(REP.name);
    expect(sent).toContain(TEXT);
    await snap(rep, 'customer-sms-05-timeline-failed');
  });
});
