// The customer area's settings and dialogs on a phone (375 px): the administrator opens 系统设置 →
// 邮件与短信 and 客户规则 (with its rule form), and the 导入客户 dialog through to the preview of an
// uploaded file; a sales rep opens 发短信 from a customer view. Nothing sticks out sideways, the
// dialogs fit the screen, and wide tables scroll inside their own box.
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, snap } from './support/browser';
import {
  ADMIN_PASSWORD,
  apiSession,
  cardTitled,
  createUserViaApi,
  expectNoHorizontalOverflow,
  expectWithinViewportWidth,
  gone,
  label,
  logIn,
  messagingSettingsBody,
  openMenu,
  stableBox,
  visible,
} from './support/ui';

const REP = { username: 'sms_rep_mobile', password: 'Passw0rd1', name: '邵雨婷', department: '销售八部', role: '销售人员' };
// Unique to this journey file: the server and its database are shared by every journey.
const CUSTOMER = '金华义乌手机短信测试小商品有限公司';

/** The element's content is no wider than its box, or it scrolls inside it (a table on a phone). */
async function fitsOrScrollsInside(locator: Locator) {
  const { scrollWidth, clientWidth, overflowX } = await locator.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    overflowX: getComputedStyle(el).overflowX,
  }));
  if (scrollWidth > clientWidth + 1) expect(['auto', 'scroll']).toContain(overflowX);
}

/** The two elements do not overlap on screen (text running into a button or a counter). */
async function expectApart(a: Locator, b: Locator) {
  const [p, q] = [await stableBox(a), await stableBox(b)];
  const overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
  expect(overlap, `${String(a)} overlaps ${String(b)}`).toBe(false);
}

