import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, rootDepartmentId, type TestApp } from '../../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login and sessions', () => {
  it('logs in, answers /me with permissions, and logs out', async () => {
    const admin = await t.login('admin');
    const me = await admin.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('admin');
    expect(me.json().user.permissions).toContain('org.user.manage');
    expect((await admin.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a wrong password in the request language', async () => {
    const zh = await t.anonymous().request('POST', '/api/v1/auth/login', { username: 'admin', password: 'nope' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '账号或密码错误' });
    const en = await t.anonymous().request('POST', '/api/v1/auth/login', { username: 'ghost', password: 'nope' }, { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('rejects a mutation without the CSRF header', async () => {
    const admin = await t.login('admin');
    const res = await admin.request('POST', '/api/v1/departments', { name: 'X', parentId: null }, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('throttles an account after repeated wrong passwords, even with the right one', async () => {
    const root = await rootDepartmentId(t);
    await makeUser(t, { username: 'victim', departmentId: root, roles: ['sales_rep'] });
    for (let i = 0; i < 5; i++) {
      const r = await t.anonymous().request('POST', '/api/v1/auth/login', { username: 'victim', password: 'wrong' });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.anonymous().request('POST', '/api/v1/auth/login', { username: 'victim', password: 'Passw0rd1' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('AUTH_THROTTLED');
  });

  it('ends the sessions of a disabled user and refuses their login', async () => {
    const root = await rootDepartmentId(t);
    const u = await makeUser(t, { username: 'leaver', departmentId: root, roles: ['sales_rep'] });
    const session = await t.login('leaver');
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
    const admin = await t.login('admin');
    expect((await admin.patch(`/api/v1/users/${u.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.anonymous().request('POST', '/api/v1/auth/login', { username: 'leaver', password: 'Passw0rd1' });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('AUTH_USER_DISABLED');
  });

  it('changes the own password and keeps the old one from working', async () => {
    const root = await rootDepartmentId(t);
    await makeUser(t, { username: 'changer', departmentId: root, roles: ['sales_rep'] });
    const c = await t.login('changer');
    const weak = await c.post('/api/v1/auth/password', { oldPassword: 'Passw0rd1', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('newPassword');
    const wrongOld = await c.post('/api/v1/auth/password', { oldPassword: 'nope', newPassword: 'NewPassw0rd' });
    expect(wrongOld.statusCode).toBe(400);
    expect((await c.post('/api/v1/auth/password', { oldPassword: 'Passw0rd1', newPassword: 'NewPassw0rd' })).statusCode).toBe(204);
    await expect(t.login('changer')).rejects.toThrow(/401/);
    await t.login('changer', 'NewPassw0rd');
  });
});
