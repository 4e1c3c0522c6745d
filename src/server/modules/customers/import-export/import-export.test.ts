import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema';
import { dictionaryItems } from '../../../platform/dictionaries/schema';
import { companySettings } from '../../../platform/settings/schema';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../../testing/harness';
import { makeCustomer } from '../test-fixtures';
import { formatCompanyDate } from '../settings';
import { activities, contacts, customers, customerSettings } from '../schema';
import { brokenMultipartBodies } from '../../../testing/multipart';
import { readXlsx, rowValues, uploadFile, xlsxOf, zipOf } from './test-files';
import { headerKey, importColumns } from './columns';
import { XLSX_MIME } from './workbook';

/**
 * Import and export through the real API: the template, the preview's per-row errors, the commit
 * to an owner or the pool (and what it refuses), bad files, and the export's scope and filters.
 * Department A: manager 王经理 over rep 李一; department B: rep 赵三.
 */

let t: TestApp;
let admin: TestClient;
let mgr: TestClient;
let rep1: TestClient;
const ids = { mgr: 0, rep1: 0, rep3: 0 };
let deptA = 0;

const companyHeaders = ['客户名称*', '简称', '行业', '规模', '来源', '级别', '客户状态', '省', '市', '区', '详细地址', '电话', '网址', '统一社会信用代码', '备注', '联系人姓名', '联系人职务', '联系人手机', '联系人邮箱'];

/** A company row by header name. */
const company = (values: Record<string, string>) => companyHeaders.map((h) => values[h.replace('*', '')] ?? null);

const named = (names: string[]) => t.database.db.select().from(customers).where(inArray(customers.name, names));

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const root = await rootDepartmentId(t);
  deptA = (await makeDepartment(t, '销售一部', root)).id;
  const deptB = (await makeDepartment(t, '销售二部', root)).id;
  ids.mgr = (await makeUser(t, { username: 'mgr', name: '王经理', departmentId: deptA, roles: ['sales_manager'] })).id;
  ids.rep1 = (await makeUser(t, { username: 'rep1', name: '李一', departmentId: deptA, roles: ['sales_rep'], supervisorId: ids.mgr })).id;
  ids.rep3 = (await makeUser(t, { username: 'rep3', name: '赵三', departmentId: deptB, roles: ['sales_rep'] })).id;
  mgr = await t.login('mgr');
  rep1 = await t.login('rep1');
});
afterAll(() => t?.close());

describe('the import template', () => {
  it('has the current fields as Chinese headers and the enabled dictionary labels on a second sheet, with drop-downs', async () => {
    const res = await mgr.get('/api/v1/customers/import/template?kind=company');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const workbook = await readXlsx(res.rawPayload);
    const [main, lists] = workbook.worksheets;
    expect(rowValues(main, 1)).toEqual(companyHeaders);
    expect(lists.name).toBe('可选值');
    const listHeaders = rowValues(lists, 1) as string[];
    expect(listHeaders).toEqual(['行业', '规模', '来源', '级别', '客户状态']);
    const levels = lists.getColumn(listHeaders.indexOf('级别') + 1).values.slice(2);
    expect(levels).toEqual(['A（重点）', 'B（普通）', 'C（一般）', 'D（潜在）']);
    expect(main.getCell('C2').dataValidation).toMatchObject({ type: 'list' });

    const person = await readXlsx((await mgr.get('/api/v1/customers/import/template?kind=person')).rawPayload);
    expect(rowValues(person.worksheets[0], 1)).toContain('手机');
    expect(rowValues(person.worksheets[1], 1)).toContain('性别');
  });

  it('needs customer.import', async () => {
    expect((await rep1.get('/api/v1/customers/import/template')).statusCode).toBe(403);
  });
});

