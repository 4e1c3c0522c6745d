// 筛选 and 导出所选 on the customer list, the way a 销售经理 narrows the team's customers: opens 筛选,
// picks 级别 A and a 最后跟进 range, sees only the matching rows, ticks two of them and downloads
// just those with 导出所选. Then the same panel on a phone (375 px), where nothing may stick out.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, PHONE, snap } from './support/browser';
import { openCustomers, tableRow } from './support/customers';
import { ADMIN_PASSWORD, apiSession, chooseOption, createUserViaApi, expectNoHorizontalOverflow, label, logIn, tableSettled, visible } from './support/ui';

const MANAGER = { username: 'filter_mgr', password: 'Passw0rd1', name: '蒋经理', department: '销售九部', role: '销售经理' };

// Unique to this journey file: the server and its database are shared by every journey.
// Each customer: its level and the day of its last follow-up (a visit logged then).
const CUSTOMERS = [
  { name: '宁波筛选甲贸易有限公司', level: 'A', followedUp: '2024-03-05' }, // matches
  { name: '宁波筛选乙模具有限公司', level: 'A', followedUp: '2024-03-31' }, // matches: the range's last day
  { name: '宁波筛选丙电器有限公司', level: 'A', followedUp: '2024-04-01' }, // the day after the range
  { name: '宁波筛选丁物流有限公司', level: 'B', followedUp: '2024-03-10' }, // another level
];
const [FIRST, SECOND, AFTER, LEVEL_B] = CUSTOMERS.map((c) => c.name);

/** The names in the first sheet's 客户名称 column (below the header). */
async function exportedNames(content: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const column = headers.indexOf('客户名称') + 1;
  expect(column).toBeGreaterThan(0);
  return Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(column).value));
}

/** A field of the 筛选 panel by its label. */
function filterField(page: Page, name: string): Locator {
  return page.locator('.customer-filter-panel .ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${name}$`) }) });
}

/** Types a day range into a RangePicker the way a person does: start day, Enter, end day, Enter. */
async function pickRange(field: Locator, from: string, to: string) {
  await field.getByPlaceholder('开始日期').click();
  await field.getByPlaceholder('开始日期').fill(from);
  await field.getByPlaceholder('开始日期').press('Enter');
  await field.getByPlaceholder('结束日期').fill(to);
  await field.getByPlaceholder('结束日期').press('Enter');
}

const listedNames = async (page: Page) => (await page.locator('.customer-table .ant-table-tbody .customer-name-cell').allInnerTexts()).map((t) => t.trim()).sort();

describe('销售经理 filters the customer list and exports the selected rows', () => {
  let browser: Browser;

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(admin, MANAGER);
    const manager = await apiSession(MANAGER.username, MANAGER.password);
    for (const c of CUSTOMERS) {
      const { id } = await manager.post<{ id: number }>('/customers', { kind: 'company', name: c.name, level: c.level });
      // Mid-morning in Shanghai (the company's zone) on that day.
      await manager.post(`/customers/${id}/activities`, { kind: 'visit', content: '上门拜访', occurredAt: `${c.followedUp}T02:00:00.000Z` });
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters by 级别 and 最后跟进, then exports two selected rows with 导出所选', async () => {
    const page = await newPage(browser, DESKTOP);
    await logIn(page, MANAGER.username, MANAGER.password);
    await openCustomers(page);
    for (const name of CUSTOMERS.map((c) => c.name)) await visible(tableRow(page, name));

    await page.getByRole('button', { name: label('筛选') }).click();
    await visible(page.locator('.customer-filter-panel'));
    for (const name of ['部门', '地区', '最后跟进', '更新时间']) await visible(filterField(page, name));
    await visible(filterField(page, '地区').getByPlaceholder('区县'));

    await filterField(page, '级别').locator('.ant-select').click();
    await chooseOption(page, 'A（重点）');
    await expect.poll(() => tableRow(page, LEVEL_B).count()).toBe(0);
    await pickRange(filterField(page, '最后跟进'), '2024-03-01', '2024-03-31');
    await expect.poll(() => tableRow(page, AFTER).count()).toBe(0);
    await tableSettled(page);
    expect(await listedNames(page)).toEqual([FIRST, SECOND].sort());
    await snap(page, 'customer-filters-01-filtered');

    for (const name of [FIRST, SECOND]) await tableRow(page, name).getByRole('checkbox').check();
    await visible(page.getByText('已选择 2 项'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label('导出所选') }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = await exportedNames(fs.readFileSync(await download.path()));
    expect(exported.sort()).toEqual([FIRST, SECOND].sort());
    await snap(page, 'customer-filters-02-selected');

    // Opening a customer and coming back with the browser's Back finds the list as it was left.
    await tableRow(page, FIRST).getByRole('link', { name: FIRST }).click();
    await visible(page.getByRole('heading', { level: 4, name: FIRST }));
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/customers');
    await visible(tableRow(page, FIRST));
    await tableSettled(page);
    expect(await listedNames(page)).toEqual([FIRST, SECOND].sort());
    await page.getByRole('button', { name: label('筛选') }).click();
    await visible(filterField(page, '级别').getByText('A（重点）'));
    await page.context().close();
  });

  it('the 筛选 panel fits a phone (375 px)', async () => {
    const page = await newPage(browser, PHONE);
    await logIn(page, MANAGER.username, MANAGER.password);
    await openCustomers(page);
    await page.getByRole('button', { name: label('筛选') }).click();
    await visible(filterField(page, '更新时间'));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customer-filters-03-phone-panel');
    await page.context().close();
  });
});
