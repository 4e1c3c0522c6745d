import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema';
import { files } from '../../platform/settings/schema';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness';
import { brokenMultipartBodies, multipartFile } from '../../testing/multipart';
import { customerAttachments } from './schema';
import { makeCustomer, systemEvents, salesTeam } from './test-fixtures';

/**
 * 附件 on the customer view through the real API: who may list, upload, download and delete, the
 * size limit and bad uploads (nothing changes), the audit trail and timeline, and that a file
 * attached to a customer is served by GET /files/:id only to users who may see that customer.
 * 销售部: manager 王经理 over reps 李一 (owner) and 张二; 华南区: rep 赵三 (outside), tech 孙工.
 */

let t: TestApp;
let dept: number;
let ids: Awaited<ReturnType<typeof salesTeam>>['ids'];
let c: Awaited<ReturnType<typeof salesTeam>>['c'];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const upload = (client: TestClient, customerId: number, content: Buffer, filename = '报价单.pdf', type = 'application/pdf') => {
  const body = multipartFile(content, filename, type);
  return client.request('POST', `/api/v1/customers/${customerId}/attachments`, body.payload, body.headers);
};

const attachmentRows = (customerId: number) => t.database.db.select().from(customerAttachments).where(eq(customerAttachments.customerId, customerId));
const fileRow = async (id: string) => (await t.database.db.select().from(files).where(eq(files.id, id)))[0];
const onDisk = (id: string) => fs.existsSync(path.join(t.dataDir, 'files', id));
const auditOf = (attachmentId: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'customer_attachment'), eq(auditLog.entityId, String(attachmentId))))
    .orderBy(auditLog.id);

/** RFC 5987: the name a browser saves the download under. */
function downloadName(disposition: string | undefined) {
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]) : null;
}

beforeAll(async () => {
  t = await createTestApp();
  ({ dept, ids, c } = await salesTeam(t));
});
afterAll(() => t?.close());

