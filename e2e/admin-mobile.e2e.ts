// The administrator on a phone (375 px): finds 用户管理 through the menu drawer, reads the user table
// by scrolling it sideways inside its own box, and adds a colleague through the 新建用户 form.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, snap } from './support/browser';
import {
  ADMIN_PASSWORD,
  chooseOption,
  chooseTreeNode,
  departmentNode,
  expectNoHorizontalOverflow,
  expectWithinViewportWidth,
  gone,
  label,
  logIn,
  logOut,
  stableBox,
  visible,
} from './support/ui';

const COLLEAGUE = { username: 'xiaochen', password: 'Passw0rd1', name: '小陈', role: '客服人员' };

/** How far the element's content is wider than its box, and where it is scrolled to. */
async function horizontalScroll(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, scrollLeft: el.scrollLeft }));
}

describe('administrator manages users on a phone', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser, PHONE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens 用户管理 from the menu drawer', async () => {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await visible(page.getByRole('heading', { name: /好，系统管理员/ }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'admin-mobile-01-workbench');

    await page.getByTestId('menu-button').click();
    const drawer = await visible(page.getByRole('dialog', { name: '主菜单' }));
    await drawer.getByRole('menuitem', { name: '组织架构' }).click();
    await visible(drawer.getByRole('menuitem', { name: '用户管理' }));
    await snap(page, 'admin-mobile-02-drawer');
    await drawer.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL('**/org/users');
    // Choosing a page closes the drawer, so the page is not hidden behind it.
    await gone(drawer);
    await visible(page.getByRole('heading', { name: '用户管理' }));
  });

  it('reads the user table by scrolling it sideways inside its box', async () => {
    // Found by search: other journeys add users to the shared server, so admin may be on any page.
    const search = page.getByRole('searchbox', { name: '搜索账号、姓名、手机' });
    await search.fill('admin');
    await search.press('Enter');
    const adminRow = await visible(page.getByRole('row', { name: /^admin / }));
    expect(await adminRow.getByRole('cell', { name: '系统管理员', exact: true }).count()).toBe(2);
    await expectNoHorizontalOverflow(page);
    await snap(page, 'admin-mobile-03-users');

    // The columns do not fit 375 px: the table scrolls inside its container, not the page.
    const scroller = '.ant-table-content';
    const before = await horizontalScroll(page, scroller);
    expect(before.scrollWidth).toBeGreaterThan(before.clientWidth);
    expect(before.clientWidth).toBeLessThanOrEqual(PHONE.width);
    const resetButton = adminRow.getByRole('button', { name: '重置密码' });
    const hidden = await stableBox(resetButton);
    expect(hidden.x).toBeGreaterThan(PHONE.width); // the actions are off to the right at first

    await page.locator(scroller).first().evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const after = await horizontalScroll(page, scroller);
    expect(after.scrollLeft).toBeGreaterThan(0);
    await expectWithinViewportWidth(page, resetButton);
    // The 账号 column stays put, so the actions can be told apart row by row.
    await expectWithinViewportWidth(page, adminRow.getByRole('cell', { name: 'admin', exact: true }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'admin-mobile-04-users-scrolled');
    await search.fill('');
    await search.press('Enter');
  });

  it('adds a colleague through a 新建用户 form that fits the screen', async () => {
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '新建用户' }));
    await expectWithinViewportWidth(page, dialog);
    // One field per row: each input is as wide as the form, none is squeezed beside another.
    const account = await stableBox(dialog.getByLabel('账号'));
    const password = await stableBox(dialog.getByLabel('初始密码'));
    expect(password.y).toBeGreaterThan(account.y + account.height);
    expect(account.width).toBeGreaterThan(PHONE.width * 0.75);
    await expectWithinViewportWidth(page, dialog.getByRole('button', { name: label('保存') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'admin-mobile-05-user-form');

    await dialog.getByLabel('账号').fill(COLLEAGUE.username);
    await dialog.getByLabel('初始密码').fill(COLLEAGUE.password);
    await dialog.getByLabel('姓名').fill(COLLEAGUE.name);
    await dialog.getByLabel('部门').click();
    await chooseTreeNode(page, '公司');
    await visible(dialog.getByTitle('公司', { exact: true }));
    await dialog.getByLabel('角色').click();
    await chooseOption(page, COLLEAGUE.role);
    await dialog.getByText('新建用户', { exact: true }).click(); // tap outside the list to close it
    await gone(page.locator('.ant-select-dropdown:visible'));
    expect(await dialog.getByTitle(COLLEAGUE.role).count()).toBe(1);
    await snap(page, 'admin-mobile-06-user-form-filled');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await gone(dialog);

    const row = await visible(page.getByRole('row', { name: new RegExp(`^${COLLEAGUE.username} `) }));
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(cells).toEqual(expect.arrayContaining([COLLEAGUE.username, COLLEAGUE.name, '公司', COLLEAGUE.role]));
    await expectWithinViewportWidth(page, row.getByRole('cell', { name: COLLEAGUE.username, exact: true }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'admin-mobile-07-user-created');
  });

  it('sees a department and its members below the tree', async () => {
    await page.getByTestId('menu-button').click();
    const drawer = await visible(page.getByRole('dialog', { name: '主菜单' }));
    await drawer.getByRole('menuitem', { name: '部门管理' }).click();
    await page.waitForURL('**/org/departments');
    await gone(drawer);
    await departmentNode(page, '公司').click();
    const detail = await visible(page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '成员（含下级部门）' }) }));
    await visible(detail.getByRole('cell', { name: COLLEAGUE.username, exact: true }));
    await visible(detail.getByRole('button', { name: '新建子部门' }));
    await expectWithinViewportWidth(page, detail);
    await expectNoHorizontalOverflow(page);
    await snap(page, 'admin-mobile-08-departments');

    await logOut(page);
  });
});
