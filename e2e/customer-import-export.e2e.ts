// 客户导入 / 导出 on a desktop, the way a 销售经理 brings a spreadsheet of leads in: downloads the
// template from the 导入客户 dialog, fills it (here: in the test, with exceljs) with good rows and a
// few bad ones, uploads it, reads the per-row errors in the preview, imports the good rows to one of
// the team's reps, downloads the error report of the rest, and finds the new customers in the list.
// Then exports the searched list with the columns chosen in 列设置 and checks the .xlsx.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, snap } from './support/browser';
import { ADMIN_PASSWORD, apiSession, chooseOption, createUserViaApi, gone, label, logIn, openMenu, settledPopover, visible } from './support/ui';

const DEPT = '销售六部';
const PASSWORD = 'Passw0rd1';
const MANAGER = { username: 'import_mgr', password: PASSWORD, name: '冯经理', department: DEPT, role: '销售经理' };
const REP = { username: 'import_rep', password: PASSWORD, name: '韩小梅', department: DEPT, role: '销售人员' };

// Unique to this journey file ("导入测试" is the search word): the server and its database are shared.
const SEARCH = '导入测试';
const KEQIAO = '绍兴柯桥导入测试纺织有限公司';
const SHANGYU = '绍兴上虞导入测试化工有限公司';
const ZHUJI = '绍兴诸暨导入测试袜业有限公司';
const XINCHANG = '绍兴新昌导入测试轴承有限公司';
/** Already in the CRM (the rep's) before the import: a row with this name is a duplicate. */
const SHENGZHOU = '绍兴嵊州导入测试领带有限公司';

/** The rows typed into the template, by its headers (sheet row 2 onwards). */
const ROWS: Record<string, string>[] = [
  { 客户名称: KEQIAO, 行业: '制造业', 级别: 'B（普通）', 电话: '0575-84112233', 联系人姓名: '张伟', 联系人手机: '13905751234' }, // 2 ok
  { 客户名称: SHANGYU, 行业: '批发零售', 级别: 'A（重点）', 省: '浙江省', 市: '绍兴市' }, // 3 ok
  { 简称: '无名纺织', 电话: '0575-84110000' }, // 4 no name
  { 客户名称: ZHUJI, 行业: '纺织服装' }, // 5 not an industry of the dictionary
  { 客户名称: KEQIAO, 电话: '0575-84119999' }, // 6 same name as row 2
  { 客户名称: SHENGZHOU, 级别: 'C（一般）' }, // 7 already a customer
  { 客户名称: XINCHANG, 客户状态: '意向客户', 联系人姓名: '李强', 联系人手机: '13805759876' }, // 8 ok
];

/** The first sheet of an .xlsx as text, row by row (empty trailing cells dropped). */
async function readSheet(buffer: Buffer, sheet = 0): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[sheet].eachRow({ includeEmpty: false }, (row) => {
    // row.values is sparse (index 0 unused, empty cells are holes).
    const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v as string | number)));
    rows.push(values);
  });
  return rows;
}

/** Clicks the button and returns the file the browser downloads because of it. */
async function downloadOf(page: Page, button: Locator): Promise<{ name: string; content: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), content: await contentOf(download) };
}

async function contentOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

/** A row of a table by the exact text of one of its cells. */
function rowWith(scope: Locator, cellText: string): Locator {
  return scope.getByRole('row').filter({ has: scope.page().getByRole('cell', { name: cellText, exact: true }) });
}

