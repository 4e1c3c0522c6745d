import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, rootDepartmentId, makeUser, TEST_PASSWORD, type TestApp, type TestClient } from '../../testing/harness';

let t: TestApp;
let admin: TestClient;
let root: number;

/** A real 1×1 PNG (67 bytes). */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const dataUrl = (content: Buffer, type = 'image/png') => `data:${type};base64,${content.toString('base64')}`;

const company = {
  name: '上海示例贸易有限公司',
  shortName: '示例贸易',
  address: '上海市浦东新区世纪大道 100 号',
  phone: '021-12345678',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  root = await rootDepartmentId(t);
  await makeUser(t, { username: 'rep', departmentId: root, roles: ['sales_rep'] });
});
afterAll(() => t?.close());

describe('company settings', () => {
  it('any logged-in user reads them; nobody anonymous does (but the login page gets the name)', async () => {
    const rep = await t.login('rep');
    const res = await rep.get('/api/v1/settings/company');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '我的公司', timeZone: 'Asia/Shanghai', currency: 'CNY', logoUrl: null });
    expect((await t.anonymous().get('/api/v1/settings/company')).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/v1/public/company')).json()).toEqual({ name: '我的公司', shortName: '我的公司' });
  });

  it('only settings.company.manage may change them; the change is visible to everyone and audited', async () => {
    const rep = await t.login('rep');
    const refused = await rep.put('/api/v1/settings/company', company);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    expect((await rep.get('/api/v1/settings/company')).json().name).toBe('我的公司');

    // A custom role holding just this permission may.
    const role = (await admin.post('/api/v1/roles', { name: '公司信息维护', dataScope: 'self', permissions: ['settings.company.manage'] })).json();
    await admin.post('/api/v1/users', { username: 'keeper', password: TEST_PASSWORD, name: '维护员', departmentId: root, roleIds: [role.id] });
    const keeper = await t.login('keeper');
    const ok = await keeper.put('/api/v1/settings/company', company);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject(company);

    expect((await rep.get('/api/v1/settings/company')).json()).toMatchObject({ name: company.name, shortName: company.shortName });
    expect((await t.anonymous().get('/api/v1/public/company')).json()).toEqual({ name: company.name, shortName: company.shortName });
    const [entry] = (await admin.get('/api/v1/audit?entityType=company')).json().items;
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: '我的公司', to: company.name },
        { field: 'address', from: '', to: company.address },
      ]),
    );
  });

  it('refuses an unknown time zone naming the field, changing nothing', async () => {
    const before = (await admin.get('/api/v1/settings/company')).json();
    for (const timeZone of ['Mars/Olympus', 'UTC+8', 'Asia/Shanghai; drop table x']) {
      const res = await admin.put('/api/v1/settings/company', { ...company, name: '改不了', timeZone });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([{ field: 'timeZone', message: '未知的时区' }]);
    }
    const en = await admin.request('PUT', '/api/v1/settings/company', { ...company, timeZone: 'Mars/Olympus' }, { 'accept-language': 'en' });
    expect(en.json().error.details).toEqual([{ field: 'timeZone', message: 'Unknown time zone' }]);
    expect((await admin.get('/api/v1/settings/company')).json()).toEqual(before);
    // A real one other than the default is accepted.
    expect((await admin.put('/api/v1/settings/company', { ...company, timeZone: 'Asia/Urumqi' })).json().timeZone).toBe('Asia/Urumqi');
  });
});

describe('company logo', () => {
  it('accepts a real PNG and serves it back with its type and nosniff', async () => {
    const res = await admin.post('/api/v1/settings/company/logo', { dataUrl: dataUrl(TINY_PNG) });
    expect(res.statusCode).toBe(200);
    const { logoUrl } = res.json();
    expect(logoUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    // Every logged-in user's page shows it.
    const rep = await t.login('rep');
    expect((await rep.get('/api/v1/settings/company')).json().logoUrl).toBe(logoUrl);

    const file = await rep.get(logoUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(TINY_PNG)).toBe(true);
    // Stored under a generated name, not anything the client chose.
    expect(logoUrl).not.toContain('logo');
  });

  it('refuses a text file disguised as a PNG, and an over-size image, with LOGO_INVALID', async () => {
    const before = (await admin.get('/api/v1/settings/company')).json();
    const disguised = dataUrl(Buffer.from('<script>alert(1)</script> not an image at all'));
    const oversize = dataUrl(Buffer.concat([PNG_SIGNATURE, Buffer.alloc(256 * 1024)])); // just over 256 KB
    const muchLarger = dataUrl(Buffer.concat([PNG_SIGNATURE, Buffer.alloc(350 * 1024)]));
    for (const url of [disguised, oversize, muchLarger, 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'https://example.com/logo.png', dataUrl(TINY_PNG, 'text/html')]) {
      const res = await admin.post('/api/v1/settings/company/logo', { dataUrl: url });
      expect(res.statusCode, url.slice(0, 40)).toBe(400);
      expect(res.json().error).toEqual({ code: 'LOGO_INVALID', message: 'Logo 必须是不超过 256 KB 的 PNG 或 JPEG 图片' });
    }
    expect((await admin.get('/api/v1/settings/company')).json()).toEqual(before);
    // Beyond the request size limit the answer is 413, still not a 500.
    const huge = await admin.post('/api/v1/settings/company/logo', { dataUrl: dataUrl(Buffer.concat([PNG_SIGNATURE, Buffer.alloc(600 * 1024)])) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('only settings.company.manage may change the logo; removing it clears the url', async () => {
    const rep = await t.login('rep');
    expect((await rep.post('/api/v1/settings/company/logo', { dataUrl: dataUrl(TINY_PNG) })).statusCode).toBe(403);
    expect((await rep.delete('/api/v1/settings/company/logo')).statusCode).toBe(403);
    const removed = await admin.delete('/api/v1/settings/company/logo');
    expect(removed.statusCode).toBe(200);
    expect(removed.json().logoUrl).toBeNull();
  });

  it('a file id that does not exist, or is not a file id, answers 404', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', '..%2F..%2Fpglite', 'x'.repeat(64)]) {
      const res = await admin.get(`/api/v1/files/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});
