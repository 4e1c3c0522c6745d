// A 销售人员 opens one of their customers, goes to 附件, uploads a quotation with a Chinese name by
// dragging/choosing it, sees it listed with its size and uploader, downloads it under the same name,
// checks the tab on a phone (375 px, nothing sticks out sideways), and deletes it after confirming.
// The timeline (行动历史) records both steps.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, snap } from './support/browser';
import { ADMIN_PASSWORD, apiSession, createUserViaApi, expectNoHorizontalOverflow, expectWithinViewportWidth, gone, label, logIn, visible } from './support/ui';

const REP = { username: 'rep_attach', password: 'Passw0rd1', name: '周附件', department: '销售六部', role: '销售人员' };
// Unique to this journey file: the server and its database are shared by every journey.
const CUSTOMER = '附件测试科技有限公司';
const FILE_NAME = '报价单（第二版）2026年度采购合同附件说明.pdf';
const CONTENT = Buffer.from('%PDF-1.4\n% 报价单\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('销售人员 keeps a file on the customer view', () => {
  let browser: Browser;
  let page: Page;
  let customerId = 0;

  const attachments = (p: Page) => p.locator('.customer-attachments');

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(admin, REP);
    const rep = await apiSession(REP.username, REP.password);
    customerId = (await rep.post<{ id: number }>('/customers', { kind: 'company', name: CUSTOMER })).id;
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a file on the 附件 tab and sees it listed', async () => {
    await logIn(page, REP.username, REP.password);
    await page.goto('/customers');
    await page.getByRole('link', { name: CUSTOMER }).click();
    await page.getByRole('tab', { name: '附件' }).click();
    await visible(attachments(page).getByText('还没有附件'));
    await snap(page, 'customer-attachments-01-empty');

    // The drop zone's file input, as a click on it would open.
    await attachments(page).locator('input[type=file]').setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: CONTENT });
    await visible(page.getByText(`已上传“${FILE_NAME}”`));
    const item = await visible(attachments(page).locator('.customer-attachment').filter({ hasText: FILE_NAME }));
    await expect.poll(() => item.innerText()).toContain(REP.name);
    expect(await item.innerText()).toContain(`${CONTENT.length} B`);
    await visible(attachments(page).getByText('共 1 个附件'));
    await snap(page, 'customer-attachments-02-listed');

    // Two refused at once: each message names its file.
    await attachments(page)
      .locator('input[type=file]')
      .setInputFiles([
        { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
        { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
      ]);
    await visible(page.getByText('“空白.txt”：', { exact: false }));
    await visible(page.getByText('“setup.exe”：', { exact: false }));
    await visible(attachments(page).getByText('共 1 个附件'));
  });

  it('downloads it under its Chinese name, byte for byte', async () => {
    const item = attachments(page).locator('.customer-attachment').filter({ hasText: FILE_NAME });
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link', { name: `下载 ${FILE_NAME}` }).click()]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    expect(fs.readFileSync(await download.path()).equals(CONTENT)).toBe(true);
  });

  it('fits a phone screen', async () => {
    const phone = await newPage(browser, PHONE);
    await logIn(phone, REP.username, REP.password);
    await phone.goto(`/customers/${customerId}?tab=attachments`);
    await visible(attachments(phone).locator('.customer-attachment').filter({ hasText: FILE_NAME }));
    await visible(attachments(phone).getByText('点击或拖拽文件到此处上传'));
    await expectNoHorizontalOverflow(phone);
    await snap(phone, 'customer-attachments-03-phone');
    // The delete confirmation with its long name stays on the screen; cancelled here.
    await attachments(phone).getByRole('button', { name: `删除 ${FILE_NAME}` }).click();
    const confirm = await visible(phone.locator('.ant-popconfirm'));
    await expectWithinViewportWidth(phone, confirm);
    await snap(phone, 'customer-attachments-04-phone-confirm');
    await confirm.getByRole('button', { name: label('取消') }).click();
    await gone(confirm);
    await phone.context().close();
  });

  it('deletes it after confirming; the timeline shows the upload and the deletion', async () => {
    const item = attachments(page).locator('.customer-attachment').filter({ hasText: FILE_NAME });
    await item.getByRole('button', { name: `删除 ${FILE_NAME}` }).click();
    const confirm = await visible(page.locator('.ant-popconfirm'));
    await visible(confirm.getByText(`确定删除附件“${FILE_NAME}”？`, { exact: false }));
    await snap(page, 'customer-attachments-05-confirm');
    await confirm.getByRole('button', { name: label('删除') }).click();
    await gone(item);
    await visible(attachments(page).getByText('还没有附件'));

    await page.getByRole('tab', { name: '行动历史' }).click();
    await visible(page.getByText('删除了附件'));
    await visible(page.getByText('上传了附件'));
    expect(await page.getByText(`文件：${FILE_NAME}`).count()).toBe(2);
  });
});
