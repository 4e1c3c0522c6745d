// 系统设置 → 客户规则 on a desktop, the way the administrator tunes the customer rules: the pool
// limits, an automatic return rule (自动回收规则) and a revisit plan (回访计划), each created, edited and
// deleted through the page, every value still there after a reload. The return rule's effect is
// seen where a rep sees it: the workbench's 即将回收 lists their customer the rule will send back to
// the pool, and stops listing it once the rule is relaxed. (The daily job that actually returns
// customers and creates revisit to-dos runs on the server's own clock; there is no way to start it
// from the outside, and its logic is covered by the server tests.)
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, snap } from './support/browser';
import { ADMIN_PASSWORD, apiSession, cardTitled, chooseOption, createUserViaApi, gone, label, logIn, openMenu, tableSettled, type ApiSession, visible } from './support/ui';

const REP = { username: 'rules_rep', password: 'Passw0rd1', name: '陶晓东', department: '销售七部', role: '销售人员' };
// Unique to this journey file: the server and its database are shared by every journey.
const CUSTOMER = '台州路桥回收提醒测试有限公司';
const RULE = '潜在客户两天未跟进收回';
const RULE_RENAMED = '潜在客户二十天未跟进收回';

type Settings = { dailyClaimLimit: number; reclaimBlockDays: number; maxOwnedPerUser: number; allowDuplicateName: boolean; allowDuplicatePhone: boolean };

/** A row of the rules tables by the text of one of its cells. */
function ruleRow(page: Page, text: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });
}