describe('uploading and listing', () => {
  it('the owner uploads a file with a Chinese name; it is listed, downloads byte for byte under its name, and lands in the audit trail and timeline', async () => {
    const cust = await makeCustomer(t, { name: '附件客户甲', ownerId: ids.rep1, departmentId: dept });
    const res = await upload(c.rep1, cust.id, PDF, '2026年 合同（盖章版）.pdf');
    expect(res.statusCode, res.body).toBe(200);
    const att = res.json();
    expect(att).toMatchObject({
      customerId: cust.id,
      name: '2026年 合同（盖章版）.pdf',
      size: PDF.length,
      mime: 'application/pdf',
      uploadedBy: ids.rep1,
      uploadedByName: '李一',
      url: `/api/v1/files/${att.fileId}`,
    });

    const list = await c.rep1.get(`/api/v1/customers/${cust.id}/attachments`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([att]);

    const file = await c.rep1.get(`${att.url}?download=1`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
    expect(downloadName(file.headers['content-disposition'] as string)).toBe('2026年 合同（盖章版）.pdf');
    // A PDF is never shown inline, even without ?download=1.
    expect((await c.rep1.get(att.url)).headers['content-disposition']).toMatch(/^attachment;/);

    const [audit] = await auditOf(att.id);
    expect(audit).toMatchObject({ action: 'create', actorId: ids.rep1, summary: '附件客户甲: 2026年 合同（盖章版）.pdf' });
    expect(await systemEvents(t, cust.id)).toEqual([{ event: 'attachment_added', params: { fileName: '2026年 合同（盖章版）.pdf', size: PDF.length } }]);
  });

  it('keeps the newest first, strips a client path from the name, and shows a real PNG inline', async () => {
    const cust = await makeCustomer(t, { name: '附件客户乙', ownerId: ids.rep1, departmentId: dept });
    expect((await upload(c.rep1, cust.id, PDF, 'C:\\Users\\李一\\第一份.pdf')).json().name).toBe('第一份.pdf');
    const png = await upload(c.rep1, cust.id, PNG, '现场照片.png', 'image/png');
    expect(png.json()).toMatchObject({ name: '现场照片.png', mime: 'image/png' });
    // A "PNG" that is not one is stored as plain bytes, never served as an image.
    const fake = await upload(c.rep1, cust.id, Buffer.from('<script>alert(1)</script>'), '假图片.png', 'image/png');
    expect(fake.json().mime).toBe('application/octet-stream');
    const names = (await c.rep1.get(`/api/v1/customers/${cust.id}/attachments`)).json().items.map((a: { name: string }) => a.name);
    expect(names).toEqual(['假图片.png', '现场照片.png', '第一份.pdf']);

    const shown = await c.rep1.get(png.json().url);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.headers['content-disposition']).toMatch(/^inline;/);
    expect((await c.rep1.get(fake.json().url)).headers['content-disposition']).toMatch(/^attachment;/);
  });
});

describe('who may do what', () => {
  it('outside the scope: 404 on the list, the upload, the delete and the file itself', async () => {
    const cust = await makeCustomer(t, { name: '附件客户丙', ownerId: ids.rep1, departmentId: dept });
    const att = (await upload(c.rep1, cust.id, PDF, '报价.pdf')).json();
    for (const client of [c.rep3, c.rep2, c.tech]) {
      expect((await client.get(`/api/v1/customers/${cust.id}/attachments`)).statusCode).toBe(404);
      const file = await client.get(att.url);
      expect(file.statusCode).toBe(404);
      expect(file.json().error.code).toBe('NOT_FOUND');
    }
    expect((await upload(c.rep3, cust.id, PDF, '越权.pdf')).statusCode).toBe(404);
    expect((await c.rep3.delete(`/api/v1/customers/${cust.id}/attachments/${att.id}`)).statusCode).toBe(404);
    // The manager above the owner sees it (department tree) and may manage it.
    expect((await c.mgr.get(`/api/v1/customers/${cust.id}/attachments`)).json().items).toHaveLength(1);
    expect((await c.mgr.get(att.url)).statusCode).toBe(200);
    expect(await attachmentRows(cust.id)).toHaveLength(1);
  });

  it('a read-only team member lists and downloads but may not upload or delete (403); a read-write member may', async () => {
    const cust = await makeCustomer(t, { name: '附件客户丁', ownerId: ids.rep1, departmentId: dept });
    const att = (await upload(c.rep1, cust.id, PDF, '方案.pdf')).json();
    expect((await c.rep1.put(`/api/v1/customers/${cust.id}/team/${ids.rep3}`, { access: 'read' })).statusCode).toBe(200);

    expect((await c.rep3.get(`/api/v1/customers/${cust.id}/attachments`)).json().items.map((a: { id: number }) => a.id)).toEqual([att.id]);
    const file = await c.rep3.get(att.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const refused = await upload(c.rep3, cust.id, PDF, '只读上传.pdf');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await c.rep3.delete(`/api/v1/customers/${cust.id}/attachments/${att.id}`)).statusCode).toBe(403);
    expect((await attachmentRows(cust.id)).map((r) => r.id)).toEqual([att.id]);

    expect((await c.rep1.put(`/api/v1/customers/${cust.id}/team/${ids.rep3}`, { access: 'write' })).statusCode).toBe(200);
    const added = await upload(c.rep3, cust.id, PDF, '成员上传.pdf');
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().uploadedByName).toBe('赵三');
    expect((await c.rep3.delete(`/api/v1/customers/${cust.id}/attachments/${added.json().id}`)).statusCode).toBe(204);

    // Taken off the team: the file is out of reach again.
    expect((await c.rep1.delete(`/api/v1/customers/${cust.id}/team/${ids.rep3}`)).statusCode).toBe(204);
    expect((await c.rep3.get(att.url)).statusCode).toBe(404);
  });

  it('the company logo stays readable by every logged-in user; a file nobody owns is served to no one', async () => {
    const admin = await t.login('admin');
    const logo = await admin.post('/api/v1/settings/company/logo', { dataUrl: `data:image/png;base64,${PNG.toString('base64')}` });
    expect(logo.statusCode, logo.body).toBe(200);
    for (const client of [c.rep3, c.tech]) expect((await client.get(logo.json().logoUrl)).statusCode).toBe(200);
    expect((await t.anonymous().get(logo.json().logoUrl)).statusCode).toBe(401);
    // Replaced, the old logo belongs to nothing any more.
    const next = await admin.post('/api/v1/settings/company/logo', { dataUrl: `data:image/png;base64,${PNG.toString('base64')}` });
    expect((await admin.get(logo.json().logoUrl)).statusCode).toBe(404);
    expect((await c.rep3.get(next.json().logoUrl)).statusCode).toBe(200);
  });
});

