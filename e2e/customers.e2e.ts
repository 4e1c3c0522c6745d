// The customers area on a desktop, the way a sales team uses it day to day: a 销售人员 creates a
// company customer with two contacts, logs a visit with a next-contact date and marks it hot, so it
// shows on the workbench's 热点客户; the 销售经理 transfers it to another rep; that rep releases it to
// the pool (公海) and a third rep claims it; the timeline tells the story in order. Last, 客服人员
// logs an incoming call by typing the phone number on 快速来电记录.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, snap } from './support/browser';
import {
  ADMIN_PASSWORD,
  apiSession,
  cardTitled,
  chooseOption,
  createUserViaApi,
  gone,
  label,
  logIn,
  openMenu,
  tableSettled,
  visible,
} from './support/ui';
import { openCustomers, timeline, viewHeader } from './support/customers';

const DEPT = '销售三部';
const PASSWORD = 'Passw0rd1';
const MANAGER = { username: 'manager3', password: PASSWORD, name: '孙经理', department: DEPT, role: '销售经理' };
const REP_A = { username: 'rep_a', password: PASSWORD, name: '赵晓燕', department: DEPT, role: '销售人员' };
const REP_B = { username: 'rep_b', password: PASSWORD, name: '钱立伟', department: DEPT, role: '销售人员' };
const REP_C = { username: 'rep_c', password: PASSWORD, name: '孙海涛', department: DEPT, role: '销售人员' };
const CS = { username: 'cs_a', password: PASSWORD, name: '周静', department: DEPT, role: '客服人员' };

// Unique to this journey file: the server and its database are shared by every journey.
const CUSTOMER = { name: '杭州云帆智能装备有限公司', shortName: '云帆智能', phone: '0571-86903421' };
// Already in the pool when the journey starts: 客服人员 gets its number on a call.
const POOL_CUSTOMER = { name: '宁波海曙联创电子有限公司', phone: '0574-87665432' };
const CONTACT_1 = { name: '王建国', title: '总经理', mobile: '13957112345' };
const CONTACT_2 = { name: '李娜', title: '采购经理', mobile: '13867154321' };
const VISIT = '上门拜访王总，演示了设备联网方案，客户希望下月安排试点。';
const RELEASE_REASON = '客户预算冻结，半年内无采购计划';

/** A date-time some days ahead, as the pickers show it ("YYYY-MM-DD HH:mm"). */
function daysAhead(days: number, time: string): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}
const NEXT_CONTACT = daysAhead(3, '09:30');

/** The index of the only timeline entry containing every given text; fails when none or several. */
function entryIndex(entries: string[], ...texts: string[]): number {
  const found = entries.flatMap((e, i) => (texts.every((t) => e.includes(t)) ? [i] : []));
  expect(found, `one timeline entry with ${texts.join(' + ')} in:\n${entries.join('\n')}`).toHaveLength(1);
  return found[0];
}

async function expectOwner(page: Page, ownerName: string) {
  await visible(page.getByRole('heading', { level: 4, name: CUSTOMER.name }));
  await visible(viewHeader(page).getByText(`负责人：${ownerName} · ${DEPT}`, { exact: true }));
}

/** The table row of a customer in the list, by its name link. */
function customerRow(page: Page, name = CUSTOMER.name): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await visible(page.getByRole('tab', { name, exact: true, selected: true }));
}