describe('previewing an import', () => {
  it('flags each kind of error per row and writes nothing', async () => {
    await makeCustomer(t, { name: '已存在的公司', ownerId: ids.rep3 });
    const file = await xlsxOf(companyHeaders, [
      company({ 客户名称: '预览正常公司', 行业: 'IT/互联网', 级别: 'A', 联系人姓名: '张三', 联系人手机: '13800000001' }),
      company({ 简称: '没有名称' }),
      company({ 客户名称: '预览字典错', 行业: '不存在的行业' }),
      company({ 客户名称: '预览电话错', 电话: 'abc123', 联系人姓名: '李四', 联系人手机: '12345' }),
      company({ 客户名称: '预览正常公司' }),
      company({ 客户名称: '已存在的公司' }),
      company({ 客户名称: '预览座机甲', 电话: '0571-8888 1234' }),
      company({ 客户名称: '预览座机乙', 电话: '057188881234' }),
    ]);
    const res = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 8, valid: 2, invalid: 6 });
    const byRow = new Map(body.rows.map((r: { row: number }) => [r.row, r]));
    const fields = (row: number) => (byRow.get(row) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(byRow.get(2)).toMatchObject({ errors: [], values: { name: '预览正常公司', industry: 'IT/互联网' } });
    expect(fields(3)).toEqual(['name']);
    expect(byRow.get(4)).toMatchObject({ errors: [{ field: 'industry', message: '“不存在的行业”不在可选项中' }] });
    expect(fields(5).sort()).toEqual(['contactMobile', 'phone']);
    expect(byRow.get(6)).toMatchObject({ errors: [{ field: 'name', message: '与第 2 行重复' }], duplicateOf: { row: 2 } });
    expect(byRow.get(7)).toMatchObject({ errors: [{ field: 'name', message: '已存在同名客户（负责人：赵三）' }], duplicateOf: { ownerName: '赵三', inPool: false } });
    // One landline written two ways is one number.
    expect(byRow.get(9)).toMatchObject({ errors: [{ field: 'phone', message: '与第 8 行重复' }], duplicateOf: { row: 8 } });
    expect(await named(['预览正常公司', '预览字典错'])).toEqual([]);
  });

  it('says a required cell left empty is empty, in words, for both kinds (not a schema type error)', async () => {
    const companies = (await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', await xlsxOf(companyHeaders, [company({ 简称: '空名称', 电话: '0571-1234' })]))).json();
    expect(companies.rows[0].errors).toEqual([{ field: 'name', message: '不能为空' }]);
    // Nothing in it can be imported: the preview already offers the report of why.
    expect(rowValues((await readXlsx(companies.errorReport)).worksheets[0], 2)).toContain('客户名称：不能为空');
    const people = (await uploadFile(mgr, '/api/v1/customers/import/preview?kind=person', await xlsxOf(['姓名*', '手机'], [[null, '13900000009']]))).json();
    expect(people.rows[0].errors).toEqual([{ field: 'name', message: '不能为空' }]);
    const committed = await uploadFile(mgr, '/api/v1/customers/import/commit?kind=company', await xlsxOf(companyHeaders, [company({ 简称: '空名称' })]));
    const body = committed.json();
    expect(body).toMatchObject({ imported: 0, failed: 1, failedRows: [{ errors: [{ field: 'name', message: '不能为空' }] }] });
    const report = await readXlsx(body.errorReport);
    expect(rowValues(report.worksheets[0], 2)).toContain('客户名称：不能为空');
  });

  it('follows the allow-duplicates settings, and a person needs a mobile or a phone', async () => {
    await t.database.db.insert(customerSettings).values({ id: 1, allowDuplicateName: true }).onConflictDoUpdate({ target: customerSettings.id, set: { allowDuplicateName: true } });
    try {
      const file = await xlsxOf(['姓名*', '手机', '性别'], [
        ['已存在的公司', '13900000001', '男'],
        ['无号码的人', null, '女'],
        ['外星人', '13900000002', '外星'],
        ['号码重复', '+86 139 0000 0001', null],
      ]);
      const body = (await uploadFile(mgr, '/api/v1/customers/import/preview?kind=person', file)).json();
      expect(body.rows.map((r: { errors: { field: string }[] }) => r.errors.map((e) => e.field))).toEqual([[], ['mobile'], ['gender'], ['mobile']]);
      expect(body.rows[3].duplicateOf).toEqual({ row: 2 });
    } finally {
      await t.database.db.update(customerSettings).set({ allowDuplicateName: false });
    }
  });
});

