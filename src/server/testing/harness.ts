import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app';
import { loadConfig } from '../config';
import type { Database } from '../db/client';
import { systemActor } from '../platform/access/actor';
import { bootstrap } from '../platform/bootstrap';
import { roleIdByCode } from '../platform/org/roles';
import { createDepartment } from '../platform/org/departments';
import { createUser } from '../platform/org/users';
import { createTestDatabase } from './database';

export const ADMIN_PASSWORD = 'Admin12345';
export const TEST_PASSWORD = 'Passw0rd1';

export interface TestApp {
  app: App;
  database: Database;
  databaseUrl?: string;
  dataDir: string;
  close(): Promise<void>;
  /** Log in through the real endpoint and return a client that carries the session and CSRF token. */
  login(username: string, password?: string): Promise<TestClient>;
  /** A client with no session. */
  anonymous(): TestClient;
}

export interface TestClient {
  csrfToken: string | null;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** The app as production builds it, on a fresh database with the administrator `admin`; `env`: extra environment variables for its config. */
export async function createTestApp(opts: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const { database, databaseUrl, close } = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-test-'));
  const config = { ...loadConfig({ ...opts.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) };
  const app = await buildApp({ config, database, logger: false, serveWeb: false });
  await bootstrap(database, { adminPassword: ADMIN_PASSWORD, log: app.log });

  const clientFor = (cookies: Record<string, string>, csrfToken: string | null): TestClient => {
    const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        cookies,
        headers: { ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return {
      csrfToken,
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      patch: (url, body) => request('PATCH', url, body ?? {}),
      put: (url, body) => request('PUT', url, body ?? {}),
      delete: (url) => request('DELETE', url),
    };
  };

  return {
    app,
    database,
    databaseUrl,
    dataDir,
    async close() {
      await app.close();
      await close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async login(username, password = username === 'admin' ? ADMIN_PASSWORD : TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
      return clientFor(cookies, res.json().csrfToken);
    },
    anonymous: () => clientFor({}, null),
  };
}

/** Factories: a department and a user holding role templates, created directly through the services. */
export async function makeDepartment(t: TestApp, name: string, parentId: number | null) {
  return createDepartment(t.database.db, systemActor(), { name, parentId });
}

export async function makeUser(
  t: TestApp,
  opts: { username: string; departmentId: number; roles: string[]; supervisorId?: number | null; name?: string },
) {
  const roleIds = [];
  for (const code of opts.roles) roleIds.push(await roleIdByCode(t.database.db, code));
  return createUser(t.database.db, systemActor(), {
    username: opts.username,
    password: TEST_PASSWORD,
    name: opts.name ?? opts.username,
    mobile: null,
    email: null,
    departmentId: opts.departmentId,
    supervisorId: opts.supervisorId ?? null,
    roleIds,
    status: 'active',
  });
}

export async function rootDepartmentId(t: TestApp): Promise<number> {
  const res = await (await t.login('admin')).get('/api/v1/departments');
  return res.json().items.find((d: { parentId: number | null }) => d.parentId === null).id;
}
