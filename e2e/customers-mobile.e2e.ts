// A 销售人员 on a phone (375 px): opens 客户 from the menu drawer, adds a 个人客户 through the
// full-screen 新建客户 form, opens the customer and logs a phone call from the view. Nothing on the
// way sticks out sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, snap } from './support/browser';
import {
  ADMIN_PASSWORD,
  apiSession,
  chooseOption,
  createUserViaApi,
  expectNoHorizontalOverflow,
  expectWithinViewportWidth,
  gone,
  label,
  logIn,
  openMenu,
  stableBox,
  visible,
} from './support/ui';
import { timeline, viewHeader } from './support/customers';

const DEPT = '销售三部';
const REP = { username: 'rep_mobile3', password: 'Passw0rd1', name: '吴小雨', department: DEPT, role: '销售人员' };
// Unique to this journey file: the server and its database are shared by every journey.
const PERSON = { name: '陈美玲', mobileTyped: '+86 13822667788', mobile: '13822667788', landline: '0755-8866 1234', wechat: 'chenmeiling88', newWechat: 'chenml_2026' };
const CALL = '电话回访陈女士，她对家用净水器很感兴趣，约好周末到门店体验。';


describe('销售人员 adds and follows up a personal customer on a phone', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(admin, REP);
    browser = await launchBrowser();
    page = await newPage(browser, PHONE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens 客户 from the menu drawer', async () => {
    await logIn(page, REP.username, REP.password);
    await visible(page.getByRole('heading', { name: new RegExp(`好，${REP.name}$`) }));
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('menu-button').click();
    const drawer = await visible(page.getByRole('dialog', { name: '主菜单' }));
    await drawer.getByRole('menuitem', { name: '客户管理' }).click();
    await visible(drawer.getByRole('menuitem', { name: label('客户池') }));
    await snap(page, 'customers-mobile-01-drawer');
    // A tap beside the drawer closes it (a phone has no Escape key).
    await page.locator('.ant-drawer-mask').click({ position: { x: PHONE.width - 10, y: 300 } });
    await gone(drawer);

    await openMenu(page, '客户管理', '客户');
    await page.waitForURL((url) => url.pathname === '/customers');
    await visible(page.getByRole('heading', { name: '客户', exact: true }));
    await visible(page.getByText('这里还没有客户'));
    // On a phone the scenes are a drop-down, not a bar wider than the screen.
    await visible(page.getByRole('combobox', { name: '场景' }));
    expect(await page.getByRole('radiogroup', { name: '场景' }).count()).toBe(0);
    await expectWithinViewportWidth(page, page.getByRole('button', { name: label('新建客户') }).first());
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-mobile-02-list-empty');
  });

  it('creates a 个人客户 in the full-screen 新建客户 form', async () => {
    await page.getByRole('button', { name: label('新建客户') }).first().click();
    const form = await visible(page.getByRole('dialog', { name: '新建客户' }));
    // The drawer takes the whole screen width.
    const box = await stableBox(form);
    expect(box.x).toBeLessThanOrEqual(1);
    expect(box.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    await form.getByText('个人客户', { exact: true }).click();
    // Person fields replace the company's: 姓名 and 手机, no 客户名称.
    await visible(form.getByLabel('姓名'));
    expect(await form.getByLabel('客户名称').count()).toBe(0);
    await form.getByLabel('姓名').fill(PERSON.name);
    await form.getByRole('radio', { name: '女' }).check();
    await form.getByLabel('手机').fill(PERSON.mobileTyped);
    await form.getByLabel('电话').fill(PERSON.landline);
    await form.getByLabel('微信').fill(PERSON.wechat);
    await form.getByLabel('来源').click();
    await chooseOption(page, '客户介绍');
    await form.getByLabel('级别').click();
    await chooseOption(page, 'B（普通）');
    // One field per row: 手机 sits below 姓名, each as wide as the form.
    const name = await stableBox(form.getByLabel('姓名'));
    const mobile = await stableBox(form.getByLabel('手机'));
    expect(mobile.y).toBeGreaterThan(name.y + name.height);
    expect(name.width).toBeGreaterThan(PHONE.width * 0.75);
    await expectWithinViewportWidth(page, form.getByRole('button', { name: label('保存') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-mobile-03-form');
    await form.getByRole('button', { name: label('保存') }).click();
    await gone(form);
    await visible(page.getByText('已保存'));

    const link = await visible(page.getByRole('link', { name: PERSON.name, exact: true }));
    await expectWithinViewportWidth(page, link);
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-mobile-04-list');
  });

  it('opens the customer view and logs a phone call', async () => {
    await page.getByRole('link', { name: PERSON.name, exact: true }).click();
    await page.waitForURL(/\/customers\/\d+$/);
    await visible(page.getByRole('heading', { level: 4, name: PERSON.name }));
    await visible(viewHeader(page).getByText(`负责人：${REP.name} · ${DEPT}`, { exact: true }));
    await visible(viewHeader(page).getByText('个人客户', { exact: true }));
    // The mobile was stored as its 11 digits (without +86) and dials with one tap.
    const dial = await visible(page.locator('.ant-descriptions').first().getByRole('link', { name: PERSON.mobile }));
    expect(await dial.getAttribute('href')).toBe(`tel:${PERSON.mobile}`);
    await visible(page.locator('.ant-descriptions').first().getByText(PERSON.wechat, { exact: true }));
    // Two actions fit beside each other; the rest wait under 更多.
    await expectWithinViewportWidth(page, viewHeader(page).getByRole('button', { name: label('更多') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-mobile-05-view');

    await viewHeader(page).getByRole('button', { name: label('写跟进') }).click();
    await visible(page.getByRole('tab', { name: '行动历史', selected: true }));
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: label('保存跟进') }) });
    // 写跟进 puts the cursor in 内容, ready to type.
    await expect.poll(() => form.getByLabel('内容').evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByLabel('方式').click();
    await chooseOption(page, '去电');
    await form.getByLabel('内容').fill(CALL);
    await expectWithinViewportWidth(page, form.getByRole('button', { name: label('保存跟进') }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-mobile-06-follow-up-form');
    await form.getByRole('button', { name: label('保存跟进') }).click();
    await visible(page.getByText('跟进已记录'));

    await expect.poll(async () => (await timeline(page)).length).toBe(2);
    const entries = await timeline(page);
    expect(entries[0]).toContain('去电');
    expect(entries[0]).toContain(CALL);
    expect(entries[0]).toContain(REP.name);
    expect(entries[1]).toContain('创建了客户');
    // The form is ready for the next one.
    expect(await form.getByLabel('内容').inputValue()).toBe('');
    await expectWithinViewportWidth(page, page.locator('.ant-timeline-item').first());
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-mobile-07-timeline');

    // 概况 now shows the follow-up time.
    await page.getByRole('tab', { name: '概况' }).click();
    const followup = await visible(page.locator('.ant-descriptions').nth(1));
    // The customer is refetched after the follow-up, maybe after the timeline: 最后跟进 fills in place.
    await expect.poll(() => followup.innerText()).toMatch(/最后跟进\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-mobile-08-overview');
  });

  it('edits the customer; fields the edit did not touch, the landline included, stay', async () => {
    await viewHeader(page).getByRole('button', { name: label('更多') }).click();
    await page.getByRole('menuitem', { name: '编辑' }).click();
    const form = await visible(page.getByRole('dialog', { name: `编辑客户：${PERSON.name}` }));
    expect(await form.getByLabel('电话').inputValue()).toBe(PERSON.landline);
    await form.getByLabel('微信').fill(PERSON.newWechat);
    await form.getByRole('button', { name: label('保存') }).click();
    await gone(form);
    const basic = page.locator('.ant-descriptions').first();
    await visible(basic.getByText(PERSON.newWechat, { exact: true }));
    expect(await basic.getByRole('link', { name: PERSON.landline }).getAttribute('href')).toBe('tel:075588661234');
    await visible(basic.getByRole('link', { name: PERSON.mobile }));
    // The profile names who changed it last.
    expect(await page.locator('.ant-descriptions').nth(1).innerText()).toMatch(new RegExp(`更新人\\s*${REP.name}`));
  });
});
