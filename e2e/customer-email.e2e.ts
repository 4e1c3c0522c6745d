// A sales rep writes to a customer's contact from the customer view; the mail really arrives at an
// SMTP server (on loopback, started by the test) and the 行动历史 shows it. The administrator set the
// SMTP server up through the settings API beforehand, as 系统设置 → 邮件与短信 does.
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, snap } from './support/browser';
import { ADMIN_PASSWORD, apiSession, createUserViaApi, label, logIn, messagingSettingsBody, visible } from './support/ui';

const REP = { username: 'mail_rep', password: 'Passw0rd1', name: '邮件销售', department: '销售五部', role: '销售人员' };
const CUSTOMER = '宁波海曙邮件测试有限公司';
const mails: { to: string[]; raw: string }[] = [];

describe('a sales rep emails a customer contact (desktop)', () => {
  let browser: Browser;
  let page: Page;
  let smtp: SMTPServer;
  let customerId = 0;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;

    const admin = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(admin, REP);
    const current = await admin.get<Record<string, unknown>>('/settings/messaging');
    await admin.put('/settings/messaging', {
      ...messagingSettingsBody(current),
      smtpHost: '127.0.0.1',
      smtpPort: port,
      smtpSecurity: 'none',
      fromAddress: 'sales@example.com',
      fromName: '华东销售',
    });

    const rep = await apiSession(REP.username, REP.password);
    customerId = (await rep.post<{ id: number }>('/customers', { kind: 'company', name: CUSTOMER })).id;
    await rep.post(`/customers/${customerId}/contacts`, { name: '林总', email: 'lin@customer.example.com', isPrimary: true });

    browser = await launchBrowser();
    page = await newPage(browser, DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('sends the mail from the customer view; it arrives and lands in 行动历史', async () => {
    await logIn(page, REP.username, REP.password);
    await page.goto(`/customers/${customerId}`);
    await visible(page.getByRole('heading', { name: CUSTOMER }));
    await page.getByRole('button', { name: label('发邮件') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: `发邮件：${CUSTOMER}` }));
    // The primary contact with an email is the default recipient (filled in once the contacts have loaded).
    await expect.poll(() => dialog.getByLabel('收件人').inputValue()).toBe('lin@customer.example.com');
    await dialog.getByLabel('主题').fill('报价单确认');
    await dialog.getByLabel('正文').fill('林总您好，附上本月报价，请确认。');
    await snap(page, 'customer-email-01-compose');
    await dialog.getByRole('button', { name: label('发送') }).click();
    await visible(page.getByText('邮件已发送，已记入行动历史'));

    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['lin@customer.example.com']);

    await page.getByRole('tab', { name: '行动历史' }).click();
    await visible(page.getByText('收件人：lin@customer.example.com').first());
    await snap(page, 'customer-email-02-timeline');
  });
});

