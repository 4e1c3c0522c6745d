import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './testing/database';

/** Real server processes, started the way `npm start` starts them (without the web build). */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Attach at spawn time: a process that exits before anyone listens must still be seen. */
const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'Admin12345', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exit = exited(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, exit, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${output}`);
}

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
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await a.exit).toBe(0);
      expect(await b.exit).toBe(0);
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
      first.child.kill('SIGTERM');
      expect(await first.exit).toBe(0);

      const second = await startServer({ DATA_DIR: dataDir });
      const me = await fetch(`${second.base}/api/v1/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      second.child.kill('SIGTERM');
      expect(await second.exit).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a bad environment variable with one line naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = exited(child);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await exit).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('PORT');
  });
});