describe('bad uploads change nothing', () => {
  it('over 20 MB → 413 with the limit in the message, in Chinese and English', async () => {
    const cust = await makeCustomer(t, { name: '附件客户戊', ownerId: ids.rep1, departmentId: dept });
    const filesBefore = (await t.database.db.select().from(files)).length;
    const big = await upload(c.rep1, cust.id, Buffer.alloc(25 * 1024 * 1024, 1), '大文件.zip', 'application/zip');
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: '附件不能超过 20 MB', details: [{ field: 'file' }] });
    // Just past the limit, within the declared-length allowance: the multipart limit catches it.
    const body = multipartFile(Buffer.alloc(20 * 1024 * 1024 + 1000, 1), 'edge.zip', 'application/zip');
    const edge = await c.rep1.request('POST', `/api/v1/customers/${cust.id}/attachments`, body.payload, { ...body.headers, 'accept-language': 'en' });
    expect(edge.statusCode).toBe(413);
    expect(edge.json().error.message).toBe('An attachment must not exceed 20 MB');
    expect(await attachmentRows(cust.id)).toEqual([]);
    expect((await t.database.db.select().from(files)).length).toBe(filesBefore);
    expect(await systemEvents(t, cust.id)).toEqual([]);
  });

  it('no file, an empty file, JSON instead of multipart, a program, a bad id → 4xx naming the problem, never 500', async () => {
    const cust = await makeCustomer(t, { name: '附件客户己', ownerId: ids.rep1, departmentId: dept });
    const url = `/api/v1/customers/${cust.id}/attachments`;
    const empty = await upload(c.rep1, cust.id, Buffer.alloc(0), '空.pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'ATTACHMENT_EMPTY', details: [{ field: 'file' }] });
    const json = await c.rep1.post(url, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('ATTACHMENT_REQUIRED');
    for (const body of brokenMultipartBodies(PDF)) {
      const res = await c.rep1.request('POST', url, body.payload, body.headers);
      expect([res.statusCode, body.name]).toEqual([400, body.name]);
      expect(res.json().error.code).toBe('ATTACHMENT_REQUIRED');
    }
    const exe = await upload(c.rep1, cust.id, Buffer.from('MZ fake'), '发票查看器.EXE', 'application/x-msdownload');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error).toMatchObject({ code: 'ATTACHMENT_TYPE_BLOCKED', message: '不能上传可执行程序或脚本（.exe）' });
    // Names Windows still opens as programs: trailing dots and spaces dropped, a stream suffix, a bare
    // extension, and a forbidden character a browser saves as _ (报价.pdf:.exe downloads as 报价.pdf_.exe).
    for (const name of ['发票查看器.exe.', '发票查看器.exe . .', '发票查看器.exe::$DATA', '.exe', 'setup.BAT:Zone.Identifier', '报价.pdf:.exe', '报价.pdf|.exe']) {
      const res = await upload(c.rep1, cust.id, Buffer.from('MZ fake'), name, 'application/octet-stream');
      expect([res.statusCode, res.json().error?.code, name]).toEqual([400, 'ATTACHMENT_TYPE_BLOCKED', name]);
    }
    for (const bad of ['0', 'abc', '99999999999']) {
      expect((await c.rep1.get(`/api/v1/customers/${bad}/attachments`)).statusCode).toBe(400);
      expect((await c.rep1.delete(`/api/v1/customers/${cust.id}/attachments/${bad}`)).statusCode).toBe(400);
    }
    expect((await c.rep1.delete(`/api/v1/customers/${cust.id}/attachments/999999`)).statusCode).toBe(404);
    expect((await c.rep1.get('/api/v1/files/not-a-file-id')).statusCode).toBe(404);
    expect(await attachmentRows(cust.id)).toEqual([]);
  });
});

