// 数据字典 on a desktop: the 系统管理员 adds an industry; a 销售人员 picks it for a new customer, edits
// the customer and reads both changes in its 操作记录 (fields and dictionary values by their labels); the administrator cannot delete the industry
// while the customer uses it, disables it instead, and the form stops offering it while the customer
// keeps showing it.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, snap } from './support/browser';
import { ADMIN_PASSWORD, apiSession, chooseOption, createUserViaApi, gone, label, logIn, openMenu, visible } from './support/ui';
import { viewHeader } from './support/customers';

const REP = { username: 'rep_dict', password: 'Passw0rd1', name: '贺文静', department: '销售九部', role: '销售人员' };
// Unique to this journey file: the server and its database are shared by every journey.
const INDUSTRY = '储能与新能源';
const CUSTOMER = '合肥高新区储能示范科技有限公司';
const REMARK = '客户计划明年扩建储能电站二期';

async function openDictionaries(page: Page) {
  await openMenu(page, '系统设置', '数据字典');
  await page.waitForURL((url) => url.pathname === '/system/dictionaries');
  await visible(page.getByRole('tab', { name: '行业', selected: true }));
}

/** The 行业 select of the open customer form, filtered by typing, as a person looks an option up. */
async function typeIndustry(form: Locator, text: string) {
  await form.getByLabel('行业').click();
  await form.getByLabel('行业').fill(text);
}

describe('administrator keeps the 数据字典; a rep uses it', () => {
  let browser: Browser;
  let admin: Page;
  let rep: Page;

  beforeAll(async () => {
    const session = await apiSession('admin', ADMIN_PASSWORD);
    await createUserViaApi(session, REP);
    browser = await launchBrowser();
    admin = await newPage(browser, DESKTOP);
    await logIn(admin, 'admin', ADMIN_PASSWORD);
    rep = await newPage(browser, DESKTOP);
    await logIn(rep, REP.username, REP.password);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds an industry', async () => {
    await openDictionaries(admin);
    await admin.getByRole('button', { name: label('新增选项') }).click();
    const dialog = await visible(admin.getByRole('dialog', { name: '新增“行业”选项' }));
    await dialog.getByLabel('名称', { exact: true }).fill(INDUSTRY);
    await dialog.getByLabel('英文名称').fill('Energy storage');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await gone(dialog);
    const row = await visible(admin.getByRole('row').filter({ hasText: INDUSTRY }));
    // The English label, shown in English mode, sits beside the Chinese one.
    await visible(row.getByRole('cell', { name: 'Energy storage', exact: true }));
    expect(await row.getByRole('switch', { name: `启用 ${INDUSTRY}` }).getAttribute('aria-checked')).toBe('true');
    await snap(admin, 'customer-dictionaries-01-added');
  });

  it('the rep picks it for a new customer, edits it, and reads both in 操作记录', async () => {
    await openMenu(rep, '客户管理', '客户');
    await rep.getByRole('button', { name: label('新建客户') }).first().click();
    const form = await visible(rep.getByRole('dialog', { name: '新建客户' }));
    await form.getByLabel('客户名称').fill(CUSTOMER);
    await typeIndustry(form, '储能');
    await chooseOption(rep, INDUSTRY);
    await form.getByRole('button', { name: label('保存') }).click();
    await gone(form);
    await rep.getByRole('link', { name: CUSTOMER, exact: true }).click();
    await rep.waitForURL(/\/customers\/\d+$/);
    await visible(rep.locator('.ant-descriptions').first().getByText(INDUSTRY, { exact: true }));

    await viewHeader(rep).getByRole('button', { name: label('编辑') }).click();
    const edit = await visible(rep.getByRole('dialog', { name: `编辑客户：${CUSTOMER}` }));
    await edit.getByLabel('备注').fill(REMARK);
    await edit.getByLabel('来源').click();
    await chooseOption(rep, '电话营销');
    await edit.getByRole('button', { name: label('保存') }).click();
    await gone(edit);

    await rep.getByRole('tab', { name: '操作记录', exact: true }).click();
    const entries = rep.locator('.ant-timeline-item');
    await expect.poll(() => entries.count()).toBe(2);
    const newest = await entries.first().innerText();
    expect(newest).toContain('修改');
    expect(newest).toContain(REP.name);
    expect(newest).toContain(REMARK);
    // The changed field by its label, as the form names it.
    expect(newest).toContain('备注');
    expect(newest).not.toContain('remark');
    // A dictionary field's value by its label, not the stored code.
    expect(newest).toContain('来源');
    expect(newest).toContain('电话营销');
    expect(newest).not.toContain('telemarketing');
    expect(await entries.nth(1).innerText()).toContain('新建');
    await snap(rep, 'customer-dictionaries-02-history');
  });

  it('the administrator cannot delete it while in use, disables it, and the form stops offering it', async () => {
    await admin.reload();
    const row = await visible(admin.getByRole('row').filter({ hasText: INDUSTRY }));
    await row.getByRole('button', { name: label('删除') }).click();
    const confirm = await visible(admin.locator('.ant-popconfirm:visible'));
    await visible(confirm.getByText(`确定删除“${INDUSTRY}”？`));
    await confirm.getByRole('button', { name: label('删除') }).click();
    await visible(admin.getByText('该选项正被 1 条记录使用，不能删除（可以停用）'));
    await visible(admin.getByRole('row').filter({ hasText: INDUSTRY }));
    await snap(admin, 'customer-dictionaries-03-in-use');

    await row.getByRole('switch', { name: `启用 ${INDUSTRY}` }).click();
    await expect.poll(() => row.getByRole('switch', { name: `启用 ${INDUSTRY}` }).getAttribute('aria-checked')).toBe('false');

    // The customer keeps its industry; a new customer can no longer be given it.
    await rep.reload();
    await rep.getByRole('tab', { name: '概况', exact: true }).click();
    await visible(rep.locator('.ant-descriptions').first().getByText(INDUSTRY, { exact: true }));
    await openMenu(rep, '客户管理', '客户');
    await rep.getByRole('button', { name: label('新建客户') }).first().click();
    const form = await visible(rep.getByRole('dialog', { name: '新建客户' }));
    await typeIndustry(form, '储能');
    await visible(rep.locator('.ant-select-dropdown:visible'));
    expect(await rep.locator('.ant-select-dropdown:visible').getByTitle(INDUSTRY).count()).toBe(0);
    await snap(rep, 'customer-dictionaries-04-not-offered');
  });
});