describe('committing an import', () => {
  const rows = [
    company({ 客户名称: '导入甲公司', 行业: 'IT/互联网', 级别: 'B', 省: '上海市', 联系人姓名: '钱一', 联系人手机: '+86 13811110001', 联系人邮箱: 'q@example.com' }),
    company({ 客户名称: '导入乙公司', 电话: '021-1234 5678' }),
    company({ 客户名称: '导入坏公司', 级别: 'Z', 联系人姓名: '孙二' }),
  ];

  it('imports the valid rows with their contact to the chosen owner; failed rows write nothing and come back as a report', async () => {
    const res = await uploadFile(mgr, `/api/v1/customers/import/commit?kind=company&target=owner&ownerId=${ids.rep1}`, await xlsxOf(companyHeaders, rows));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ imported: 2, failed: 1 });
    const found = await named(['导入甲公司', '导入乙公司', '导入坏公司']);
    expect(found.map((c) => c.name).sort()).toEqual(['导入乙公司', '导入甲公司']);
    for (const c of found) expect(c).toMatchObject({ ownerId: ids.rep1, departmentId: deptA, createdBy: ids.mgr });
    const jia = found.find((c) => c.name === '导入甲公司')!;
    expect(jia).toMatchObject({ industry: 'it', level: 'B', province: '上海市' });
    expect(jia.searchText).toContain('13811110001');
    const jiaContacts = await t.database.db.select().from(contacts).where(eq(contacts.customerId, jia.id));
    expect(jiaContacts).toMatchObject([{ name: '钱一', mobile: '13811110001', email: 'q@example.com', isPrimary: true }]);
    expect(await t.database.db.select().from(contacts).where(eq(contacts.name, '孙二'))).toEqual([]);
    const events = await t.database.db.select().from(activities).where(eq(activities.customerId, jia.id));
    expect(events).toMatchObject([{ kind: 'system', event: 'created', params: { ownerId: ids.rep1, ownerName: '李一' } }]);
    const audits = await t.database.db.select().from(auditLog).where(sql`${auditLog.summary} like '导入客户%'`);
    expect(audits).toMatchObject([{ action: 'create', entityType: 'customer', summary: '导入客户 2 个（负责人：李一）', actorId: ids.mgr }]);
    // Each customer's 操作记录 (the view's history tab) starts with its import, by whom.
    const history = (await rep1.get(`/api/v1/audit/records/customer/${jia.id}`)).json();
    expect(history.items).toMatchObject([{ action: 'create', actorName: '王经理', summary: '导入甲公司（导入，负责人：李一）' }]);
    // The rep sees them in their list, searchable by the contact's mobile.
    const listed = (await rep1.get('/api/v1/customers?q=13811110001')).json();
    expect(listed.items.map((c: { name: string }) => c.name)).toEqual(['导入甲公司']);

    const report = await readXlsx(body.errorReport);
    const sheet = report.worksheets[0];
    expect(rowValues(sheet, 1)).toContain('错误原因');
    expect(rowValues(sheet, 2)[0]).toBe('导入坏公司');
    expect(String(rowValues(sheet, 2)[companyHeaders.length])).toContain('级别');

    // The same file again: everything is now a duplicate, nothing more is written.
    const again = (await uploadFile(mgr, `/api/v1/customers/import/commit?kind=company&ownerId=${ids.rep1}`, await xlsxOf(companyHeaders, rows))).json();
    expect(again).toMatchObject({ imported: 0, failed: 3 });
    expect(await named(['导入甲公司'])).toHaveLength(1);
  });

  it('imports into the pool', async () => {
    const file = await xlsxOf(['客户名称', '级别'], [['公海导入一', 'C'], ['公海导入二', 'D']]);
    const body = (await uploadFile(mgr, '/api/v1/customers/import/commit?kind=company&target=pool', file)).json();
    expect(body).toMatchObject({ imported: 2, failed: 0, errorReport: null });
    const found = await named(['公海导入一', '公海导入二']);
    // 客户池 says why they are there.
    expect(found.map((c) => [c.ownerId, c.departmentId, c.poolReleasedAt !== null, c.poolReason])).toEqual([
      [null, null, true, '导入到客户池'],
      [null, null, true, '导入到客户池'],
    ]);
    const history = (await mgr.get(`/api/v1/audit/records/customer/${found[0].id}`)).json();
    expect(history.items).toMatchObject([{ action: 'create', summary: `${found[0].name}（导入到公海）` }]);
  });

  it('refuses an owner outside the caller’s scope, and a user without customer.import; nothing is written', async () => {
    const file = await xlsxOf(['客户名称'], [['越权导入公司']]);
    const res = await uploadFile(mgr, `/api/v1/customers/import/commit?kind=company&ownerId=${ids.rep3}`, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'CUSTOMER_OWNER_INVALID', details: [{ field: 'ownerId' }] });
    expect((await uploadFile(rep1, '/api/v1/customers/import/commit?kind=company', file)).statusCode).toBe(403);
    expect(await named(['越权导入公司'])).toEqual([]);
  });

  it('refuses a 50 MB file (413) and a text file renamed .xlsx (400)', async () => {
    const big = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', Buffer.alloc(50 * 1024 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', message: '导入文件不能超过 10 MB' });
    // Just past the limit, within the declared-length allowance: the multipart limit catches it.
    const edge = await uploadFile(mgr, '/api/v1/customers/import/commit?kind=company', Buffer.alloc(10 * 1024 * 1024 + 10_000, 1));
    expect(edge.statusCode).toBe(413);
    const text = await uploadFile(mgr, '/api/v1/customers/import/commit?kind=company', Buffer.from('客户名称\n文本公司\n'), 'fake.xlsx');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe('IMPORT_NOT_XLSX');
    // A zip that is not a workbook, and a request without a file.
    const zipLike = await uploadFile(mgr, '/api/v1/customers/import/commit?kind=company', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    expect(zipLike.json().error.code).toBe('IMPORT_NOT_XLSX');
    expect((await mgr.post('/api/v1/customers/import/commit?kind=company', {})).json().error.code).toBe('IMPORT_NOT_XLSX');
    // A sheet without the required column.
    const wrong = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', await xlsxOf(['名字'], [['x']]));
    expect(wrong.json().error).toMatchObject({ code: 'IMPORT_TEMPLATE_MISMATCH', message: '表格缺少“客户名称”列，请使用导入模板' });
    expect(await named(['文本公司'])).toEqual([]);
  });

  it('refuses broken uploads and files that unpack to too much (400, never 500), and reports over-long cells instead of cutting them to fit', async () => {
    for (const url of ['/api/v1/customers/import/preview?kind=company', '/api/v1/customers/import/commit?kind=company']) {
      for (const body of brokenMultipartBodies(await xlsxOf(['客户名称'], [['断开公司']]))) {
        const res = await mgr.request('POST', url, body.payload, body.headers);
        expect([res.statusCode, res.json().error.code, body.name]).toEqual([400, 'IMPORT_NOT_XLSX', body.name]);
      }
    }
    // A zip bomb: 200 kB that would unpack to 100 MB is refused before anything parses it.
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(100 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const bombed = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', bomb);
    expect(bombed.statusCode).toBe(400);
    expect(bombed.json().error).toMatchObject({ code: 'IMPORT_TOO_COMPLEX', message: expect.stringContaining('64 MB') });
    // The same bomb whose directory claims 1 kB: the entries are inflated, capped, before the parser sees them.
    const lying = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(100 * 1024 * 1024, 0x20), declaredSize: 1024 }]);
    const lied = await uploadFile(mgr, '/api/v1/customers/import/commit?kind=company', lying);
    expect([lied.statusCode, lied.json().error.code]).toEqual([400, 'IMPORT_TOO_COMPLEX']);
    // One long text repeated in every row is stored once in the file but would come back 20,000 times.
    const long = '很长的备注'.repeat(500);
    const repeated = await xlsxOf(['客户名称', '备注'], Array.from({ length: 20_000 }, (_, i) => [`重复备注公司${i}`, long]));
    expect(repeated.length).toBeLessThan(2 * 1024 * 1024);
    const blown = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', repeated);
    expect([blown.statusCode, blown.json().error.code]).toEqual([400, 'IMPORT_TOO_COMPLEX']);
    // A cell longer than any field is cut, but past the field's limit: the row still fails on it.
    const preview = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', await xlsxOf(['客户名称', '备注'], [['超长备注公司', 'x'.repeat(100_000)]]));
    expect(preview.statusCode).toBe(200);
    const [row] = preview.json().rows;
    expect(row.errors.map((e: { field: string }) => e.field)).toEqual(['remark']);
    expect(row.values.remark.length).toBe(2001);
    expect(await named(['断开公司', '重复备注公司0', '超长备注公司'])).toEqual([]);
  });

  it('reads birthdays as people type them, and says plainly what is wrong with one it cannot', async () => {
    const file = await xlsxOf(['姓名', '手机', '生日'], [
      ['斜杠生日', '13900003001', '1992/7/8'],
      ['中文生日', '13900003002', '1993年8月9日'],
      ['数字生日', '13900003003', 34000],
      ['二月三十', '13900003004', '1990-02-30'],
      ['未来生日', '13900003005', '2099-01-01'],
      ['只写年份', '13900003006', 1992],
    ]);
    const preview = (await uploadFile(mgr, '/api/v1/customers/import/preview?kind=person', file)).json();
    expect(preview.rows.map((r: { values: { birthday: string } }) => r.values.birthday)).toEqual(['1992-07-08', '1993-08-09', '1993-01-31', '1990-02-30', '2099-01-01', '1992']);
    expect(preview.rows.map((r: { errors: { message: string }[] }) => r.errors.map((e) => e.message))).toEqual([
      [],
      [],
      [],
      ['不是有效的日期，请写成 2024-01-31 这样'],
      ['生日不能晚于今天'],
      // A year alone is not read as a day in 1905.
      ['不是有效的日期，请写成 2024-01-31 这样'],
    ]);
  });

  it('refuses a birthday in an implausible year on the row, before anything is written', async () => {
    const file = await xlsxOf(['姓名', '手机', '生日'], [
      ['日期正常', '13900002001', '1990-05-01'],
      ['日期零年', '13900002002', '0000-01-01'],
      ['日期五十年', '13900002003', '0050-06-01'],
    ]);
    const preview = (await uploadFile(mgr, '/api/v1/customers/import/preview?kind=person', file)).json();
    expect(preview.rows.map((r: { errors: { field: string }[] }) => r.errors.map((e) => e.field))).toEqual([[], ['birthday'], ['birthday']]);
    const commit = await uploadFile(mgr, '/api/v1/customers/import/commit?kind=person&target=pool', file);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ imported: 1, failed: 2 });
    expect(await named(['日期零年', '日期五十年'])).toEqual([]);
  });
});

