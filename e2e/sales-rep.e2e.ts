// A 销售人员 logs in on a desktop and on a phone: the workbench greets them with their own details,
// the menu offers nothing an administrator manages, and an administrator's page says 无权访问.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, PHONE, snap } from './support/browser';
import {
  ADMIN_PASSWORD,
  apiSession,
  cardTitled,
  createUserViaApi,
  expectNoHorizontalOverflow,
  gone,
  logIn,
  logOut,
  visible,
} from './support/ui';

// Its own department and user, so this journey does not depend on the administrator's journey.
const REP = { username: 'xiaozhou', password: 'Passw0rd1', name: '小周', department: '华南销售部', role: '销售人员' };
const ADMIN_ONLY = ['组织架构', '部门管理', '用户管理', '角色权限', '系统设置', '公司信息', '操作记录'];
// A 销售人员's own pages: the customers area, without the administrator's 回收站 and settings.
const REP_PAGES = ['客户', '联系人', '快速来电记录', '客户池'];

/** Every menu item the sidebar (or drawer) offers, by visible label. */
async function menuLabels(page: Page): Promise<string[]> {
  const nav = await visible(page.getByRole('navigation', { name: '主菜单' }));
  const items = await nav.getByRole('menuitem').allInnerTexts();
  return items.map((t) => t.replace(/\s+/g, ''));
}

/** The menu offers the workbench and the 客户管理 group, which opens onto the rep's own pages. */
async function expectRepMenu(page: Page) {
  expect(await menuLabels(page)).toEqual(['工作台', '客户管理']);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '客户管理' }).click();
  await visible(page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: '快速来电记录' }));
  expect(await menuLabels(page)).toEqual(['工作台', '客户管理', ...REP_PAGES]);
}

async function expectWorkbench(page: Page) {
  await visible(page.getByRole('heading', { name: new RegExp(`好，${REP.name}$`) }));
  const myInfo = await visible(cardTitled(page, '我的信息'));
  for (const [field, value] of [['姓名', REP.name], ['账号', REP.username], ['部门', REP.department], ['角色', REP.role]]) {
    await visible(myInfo.getByText(value, { exact: true }));
    expect(await myInfo.innerText()).toMatch(new RegExp(`${field}[:：]?\\s*${value}`));
  }
  // 快捷入口 offers exactly the pages of the menu a 销售人员 may open.
  const quickLinks = await visible(cardTitled(page, '快捷入口'));
  await visible(quickLinks.getByRole('button'));
  expect((await quickLinks.getByRole('button').allInnerTexts()).map((t) => t.replace(/\s+/g, ''))).toEqual(REP_PAGES);
}

describe('销售人员 sees their workbench and nothing an administrator manages', () => {
  let browser: Browser;

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(admin, REP);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('on a desktop', async () => {
    const page = await newPage(browser, DESKTOP);
    await logIn(page, REP.username, REP.password);
    expect(new URL(page.url()).pathname).toBe('/');
    await expectWorkbench(page);
    await expectRepMenu(page);
    for (const label of ADMIN_ONLY) expect(await page.getByRole('menuitem', { name: label }).count()).toBe(0);
    // The header shows who is logged in.
    expect(await page.getByTestId('user-menu').innerText()).toContain(REP.name);
    await snap(page, 'sales-rep-01-workbench-desktop');

    // Typing an administrator's address does not open the page.
    await page.goto('/system/company');
    await visible(page.getByText('无权访问'));
    await visible(page.getByText('您没有访问此页面的权限，如需开通请联系管理员。'));
    expect(await page.getByLabel('公司名称').count()).toBe(0);
    await snap(page, 'sales-rep-02-forbidden-desktop');
    await page.getByRole('button', { name: '返回工作台' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expectWorkbench(page);

    await logOut(page);
    await page.context().close();
  });

  it('on a phone (375 px)', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto('/login');
    await visible(page.getByText('请登录您的账号'));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'sales-rep-03-login-phone');

    await logIn(page, REP.username, REP.password);
    await expectWorkbench(page);
    await expectNoHorizontalOverflow(page);
    // On a phone the menu is not beside the page: it waits behind the menu button.
    expect(await page.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
    await snap(page, 'sales-rep-04-workbench-phone');

    await page.getByTestId('menu-button').click();
    const drawer = await visible(page.getByRole('dialog', { name: '主菜单' }));
    await expectRepMenu(page);
    for (const label of ADMIN_ONLY) expect(await drawer.getByRole('menuitem', { name: label }).count()).toBe(0);
    await snap(page, 'sales-rep-05-drawer-phone');
    await drawer.getByRole('menuitem', { name: '工作台' }).click();
    await gone(drawer);

    await page.goto('/system/company');
    await visible(page.getByText('无权访问'));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'sales-rep-06-forbidden-phone');
    await page.getByRole('button', { name: '返回工作台' }).click();
    await expectWorkbench(page);

    // Only the avatar fits in the header; the menu says who is logged in.
    await page.getByTestId('user-menu').click();
    await visible(page.getByText(`${REP.name}（${REP.username}）`));
    await visible(page.getByRole('menuitem', { name: '退出登录' }));
    await snap(page, 'sales-rep-07-user-menu-phone');
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await visible(page.getByText('请登录您的账号'));
    // The session is gone: the workbench sends the visitor back to the login page.
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.context().close();
  });
});
