import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness';
import { contacts, customerShares } from '../schema';
import { makeCustomer, salesTeam } from '../test-fixtures';
import { readXlsx, rowValues, uploadFile, xlsxOf } from './test-files';

/**
 * 导入联系人 through the real API: each row names its customer; a row lands on the one customer of
 * that name the importer may change, and fails with the reason otherwise. The sales team of
 * test-fixtures: manager 王经理 over rep 李一 in 销售部; rep 赵三 in 华南区.
 */

let t: TestApp;
let mgr: TestClient;
let rep1: TestClient;
const ids = { mgr: 0, rep1: 0, rep3: 0 };
const headers = ['客户名称*', '姓名*', '职务', '手机', '电话', '邮箱', '微信', '关键决策人', '备注'];

const row = (values: Record<string, string>) => headers.map((h) => values[h.replace('*', '')] ?? null);

const contactsOf = (customerId: number) => t.database.db.select().from(contacts).where(eq(contacts.customerId, customerId)).orderBy(contacts.id);

let jia: { id: number };
let yi: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  const team = await salesTeam(t);
  const [deptA, deptB] = [team.dept, team.other];
  Object.assign(ids, team.ids);
  ({ mgr, rep1 } = team.c);

  jia = await makeCustomer(t, { name: '联系人导入甲', ownerId: ids.rep1, departmentId: deptA });
  yi = await makeCustomer(t, { name: '联系人导入乙', ownerId: ids.rep1, departmentId: deptA });
  await t.database.db.insert(contacts).values({ customerId: yi.id, name: '乙原主联系人', isPrimary: true });
  await makeCustomer(t, { name: '联系人导入B部', ownerId: ids.rep3, departmentId: deptB });
  const readOnly = await makeCustomer(t, { name: '联系人导入只读', ownerId: ids.rep3, departmentId: deptB });
  await t.database.db.insert(customerShares).values({ customerId: readOnly.id, userId: ids.mgr, access: 'read' });
  await makeCustomer(t, { name: '联系人导入重名', ownerId: ids.rep1, departmentId: deptA });
  await makeCustomer(t, { name: '联系人导入重名', ownerId: ids.rep1, departmentId: deptA });
  await makeCustomer(t, { name: '联系人导入池中', ownerId: null });
});
afterAll(() => t?.close());

const file = () =>
  xlsxOf(headers, [
    row({ 客户名称: '联系人导入甲', 姓名: '张一', 职务: '总经理', 手机: '+86 139 0000 1111', 关键决策人: '是' }),
    row({ 客户名称: '联系人导入甲', 姓名: '张二', 电话: '021-6666 0002', 邮箱: 'zhang2@example.com' }),
    row({ 客户名称: '联系人导入乙', 姓名: '王三', 微信: 'wang3' }),
    row({ 客户名称: '联系人导入B部', 姓名: '看不见' }),
    row({ 客户名称: '联系人导入只读', 姓名: '只读的' }),
    row({ 客户名称: '联系人导入重名', 姓名: '分不清' }),
    row({ 客户名称: '联系人导入甲', 职务: '没有姓名' }),
    row({ 客户名称: '联系人导入甲', 姓名: '坏手机', 手机: 'abc' }),
    row({ 客户名称: '联系人导入甲', 姓名: '坏选项', 关键决策人: '也许' }),
    row({ 客户名称: '没有这家公司', 姓名: '无处可去' }),
    row({ 客户名称: '联系人导入池中', 姓名: '池中的' }),
  ]);

