import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../common/api';
import { registeredRoutes } from '../../app';
import { createTestApp, makeUser, rootDepartmentId, TEST_PASSWORD, type TestApp, type TestClient } from '../../testing/harness';

/**
 * Bad input of every kind gets a 4xx in the one error shape, in Chinese unless the client asks for
 * English, and leaves the data as it was. Nothing a client sends produces a 500.
 */

let t: TestApp;
let admin: TestClient;
let root: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  root = await rootDepartmentId(t);
  await makeUser(t, { username: 'existing', departmentId: root, roles: ['sales_rep'] });
});
afterAll(() => t?.close());

/** Assert the error shape and return the error for further checks. */
function expectError(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(apiErrorSchema.strict().safeParse(body).success, res.body).toBe(true);
  expect(Object.keys(body.error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  if (code) expect(body.error.code).toBe(code);
  return body.error as { code: string; message: string; details?: { field: string; message: string }[] };
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** Everything a bad request could have touched, to compare before and after. */
async function snapshot() {
  const [departments, users, roles, company] = await Promise.all([
    admin.get('/api/v1/departments'),
    admin.get('/api/v1/users?pageSize=200'),
    admin.get('/api/v1/roles'),
    admin.get('/api/v1/settings/company'),
  ]);
  return { departments: departments.json(), users: users.json(), roles: roles.json(), company: company.json() };
}

describe('request bodies', () => {
  it('malformed JSON → 400 INVALID_JSON, nothing created', async () => {
    const before = await snapshot();
    for (const raw of ['{bad', '{"name": "销售部", "parentId": 1', '', '\u0000']) {
      const res = await admin.request('POST', '/api/v1/departments', raw, { 'content-type': 'application/json' });
      const err = expectError(res, 400, 'INVALID_JSON');
      expect(err.message).toBe('请求内容不是有效的 JSON');
    }
    const en = await admin.request('POST', '/api/v1/departments', '{bad', { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' });
    expect(expectError(en, 400, 'INVALID_JSON').message).toBe('The request body is not valid JSON');
    expect(await snapshot()).toEqual(before);
  });

  it('wrong types → 400 naming each field, in Chinese by default and in English on request', async () => {
    const before = await snapshot();
    const zh = await admin.post('/api/v1/departments', { name: 123, parentId: 'root' });
    const err = expectError(zh, 400, 'VALIDATION_FAILED');
    expect(err.message).toBe('提交的数据有误');
    expect(err.details?.map((d) => d.field)).toEqual(['name', 'parentId']);
    expect(err.details?.every((d) => hasChinese(d.message))).toBe(true);

    const en = await admin.request('POST', '/api/v1/departments', { name: 123, parentId: 'root' }, { 'accept-language': 'en' });
    const enErr = expectError(en, 400, 'VALIDATION_FAILED');
    expect(enErr.message).toBe('The submitted data is invalid');
    expect(enErr.details?.map((d) => d.field)).toEqual(['name', 'parentId']);
    expect(enErr.details?.some((d) => hasChinese(d.message))).toBe(false);

    // More shapes of wrong: a number where an array belongs, a float id, a boolean status, a nested object.
    for (const body of [
      { username: 'wrongtypes', password: TEST_PASSWORD, name: '错', departmentId: root, roleIds: 1 },
      { username: 'wrongtypes', password: TEST_PASSWORD, name: '错', departmentId: 1.5, roleIds: [] },
      { username: 'wrongtypes', password: TEST_PASSWORD, name: '错', departmentId: root, roleIds: [], status: true },
      { username: { $ne: null }, password: TEST_PASSWORD, name: '错', departmentId: root, roleIds: [] },
    ]) {
      expectError(await admin.post('/api/v1/users', body), 400, 'VALIDATION_FAILED');
    }
    // Not an object at all.
    for (const raw of ['[1,2]', 'null', '"text"', '42']) {
      expectError(await admin.request('POST', '/api/v1/departments', raw, { 'content-type': 'application/json' }), 400, 'VALIDATION_FAILED');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('unknown fields are refused, not silently dropped (strict objects)', async () => {
    const before = await snapshot();
    const res = await admin.post('/api/v1/departments', { name: '新部门', parentId: root, isAdmin: true });
    const err = expectError(res, 400, 'VALIDATION_FAILED');
    expect(err.details).toEqual([{ field: '_', message: '不允许的字段：isAdmin' }]);
    const en = await admin.request('POST', '/api/v1/departments', { name: '新部门', parentId: root, isAdmin: true }, { 'accept-language': 'en' });
    expect(expectError(en, 400).details).toEqual([{ field: '_', message: 'Unknown fields: isAdmin' }]);
    // A field that exists on the record but may not be set this way.
    const sneaky = await admin.patch('/api/v1/users/2', { username: 'renamed', passwordHash: 'x' });
    expect(expectError(sneaky, 400, 'VALIDATION_FAILED').details?.[0].message).toContain('username');
    expect(await snapshot()).toEqual(before);
  });

  it('over-long strings → 400 naming the field', async () => {
    const before = await snapshot();
    const res = await admin.post('/api/v1/departments', { name: '部'.repeat(51), parentId: root });
    const err = expectError(res, 400, 'VALIDATION_FAILED');
    expect(err.details?.map((d) => d.field)).toEqual(['name']);
    expect(err.details?.[0].message).toContain('50');
    const user = await admin.post('/api/v1/users', { username: 'a'.repeat(33), password: TEST_PASSWORD, name: '长', departmentId: root, roleIds: [] });
    expect(expectError(user, 400).details).toEqual([{ field: 'username', message: '账号只能包含字母、数字、下划线、点和横线，3-32 位' }]);
    const pwd = await admin.post('/api/v1/users/2/reset-password', { newPassword: `A1${'x'.repeat(200)}` });
    expect(expectError(pwd, 400).details?.[0].field).toBe('newPassword');
    const q = await admin.get(`/api/v1/users?q=${'查'.repeat(51)}`);
    expect(expectError(q, 400).details?.[0].field).toBe('q');
    expect(await snapshot()).toEqual(before);
  });

  it('blank required text and characters no database column accepts', async () => {
    const before = await snapshot();
    expect(expectError(await admin.post('/api/v1/departments', { name: '   ', parentId: root }), 400).details).toEqual([
      { field: 'name', message: '不能为空' },
    ]);
    // A NUL character reaches PostgreSQL, which refuses it: still the client's fault, a 400.
    expectError(await admin.post('/api/v1/departments', { name: 'a\u0000b', parentId: root }), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/v1/users?q=%00'), 400, 'VALIDATION_FAILED');
    expectError(await t.anonymous().post('/api/v1/auth/login', { username: 'admin\u0000', password: 'x' }), 400, 'VALIDATION_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it('an empty body on a POST that needs one → 400', async () => {
    const before = await snapshot();
    // No body at all.
    const none = await admin.request('POST', '/api/v1/departments');
    expect(expectError(none, 400, 'VALIDATION_FAILED').message).toBe('提交的数据有误');
    // An empty JSON object: every required field named.
    const empty = await admin.post('/api/v1/users', {});
    expect(expectError(empty, 400, 'VALIDATION_FAILED').details?.map((d) => d.field).sort()).toEqual(
      ['departmentId', 'name', 'password', 'roleIds', 'username'].sort(),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('a body in another format, or larger than allowed, is refused', async () => {
    const before = await snapshot();
    const text = await admin.request('POST', '/api/v1/departments', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    expectError(text, text.statusCode);
    const huge = await admin.post('/api/v1/departments', { name: 'x', parentId: root, pad: 'x'.repeat(2 * 1024 * 1024) });
    expectError(huge, 413, 'BODY_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });

  it('a body on a GET → 400, not silently ignored', async () => {
    const res = await admin.request('GET', '/api/v1/users', { q: 'admin' });
    const err = expectError(res, 400, 'BODY_NOT_ALLOWED');
    expect(err.message).toBe('此类请求不能带请求内容');
    const en = await admin.request('GET', '/api/v1/users', '{bad', { 'content-type': 'application/json', 'accept-language': 'en' });
    expect(expectError(en, 400, 'BODY_NOT_ALLOWED').message).toBe('This request must not carry a body');
  });
});

describe('ids and query parameters', () => {
  it('ids that do not exist → 404 on read, update and delete, nothing changed', async () => {
    const before = await snapshot();
    for (const [method, url, body] of [
      ['GET', '/api/v1/users/999999', undefined],
      ['PATCH', '/api/v1/users/999999', { name: '无' }],
      ['POST', '/api/v1/users/999999/reset-password', { newPassword: 'Passw0rd9' }],
      ['PATCH', '/api/v1/departments/999999', { name: '无' }],
      ['DELETE', '/api/v1/departments/999999', undefined],
      ['PATCH', '/api/v1/roles/999999', { name: '无' }],
      ['DELETE', '/api/v1/roles/999999', undefined],
      ['GET', '/api/v1/files/00000000-0000-0000-0000-000000000000', undefined],
      ['GET', '/api/v1/audit/records/user/999999', undefined],
    ] as const) {
      const err = expectError(await admin.request(method, url, body), 404, 'NOT_FOUND');
      expect(err.message).toBe('记录不存在或无权查看');
    }
    const en = await admin.request('GET', '/api/v1/users/999999', undefined, { 'accept-language': 'en' });
    expect(expectError(en, 404).message).toBe('The record does not exist or you may not see it');
    expect(await snapshot()).toEqual(before);
  });

  it('references to records that do not exist → 400 naming the field', async () => {
    const before = await snapshot();
    const dept = await admin.post('/api/v1/departments', { name: '孤儿', parentId: 999999 });
    expect(expectError(dept, 400, 'UNKNOWN_REFERENCE').details).toEqual([{ field: 'parentId', message: 'parentId 指向的记录不存在' }]);
    const base = { username: 'nobody', password: TEST_PASSWORD, name: '无', departmentId: root, roleIds: [] };
    for (const [over, field] of [
      [{ departmentId: 999999 }, 'departmentId'],
      [{ supervisorId: 999999 }, 'supervisorId'],
      [{ roleIds: [999999] }, 'roleIds'],
    ] as const) {
      const res = await admin.post('/api/v1/users', { ...base, ...over });
      expect(expectError(res, 400, 'UNKNOWN_REFERENCE').details?.[0].field).toBe(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('ids beyond the integer range, negative, fractional or not numeric → 400 naming `id`', async () => {
    const before = await snapshot();
    for (const id of ['2147483648', '99999999999999999999999', '-1', '0', '1.5', 'abc', '%20', 'NaN', 'Infinity']) {
      for (const [method, url] of [
        ['GET', `/api/v1/users/${id}`],
        ['PATCH', `/api/v1/users/${id}`],
        ['PATCH', `/api/v1/departments/${id}`],
        ['DELETE', `/api/v1/roles/${id}`],
      ] as const) {
        const res = await admin.request(method, url, method === 'PATCH' ? { name: 'x' } : undefined);
        const err = expectError(res, 400, 'VALIDATION_FAILED');
        expect([...new Set(err.details?.map((d) => d.field))], `${method} ${url}`).toEqual(['id']);
      }
    }
    // Ids inside a body and a query string get the same bounds.
    const body = await admin.post('/api/v1/departments', { name: '大', parentId: 2147483648 });
    expect(expectError(body, 400).details?.[0].field).toBe('parentId');
    const query = await admin.get('/api/v1/users?departmentId=99999999999');
    expect(expectError(query, 400).details?.[0].field).toBe('departmentId');
    // Record history takes any text id; one that cannot exist is simply not found.
    expectError(await admin.get('/api/v1/audit/records/user/99999999999999999999'), 404, 'NOT_FOUND');
    expectError(await admin.get('/api/v1/audit/records/user/abc'), 404, 'NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('page size, sort field, order and dates are bounded; unknown parameters refused', async () => {
    const cases: [string, string][] = [
      ['/api/v1/users?pageSize=100000', 'pageSize'],
      ['/api/v1/users?pageSize=0', 'pageSize'],
      ['/api/v1/users?page=-1', 'page'],
      ['/api/v1/users?page=abc', 'page'],
      ['/api/v1/users?sort=passwordHash', 'sort'],
      ['/api/v1/users?sort=id;drop%20table%20users', 'sort'],
      ['/api/v1/users?order=sideways', 'order'],
      ['/api/v1/users?status=deleted', 'status'],
      ['/api/v1/audit?pageSize=1000000', 'pageSize'],
      ['/api/v1/audit?from=yesterday', 'from'],
      ['/api/v1/audit?from=99999-01-01', 'from'],
      ['/api/v1/audit?to=0001-01-01', 'to'],
      ['/api/v1/audit?entityType=User%27--', 'entityType'],
    ];
    for (const [url, field] of cases) {
      const err = expectError(await admin.get(url), 400, 'VALIDATION_FAILED');
      expect(err.details?.map((d) => d.field), url).toContain(field);
    }
    for (const url of ['/api/v1/users?foo=1', '/api/v1/users?pageSize=20&include=passwordHash', '/api/v1/audit?actor=1', '/api/v1/users/options?limit=100000']) {
      const err = expectError(await admin.get(url), 400, 'VALIDATION_FAILED');
      expect(err.details?.[0].message, url).toMatch(/^不允许的字段：/);
    }
    // A repeated parameter is not a list where one value is expected.
    expectError(await admin.get('/api/v1/users?page=1&page=2'), 400, 'VALIDATION_FAILED');
  });
});

describe('unknown API routes', () => {
  it('answer 404 ROUTE_NOT_FOUND in the error shape, logged in or not, for any method', async () => {
    for (const [client, method, url] of [
      [admin, 'GET', '/api/v1/nothing-here'],
      [admin, 'DELETE', '/api/v1/users'],
      [admin, 'PUT', '/api/v1/users/1'],
      [t.anonymous(), 'GET', '/api/v1/nothing-here'],
      [t.anonymous(), 'POST', '/api/v2/users'],
      [t.anonymous(), 'GET', '/api'],
    ] as const) {
      const err = expectError(await client.request(method, url, method === 'GET' ? undefined : {}), 404, 'ROUTE_NOT_FOUND');
      expect(err.message).toBe('接口不存在');
    }
    const en = await t.anonymous().request('GET', '/api/v1/nothing-here', undefined, { 'accept-language': 'en' });
    expect(expectError(en, 404).message).toBe('No such API endpoint');
  });

  it('a path the router cannot decode, or an over-long id, answers in the error shape too', async () => {
    expect(expectError(await admin.get('/api/v1/users/%ED%A0%80'), 400, 'BAD_URL').message).toBe('请求地址无效');
    expect(expectError(await admin.get(`/api/v1/users/${'9'.repeat(300)}`), 414, 'URL_TOO_LONG').message).toBe('请求地址过长');
    const en = await admin.request('GET', '/api/v1/users/%ED%A0%80', undefined, { 'accept-language': 'en' });
    expect(expectError(en, 400).message).toBe('The request address is not valid');
  });

  it('a web app path is not an API route: without a built web app it is a plain 404 too, never a 500', async () => {
    const res = await t.anonymous().get('/customers/1');
    expect(res.statusCode).toBe(404);
  });
});

describe('no 500 anywhere', () => {
  /** Hostile values for path parameters and bodies, sent to every registered route. */
  const paramValues = ['0', '-1', '2147483648', '1.5', 'abc', "1'--", '%00', `${'9'.repeat(60)}`, '..%2F..%2Fetc%2Fpasswd'];
  const bodies: unknown[] = [
    {},
    [],
    { id: 1, name: null, parentId: -1, departmentId: 'x', roleIds: [0], permissions: ['*'], dataScope: 'all', status: 'x' },
    { name: 'a\u0000b', dataUrl: 'data:image/png;base64,AAAA', newPassword: '\u0000'.repeat(10), mobile: '1'.repeat(10_000) },
    // Raw JSON: an object literal's __proto__ would set the prototype instead of sending the key.
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  ];

  it('every route, with hostile path parameters and bodies, answers below 500', async () => {
    const before = await snapshot();
    const routes = registeredRoutes(t.app).filter((r) => r.url.startsWith('/api/') && r.url !== '/api/v1/auth/logout');
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of routes) {
      const hasParams = /[:*]/.test(route.url);
      for (const value of hasParams ? paramValues : ['']) {
        const url = route.url.replace(/:\w+|\*/g, value);
        const payloads = route.method === 'GET' || route.method === 'DELETE' ? [undefined] : bodies;
        for (const body of payloads) {
          const res = await admin.request(route.method, url, body, typeof body === 'string' ? { 'content-type': 'application/json' } : {});
          if (res.statusCode >= 500) failures.push(`${route.method} ${url} ${JSON.stringify(body)} → ${res.statusCode} ${res.body}`);
          else if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) expectError(res, res.statusCode);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The hostile bodies may not have changed anything either (the admin role's PATCH {} is a no-op).
    const after = await snapshot();
    expect(after.departments).toEqual(before.departments);
    expect(after.roles).toEqual(before.roles);
    expect(after.users.items.map((u: { id: number; name: string; status: string }) => [u.id, u.name, u.status])).toEqual(
      before.users.items.map((u: { id: number; name: string; status: string }) => [u.id, u.name, u.status]),
    );
  });
});