describe('exporting the list', () => {
  it('exports only what the caller may see, with the filters, dictionary labels and company-time columns', async () => {
    await makeCustomer(t, { name: '导出李一A', ownerId: ids.rep1, departmentId: deptA, level: 'A', industry: 'finance' });
    await makeCustomer(t, { name: '导出李一C', ownerId: ids.rep1, departmentId: deptA, level: 'C' });
    await makeCustomer(t, { name: '导出赵三A', ownerId: ids.rep3, level: 'A' });

    const res = await rep1.get('/api/v1/customers/export.xlsx?q=导出&columns=name,level,industry,owner,createdAt');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const sheet = (await readXlsx(res.rawPayload)).worksheets[0];
    expect(rowValues(sheet, 1)).toEqual(['客户名称', '级别', '行业', '负责人', '创建时间']);
    const names = () => Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2)[0]).sort();
    expect(names()).toEqual(['导出李一A', '导出李一C']);
    const a = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2)).find((r) => r[0] === '导出李一A')!;
    expect(a.slice(0, 4)).toEqual(['导出李一A', 'A（重点）', '金融', '李一']);
    expect(String(a[4])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const filtered = (await readXlsx((await admin.get('/api/v1/customers/export.xlsx?q=导出&level=A&sort=name&order=asc&columns=name')).rawPayload)).worksheets[0];
    expect([rowValues(filtered, 2)[0], rowValues(filtered, 3)[0], filtered.rowCount]).toEqual(['导出李一A', '导出赵三A', 3]);
  });

  it('导出所选 exports exactly the chosen customers the caller may see, with the chosen columns', async () => {
    const [one, two] = [
      await makeCustomer(t, { name: '所选一', ownerId: ids.rep1, departmentId: deptA, level: 'A' }),
      await makeCustomer(t, { name: '所选二', ownerId: ids.rep1, departmentId: deptA, level: 'B' }),
    ];
    await makeCustomer(t, { name: '未选三', ownerId: ids.rep1, departmentId: deptA, level: 'A' });
    const foreign = await makeCustomer(t, { name: '他人所选', ownerId: ids.rep3, level: 'A' });

    const res = await rep1.get(`/api/v1/customers/export.xlsx?ids=${one.id},${two.id},${foreign.id}&sort=name&order=asc&columns=name,level`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = (await readXlsx(res.rawPayload)).worksheets[0];
    expect(rowValues(sheet, 1)).toEqual(['客户名称', '级别']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));
    expect(rows.sort()).toEqual([['所选一', 'A（重点）'], ['所选二', 'B（普通）']].sort());

    // The list's filters still apply on top of the choice.
    const filtered = (await readXlsx((await rep1.get(`/api/v1/customers/export.xlsx?ids=${one.id},${two.id}&level=B&columns=name`)).rawPayload)).worksheets[0];
    expect([filtered.rowCount, rowValues(filtered, 2)]).toEqual([2, ['所选二']]);

    const tooMany = await rep1.get(`/api/v1/customers/export.xlsx?ids=${Array.from({ length: 1001 }, (_, i) => i + 1).join(',')}`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].field).toContain('ids');
    expect((await rep1.get('/api/v1/customers/export.xlsx?ids=1,x')).statusCode).toBe(400);
  });

  it('refuses unknown columns (400) and callers without customer.export', async () => {
    const res = await rep1.get('/api/v1/customers/export.xlsx?columns=name,passwordHash');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toContain('columns');
  });
});

