import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './testing/database';
import { killAllServers, startServer } from './testing/server-process';

afterAll(killAllServers);

async function login(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Admin12345' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: (await res.json()).csrfToken as string };
}

describe.skipIf(!process.env.TEST_PG_ADMIN_URL)('several copies on one PostgreSQL', () => {
  it('a session made on one copy is valid on the other', async () => {
    const { databaseUrl, close } = await createTestDatabase();
    try {
      // Both start at once against an empty database: migrations and bootstrap must take turns.
      const [a, b] = await Promise.all([startServer({ DATABASE_URL: databaseUrl! }), startServer({ DATABASE_URL: databaseUrl! })]);
      const { cookie, csrf } = await login(a.base);
      const me = await fetch(`${b.base}/api/v1/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect((await me.json()).user.username).toBe('admin');
      const created = await fetch(`${b.base}/api/v1/departments`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ name: '跨进程部门', parentId: 1 }),
      });
      expect(created.status).toBe(200);
      const logout = await fetch(`${b.base}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
      expect(logout.status).toBe(204);
      expect((await fetch(`${a.base}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
      const [exitA, exitB] = await Promise.all([a.stop(), b.stop()]);
      expect(exitA).toBe(0);
      expect(exitB).toBe(0);
    } finally {
      await close();
    }
  });
});

describe.skipIf(!!process.env.TEST_PG_ADMIN_URL)('embedded database lifecycle', () => {
  it('stops cleanly on SIGTERM and keeps data and sessions across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-proc-'));
    try {
      const first = await startServer({ DATA_DIR: dataDir });
      const { cookie } = await login(first.base);
      expect(await first.stop()).toBe(0);

      const second = await startServer({ DATA_DIR: dataDir });
      const me = await fetch(`${second.base}/api/v1/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(await second.stop()).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a bad environment variable with one line naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await exit).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('PORT');
  });
});
