import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createTestApp, type TestApp } from './testing/harness';
import { createTestDatabase } from './testing/database';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers 200 {status:"ok"} without a session, with a request id', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const good = await t.anonymous().request('GET', '/api/health', undefined, { 'x-request-id': 'lb-1234.abc' });
    expect(good.headers['x-request-id']).toBe('lb-1234.abc');
    const bad = await t.anonymous().request('GET', '/api/health', undefined, { 'x-request-id': 'x\u0001'.repeat(80) });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 503 {status:"unavailable"} once the database is gone', async () => {
    const { database, close } = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-health-'));
    const app = await buildApp({ config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), database, logger: false, serveWeb: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      await close(); // closes the connection (and, on PostgreSQL, drops the test database)
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable' });
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