describe('customer settings and dialogs on a phone', () => {
  let browser: Browser;
  let page: Page;
  let customerId = 0;

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(admin, REP);
    // 发短信 opens only with a gateway set up (nothing is sent here); another journey may have set one.
    const messaging = await admin.get<Record<string, unknown>>('/settings/messaging');
    if (!messaging.smsConfigured) await admin.put('/settings/messaging', { ...messagingSettingsBody(messaging), smsUrl: 'http://127.0.0.1:9/not-called' });
    const rep = await apiSession(REP.username, REP.password);
    customerId = (await rep.post<{ id: number }>('/customers', { kind: 'company', name: CUSTOMER })).id;
    await rep.post(`/customers/${customerId}/contacts`, { name: '吴总', mobile: '13957920001', isPrimary: true });
    browser = await launchBrowser();
    page = await newPage(browser, PHONE);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await snap(page, 'customer-settings-mobile-FAILED');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('邮件与短信: the two cards stack, every field fits', async () => {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await openMenu(page, '系统设置', '邮件与短信');
    await page.waitForURL((url) => url.pathname === '/system/messaging');
    const smtp = await visible(page.locator('.ant-card').filter({ hasText: '邮件服务器（SMTP）' }));
    const sms = await visible(page.locator('.ant-card').filter({ hasText: '短信网关（HTTP）' }));
    // One card above the other, each as wide as the screen allows.
    const smtpBox = (await smtp.boundingBox())!;
    const smsBox = (await sms.boundingBox())!;
    expect(smsBox.y).toBeGreaterThan(smtpBox.y + smtpBox.height - 1);
    await expectWithinViewportWidth(page, smtp);
    await expectWithinViewportWidth(page, sms);
    for (const field of ['服务器地址', '端口', '网关地址', '请求方式', '请求模板', '附加请求头（JSON）']) {
      await expectWithinViewportWidth(page, page.getByLabel(field));
    }
    await expectWithinViewportWidth(page, page.getByRole('button', { name: label('测试') }));
    await expectWithinViewportWidth(page, page.getByRole('button', { name: label('保存') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customer-settings-mobile-01-messaging');
  });

  it('客户规则: the forms fit, the rule tables scroll inside their cards, the rule form fits the screen', async () => {
    await openMenu(page, '系统设置', '客户规则');
    await page.waitForURL((url) => url.pathname === '/system/customer-rules');
    await visible(page.getByLabel('每人每天最多领取'));
    await expectWithinViewportWidth(page, page.getByLabel('每人每天最多领取'));
    const returnRules = cardTitled(page, '自动回收规则');
    const revisits = cardTitled(page, '回访计划');
    for (const card of [returnRules, revisits]) {
      await expectWithinViewportWidth(page, card);
      await fitsOrScrollsInside(card.locator('.ant-table-content').first());
    }
    await expectWithinViewportWidth(page, returnRules.getByRole('button', { name: label('新增回收规则') }));
    await expectWithinViewportWidth(page, revisits.getByRole('button', { name: label('新增回访计划') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customer-settings-mobile-02-rules');

    await returnRules.getByRole('button', { name: label('新增回收规则') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '新增回收规则' }));
    await expectWithinViewportWidth(page, dialog);
    await expectWithinViewportWidth(page, dialog.getByLabel('规则名称'));
    await expectWithinViewportWidth(page, dialog.getByRole('button', { name: label('确定') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customer-settings-mobile-03-rule-form');
    await dialog.getByRole('button', { name: label('取消') }).click();
    await gone(dialog);
  });

  it('导入客户: the dialog and the preview of an uploaded file fit the screen', async () => {
    await openMenu(page, '客户管理', '客户');
    await page.waitForURL((url) => url.pathname === '/customers');
    await page.getByRole('button', { name: label('导入') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '导入客户' }));
    await expectWithinViewportWidth(page, dialog);
    await expectWithinViewportWidth(page, dialog.getByRole('button', { name: label('下载模板') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customer-settings-mobile-04-import');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户名称*', '行业', '电话']);
    sheet.addRow(['金华手机预览测试五金有限公司', '制造业', '0579-85551234']);
    sheet.addRow(['金华手机预览测试工艺品有限公司', '工艺美术', '']);
    const upload = Buffer.from(await workbook.xlsx.writeBuffer());
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByText('点击或拖拽 .xlsx 文件到此处上传').click()]);
    await chooser.setFiles({ name: '预览.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: upload });
    await visible(dialog.getByText('有误 1 行', { exact: true }));
    // The reason is in view beside the row, not in a column scrolled off to the right.
    await expectWithinViewportWidth(page, dialog.getByText('行业：“工艺美术”不在可选项中'));
    await expectWithinViewportWidth(page, dialog.getByText('通过', { exact: true }));
    await expectWithinViewportWidth(page, dialog);
    await fitsOrScrollsInside(dialog.locator('.ant-table-content').first());
    await expectWithinViewportWidth(page, dialog.getByRole('combobox', { name: '负责人' }));
    await expectWithinViewportWidth(page, dialog.getByRole('button', { name: label('导入 1 行') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customer-settings-mobile-05-import-preview');
    // Nothing is written until 导入 is pressed.
    await dialog.locator('.ant-modal-close').click();
    await gone(dialog);
  });

  it('发短信 from the customer view fits the screen', async () => {
    const rep = await newPage(browser, PHONE);
    await logIn(rep, REP.username, REP.password);
    await rep.goto(`/customers/${customerId}`);
    await visible(rep.getByRole('heading', { name: CUSTOMER }));
    // On a phone 发短信 waits under 更多.
    await rep.locator('.customer-view-header').getByRole('button', { name: label('更多') }).click();
    await rep.getByRole('menuitem', { name: /发短信/ }).click();
    const dialog = await visible(rep.getByRole('dialog', { name: `发短信：${CUSTOMER}` }));
    await expect.poll(() => dialog.getByLabel('手机号').inputValue()).toBe('13957920001');
    await dialog.getByLabel('短信内容').fill('吴总您好，新款样品已寄出，预计后天到达，请注意查收。');
    await expectWithinViewportWidth(rep, dialog);
    await expectWithinViewportWidth(rep, dialog.getByLabel('短信内容'));
    await expectWithinViewportWidth(rep, dialog.getByRole('button', { name: label('发送') }));
    const hint = await visible(dialog.getByText('已输入 26 字，约 1 条', { exact: false }));
    await visible(dialog.getByText('26 / 500', { exact: true }));
    await expectApart(hint, dialog.getByText('26 / 500', { exact: true }));
    // The long title (the customer's name) wraps clear of the close button.
    const title = dialog.locator('.ant-modal-title');
    const titleText = await title.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return Array.from(range.getClientRects()).reduce((right, r) => Math.max(right, r.right), 0);
    });
    expect(titleText).toBeLessThanOrEqual((await stableBox(dialog.locator('.ant-modal-close'))).x);
    await expectNoHorizontalOverflow(rep);
    await snap(rep, 'customer-settings-mobile-06-sms');
    await rep.context().close();
  });
});