describe('销售经理 imports customers from Excel and exports the list (desktop)', () => {
  let browser: Browser;
  let page: Page;
  let template: Buffer;

  beforeAll(async () => {
    const admin = await apiSession('admin', ADMIN_PASSWORD);
    const manager = await createUserViaApi(admin, MANAGER);
    await createUserViaApi(admin, { ...REP, supervisorId: manager.id });
    const rep = await apiSession(REP.username, REP.password);
    await rep.post('/customers', { kind: 'company', name: SHENGZHOU, level: 'C' });
    browser = await launchBrowser();
    page = await newPage(browser, DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the import template from the 导入客户 dialog', async () => {
    await logIn(page, MANAGER.username, MANAGER.password);
    await openMenu(page, '客户管理', '客户');
    await page.waitForURL((url) => url.pathname === '/customers');
    await page.getByRole('button', { name: label('导入') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '导入客户' }));
    await visible(dialog.getByText('请使用导入模板填写（.xlsx）', { exact: false }));
    await snap(page, 'customer-import-01-dialog');

    const file = await downloadOf(page, dialog.getByRole('button', { name: label('下载模板') }));
    expect(file.name).toBe('企业客户导入模板.xlsx');
    // An .xlsx is a zip: "PK\3\4".
    expect(file.content.readUInt32BE(0)).toBe(0x504b0304);
    template = file.content;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['客户', '可选值']);
    const [headers] = await readSheet(template);
    expect(headers.slice(0, 7)).toEqual(['客户名称*', '简称', '行业', '规模', '来源', '级别', '客户状态']);
    expect(headers).toEqual(expect.arrayContaining(['电话', '联系人姓名', '联系人手机']));
    // The choices sheet lists the dictionary labels users pick from.
    const choices = await readSheet(template, 1);
    const industry = choices[0].indexOf('行业');
    expect(choices.slice(1).map((r) => r[industry])).toEqual(expect.arrayContaining(['制造业', '批发零售']));
  });

  it('uploads a filled-in template and sees each row checked in the preview', async () => {
    // Fill the downloaded template the way a person does in Excel.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('客户')!;
    const columnOf = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, index) => columnOf.set(String(cell.value as string).replace('*', ''), index));
    ROWS.forEach((values, i) => {
      for (const [header, value] of Object.entries(values)) sheet.getCell(i + 2, columnOf.get(header)!).value = value;
    });
    const upload = Buffer.from(await workbook.xlsx.writeBuffer());

    const dialog = page.getByRole('dialog', { name: '导入客户' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByText('点击或拖拽 .xlsx 文件到此处上传').click()]);
    await chooser.setFiles({ name: '绍兴客户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: upload });

    await visible(dialog.getByText('共 7 行', { exact: true }));
    await visible(dialog.getByText('可导入 3 行', { exact: true }));
    await visible(dialog.getByText('有误 4 行', { exact: true }));
    const table = dialog.locator('.ant-table');
    for (const row of [2, 3, 8]) expect(await rowWith(table, String(row)).innerText()).toContain('通过');
    expect(await rowWith(table, '2').innerText()).toContain(KEQIAO);
    // Each bad row names the field and what is wrong with it.
    expect(await rowWith(table, '4').innerText()).toContain('客户名称：不能为空');
    expect(await rowWith(table, '5').innerText()).toContain('行业：“纺织服装”不在可选项中');
    expect(await rowWith(table, '6').innerText()).toContain('客户名称：与第 2 行重复');
    expect(await rowWith(table, '7').innerText()).toContain(`客户名称：已存在同名客户（负责人：${REP.name}）`);
    await snap(page, 'customer-import-02-preview');
    // Three rows can be imported: the report comes with the import (below), not before.
    expect(await dialog.getByRole('button', { name: label('下载错误报告') }).count()).toBe(0);

    // Only the rows in error, when asked.
    await dialog.getByRole('switch', { name: '只看有误的行' }).click();
    await expect.poll(() => table.locator('tbody tr.import-row-error').count()).toBe(4);
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(4);
    await dialog.getByRole('switch', { name: '只看有误的行' }).click();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(7);
  });

  it('imports the valid rows to a rep of the team and downloads the error report', async () => {
    const dialog = page.getByRole('dialog', { name: '导入客户' });
    expect(await dialog.getByRole('radio', { name: '导入到负责人' }).isChecked()).toBe(true);
    // A manager may also send them to the pool.
    await visible(dialog.getByRole('radio', { name: '导入到客户池' }));
    const owner = dialog.getByRole('combobox', { name: '负责人' });
    await owner.click();
    await owner.fill(REP.name);
    await chooseOption(page, `${REP.name}（${REP.username}） · ${DEPT}`);
    await snap(page, 'customer-import-03-target');
    await dialog.getByRole('button', { name: label('导入 3 行') }).click();
    await visible(dialog.getByText('已导入 3 个客户，4 行未导入', { exact: true }));
    await snap(page, 'customer-import-04-result');

    const report = await downloadOf(page, dialog.getByRole('button', { name: label('下载错误报告') }));
    expect(report.name).toBe('导入错误报告.xlsx');
    const [headers, ...rows] = await readSheet(report.content);
    const reason = headers.indexOf('错误原因');
    const sourceRow = headers.indexOf('原行号');
    expect(reason).toBeGreaterThan(0);
    expect(rows.map((r) => r[sourceRow])).toEqual(['4', '5', '6', '7']);
    // The rows as uploaded, so they can be fixed and uploaded again.
    expect(rows[1][headers.indexOf('客户名称*')]).toBe(ZHUJI);
    expect(rows[0][reason]).toBe('客户名称：不能为空');
    expect(rows[1][reason]).toBe('行业：“纺织服装”不在可选项中');
    expect(rows[2][reason]).toBe('客户名称：与第 2 行重复');
    expect(rows[3][reason]).toBe(`客户名称：已存在同名客户（负责人：${REP.name}）`);

    await dialog.locator('.ant-modal-footer').getByRole('button', { name: label('关闭') }).click();
    await gone(dialog);
  });

  it('finds the imported customers in the list, owned by the rep', async () => {
    const search = page.getByRole('searchbox', { name: '搜索名称、简称、电话、联系人' });
    await search.fill(SEARCH);
    await search.press('Enter');
    const list = page.locator('.customer-table');
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(4);
    for (const name of [KEQIAO, SHANGYU, XINCHANG, SHENGZHOU]) await visible(list.getByRole('link', { name, exact: true }));
    expect(await list.getByRole('link', { name: ZHUJI }).count()).toBe(0);
    const keqiao = (await rowWith(list, KEQIAO).getByRole('cell').allInnerTexts()).map((c) => c.trim());
    expect(keqiao).toEqual(expect.arrayContaining([KEQIAO, 'B（普通）', '0575-84112233', '张伟', REP.name]));
    expect(await rowWith(list, XINCHANG).innerText()).toContain('意向客户');
    await snap(page, 'customer-import-05-list');
  });

  it('exports the searched list with the columns chosen in 列设置', async () => {
    await page.getByRole('button', { name: label('列设置') }).click();
    const popover = await visible(settledPopover(page));
    for (const column of ['下次联系', '最后跟进', '行业', '来源', '地区', '创建时间', '更新时间']) {
      await popover.getByRole('checkbox', { name: column }).uncheck();
    }
    await page.keyboard.press('Escape');
    const list = page.locator('.customer-table');
    const headers = (await list.locator('thead th').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    expect(headers).toEqual(['客户名称', '级别', '电话', '主联系人', '负责人', '客户状态']);
    const listed = (await list.locator('tbody tr.ant-table-row td.customer-name-cell').allInnerTexts()).map((n) => n.trim());
    await snap(page, 'customer-export-01-columns');

    const file = await downloadOf(page, page.getByRole('button', { name: label('导出') }));
    expect(file.name).toMatch(/^客户-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await readSheet(file.content);
    // The shown columns (电话 carries both numbers, 主联系人 its mobile), nothing hidden.
    expect(header).toEqual(['客户名称', '级别', '客户状态', '电话', '手机', '主联系人', '主联系人手机', '负责人']);
    // Only the searched customers, in the list's order.
    expect(rows.map((r) => r[0])).toEqual(listed);
    const keqiao = rows.find((r) => r[0] === KEQIAO)!;
    expect(keqiao).toEqual([KEQIAO, 'B（普通）', '', '0575-84112233', '', '张伟', '13905751234', REP.name]);
    expect(rows.find((r) => r[0] === XINCHANG)).toEqual([XINCHANG, '', '意向客户', '', '', '李强', '13805759876', REP.name]);
  });

  it('adds more contacts to the imported customers from the 联系人 template', async () => {
    await page.getByRole('button', { name: label('导入') }).click();
    const opened = await visible(page.getByRole('dialog', { name: '导入客户' }));
    await opened.locator('.ant-radio-button-wrapper').filter({ hasText: '联系人' }).click();
    // The dialog is named for what it now imports.
    const dialog = await visible(page.getByRole('dialog', { name: '导入联系人' }));
    expect(await dialog.getByRole('radio', { name: '联系人' }).isChecked()).toBe(true);
    const downloaded = await downloadOf(page, dialog.getByRole('button', { name: label('下载模板') }));
    expect(downloaded.name).toBe('联系人导入模板.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(downloaded.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const columnOf = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, index) => columnOf.set(String(cell.value as string).replace('*', ''), index));
    const contactRows = [
      { 客户名称: KEQIAO, 姓名: '王芳', 职务: '采购经理', 手机: '13905750001', 关键决策人: '是' },
      { 客户名称: KEQIAO, 姓名: '赵磊', 电话: '0575-84112234' },
      { 客户名称: '不存在的导入测试公司', 姓名: '钱多多' },
    ];
    contactRows.forEach((values, i) => {
      for (const [header, value] of Object.entries(values)) sheet.getCell(i + 2, columnOf.get(header)!).value = value;
    });
    // A file over the limit is refused in the browser, before it is sent.
    const [tooBig] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByText('点击或拖拽 .xlsx 文件到此处上传').click()]);
    await tooBig.setFiles({ name: '太大.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    await visible(page.getByText('文件不能超过 10 MB'));
    await visible(dialog.getByText('点击或拖拽 .xlsx 文件到此处上传'));

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByText('点击或拖拽 .xlsx 文件到此处上传').click()]);
    await chooser.setFiles({ name: '联系人.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });

    await visible(dialog.getByText('可导入 2 行', { exact: true }));
    await visible(dialog.getByText('有误 1 行', { exact: true }));
    const table = dialog.locator('.ant-table');
    expect(await rowWith(table, '2').innerText()).toContain(`${KEQIAO} · 王芳`);
    expect(await rowWith(table, '4').innerText()).toContain('客户名称：找不到客户“不存在的导入测试公司”，或您无权查看');
    // Contacts go to the customers they name: no owner or pool to choose.
    expect(await dialog.getByRole('radio', { name: '导入到负责人' }).count()).toBe(0);
    await snap(page, 'customer-import-06-contacts-preview');
    await dialog.getByRole('button', { name: label('导入 2 行') }).click();
    await visible(dialog.getByText('已导入 2 个联系人，1 行未导入', { exact: true }));
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: label('关闭') }).click();
    await gone(dialog);

    // The customer had one contact from the first import, still its primary; now three.
    await page.locator('.customer-table').getByRole('link', { name: KEQIAO, exact: true }).click();
    await page.waitForURL(/\/customers\/\d+$/);
    await page.getByRole('tab', { name: '联系人', exact: true }).click();
    const cards = page.locator('.ant-card-small').filter({ has: page.getByRole('link', { name: /\d{7,}/ }) });
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cards.first().innerText()).toContain('张伟');
    expect(await cards.first().innerText()).toContain('主联系人');
    const wang = page.locator('.ant-card-small').filter({ hasText: '王芳' });
    expect(await wang.innerText()).toContain('关键决策人');
    expect(await wang.innerText()).not.toContain('主联系人');
    await snap(page, 'customer-import-07-contacts-imported');

    // The 联系人 list finds them too, and its own 导入 opens on the contacts template.
    await openMenu(page, '客户管理', '联系人');
    await page.waitForURL((url) => url.pathname === '/contacts');
    const search = page.getByRole('searchbox', { name: '搜索姓名、手机、电话、客户' });
    await search.fill('13905750001');
    await search.press('Enter');
    await visible(page.locator('.customer-table').getByText('王芳', { exact: true }));
    await page.getByRole('button', { name: label('导入') }).click();
    const contactsImport = await visible(page.getByRole('dialog', { name: '导入联系人' }));
    expect(await contactsImport.getByRole('radio', { name: '联系人' }).isChecked()).toBe(true);
    await contactsImport.locator('.ant-modal-footer').getByRole('button', { name: label('关闭') }).click();
    await gone(contactsImport);
  });

  it('in English, downloads an English template and exports with English headers', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.goto('/customers');
    await page.getByRole('button', { name: label('Import') }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Import customers' }));
    await visible(dialog.getByText('Chinese or English headers both work', { exact: false }));
    const template = await downloadOf(page, dialog.getByRole('button', { name: label('Download template') }));
    expect(template.name).toBe('company-customers-template.xlsx');
    const [headers] = await readSheet(template.content);
    expect(headers.slice(0, 3)).toEqual(['Customer name*', 'Short name', 'Industry']);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: label('Close') }).click();
    await gone(dialog);

    const search = page.getByRole('searchbox', { name: 'Search name, short name, phone, contact' });
    await search.fill(SEARCH);
    await search.press('Enter');
    await visible(page.locator('.customer-table').getByRole('link', { name: KEQIAO, exact: true }));
    const file = await downloadOf(page, page.getByRole('button', { name: label('Export') }));
    expect(file.name).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await readSheet(file.content);
    // The columns chosen before, in English; the rows as before, with the dictionary's English labels.
    expect(header).toEqual(['Customer name', 'Level', 'Status', 'Phone', 'Mobile', 'Primary contact', 'Primary contact mobile', 'Owner']);
    expect(rows.find((r) => r[0] === KEQIAO)).toEqual([KEQIAO, 'B (regular)', '', '0575-84112233', '', '张伟', '13905751234', REP.name]);
    // The list shows the dictionary's English labels too.
    await visible(rowWith(page.locator('.customer-table'), KEQIAO).getByText('B (regular)', { exact: true }));
    await snap(page, 'customer-export-02-english');

    // The customer's 操作记录 reads in English too: its import, by whom and to which owner.
    await page.locator('.customer-table').getByRole('link', { name: KEQIAO, exact: true }).click();
    await page.getByRole('tab', { name: 'History', exact: true }).click();
    await visible(page.getByText(`${KEQIAO} (imported, owner: ${REP.name})`, { exact: true }));
  });
});