describe('deleting', () => {
  it('removes the row, the file metadata and the bytes; it is audited and on the timeline; the old link answers 404', async () => {
    const cust = await makeCustomer(t, { name: '附件客户庚', ownerId: ids.rep1, departmentId: dept });
    const att = (await upload(c.rep1, cust.id, PDF, '旧合同.pdf')).json();
    expect(onDisk(att.fileId)).toBe(true);
    // Another customer's attachment id under this customer's path: not found, nothing deleted.
    const otherCust = await makeCustomer(t, { name: '附件客户辛', ownerId: ids.rep1, departmentId: dept });
    expect((await c.rep1.delete(`/api/v1/customers/${otherCust.id}/attachments/${att.id}`)).statusCode).toBe(404);

    const res = await c.rep1.delete(`/api/v1/customers/${cust.id}/attachments/${att.id}`);
    expect(res.statusCode).toBe(204);
    expect(await attachmentRows(cust.id)).toEqual([]);
    expect(await fileRow(att.fileId)).toBeUndefined();
    expect(onDisk(att.fileId)).toBe(false);
    expect((await c.rep1.get(att.url)).statusCode).toBe(404);
    expect((await c.rep1.delete(`/api/v1/customers/${cust.id}/attachments/${att.id}`)).statusCode).toBe(404);

    const audit = await auditOf(att.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(audit[1]).toMatchObject({ actorId: ids.rep1, summary: '附件客户庚: 旧合同.pdf' });
    expect(audit[1].changes).toEqual(expect.arrayContaining([{ field: 'fileName', from: '旧合同.pdf', to: null }]));
    expect((await systemEvents(t, cust.id)).map((e) => e.event)).toEqual(['attachment_added', 'attachment_deleted']);
    // The timeline names who did it, for the customer's 行动历史.
    const timeline = (await c.rep1.get(`/api/v1/customers/${cust.id}/activities`)).json().items;
    expect(timeline[0]).toMatchObject({ kind: 'system', event: 'attachment_deleted', params: { fileName: '旧合同.pdf' }, userName: '李一' });
    // The customer's 操作记录 lists both, after the row is gone.
    const history = (await c.rep1.get(`/api/v1/audit/records/customer/${cust.id}`)).json().items as { entityType: string; action: string }[];
    expect(history.map((e) => [e.entityType, e.action])).toEqual([
      ['customer_attachment', 'delete'],
      ['customer_attachment', 'create'],
    ]);
  });
  it('the upgrade links earlier contact and attachment entries to their customer (migration 0020)', async () => {
    const cust = await makeCustomer(t, { name: '附件客户壬', ownerId: ids.rep1, departmentId: dept });
    const att = (await upload(c.rep1, cust.id, PDF, '升级前.pdf')).json();
    const contact = (await c.rep1.post(`/api/v1/customers/${cust.id}/contacts`, { name: '升级前联系人' })).json();
    const { db } = t.database;
    // As entries written before the migration: no parent.
    await db.execute(sql`update audit_log set parent_type = null, parent_id = null where entity_type in ('contact', 'customer_attachment')`);
    const history = async () => ((await c.rep1.get(`/api/v1/audit/records/customer/${cust.id}`)).json().items as { entityType: string }[]).map((e) => e.entityType);
    expect(await history()).toEqual([]);
    const migration = fs.readFileSync(new URL('../../../../migrations/0020_audit_parent_record.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint').filter((s) => /^\s*(--.*\n)*\s*UPDATE/i.test(s))) await db.execute(sql.raw(statement));
    expect(await history()).toEqual(['contact', 'customer_attachment']);
    const linked = await db.select().from(auditLog).where(eq(auditLog.parentId, String(cust.id)));
    expect(linked.map((e) => e.entityId).sort()).toEqual([String(att.id), String(contact.id)].sort());
  });
});