/** The row's cell texts, once the row is on screen (a saved row appears after its dialog closes). */
async function cells(row: Locator): Promise<string[]> {
  await visible(row);
  return (await row.getByRole('cell').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
}

/** Types a number into an InputNumber the way a person does: select what is there, type over it. */
async function typeNumber(input: Locator, value: number | '') {
  await input.fill(String(value));
  await input.blur();
}

async function openRulesPage(page: Page) {
  await page.goto('/system/customer-rules');
  await visible(cardTitled(page, '自动回收规则').getByRole('table'));
  // The tables show (empty) while their rules load: wait until they hold the saved rows.
  await tableSettled(page);
}

describe('administrator sets the customer rules (desktop)', () => {
  let browser: Browser;
  let page: Page;
  let rep: Page;
  let admin: ApiSession;
  let original: Settings;

  beforeAll(async () => {
    admin = await apiSession('admin', ADMIN_PASSWORD);
    original = await admin.get<Settings>('/customer-settings');
    await createUserViaApi(admin, REP);
    const repApi = await apiSession(REP.username, REP.password);
    await repApi.post('/customers', { kind: 'company', name: CUSTOMER, level: 'D' });
    browser = await launchBrowser();
    page = await newPage(browser, DESKTOP);
    rep = await newPage(browser, DESKTOP);
    await logIn(rep, REP.username, REP.password);
  });
  afterEach(async (ctx) => {
    // What the screens showed when a step failed, for the person reading the failure.
    if (ctx.task.result?.state === 'fail') {
      await snap(page, 'customer-rules-FAILED-admin');
      await snap(rep, 'customer-rules-FAILED-rep');
    }
  });
  afterAll(async () => {
    await browser?.close();
    // Other journeys share the server: leave the rules as they were, even when a step failed.
    await admin.put('/customer-settings', original);
    const { items: rules } = await admin.get<{ items: { id: number; name: string }[] }>('/pool-return-rules');
    for (const r of rules.filter((x) => x.name === RULE || x.name === RULE_RENAMED)) await admin.delete(`/pool-return-rules/${r.id}`);
    const { items: plans } = await admin.get<{ items: { id: number; level: string }[] }>('/revisit-rules');
    for (const p of plans.filter((x) => x.level === 'A')) await admin.delete(`/revisit-rules/${p.id}`);
  });

  it('changes the pool limits; a required value left empty is refused; the values persist', async () => {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await openMenu(page, '系统设置', '客户规则');
    await page.waitForURL((url) => url.pathname === '/system/customer-rules');
    const limits = await visible(cardTitled(page, '客户规则'));
    const daily = limits.getByLabel('每人每天最多领取');
    expect(await daily.inputValue()).toBe(String(original.dailyClaimLimit));

    await typeNumber(daily, '');
    await limits.getByRole('button', { name: label('保存') }).click();
    await visible(limits.getByText('请输入每人每天最多领取'));
    // A negative limit is refused in words, not quietly turned into 0 (which means 不限).
    await typeNumber(daily, -5);
    await limits.getByRole('button', { name: label('保存') }).click();
    await visible(limits.getByText('请输入 0 到 10000 之间的整数'));
    expect(await daily.inputValue()).toBe('-5');

    await typeNumber(daily, 15);
    await typeNumber(limits.getByLabel('原负责人再次领取需间隔'), 10);
    await limits.getByRole('switch', { name: '允许保存相同电话的客户' }).click();
    await gone(limits.getByText('请输入每人每天最多领取'));
    await gone(limits.getByText('请输入 0 到 10000 之间的整数'));
    await snap(page, 'customer-rules-01-limits');
    await limits.getByRole('button', { name: label('保存') }).click();
    await visible(page.getByText('已保存'));

    await page.reload();
    const reloaded = await visible(cardTitled(page, '客户规则'));
    expect(await reloaded.getByLabel('每人每天最多领取').inputValue()).toBe('15');
    expect(await reloaded.getByLabel('原负责人再次领取需间隔').inputValue()).toBe('10');
    expect(await reloaded.getByRole('switch', { name: '允许保存相同电话的客户' }).getAttribute('aria-checked')).toBe(String(!original.allowDuplicatePhone));
    expect(await admin.get<Settings>('/customer-settings')).toMatchObject({ dailyClaimLimit: 15, reclaimBlockDays: 10, allowDuplicatePhone: !original.allowDuplicatePhone });
  });

  it('creates an automatic return rule; the rep is warned on the workbench', async () => {
    const rules = cardTitled(page, '自动回收规则');
    await rules.getByRole('button', { name: label('新增回收规则') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '新增回收规则' }));
    await dialog.getByLabel('规则名称').fill(RULE);
    await typeNumber(dialog.getByLabel('未跟进天数'), 2);
    await dialog.getByLabel('适用级别').click();
    await chooseOption(page, 'D（潜在）');
    await typeNumber(dialog.getByLabel('提前提醒'), 5);
    // Five days ahead of a two-day return warns from the first day: allowed, and said.
    await visible(dialog.getByText('提前提醒不少于回收天数（2 天）', { exact: false }));
    // New rules spare hot customers and are on, unless told otherwise; this one spares deals too.
    expect(await dialog.getByRole('checkbox', { name: '热点客户' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: '成交客户' }).isChecked()).toBe(false);
    await dialog.getByRole('checkbox', { name: '成交客户' }).check();
    expect(await dialog.getByRole('switch', { name: '启用' }).getAttribute('aria-checked')).toBe('true');
    await snap(page, 'customer-rules-02-return-rule-form');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await gone(dialog);
    await visible(page.getByText('已保存'));
    expect(await cells(ruleRow(page, RULE))).toEqual([RULE, '2 天', '—', 'D（潜在）', '热点客户 成交客户', '5 天', '编辑 删除']);
    await snap(page, 'customer-rules-03-return-rule-list');

    // The rep's D-level customer, created today without a follow-up, goes back in two days: the
    // rule warns five days ahead, so it is on the rep's 即将回收 now.
    await rep.goto('/');
    const warnings = await visible(cardTitled(rep, '即将回收'));
    const item = await visible(warnings.locator('.ant-list-item').filter({ hasText: CUSTOMER }));
    expect(await item.innerText()).toMatch(new RegExp(`\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 将收回公海\\s*· ${RULE}`));
    await snap(rep, 'customer-rules-04-rep-warned');
  });

  it('edits the rule: the new values show, persist, and the warning goes away', async () => {
    await ruleRow(page, RULE).getByRole('button', { name: label('编辑') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '编辑回收规则' }));
    // The form opens with the rule's values.
    expect(await dialog.getByLabel('规则名称').inputValue()).toBe(RULE);
    expect(await dialog.getByLabel('未跟进天数').inputValue()).toBe('2');
    expect(await dialog.getByRole('checkbox', { name: '热点客户' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: '成交客户' }).isChecked()).toBe(true);
    await dialog.getByLabel('规则名称').fill(RULE_RENAMED);
    await typeNumber(dialog.getByLabel('未跟进天数'), 20);
    await dialog.getByRole('checkbox', { name: '热点客户' }).uncheck();
    await dialog.getByRole('button', { name: label('确定') }).click();
    await gone(dialog);
    await visible(ruleRow(page, RULE_RENAMED));
    expect(await ruleRow(page, RULE).count()).toBe(0);

    await openRulesPage(page);
    // After a reload the level and exemption labels arrive with their own requests, maybe after the row.
    await expect.poll(() => cells(ruleRow(page, RULE_RENAMED))).toEqual([RULE_RENAMED, '20 天', '—', 'D（潜在）', '成交客户', '5 天', '编辑 删除']);

    // Twenty days without a follow-up is beyond the five-day warning: nothing to warn about.
    await rep.reload();
    await visible(cardTitled(rep, '即将回收').getByText('近期没有将被收回的客户'));
  });

  it('deletes the rule after confirming; it stays deleted', async () => {
    await ruleRow(page, RULE_RENAMED).getByRole('button', { name: label('删除') }).click();
    const confirm = await visible(page.locator('.ant-popconfirm:visible'));
    await visible(confirm.getByText(`确定删除规则“${RULE_RENAMED}”？`));
    await snap(page, 'customer-rules-05-delete-confirm');
    await confirm.getByRole('button', { name: label('确定') }).click();
    await gone(ruleRow(page, RULE_RENAMED));
    await openRulesPage(page);
    expect(await ruleRow(page, RULE_RENAMED).count()).toBe(0);
  });

  it('creates, edits, pauses and deletes a revisit plan', async () => {
    const plans = cardTitled(page, '回访计划');
    await plans.getByRole('button', { name: label('新增回访计划') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '新增回访计划' }));
    // The level is required.
    await dialog.getByRole('button', { name: label('确定') }).click();
    await visible(dialog.getByText('请选择客户级别'));
    await dialog.getByLabel('客户级别').click();
    await chooseOption(page, 'A（重点）');
    await typeNumber(dialog.getByLabel('回访间隔'), 14);
    await snap(page, 'customer-rules-06-revisit-form');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await gone(dialog);
    expect(await cells(ruleRow(page, '每 14 天'))).toEqual(['A（重点）', '每 14 天', '编辑 删除']);

    await ruleRow(page, '每 14 天').getByRole('button', { name: label('编辑') }).click();
    const edit = await visible(page.getByRole('dialog', { name: '编辑回访计划' }));
    expect(await edit.getByLabel('回访间隔').inputValue()).toBe('14');
    await typeNumber(edit.getByLabel('回访间隔'), 7);
    await edit.getByRole('switch', { name: '启用' }).click();
    await edit.getByRole('button', { name: label('确定') }).click();
    await gone(edit);
    await visible(ruleRow(page, '每 7 天'));

    await openRulesPage(page);
    await expect.poll(() => cells(ruleRow(page, '每 7 天'))).toEqual(['A（重点） 已停用', '每 7 天', '编辑 删除']);
    await snap(page, 'customer-rules-07-revisit-list');

    await ruleRow(page, '每 7 天').getByRole('button', { name: label('删除') }).click();
    const confirm = await visible(page.locator('.ant-popconfirm:visible'));
    await visible(confirm.getByText('确定删除“A（重点）”的回访计划？'));
    await confirm.getByRole('button', { name: label('确定') }).click();
    await visible(page.getByText('已删除'));
    await gone(ruleRow(page, '每 7 天'));
    await openRulesPage(page);
    await visible(cardTitled(page, '回访计划').getByText('还没有回访计划'));
  });
});
