// The main customer journey again, every step on a phone (375 px): a 销售人员 adds two contacts to a
// company customer, logs a visit with a next-contact date and marks it hot, and finds it on the
// workbench's 热点客户; the 销售经理 transfers it from the customer view; the new owner releases it
// to the pool and a third rep claims it from 客户池; 客服人员 logs a call by its number. Nothing on
// the way sticks out sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, snap } from './support/browser';
import {
  ADMIN_PASSWORD,
  apiSession,
  cardTitled,
  chooseOption,
  createUserViaApi,
  expectNoHorizontalOverflow,
  expectWithinViewportWidth,
  gone,
  label,
  logIn,
  openMenu,
  visible,
} from './support/ui';
import { timeline, viewHeader } from './support/customers';

const DEPT = '销售五部';
const PASSWORD = 'Passw0rd1';
const MANAGER = { username: 'manager5m', password: PASSWORD, name: '蒋经理', department: DEPT, role: '销售经理' };
const REP_A = { username: 'rep_5a', password: PASSWORD, name: '沈佳怡', department: DEPT, role: '销售人员' };
const REP_B = { username: 'rep_5b', password: PASSWORD, name: '韩子轩', department: DEPT, role: '销售人员' };
const REP_C = { username: 'rep_5c', password: PASSWORD, name: '杨思远', department: DEPT, role: '销售人员' };
const CS = { username: 'cs_5', password: PASSWORD, name: '秦晓', department: DEPT, role: '客服人员' };

// Unique to this journey file: the server and its database are shared by every journey.
const CUSTOMER = { name: '苏州工业园区启明光电有限公司', phone: '0512-6288 7766' };
const CONTACTS = [
  { name: '顾明', title: '技术总监', mobile: '13962110001' },
  { name: '周倩', title: '采购主管', mobile: '13962110002' },
];
const VISIT = '到园区拜访顾总，看了产线，对方希望下周给出光电模组报价。';
const RELEASE_REASON = '对方改为集团统一采购，暂无独立预算';

function daysAhead(days: number, time: string): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}
const NEXT_CONTACT = daysAhead(2, '10:00');

async function phonePage(browser: Browser, user: { username: string; password: string }): Promise<Page> {
  const page = await newPage(browser, PHONE);
  await logIn(page, user.username, user.password);
  return page;
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await visible(page.getByRole('tab', { name, exact: true, selected: true }));
}

/** On a phone the view shows two actions; the rest are under 更多. */
async function moreAction(page: Page, name: string) {
  await viewHeader(page).getByRole('button', { name: label('更多') }).click();
  await page.getByRole('menuitem', { name }).click();
}

async function expectOwner(page: Page, ownerName: string) {
  await visible(page.getByRole('heading', { level: 4, name: CUSTOMER.name }));
  await visible(viewHeader(page).getByText(`负责人：${ownerName} · ${DEPT}`, { exact: true }));
}