describe('a sales team works one company customer from creation to the pool and back (desktop)', () => {
  let browser: Browser;
  let repA: Page;
  let customerPath = '';

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    const manager = await createUserViaApi(admin, MANAGER);
    for (const rep of [REP_A, REP_B, REP_C]) await createUserViaApi(admin, { ...rep, supervisorId: manager.id });
    await createUserViaApi(admin, CS);
    await admin.post('/customers', { kind: 'company', name: POOL_CUSTOMER.name, phone: POOL_CUSTOMER.phone, toPool: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('销售人员 creates a company customer in the 新建客户 drawer', async () => {
    repA = await newPage(browser, DESKTOP);
    await logIn(repA, REP_A.username, REP_A.password);
    await openCustomers(repA);
    await visible(repA.getByText('这里还没有客户'));
    // Nobody reports to a rep, so 下属负责的 (which could only be empty) is not offered; 我负责的 is.
    const scenes = repA.getByRole('radiogroup', { name: '场景' });
    await visible(scenes.getByText('我负责的', { exact: true }));
    expect(await scenes.getByText('下属负责的', { exact: true }).count()).toBe(0);

    await repA.getByRole('button', { name: label('新建客户') }).first().click();
    const drawer = await visible(repA.getByRole('dialog', { name: '新建客户' }));
    await drawer.getByText('企业客户', { exact: true }).click();
    await drawer.getByLabel('客户名称').fill(CUSTOMER.name);
    await drawer.getByLabel('简称').fill(CUSTOMER.shortName);
    await drawer.getByLabel('电话').fill(CUSTOMER.phone);
    await drawer.getByLabel('行业').click();
    await chooseOption(repA, '制造业');
    await drawer.getByLabel('规模').click();
    await chooseOption(repA, '101-500人');
    await drawer.getByLabel('来源').click();
    await chooseOption(repA, '展会');
    await drawer.getByLabel('级别').click();
    await chooseOption(repA, 'A（重点）');
    await drawer.getByLabel('省份').fill('浙江省');
    await drawer.getByLabel('城市').fill('杭州市');
    await drawer.getByLabel('区县').fill('滨江区');
    await drawer.getByLabel('详细地址').fill('江南大道 588 号');
    await snap(repA, 'customers-01-create-drawer');
    await drawer.getByRole('button', { name: label('保存') }).click();
    await gone(drawer);
    await visible(repA.getByText('已保存'));

    // The list shows the new customer with its level, phone and owner.
    const row = await visible(customerRow(repA));
    const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
    expect(cells).toEqual(expect.arrayContaining([CUSTOMER.name, 'A（重点）', CUSTOMER.phone, REP_A.name]));
    await snap(repA, 'customers-02-list-created');

    await row.getByRole('link', { name: CUSTOMER.name }).click();
    await repA.waitForURL(/\/customers\/\d+$/);
    customerPath = new URL(repA.url()).pathname;
    await expectOwner(repA, REP_A.name);
    // A 销售人员 may share and release their customer, but transferring is the manager's.
    await visible(viewHeader(repA).getByRole('button', { name: label('放入公海') }));
    expect(await viewHeader(repA).getByRole('button', { name: label('转移') }).count()).toBe(0);
    const profile = repA.locator('.ant-descriptions').first();
    for (const value of [CUSTOMER.shortName, CUSTOMER.phone, '制造业', '101-500人', '展会', '浙江省 杭州市 滨江区', '江南大道 588 号']) {
      await visible(profile.getByText(value, { exact: true }));
    }
    await snap(repA, 'customers-03-view-overview');
  });

  it('adds two contacts in the 联系人 tab, the first one primary', async () => {
    await openTab(repA, '联系人');
    await visible(repA.getByText('还没有联系人'));
    for (const [i, contact] of [CONTACT_1, CONTACT_2].entries()) {
      await repA.getByRole('button', { name: label('新建联系人') }).click();
      const dialog = await visible(repA.getByRole('dialog', { name: '新建联系人' }));
      // The first contact of a customer is offered as the primary one; the second is not.
      const primary = dialog.getByRole('switch', { name: '主联系人' });
      expect(await primary.getAttribute('aria-checked')).toBe(i === 0 ? 'true' : 'false');
      // A fresh form each time, not the previous contact's values.
      expect(await dialog.getByLabel('姓名').inputValue()).toBe('');
      await dialog.getByLabel('姓名').fill(contact.name);
      await dialog.getByLabel('职务').fill(contact.title);
      await dialog.getByLabel('手机').fill(contact.mobile);
      if (i === 0) await dialog.getByRole('switch', { name: '关键决策人' }).click();
      if (i === 1) await snap(repA, 'customers-04-contact-form');
      await dialog.getByRole('button', { name: label('保存') }).click();
      await gone(dialog);
      await visible(repA.locator('.ant-card').filter({ hasText: contact.name }).getByText(contact.mobile));
    }
    const cards = repA.locator('.ant-card-small').filter({ has: repA.getByRole('link', { name: /1\d{10}/ }) });
    expect(await cards.count()).toBe(2);
    // Exactly one primary, and it is the first contact (listed first).
    const primaryTags = repA.locator('.ant-tag').getByText('主联系人', { exact: true });
    expect(await primaryTags.count()).toBe(1);
    expect(await cards.first().innerText()).toContain(CONTACT_1.name);
    expect(await cards.first().innerText()).toContain('主联系人');
    expect(await cards.first().innerText()).toContain('关键决策人');
    expect(await cards.nth(1).innerText()).not.toContain('主联系人');
    await snap(repA, 'customers-05-contacts');
  });

  it('logs a 拜访 with a 下次联系时间 in 行动历史 and marks the customer hot', async () => {
    await openTab(repA, '行动历史');
    const before = await timeline(repA);
    entryIndex(before, '创建了客户', REP_A.name);
    expect(before).toHaveLength(1);

    const form = repA.locator('form').filter({ has: repA.getByRole('button', { name: label('保存跟进') }) });
    await form.getByLabel('方式').click();
    await chooseOption(repA, '拜访');
    await form.getByLabel('联系人').click();
    await chooseOption(repA, CONTACT_1.name);
    await form.getByLabel('内容').fill(VISIT);
    const saves: string[] = [];
    repA.on('request', (r) => void (r.method() === 'POST' && r.url().includes('/activities') && saves.push(r.url())));
    // A day already past, typed in, is refused with a reason, not dropped on saving.
    await form.getByLabel('下次联系时间').click();
    await form.getByLabel('下次联系时间').fill('2020-01-06 09:00');
    await form.getByLabel('下次联系时间').press('Enter');
    await form.getByRole('button', { name: label('保存跟进') }).click();
    await visible(form.getByText('下次联系时间不能早于今天'));
    expect(saves).toHaveLength(0);
    await form.getByLabel('下次联系时间').click();
    await form.getByLabel('下次联系时间').fill(NEXT_CONTACT);
    // Enter confirms the typed date and nothing more: the follow-up is saved by 保存跟进, once.
    await form.getByLabel('下次联系时间').press('Enter');
    await gone(form.getByText('下次联系时间不能早于今天'));
    await snap(repA, 'customers-06-visit-form');
    await form.getByRole('button', { name: label('保存跟进') }).click();
    await visible(repA.getByText('跟进已记录'));
    expect(saves).toHaveLength(1);
    expect(await form.getByText('请输入内容').count()).toBe(0);

    await expect.poll(async () => (await timeline(repA)).length).toBe(2);
    const entries = await timeline(repA);
    expect(entryIndex(entries, '拜访', VISIT, REP_A.name, CONTACT_1.name, `下次联系：${NEXT_CONTACT}`)).toBe(0);

    // Hot: the star in the header turns on.
    const star = viewHeader(repA).getByRole('button', { name: '标为热点' });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await visible(repA.getByText('已标为热点客户'));
    const unstar = await visible(viewHeader(repA).getByRole('button', { name: '取消热点' }));
    expect(await unstar.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await timeline(repA)).length).toBe(3);
    expect(entryIndex(await timeline(repA), '标为热点客户', REP_A.name)).toBe(0);

    // The profile now carries the follow-up: last follow-up today, next contact as entered, the primary contact.
    await openTab(repA, '概况');
    const followup = repA.locator('.ant-descriptions').nth(1);
    await visible(followup.getByText(NEXT_CONTACT, { exact: true }));
    await visible(followup.getByText(CONTACT_1.name, { exact: true }));
    await snap(repA, 'customers-07-hot');
  });

  it('the workbench lists it under 热点客户 and opens its view', async () => {
    await openMenu(repA, '工作台');
    await repA.waitForURL((url) => url.pathname === '/');
    const widget = await visible(cardTitled(repA, '热点客户'));
    const rows = widget.locator('.ant-list-item');
    await visible(rows);
    expect(await rows.count()).toBe(1);
    const text = await rows.first().innerText();
    expect(text).toContain(CUSTOMER.name);
    expect(text).toContain(REP_A.name);
    expect(text).toContain('A（重点）');
    // The visit logged earlier today is its last follow-up, said in words.
    expect(text).toMatch(/最后跟进 \d{4}-\d{2}-\d{2}/);
    // 今日需联系 does not list it: the next contact is three days away.
    const reminders = await visible(cardTitled(repA, '今日需联系'));
    await visible(reminders.getByText('今天没有需要联系的客户'));
    await snap(repA, 'customers-08-workbench-hot');

    await widget.getByRole('link', { name: CUSTOMER.name }).click();
    await repA.waitForURL((url) => url.pathname === customerPath);
    await expectOwner(repA, REP_A.name);
  });

  it('销售经理 transfers it to another rep from the list; that rep sees it, the first no longer does', async () => {
    const manager = await newPage(browser, DESKTOP);
    await logIn(manager, MANAGER.username, MANAGER.password);
    await openCustomers(manager, '下属负责的');
    const row = await visible(customerRow(manager));
    expect(await row.innerText()).toContain(REP_A.name);
    await row.getByRole('checkbox').check();
    await visible(manager.getByText('已选择 1 项'));
    await manager.getByRole('button', { name: label('转移') }).click();
    const dialog = await visible(manager.getByRole('dialog', { name: '转移 1 个客户' }));
    await dialog.getByLabel('转移给').fill(REP_B.name);
    await chooseOption(manager, `${REP_B.name}（${REP_B.username}） · ${DEPT}`);
    expect(await dialog.getByRole('checkbox', { name: '联系人一并转移' }).isChecked()).toBe(true);
    await snap(manager, 'customers-09-transfer');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await gone(dialog);
    await visible(manager.getByText('已完成 1 个'));
    // Still the manager's subordinate's customer, now rep B's.
    await expect.poll(async () => await customerRow(manager).innerText()).toContain(REP_B.name);
    expect(await customerRow(manager).innerText()).not.toContain(REP_A.name);
    await snap(manager, 'customers-10-transferred');
    await manager.context().close();

    const repB = await newPage(browser, DESKTOP);
    await logIn(repB, REP_B.username, REP_B.password);
    await openCustomers(repB, '我负责的');
    await visible(customerRow(repB));
    await customerRow(repB).getByRole('link', { name: CUSTOMER.name }).click();
    await repB.waitForURL((url) => url.pathname === customerPath);
    await expectOwner(repB, REP_B.name);
    // The contacts came along.
    await openTab(repB, '联系人');
    await visible(repB.getByText(CONTACT_1.name, { exact: true }));
    await visible(repB.getByText(CONTACT_2.name, { exact: true }));
    await snap(repB, 'customers-11-rep-b-view');
    // 操作记录 names both owners (it stores their ids).
    await openTab(repB, '操作记录');
    const transfer = repB.locator('.ant-timeline-item').filter({ has: repB.getByRole('cell', { name: '负责人', exact: true }) }).first();
    await visible(transfer.getByRole('cell', { name: REP_A.name, exact: true }));
    await visible(transfer.getByRole('cell', { name: REP_B.name, exact: true }));
    // Its contacts' entries are there too, tagged as such.
    const contactEntry = repB.locator('.ant-timeline-item').filter({ hasText: `: ${CONTACT_1.name}` }).first();
    await visible(contactEntry.locator('.ant-tag').getByText('联系人', { exact: true }));
    await repB.context().close();

    // Rep A searches for it and finds nothing; its old address says it is not there.
    await openCustomers(repA);
    await repA.getByRole('searchbox', { name: '搜索名称、简称、电话、联系人' }).fill('云帆');
    await repA.getByRole('searchbox', { name: '搜索名称、简称、电话、联系人' }).press('Enter');
    await visible(repA.getByText('没有符合条件的客户'));
    // The list keeps its previous (empty) rows while the search loads, so the message shows at once: wait for the answer.
    await tableSettled(repA);
    expect(await customerRow(repA).count()).toBe(0);
    await snap(repA, 'customers-12-rep-a-search-empty');
    await repA.goto(customerPath);
    await visible(repA.getByText('客户不存在，或您无权查看'));
    await repA.context().close();
  });

  it('the new owner releases it to the pool with a reason; a third rep claims it', async () => {
    const repB = await newPage(browser, DESKTOP);
    await logIn(repB, REP_B.username, REP_B.password);
    await repB.goto(customerPath);
    await expectOwner(repB, REP_B.name);
    await viewHeader(repB).getByRole('button', { name: label('放入公海') }).click();
    const dialog = await visible(repB.getByRole('dialog', { name: `放入公海：${CUSTOMER.name}` }));
    // No reason, no release.
    await dialog.getByRole('button', { name: label('放入公海') }).click();
    await visible(dialog.getByText('请输入原因'));
    await dialog.getByLabel('原因').fill(RELEASE_REASON);
    await snap(repB, 'customers-13-release');
    await dialog.getByRole('button', { name: label('放入公海') }).click();
    await gone(dialog);
    await visible(repB.getByText('已放入公海'));
    // The view now shows a pool customer: no owner, the reason, and 领取 instead of the owner's actions.
    await visible(viewHeader(repB).getByText('在客户池', { exact: true }));
    await visible(viewHeader(repB).getByText(`放入原因：${RELEASE_REASON}`, { exact: true }));
    expect(await viewHeader(repB).getByRole('button', { name: label('转移') }).count()).toBe(0);
    // It belongs to 客户池 now: the menu says so, and the back link leads there.
    await visible(repB.locator('.ant-menu-item-selected').getByText('客户池', { exact: true }));
    await visible(repB.getByRole('link', { name: '返回客户池' }));
    await snap(repB, 'customers-14-released');
    // The releaser's 领取 says when it will be allowed, instead of asking to confirm a claim the server refuses.
    await viewHeader(repB).getByRole('button', { name: label('领取') }).click();
    await visible(repB.getByText(/该客户原由您负责，放入公海后 \d+ 天内不能领回/));
    expect(await repB.getByRole('dialog').filter({ hasText: '确定领取' }).count()).toBe(0);
    // In 客户池 the releaser is not offered 领取 while the rule would refuse it.
    await openMenu(repB, '客户管理', '客户池');
    await repB.waitForURL((url) => url.pathname === '/pool');
    const releasedRow = await visible(customerRow(repB));
    expect(await releasedRow.getByRole('button', { name: label('领取') }).isDisabled()).toBe(true);
    await repB.context().close();

    const repC = await newPage(browser, DESKTOP);
    await logIn(repC, REP_C.username, REP_C.password);
    await openMenu(repC, '客户管理', '客户池');
    await repC.waitForURL((url) => url.pathname === '/pool');
    const row = await visible(customerRow(repC));
    expect(await row.innerText()).toContain(RELEASE_REASON);
    // The header says how many claims are left today (the limit is whatever the settings say now).
    expect(await repC.getByTestId('claim-quota').innerText()).toMatch(/^今日已领取 0 (\/ (\d+) 个，还可领取 \2 个|个（不限）)$/);
    await snap(repC, 'customers-15-pool');
    await row.getByRole('button', { name: label('领取') }).click();
    const confirm = await visible(repC.getByRole('dialog').filter({ hasText: `确定领取“${CUSTOMER.name}”？` }));
    await confirm.getByRole('button', { name: label('领取') }).click();
    await visible(repC.getByText('已领取，现在由您负责'));
    await repC.waitForURL((url) => url.pathname === customerPath);
    await expectOwner(repC, REP_C.name);
    expect(await viewHeader(repC).getByText('在客户池').count()).toBe(0);

    // The timeline tells the story, newest first: claimed, released (with the reason), transferred.
    await openTab(repC, '行动历史');
    const entries = await timeline(repC);
    const claimed = entryIndex(entries, '从客户池领取', REP_C.name);
    const released = entryIndex(entries, '放入了公海', REP_B.name, `原因：${RELEASE_REASON}`);
    const transferred = entryIndex(entries, '转移了客户', MANAGER.name, `原负责人：${REP_A.name}`, `新负责人：${REP_B.name}`);
    expect(claimed).toBe(0);
    expect(released).toBe(1);
    expect(transferred).toBe(2);
    expect(entryIndex(entries, '创建了客户')).toBe(entries.length - 1);
    await snap(repC, 'customers-16-timeline');

    // It is in rep C's 我负责的.
    await openCustomers(repC, '我负责的');
    const mine = await visible(customerRow(repC));
    expect(await mine.innerText()).toContain(REP_C.name);
    await repC.context().close();
  });

  it('客服人员 types the caller\'s number on 快速来电记录 and logs the call in two clicks', async () => {
    const cs = await newPage(browser, DESKTOP);
    await logIn(cs, CS.username, CS.password);
    await openMenu(cs, '客户管理', '快速来电记录');
    await cs.waitForURL((url) => url.pathname === '/customers/calls');
    await cs.getByLabel('来电号码').fill(CUSTOMER.phone);
    // The one customer with this number appears at once, already chosen (once both searches are back).
    await visible(cs.getByText(`记录到：${CUSTOMER.name}`));
    const result = await visible(cs.locator('.call-result').filter({ hasText: CUSTOMER.name }));
    expect(await cs.locator('.call-result').count()).toBe(1);
    expect(await result.innerText()).toContain(`负责人：${REP_C.name}`);
    expect(await result.getAttribute('aria-pressed')).toBe('true');
    await snap(cs, 'customers-17-quick-call');

    // Two clicks: 来电 (the default, clicked to be sure) and 记录来电.
    await cs.getByText('来电', { exact: true }).click();
    await cs.getByRole('button', { name: label('记录来电') }).click();
    await visible(cs.getByText(`已记录来电：${CUSTOMER.name}`));
    // Ready for the next call: the number is cleared.
    expect(await cs.getByLabel('来电号码').inputValue()).toBe('');

    // The next caller's customer is in the pool, which 客服人员 may not open: the page says so,
    // naming it only by its first and last character, instead of "no match".
    await cs.getByLabel('来电号码').fill(POOL_CUSTOMER.phone);
    const notice = await visible(cs.getByRole('alert').filter({ hasText: '此号码属于客户池中的客户' }));
    expect(await notice.innerText()).toContain('宁****司');
    expect(await notice.innerText()).not.toContain(POOL_CUSTOMER.name);
    expect(await cs.locator('.call-result').count()).toBe(0);
    // Typed right after the last call was logged: the previous caller must not be picked from the
    // results still on screen for the old number.
    expect(await cs.getByText(/^记录到：/).count()).toBe(0);
    await snap(cs, 'customers-17b-quick-call-pool');

    // An unknown landline: a new person customer from it keeps it as 电话 (it is no mobile).
    await cs.getByLabel('来电号码').fill('0571-8765 4321');
    await cs.getByRole('button', { name: label('用此号码新建客户') }).click();
    const drawer = await visible(cs.getByRole('dialog', { name: '新建客户' }));
    await drawer.getByText('个人客户', { exact: true }).click();
    await drawer.getByLabel('姓名').fill('来电新客户');
    await drawer.getByRole('button', { name: label('保存') }).click();
    await gone(drawer);
    await visible(cs.getByText('记录到：来电新客户'));
    await cs.getByLabel('来电号码').fill('');

    await cs.goto(`${customerPath}?tab=activities`);
    const entries = await timeline(cs);
    expect(entryIndex(entries, '来电', `来电：${CUSTOMER.phone}`, CS.name)).toBe(0);
    // 客服人员 may log calls on anyone's customer but not release it to the pool.
    await expectOwner(cs, REP_C.name);
    expect(await viewHeader(cs).getByRole('button', { name: label('放入公海') }).count()).toBe(0);
    await snap(cs, 'customers-18-call-in-timeline');
    await cs.context().close();
  });
});
