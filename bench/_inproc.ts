// In-process CPU per request (no network): node --import tsx bench/_inproc.ts
import { buildApp } from '../src/server/app';
import { loadConfigOrExit } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
const config = loadConfigOrExit();
const database = await openDatabase({ databaseUrl: config.databaseUrl });
const app = await buildApp({ config: { ...config, logLevel: process.env.LOG_LEVEL ?? 'info' } as typeof config, database, logger: false });
await app.ready();
async function login(username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: res.json().csrfToken as string };
}
const who = await login(process.argv[2] ?? 'zhangwei', process.argv[2]?.startsWith('bench') ? 'Bench1234' : 'Demo1234');
const url = process.argv[3] ?? '/api/v1/customers?scene=all';
const N = Number(process.argv[4] ?? 3000);
let seq = (Math.floor(Date.now() / 1000) % 1000) * 100_000;
const run = async (n: number) => {
  for (let i = 0; i < n; i++) {
    const r = process.env.CREATE
      ? await app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, payload: { kind: 'company', name: `进程内新建${Date.now()}-${seq}有限公司`, phone: `0571-${String(seq++).padStart(8, '0')}`, level: 'B' } })
      : await app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body.slice(0, 200)}`);
  }
};
await run(Number(process.env.WARM ?? 300));
for (let k = 0; k < Number(process.env.ROUNDS ?? 3); k++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run(N);
  const c = process.cpuUsage(c0);
  console.log(`${((c.user + c.system) / 1000 / N).toFixed(3)} ms CPU/req, ${((performance.now() - t0) / N).toFixed(3)} ms wall/req`);
}
await app.close();
await database.close();