describe('importing contacts (导入联系人)', () => {
  it('offers a template of the contact fields, the customer first', async () => {
    const res = await mgr.get('/api/v1/customers/import/template?kind=contact');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('联系人导入模板.xlsx'));
    const workbook = await readXlsx(res.rawPayload);
    expect(rowValues(workbook.worksheets[0], 1)).toEqual(headers);
  });

  it('previews each row against the customers the importer may change, writing nothing', async () => {
    const res = await uploadFile(mgr, '/api/v1/customers/import/preview?kind=contact', await file());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'contact', total: 11, valid: 3, invalid: 8 });
    const errors = new Map(body.rows.map((r: { row: number; errors: unknown[] }) => [r.row, r.errors]));
    expect(errors.get(2)).toEqual([]);
    expect(errors.get(5)).toEqual([{ field: 'customerName', message: '找不到客户“联系人导入B部”，或您无权查看' }]);
    expect(errors.get(6)).toEqual([{ field: 'customerName', message: '您不能修改客户“联系人导入只读”（只读共享或在客户池中）' }]);
    expect(errors.get(7)).toEqual([{ field: 'customerName', message: '有 2 个名为“联系人导入重名”的客户，无法确定导入到哪一个' }]);
    expect(errors.get(8)).toEqual([{ field: 'name', message: '不能为空' }]);
    expect((errors.get(9) as { field: string }[]).map((e) => e.field)).toEqual(['mobile']);
    expect(errors.get(10)).toEqual([{ field: 'isDecisionMaker', message: '“也许”不在可选项中' }]);
    expect(errors.get(11)).toEqual([{ field: 'customerName', message: '找不到客户“没有这家公司”，或您无权查看' }]);
    expect(errors.get(12)).toEqual([{ field: 'customerName', message: '您不能修改客户“联系人导入池中”（只读共享或在客户池中）' }]);
    expect(await contactsOf(jia.id)).toEqual([]);
  });

  it('adds the valid rows to their customers: the first of a customer without one becomes primary; the rest come back as a report', async () => {
    const res = await uploadFile(mgr, '/api/v1/customers/import/commit?kind=contact', await file());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ imported: 3, failed: 8 });

    expect(await contactsOf(jia.id)).toMatchObject([
      { name: '张一', title: '总经理', mobile: '13900001111', isDecisionMaker: true, isPrimary: true, createdBy: ids.mgr },
      { name: '张二', phone: '021-6666 0002', email: 'zhang2@example.com', isDecisionMaker: false, isPrimary: false },
    ]);
    expect(await contactsOf(yi.id)).toMatchObject([
      { name: '乙原主联系人', isPrimary: true },
      { name: '王三', wechat: 'wang3', isPrimary: false },
    ]);
    expect(await t.database.db.select().from(contacts).where(eq(contacts.name, '只读的'))).toEqual([]);
    // The owner finds the customer by a new contact's mobile, and sees the primary on the list.
    const found = (await rep1.get('/api/v1/customers?q=13900001111')).json().items;
    expect(found).toMatchObject([{ name: '联系人导入甲', primaryContact: { name: '张一', mobile: '13900001111' } }]);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'contact'), sql`${auditLog.summary} like '导入联系人%'`));
    expect(audits).toMatchObject([{ action: 'create', summary: '导入联系人 3 个', actorId: ids.mgr }]);
    // And one per contact, worded as 新建联系人 words it.
    const perContact = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'contact'), eq(auditLog.action, 'create'), sql`${auditLog.entityId} is not null`)).orderBy(auditLog.id);
    const added = await t.database.db.select().from(contacts).where(sql`${contacts.name} in ('张一', '张二', '王三')`).orderBy(contacts.id);
    expect(perContact.map((a) => [a.entityId, a.summary, a.actorId])).toEqual(
      added.map((c) => [String(c.id), `${c.customerId === jia.id ? '联系人导入甲' : '联系人导入乙'}: ${c.name}`, ids.mgr]),
    );

    const sheet = (await readXlsx(body.errorReport)).worksheets[0];
    expect(rowValues(sheet, 1)).toContain('错误原因');
    expect(sheet.rowCount).toBe(9);
    expect(String(rowValues(sheet, 2)[headers.length])).toBe('客户名称：找不到客户“联系人导入B部”，或您无权查看');
  });

  it('needs customer.import', async () => {
    expect((await uploadFile(rep1, '/api/v1/customers/import/commit?kind=contact', await file())).statusCode).toBe(403);
    expect((await rep1.get('/api/v1/customers/import/template?kind=contact')).statusCode).toBe(403);
  });
});
