// A 销售人员 on a phone (375 px) narrows the customer list with a search, hides a column with 列设置,
// saves it as a default scene (保存为场景), finds it applied when the list opens again, and deletes
// it from 我的场景. Nothing on the way sticks out sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, snap } from './support/browser';
import { ADMIN_PASSWORD, apiSession, createUserViaApi, expectNoHorizontalOverflow, gone, label, logIn, settledPopover, visible } from './support/ui';

const REP = { username: 'rep_scenes', password: 'Passw0rd1', name: '孙场景', department: '销售五部', role: '销售人员' };
// Unique to this journey file: the server and its database are shared by every journey.
const WANTED = '场景测试甲公司';
const OTHER = '场景测试乙公司';

const headers = (page: Page) => page.locator('.customer-table thead th');

describe('销售人员 saves a default scene on a phone', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(admin, REP);
    const rep = await apiSession(REP.username, REP.password);
    for (const name of [WANTED, OTHER]) await rep.post('/customers', { kind: 'company', name });
    browser = await launchBrowser();
    page = await newPage(browser, PHONE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves the search and the visible columns as the default scene', async () => {
    await logIn(page, REP.username, REP.password);
    await page.goto('/customers');
    await visible(page.getByRole('link', { name: OTHER }));
    await page.getByLabel('搜索名称、简称、电话、联系人').fill('甲公司');
    await page.keyboard.press('Enter');
    await gone(page.getByRole('link', { name: OTHER }));
    await visible(page.getByRole('link', { name: WANTED }));

    await page.getByRole('button', { name: label('列设置') }).click();
    const owner = settledPopover(page).getByRole('checkbox', { name: '负责人' });
    await owner.uncheck();
    // A column left out by default shows once ticked, even on a phone (ticked meant shown only on wide screens).
    const region = settledPopover(page).getByRole('checkbox', { name: '地区' });
    expect(await region.isChecked()).toBe(false);
    await region.check();
    await page.getByRole('heading', { name: '客户', exact: true }).click();
    expect(await headers(page).allInnerTexts()).not.toContain('负责人');
    expect(await headers(page).allInnerTexts()).toContain('地区');
    await expectNoHorizontalOverflow(page);

    await page.getByRole('button', { name: label('保存为场景') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '保存为场景' }));
    await dialog.getByLabel('场景名称').fill('甲公司');
    await dialog.getByRole('checkbox', { name: /设为默认/ }).check();
    await snap(page, 'customer-scenes-01-save');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await gone(dialog);
    await visible(page.locator('.saved-scene-trigger').getByText('甲公司'));
    await expectNoHorizontalOverflow(page);
  });

  it('applies the default scene when the list opens again, and deletes it from 我的场景', async () => {
    // The column choice is in the scene, not only in this browser.
    await page.evaluate(() => localStorage.clear());
    await page.goto('/customers');
    await visible(page.getByRole('link', { name: WANTED }));
    await gone(page.getByRole('link', { name: OTHER }));
    expect(await headers(page).allInnerTexts()).not.toContain('负责人');

    await page.locator('.saved-scene-trigger').click();
    const list = await visible(page.locator('.saved-scene-list'));
    await snap(page, 'customer-scenes-02-mine');
    await expectNoHorizontalOverflow(page);
    await list.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await visible(page.getByText('还没有保存的场景', { exact: false }));
  });
});
