// The demo company (`npm run demo`) on a server of its own: a 销售人员 finds overdue revisits on the
// workbench's 今日回访 and completes them, on a desktop and on a phone; each becomes a follow-up in
// the customer's 行动历史 and the next revisit is scheduled. A follow-up written in the customer
// view answers a due revisit as well. A new customer cannot be due on the day
// it is created (the shortest plan is one day), so the shared journeys' server has none to show.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServers, startServer } from '../src/server/testing/server-process';
import { DESKTOP, launchBrowser, newPage, PHONE, snap } from './support/browser';
import { timeline } from './support/customers';
import { cardTitled, chooseOption, expectNoHorizontalOverflow, gone, label, logIn, openMenu, visible } from './support/ui';

// A demo rep (src/server/demo/company.ts) and the demo plans: A every 7 days, B every 14.
const REP = { username: 'wangfang', password: 'Demo1234', name: '王芳' };
const PLAN_DAYS = [7, 14];
const MANAGER = { username: 'liqiang', password: 'Demo1234', name: '李强' };

/** The company's calendar day (Asia/Shanghai, the demo's zone) `days` from now, as YYYY-MM-DD. */
function companyDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

const revisitsCard = (page: Page) => cardTitled(page, '今日回访');

/** The overdue count the card reports ("逾期 N 个"). */
async function overdueCount(card: Locator): Promise<number> {
  const text = await visible(card.getByText(/^逾期 \d+ 个$/));
  return Number((await text.innerText()).match(/\d+/)![0]);
}

/**
 * Completes the card's first revisit through its dialog; answers the customer's name and view address
 * once the card has let it go.
 */
async function completeFirst(page: Page, kind: string, content: string) {
  const card = await visible(revisitsCard(page));
  const before = await overdueCount(card);
  const first = card.locator('.ant-list-item').first();
  await visible(first.getByText('已逾期', { exact: true }));
  const link = first.locator('a[href^="/customers/"]');
  const name = await link.innerText();
  const href = (await link.getAttribute('href'))!;
  await first.getByRole('button', { name: label('完成回访') }).click();
  const dialog = await visible(page.getByRole('dialog', { name: `完成回访：${name}` }));
  // Nothing written: the content is required.
  await dialog.getByRole('button', { name: label('确定') }).click();
  await visible(dialog.getByText('请输入回访内容'));
  await dialog.getByLabel('方式').click();
  await chooseOption(page, kind);
  await dialog.getByLabel('回访内容').fill(content);
  await dialog.getByRole('button', { name: label('确定') }).click();
  await gone(dialog);
  const toast = await visible(page.getByText(/^已记录回访，下次回访：\d{4}-\d{2}-\d{2}$/));
  const next = (await toast.innerText()).slice(-10);
  expect(PLAN_DAYS.map(companyDay)).toContain(next);
  await visible(card.getByText(`逾期 ${before - 1} 个`));
  return { name, href, next };
}

describe('销售人员 completes overdue revisits of the demo company', () => {
  let browser: Browser;
  let base: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-demo-'));
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/demo/main.ts'], { env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`npm run demo failed: ${seeded.stdout}${seeded.stderr}`);
    ({ base } = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    killAllServers();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('on a desktop: 完成回访 logs the follow-up and schedules the next', async () => {
    const page = await newPage(browser, DESKTOP, base);
    await logIn(page, REP.username, REP.password);
    await visible(page.getByRole('heading', { name: new RegExp(`好，${REP.name}$`) }));
    const card = await visible(revisitsCard(page));
    expect(await overdueCount(card)).toBeGreaterThan(1);
    await snap(page, 'demo-revisits-01-workbench');

    const content = '回访王总：设备运行正常，下季度考虑增购两台。';
    const done = await completeFirst(page, '拜访', content);
    // The customer leaves the card: its one open revisit is now due on the next date.
    await gone(card.getByRole('link', { name: done.name, exact: true }));
    await snap(page, 'demo-revisits-02-done');

    await page.goto(done.href);
    await visible(page.getByRole('heading', { level: 4, name: done.name }));
    const entries = await timeline(page);
    expect(entries[0]).toContain(content);
    expect(entries[0]).toContain('拜访');
    expect(entries[0]).toContain(REP.name);
    await snap(page, 'demo-revisits-03-timeline');
  });

  it('a follow-up written in the customer view answers its due revisit too', async () => {
    const page = await newPage(browser, DESKTOP, base);
    await logIn(page, REP.username, REP.password);
    const card = await visible(revisitsCard(page));
    const before = await overdueCount(card);
    const link = card.locator('.ant-list-item').first().locator('a[href^="/customers/"]');
    const name = await link.innerText();
    await link.click();
    await visible(page.getByRole('heading', { level: 4, name }));
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: label('保存跟进') }) });
    await form.getByLabel('方式').click();
    await chooseOption(page, '微信');
    await form.getByLabel('内容').fill('微信沟通了新品报价，客户下周回复。');
    await form.getByRole('button', { name: label('保存跟进') }).click();
    await visible(page.getByText('跟进已记录'));

    await openMenu(page, '工作台');
    await page.waitForURL((url) => url.pathname === '/');
    await visible(revisitsCard(page).getByText(`逾期 ${before - 1} 个`));
    await gone(revisitsCard(page).getByRole('link', { name, exact: true }));
  });

  it('销售经理: the 今日需联系 and 逾期未联系 counts open lists of exactly those customers, his own', async () => {
    const page = await newPage(browser, DESKTOP, base);
    await logIn(page, MANAGER.username, MANAGER.password);
    for (const words of ['今日需联系', '逾期未联系']) {
      const link = await visible(cardTitled(page, '今日需联系').getByRole('link', { name: new RegExp(`^${words} \\d+ 个$`) }));
      const count = Number((await link.innerText()).match(/\d+/)![0]);
      // The demo gives the manager customers of his own due today and overdue (his team has more).
      expect(count).toBeGreaterThan(0);
      await link.click();
      await page.waitForURL((url) => url.pathname === '/customers');
      await page.getByRole('radiogroup', { name: '场景' }).getByRole('radio', { name: words, checked: true }).waitFor({ state: 'attached' });
      // Filtered to his own customers, by name in the 筛选 panel.
      await page.getByRole('button', { name: label('筛选') }).click();
      await visible(page.locator('.ant-form-item').filter({ hasText: '负责人' }).getByText(MANAGER.name, { exact: true }));
      await visible(page.getByText(`共 ${count} 条`));
      await snap(page, `demo-revisits-manager-${words}`);
      await openMenu(page, '工作台');
      await page.waitForURL((url) => url.pathname === '/');
    }
  });

  it('on a phone: the card fits the screen and 完成回访 works the same', async () => {
    const page = await newPage(browser, PHONE, base);
    await logIn(page, REP.username, REP.password);
    await visible(revisitsCard(page));
    await expectNoHorizontalOverflow(page);
    await snap(page, 'demo-revisits-04-phone');
    const done = await completeFirst(page, '去电', '电话回访，客户反馈售后响应及时。');
    await gone(revisitsCard(page).getByRole('link', { name: done.name, exact: true }));
    await expectNoHorizontalOverflow(page);

    await openMenu(page, '客户管理', '客户');
    await visible(page.getByRole('heading', { name: '客户', exact: true }));
    // The demo gives every rep customers of their own: the list is not empty.
    await visible(page.locator('.ant-table-tbody .ant-table-row').first());
  });
});