describe('in English', () => {
  const english = { 'accept-language': 'en-US,en;q=0.9' };
  const englishCompanyHeaders = ['Customer name*', 'Short name', 'Industry', 'Size', 'Source', 'Level', 'Status', 'Province', 'City', 'District', 'Address', 'Phone', 'Website', 'Unified social credit code', 'Notes', 'Contact name', 'Contact job title', 'Contact mobile', 'Contact email'];

  it('tells every column of a kind apart by its header in either language', () => {
    for (const columns of Object.values(importColumns)) {
      const keys = columns.flatMap((c) => [headerKey(c.header.zh), headerKey(c.header.en)]);
      expect(new Set(keys).size).toBe(columns.length * 2);
    }
  });

  it('gives the template English headers, sheet names, options and file name', async () => {
    const res = await mgr.request('GET', '/api/v1/customers/import/template?kind=company', undefined, english);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''company-customers-template.xlsx");
    const [main, lists] = (await readXlsx(res.rawPayload)).worksheets;
    expect([main.name, lists.name]).toEqual(['Customers', 'Options']);
    expect(rowValues(main, 1)).toEqual(englishCompanyHeaders);
    expect(rowValues(lists, 1)).toEqual(['Industry', 'Size', 'Source', 'Level', 'Status']);
    expect(lists.getColumn(4).values.slice(2)).toEqual(['A (key)', 'B (regular)', 'C (minor)', 'D (prospect)']);
    expect(main.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ["'Options'!$A$2:$A$12"] });

    const person = (await readXlsx((await mgr.request('GET', '/api/v1/customers/import/template?kind=person', undefined, english)).rawPayload)).worksheets;
    const genderColumn = (rowValues(person[1], 1) as string[]).indexOf('Gender') + 1;
    expect(person[1].getColumn(genderColumn).values.slice(2)).toEqual(['Male', 'Female', 'Unknown']);
    const contacts = await mgr.request('GET', '/api/v1/customers/import/template?kind=contact', undefined, english);
    expect(contacts.headers['content-disposition']).toContain('contacts-template.xlsx');
    expect((await readXlsx(contacts.rawPayload)).worksheets[0].name).toBe('Contacts');
  });

  it('imports a sheet with English or Chinese headers and labels, whatever the language of the request', async () => {
    const file = await xlsxOf(
      [' name * ', 'GENDER', 'Mobile', 'Level', 'Notes'],
      [
        ['英文表头甲', 'Female', '13900001111', 'A（重点）', 'typed in English'],
        ['英文表头乙', 'male', '13900002222', 'B (regular)', null],
        ['英文表头丙', '女', '13900003333', null, null],
      ],
    );
    const res = await uploadFile(mgr, `/api/v1/customers/import/commit?kind=person&ownerId=${ids.rep1}`, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3, failed: 0 });
    const rows = Object.fromEntries((await named(['英文表头甲', '英文表头乙', '英文表头丙'])).map((c) => [c.name, [c.gender, c.mobile, c.level, c.remark]]));
    expect(rows).toEqual({
      英文表头甲: ['female', '13900001111', 'A', 'typed in English'],
      英文表头乙: ['male', '13900002222', 'B', null],
      英文表头丙: ['female', '13900003333', null, null],
    });
  });

  it('reads option cells in any case, and the English labels an administrator gives', async () => {
    const sources = (await admin.get('/api/v1/dictionaries?types=source')).json().items.source as { id: number; code: string }[];
    const exhibition = sources.find((i) => i.code === 'exhibition')!;
    expect((await admin.patch(`/api/v1/dictionaries/items/${exhibition.id}`, { labelEn: 'Expo' })).statusCode).toBe(200);
    const file = await xlsxOf(
      ['Name*', 'Gender', 'Mobile', 'Source', 'Level'],
      [
        ['大小写甲', 'FEMALE', '13900004444', 'expo', ' a (KEY) '],
        ['大小写乙', 'Unknown', '13900005555', '展会', 'b'],
      ],
    );
    const res = await uploadFile(mgr, `/api/v1/customers/import/commit?kind=person&ownerId=${ids.rep1}`, file);
    expect(res.json()).toMatchObject({ imported: 2, failed: 0 });
    const rows = Object.fromEntries((await named(['大小写甲', '大小写乙'])).map((c) => [c.name, [c.gender, c.source, c.level]]));
    expect(rows).toEqual({ 大小写甲: ['female', 'exhibition', 'A'], 大小写乙: ['unknown', 'exhibition', 'B'] });
  });

  it('refuses a cell two options answer to (older data), naming it, and imports the rest', async () => {
    // The settings refuse such a clash now; a database from before may still hold one.
    await t.database.db.insert(dictionaryItems).values({ dictType: 'source', code: 'fair', label: '博览会', labelEn: 'Trade fair', sort: 900 });
    await t.database.db.insert(dictionaryItems).values({ dictType: 'source', code: 'fair2', label: 'trade fair', sort: 910 });
    const file = await xlsxOf(['客户名称', '来源'], [['两可来源公司', 'Trade Fair'], ['明确来源公司', '博览会']]);
    const res = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', file, 'x.xlsx', english);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.map((r: { errors: { field: string; message: string }[] }) => r.errors)).toEqual([
      [{ field: 'source', message: '"Trade Fair" matches several options; pick one from the list' }],
      [],
    ]);
    await t.database.db.delete(dictionaryItems).where(inArray(dictionaryItems.code, ['fair', 'fair2']));
  });

  it('adds contacts with an English 关键决策人 (Yes/No)', async () => {
    await makeCustomer(t, { name: '英文联系人公司', ownerId: ids.mgr, departmentId: deptA });
    const file = await xlsxOf(['Customer name', 'Name', 'Decision maker'], [['英文联系人公司', '决策者', 'YES'], ['英文联系人公司', '非决策者', 'no']]);
    const res = await uploadFile(mgr, '/api/v1/customers/import/commit?kind=contact', file);
    expect(res.json()).toMatchObject({ imported: 2, failed: 0 });
    const found = await t.database.db.select().from(contacts).where(inArray(contacts.name, ['决策者', '非决策者']));
    expect(Object.fromEntries(found.map((c) => [c.name, c.isDecisionMaker]))).toEqual({ 决策者: true, 非决策者: false });
  });

  it("dates the export file by the company's time zone", async () => {
    // At any instant one of these two zones is on a different day from UTC.
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      await t.database.db.update(companySettings).set({ timeZone });
      const res = await mgr.get('/api/v1/customers/export.xlsx?columns=name');
      expect(res.headers['content-disposition']).toContain(`${encodeURIComponent('客户')}-${formatCompanyDate(new Date(), timeZone)}.xlsx`);
    }
    await t.database.db.update(companySettings).set({ timeZone: 'Asia/Shanghai' });
  });

  it('names a missing column and each row error in English, and writes the error report in English', async () => {
    const missing = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', await xlsxOf(['Short name'], [['没有名称列']]), 'x.xlsx', english);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('The sheet has no "Customer name" column; use the import template');

    const file = await xlsxOf(englishCompanyHeaders, [[null, '空名称英文', null, null, null, 'Z', null, null, null, null, null, 'abc']]);
    const preview = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=company', file, 'x.xlsx', english);
    expect(preview.statusCode, preview.body).toBe(200);
    const report = (await readXlsx(preview.json().errorReport)).worksheets[0];
    expect(report.name).toBe('Failed rows');
    const header = rowValues(report, 1);
    expect(header.slice(0, 2)).toEqual(['Customer name*', 'Short name']);
    expect(header.slice(-2)).toEqual(['Error', 'Row']);
    const reason = String(rowValues(report, 2)[header.length - 2]);
    expect(reason.split('; ')).toEqual(['Customer name: Must not be blank', 'Level: "Z" is not one of the available options', expect.stringMatching(/^Phone: /)]);
    expect(rowValues(report, 2)[header.length - 1]).toBe(2);
  });

  it('exports with English headers, labels and file name', async () => {
    const hot = await makeCustomer(t, { name: '英文导出热', ownerId: ids.rep1, departmentId: deptA, level: 'A' });
    await t.database.db.update(customers).set({ isHot: true }).where(eq(customers.id, hot.id));
    await makeCustomer(t, { name: '英文导出冷', ownerId: ids.rep3, level: 'B' });
    const res = await admin.request('GET', '/api/v1/customers/export.xlsx?scene=all&q=英文导出&sort=name&order=asc&columns=name,kind,level,owner,isHot', undefined, english);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''customers-\d{4}-\d{2}-\d{2}\.xlsx/);
    const sheet = (await readXlsx(res.rawPayload)).worksheets[0];
    expect(sheet.name).toBe('Customers');
    expect(rowValues(sheet, 1)).toEqual(['Customer name', 'Type', 'Level', 'Owner', 'Hot customer']);
    expect([rowValues(sheet, 2), rowValues(sheet, 3)]).toEqual([
      ['英文导出冷', 'Company', 'B (regular)', '赵三', 'No'],
      ['英文导出热', 'Company', 'A (key)', '李一', 'Yes'],
    ]);
  });
});

describe('a large import', () => {
  it('imports 10,000 rows with contacts in one go', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      company({ 客户名称: `批量客户${i}`, 级别: 'B', 电话: `010-${String(60000000 + i)}`, 联系人姓名: `联系人${i}`, 联系人手机: `137${String(i).padStart(8, '0')}` }),
    );
    const file = await xlsxOf(companyHeaders, rows);
    const started = performance.now();
    const res = await uploadFile(mgr, `/api/v1/customers/import/commit?kind=company&ownerId=${ids.rep1}`, file);
    const ms = Math.round(performance.now() - started);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json()).toMatchObject({ imported: 10_000, failed: 0 });
    console.info(`import of 10,000 rows (${t.databaseUrl ? 'PostgreSQL' : 'PGlite'}): ${ms} ms`);
    const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(customers).where(sql`${customers.name} like '批量客户%' and ${customers.ownerId} = ${ids.rep1}`);
    expect(n).toBe(10_000);
    const [{ k }] = await t.database.db.select({ k: sql<number>`count(*)::int` }).from(contacts).where(sql`${contacts.name} like '联系人%'`);
    expect(k).toBe(10_000);
  }, 120_000);
});
