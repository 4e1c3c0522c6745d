import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/**
 * A real server process, started the way `npm start` starts it (without the web build), for tests
 * that need real sockets and real concurrency. Stop it with `stop()`; `killAll()` in afterAll.
 */
const children: ChildProcess[] = [];

export function killAllServers() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'Admin12345', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        return {
          base,
          output: () => output,
          async stop() {
            child.kill('SIGTERM');
            return exit;
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${output}`);
}

/** A logged-in HTTP client of a server process: session cookie and CSRF token. */
export async function httpLogin(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken: csrf, user } = (await res.json()) as { csrfToken: string; user: { id: number } };
  const send = (method: string, path: string, body: unknown = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    userId: user.id,
    /** The session's request headers, for a client of one's own (bench/http.ts). */
    headers: { cookie, 'x-csrf-token': csrf },
    post: (path: string, body?: unknown) => send('POST', path, body),
    put: (path: string, body?: unknown) => send('PUT', path, body),
    get: (path: string) => fetch(`${base}/api/v1${path}`, { headers: { cookie } }),
  };
}