describe('a sales team works one company customer on phones', () => {
  let browser: Browser;
  let customerPath = '';

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    const manager = await createUserViaApi(admin, MANAGER);
    for (const rep of [REP_A, REP_B, REP_C]) await createUserViaApi(admin, { ...rep, supervisorId: manager.id });
    await createUserViaApi(admin, CS);
    const repA = await apiSession(REP_A.username, REP_A.password);
    const created = await repA.post<{ id: number }>('/customers', { kind: 'company', name: CUSTOMER.name, phone: CUSTOMER.phone, level: 'A' });
    customerPath = `/customers/${created.id}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('销售人员 adds two contacts, logs a visit with a next contact, marks it hot and finds it on the workbench', async () => {
    const page = await phonePage(browser, REP_A);
    await page.goto(customerPath);
    await expectOwner(page, REP_A.name);

    await openTab(page, '联系人');
    for (const contact of CONTACTS) {
      await page.getByRole('button', { name: label('新建联系人') }).click();
      const dialog = await visible(page.getByRole('dialog', { name: '新建联系人' }));
      await dialog.getByLabel('姓名').fill(contact.name);
      await dialog.getByLabel('职务').fill(contact.title);
      await dialog.getByLabel('手机').fill(contact.mobile);
      await expectWithinViewportWidth(page, dialog.getByRole('button', { name: label('保存') }));
      await dialog.getByRole('button', { name: label('保存') }).click();
      await gone(dialog);
      await visible(page.locator('.ant-card').filter({ hasText: contact.name }).getByText(contact.mobile));
    }
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-team-mobile-01-contacts');

    await viewHeader(page).getByRole('button', { name: label('写跟进') }).click();
    await visible(page.getByRole('tab', { name: '行动历史', selected: true }));
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: label('保存跟进') }) });
    await form.getByLabel('方式').click();
    await chooseOption(page, '拜访');
    await form.getByLabel('联系人').click();
    await chooseOption(page, CONTACTS[0].name);
    await form.getByLabel('内容').fill(VISIT);
    await form.getByLabel('下次联系时间').click();
    await form.getByLabel('下次联系时间').fill(NEXT_CONTACT);
    await form.getByLabel('下次联系时间').press('Enter');
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-team-mobile-02-visit-form');
    await form.getByRole('button', { name: label('保存跟进') }).click();
    await visible(page.getByText('跟进已记录'));
    await expect.poll(async () => (await timeline(page))[0] ?? '').toContain(VISIT);
    const newest = (await timeline(page))[0];
    for (const text of ['拜访', REP_A.name, CONTACTS[0].name, `下次联系：${NEXT_CONTACT}`]) expect(newest).toContain(text);

    await viewHeader(page).getByRole('button', { name: '标为热点' }).click();
    await visible(page.getByText('已标为热点客户'));
    await visible(viewHeader(page).getByRole('button', { name: '取消热点' }));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-team-mobile-03-hot');

    await openMenu(page, '工作台');
    await page.waitForURL((url) => url.pathname === '/');
    const widget = await visible(cardTitled(page, '热点客户'));
    const item = await visible(widget.locator('.ant-list-item').filter({ hasText: CUSTOMER.name }));
    expect(await item.innerText()).toContain(REP_A.name);
    await expectWithinViewportWidth(page, widget);
    await expectNoHorizontalOverflow(page);
    await snap(page, 'customers-team-mobile-04-workbench');
    await widget.getByRole('link', { name: CUSTOMER.name }).click();
    await page.waitForURL((url) => url.pathname === customerPath);
    await page.context().close();
  });

  it('销售经理 transfers it from the view; the new owner sees it with its contacts', async () => {
    const manager = await phonePage(browser, MANAGER);
    await manager.goto(customerPath);
    await expectOwner(manager, REP_A.name);
    await moreAction(manager, '转移');
    const dialog = await visible(manager.getByRole('dialog', { name: `转移客户：${CUSTOMER.name}` }));
    await dialog.getByLabel('转移给').fill(REP_B.name);
    await chooseOption(manager, `${REP_B.name}（${REP_B.username}） · ${DEPT}`);
    await expectWithinViewportWidth(manager, dialog.getByRole('button', { name: label('确定') }));
    await snap(manager, 'customers-team-mobile-05-transfer');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await gone(dialog);
    await visible(manager.getByText(`已转移给 ${REP_B.name}`));
    await expectOwner(manager, REP_B.name);
    await manager.context().close();

    const repB = await phonePage(browser, REP_B);
    await openMenu(repB, '客户管理', '客户');
    await visible(repB.getByRole('link', { name: CUSTOMER.name, exact: true }));
    await repB.getByRole('link', { name: CUSTOMER.name, exact: true }).click();
    await repB.waitForURL((url) => url.pathname === customerPath);
    await expectOwner(repB, REP_B.name);
    await openTab(repB, '联系人');
    for (const contact of CONTACTS) await visible(repB.getByText(contact.name, { exact: true }));
    await expectNoHorizontalOverflow(repB);
    await repB.context().close();
  });

  it('the new owner releases it to the pool; a third rep claims it from 客户池', async () => {
    const repB = await phonePage(browser, REP_B);
    await repB.goto(customerPath);
    await expectOwner(repB, REP_B.name);
    await moreAction(repB, '放入公海');
    const dialog = await visible(repB.getByRole('dialog', { name: `放入公海：${CUSTOMER.name}` }));
    await dialog.getByLabel('原因').fill(RELEASE_REASON);
    await expectWithinViewportWidth(repB, dialog.getByRole('button', { name: label('放入公海') }));
    await snap(repB, 'customers-team-mobile-06-release');
    await dialog.getByRole('button', { name: label('放入公海') }).click();
    await gone(dialog);
    await visible(repB.getByText('已放入公海'));
    await visible(viewHeader(repB).getByText('在客户池', { exact: true }));
    await repB.context().close();

    const repC = await phonePage(browser, REP_C);
    await openMenu(repC, '客户管理', '客户池');
    await repC.waitForURL((url) => url.pathname === '/pool');
    const row = await visible(repC.locator('.ant-table-tbody').getByRole('row').filter({ hasText: CUSTOMER.name }));
    expect(await row.innerText()).toContain(RELEASE_REASON);
    // 领取 sits beside the name, reachable without scrolling sideways; the quota is in the header.
    const claim = row.getByRole('button', { name: label('领取') });
    await expectWithinViewportWidth(repC, claim);
    await visible(repC.getByTestId('claim-quota'));
    await expectNoHorizontalOverflow(repC);
    await snap(repC, 'customers-team-mobile-07-pool');
    await claim.click();
    const confirm = await visible(repC.getByRole('dialog').filter({ hasText: `确定领取“${CUSTOMER.name}”？` }));
    await confirm.getByRole('button', { name: label('领取') }).click();
    await visible(repC.getByText('已领取，现在由您负责'));
    await repC.waitForURL((url) => url.pathname === customerPath);
    await expectOwner(repC, REP_C.name);

    await openTab(repC, '行动历史');
    const entries = await timeline(repC);
    expect(entries[0]).toContain('从客户池领取');
    expect(entries[1]).toContain('放入了公海');
    expect(entries[1]).toContain(RELEASE_REASON);
    expect(entries[2]).toContain('转移了客户');
    await expectNoHorizontalOverflow(repC);
    await snap(repC, 'customers-team-mobile-08-claimed');
    await repC.context().close();
  });

  it('客服人员 logs an incoming call by the number on 快速来电记录', async () => {
    const cs = await phonePage(browser, CS);
    await openMenu(cs, '客户管理', '快速来电记录');
    await cs.waitForURL((url) => url.pathname === '/customers/calls');
    // Typed as caller ID shows it: digits only.
    await cs.getByLabel('来电号码').fill(CUSTOMER.phone.replace(/\D/g, ''));
    await visible(cs.getByText(`记录到：${CUSTOMER.name}`));
    const log = cs.getByRole('button', { name: label('记录来电') });
    await expectWithinViewportWidth(cs, log);
    await expectNoHorizontalOverflow(cs);
    await snap(cs, 'customers-team-mobile-09-quick-call');
    await log.click();
    await visible(cs.getByText(`已记录来电：${CUSTOMER.name}`));

    await cs.goto(`${customerPath}?tab=activities`);
    const entries = await timeline(cs);
    expect(entries[0]).toContain('来电');
    expect(entries[0]).toContain(CS.name);
    await cs.context().close();
  });
});
