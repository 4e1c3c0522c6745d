/**
 * HTTP benchmark of the customers API against a loaded database (bench/load.ts):
 *   DATABASE_URL=postgres://…/crm_bench node --import tsx bench/http.ts
 *   DATA_DIR=/tmp/bench-pglite node --import tsx bench/http.ts
 * Starts the product as `npm start` runs it (own process, LOG_LEVEL info unless set), logs in
 * users of three scopes and drives each scenario with a closed loop of --connections keep-alive
 * connections for --seconds (after a warm-up), reporting p50/p95/p99 and requests/s. On
 * PostgreSQL the same read SQL, and a create's core writes (built by the product's own query
 * builders for the same user), are also served by a bare Fastify + pg process
 * (bench/bare-server.ts) with no auth, scope or DTO layer, and the product's share of its
 * throughput is printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { loadConfigOrExit } from '../src/server/config';
import { openDatabase, rows } from '../src/server/db/client';
import { DEMO_ADMIN_PASSWORD, DEMO_PASSWORD } from '../src/server/demo/company';
import { loadActor } from '../src/server/platform/auth/actor-loader';
import { cappedCountQuery, FRESH_TOTAL_BELOW } from '../src/server/platform/http/lists';
import { accessExpression, FEW_MATCHES, selectCustomerDtos, selectCustomerPage, selectSearchPage } from '../src/server/modules/customers/customer-dto';
import { customerListPage, customerListWhere, type CustomerListQuery } from '../src/server/modules/customers/list';
import { customerScope } from '../src/server/modules/customers/access';
import { customers } from '../src/server/modules/customers/schema';
import { freePort, httpLogin } from '../src/server/testing/server-process';
import { PgDialect } from 'drizzle-orm/pg-core';
import { togetherStatement } from '../src/server/db/write-together';
import { auditInsert } from '../src/server/platform/audit/service';
import { customerEventInsert } from '../src/server/modules/customers/events';
import { buildSearchText } from '../src/server/modules/customers/search-text';
import { nameSortKey } from '../src/server/modules/customers/name-sort';
import type { BareScenario } from './bare-server';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const SECONDS = arg('seconds', 10);
const WARMUP_SECONDS = arg('warmup', 2);
const CONNECTIONS = arg('connections', 16);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split('|') : null;
const BENCH_PASSWORD = 'Bench1234';

const config = loadConfigOrExit();
const onPostgres = !!config.databaseUrl;

// ---------------------------------------------------------------------------------------------
// Processes

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

async function startProcess(args: string[], env: Record<string, string>, healthPath: string, logFile: string) {
  const port = await freePort();
  const log = fs.openSync(logFile, 'w');
  // BENCH_PROFILE=dir writes a V8 CPU profile of each process there when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...args.map((a) => a.replace('{port}', String(port)))], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', log, log],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${args[0]} exited, see ${logFile}`);
    try {
      const res = await fetch(base + healthPath);
      await res.arrayBuffer();
      if (res.status < 500) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      return { base, pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) };
    }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${args[0]} did not start, see ${logFile}`);
}

// ---------------------------------------------------------------------------------------------
// CPU time (Linux /proc): throughput on a shared 2-core VM varies by a third from run to run, the
// CPU milliseconds each request costs the product and PostgreSQL much less.

const TICK_MS = 10; // USER_HZ is 100 on Linux
/** CPU ticks (user + system) of each process of `comm` (or of one pid), by pid. */
function cpuTicks(select: { pid: number } | { comm: string }): Map<number, number> {
  const ticks = new Map<number, number>();
  try {
    const pids = 'pid' in select ? [String(select.pid)] : fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
    for (const pid of pids) {
      try {
        if ('comm' in select && fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== select.comm) continue;
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks.set(Number(pid), Number(fields[11]) + Number(fields[12])); // utime, stime
      } catch {
        // ended meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return ticks;
}
/** CPU ms spent between two readings (processes started in between count from zero). */
function spentMs(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks * TICK_MS;
}
/** CPU ms per request of the product process and of PostgreSQL's processes while `run` runs. */
async function measureCpu<T extends { count: number }>(productPid: number, run: () => Promise<T>) {
  const before = { product: cpuTicks({ pid: productPid }), pg: cpuTicks({ comm: 'postgres' }), driver: process.cpuUsage() };
  const result = await run();
  const after = { product: cpuTicks({ pid: productPid }), pg: cpuTicks({ comm: 'postgres' }), driver: process.cpuUsage(before.driver) };
  const perRequest = (ms: number) => ms / Math.max(1, result.count);
  return {
    ...result,
    productCpu: perRequest(spentMs(before.product, after.product)),
    pgCpu: perRequest(spentMs(before.pg, after.pg)),
    driverCpu: perRequest((after.driver.user + after.driver.system) / 1000),
  };
}

// ---------------------------------------------------------------------------------------------
// Load generator: a closed loop of keep-alive connections, each waiting for its answer.

interface Req {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface Result {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  count: number;
  failures: number;
  statuses: Record<number, number>;
}

function send(agent: http.Agent, base: URL, req: Req): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      { agent, host: base.hostname, port: base.port, method: req.method, path: req.path, headers: req.body ? { ...req.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(req.body) } : req.headers },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    r.on('error', reject);
    if (req.body) r.write(req.body);
    r.end();
  });
}

async function drive(base: string, make: (i: number, connection: number) => Req, seconds: number, expect: number, maxRequests = Infinity): Promise<Result> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, connection) => {
      while (performance.now() < deadline && next < maxRequests) {
        const req = make(next++, connection);
        const t0 = performance.now();
        const status = await send(agent, url, req);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== expect) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), rps: latencies.length / elapsed, count: latencies.length, failures, statuses };
}

// ---------------------------------------------------------------------------------------------
// Sessions

async function login(base: string, username: string, password: string) {
  const session = await httpLogin(base, username, password);
  const json = async <T>(request: Promise<Response>, what: string): Promise<T> => {
    const r = await request;
    if (!r.ok) throw new Error(`${what}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    username,
    userId: session.userId,
    headers: session.headers,
    get: <T>(p: string) => json<T>(session.get(p), `GET ${p}`),
    put: <T>(p: string, b: unknown) => json<T>(session.put(p, b), `PUT ${p}`),
  };
}
type Session = Awaited<ReturnType<typeof login>>;

// ---------------------------------------------------------------------------------------------

const dataDesc = await describeData();
const product = await startProcess(['src/server/main.ts'], { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' }, '/api/health', path.join(os.tmpdir(), 'bench-product.log'));
console.log(`product at ${product.base} (${onPostgres ? 'PostgreSQL' : 'PGlite'}; ${dataDesc})`);

const rep = await login(product.base, 'bench_001', BENCH_PASSWORD);
const manager = await login(product.base, 'liqiang', DEMO_PASSWORD);
const boss = await login(product.base, 'zhangwei', DEMO_PASSWORD);
const admin = await login(product.base, 'admin', config.adminPassword ?? DEMO_ADMIN_PASSWORD);
// Writers: one rep per connection, as sixteen people at work would be.
const writers: Session[] = [];
for (let i = 2; i < 2 + CONNECTIONS; i++) writers.push(await login(product.base, `bench_${String(i).padStart(3, '0')}`, BENCH_PASSWORD));

type Listed = { items: { id: number }[] };
const viewIds = (await rep.get<Listed>('/customers?scene=mine&pageSize=200')).items.map((c) => c.id);

interface Scenario {
  name: string;
  who: Session;
  kind: 'read' | 'write';
  /** The product request for iteration i. */
  request: (i: number, connection: number) => Req;
  expect?: number;
  /** How many requests there are to make (a claim takes a pool customer once): the run ends sooner when they are made. */
  maxRequests?: () => number;
  /** For the bare baseline: the list query the product runs, the view of one id, or a create's core writes. */
  bare?: { list: Partial<CustomerListQuery> } | { view: true } | { create: true };
}
const listPath = (q: Record<string, string>) => `/api/v1/customers?${new URLSearchParams(q)}`;
const listRead = (name: string, who: Session, q: Record<string, string>): Scenario => ({
  name,
  who,
  kind: 'read',
  request: () => ({ method: 'GET', path: listPath(q), headers: who.headers }),
  bare: { list: q as Partial<CustomerListQuery> },
});
const runId = Date.now().toString(36);
// Phones unique across runs too (a repeated phone is refused as a duplicate): 8 digits from the run's second and i.
const runSecond = Math.floor(Date.now() / 1000) % 1000;
const uniquePhone = (i: number) => `0571-${String(runSecond * 100_000 + (i % 100_000)).padStart(8, '0')}`;

const scenarios: Scenario[] = [
  listRead('default list (全部), rep', rep, { scene: 'all' }),
  listRead('default list (全部), manager', manager, { scene: 'all' }),
  listRead('default list (全部), boss', boss, { scene: 'all' }),
  listRead('name search 2 chars 华盛, rep', rep, { scene: 'all', q: '华盛' }),
  listRead('name search 2 chars 华盛, boss', boss, { scene: 'all', q: '华盛' }),
  listRead('name search 3 chars 北京华, boss', boss, { scene: 'all', q: '北京华' }),
  listRead('phone search 1381234, manager', manager, { scene: 'all', q: '1381234' }),
  {
    name: 'customer view, rep',
    who: rep,
    kind: 'read',
    request: (i) => ({ method: 'GET', path: `/api/v1/customers/${viewIds[i % viewIds.length]}`, headers: rep.headers }),
    bare: { view: true },
  },
  {
    name: 'create customer, 16 reps',
    who: writers[0],
    kind: 'write',
    request: (i, connection) => ({
      method: 'POST',
      path: '/api/v1/customers',
      headers: writers[connection].headers,
      body: JSON.stringify({ kind: 'company', name: `压测新建客户${runId}-${i}有限公司`, phone: uniquePhone(i), level: 'B' }),
    }),
    bare: { create: true },
  },
  {
    name: 'claim from pool, 16 reps',
    who: writers[0],
    kind: 'write',
    request: (i, connection) => ({ method: 'POST', path: `/api/v1/customers/${poolIds[i]}/claim`, headers: writers[connection].headers }),
    maxRequests: () => poolIds.length,
  },
];

// Enough pool customers for every claim, each claimed once (the daily limit raised for the run).
const poolIds: number[] = [];
const settings = await admin.get<Record<string, unknown>>('/customer-settings');
if (!only || only.some((o) => 'claim from pool'.includes(o) || o.includes('claim'))) {
  for (let page = 1; poolIds.length < 20_000; page++) {
    const got = (await boss.get<Listed>(`/pool?pageSize=200&page=${page}`)).items;
    if (!got.length) break;
    poolIds.push(...got.map((c) => c.id));
  }
  await admin.put('/customer-settings', { ...settings, dailyClaimLimit: 10_000 });
}

// The bare baseline (PostgreSQL only: PGlite is held by the product's process).
let bare: { base: string; stop: () => void } | null = null;
if (onPostgres) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl });
  const bareScenarios: Record<string, BareScenario> = {};
  for (const [index, s] of scenarios.entries()) {
    if (!s.bare) continue;
    const loaded = (await loadActor(database.db, s.who.userId, { ip: null, lang: 'zh', sessionId: null }))!;
    if ('list' in s.bare) {
      // The product's statements for this page: a search counts first and reads the page by what
      // the count says (customer-dto.ts); a total below FRESH_TOTAL_BELOW is counted on every
      // request and a larger one reused (platform/http/lists.ts). The baseline runs what a warm
      // product request runs.
      const query = { scene: 'all', page: 1, pageSize: 20, order: 'desc', ...s.bare.list } as CustomerListQuery;
      const { scope, where } = await customerListWhere(database.db, loaded.actor, query);
      const count = cappedCountQuery(database.db, sql`${customers} where ${where}`);
      const [{ n }] = await count;
      const access = accessExpression(scope, loaded.actor);
      const page = customerListPage(where, query);
      // A search with few matches is one statement (page + count); otherwise the page, plus the
      // count when it is small enough to be counted on every request.
      bareScenarios[index] = {
        queries:
          query.q && n <= FEW_MATCHES
            ? [selectSearchPage(database.db, access, page).toSQL()]
            : [selectCustomerPage(database.db, access, { ...page, fewMatches: false }).toSQL(), ...(n < FRESH_TOTAL_BELOW ? [count.toSQL()] : [])],
      };
    } else if ('create' in s.bare) {
      // The floor of a create: the customer row, then its timeline event and audit row in one
      // statement (as the product writes them), in one transaction; no lock, no duplicate check,
      // no answer read back. Names and phones of their own, so the product's later creates never
      // meet them as duplicates.
      const actor = loaded.actor;
      const now = new Date();
      const values = { kind: 'company' as const, name: `压测基线${runId}-{seq}有限公司`, phone: `0572-{seq}`, level: 'B' };
      const insert = database.db
        .insert(customers)
        .values({ ...values, ownerId: actor.userId, departmentId: actor.departmentId, createdBy: actor.userId, updatedBy: actor.userId, createdAt: now, updatedAt: now, searchText: buildSearchText(values, []), nameSort: nameSortKey(values.name, values.kind) })
        .returning({ id: customers.id })
        .toSQL();
      const events = togetherStatement([
        customerEventInsert(database.db, actor, -1, 'created', { ownerId: actor.userId, ownerName: actor.name }),
        auditInsert(database.db, actor, { action: 'create', entityType: 'customer', entityId: -1, summary: `${values.name}（负责人：${actor.name}）` }),
      ])!;
      bareScenarios[index] = { queries: [insert, new PgDialect().sqlToQuery(events)], idParam: -1, write: true };
    } else {
      // The view is one statement: the DTO with the caller's access computed in it; -1 stands for the requested id.
      const access = accessExpression(await customerScope(database.db, loaded.actor), loaded.actor);
      const dto = selectCustomerDtos(database.db, access).where(and(eq(customers.id, -1), isNull(customers.deletedAt))).limit(1).toSQL();
      bareScenarios[index] = { queries: [dto], idParam: -1 };
    }
  }
  // The yardstick for the machine: a bare handler serving an indexed 20-row page of a
  // million-row table (about 6,000 req/s with p99 5 ms where the targets were set).
  bareScenarios.yardstick = {
    queries: [{ sql: 'select id, kind, name, level, phone, owner_id, updated_at from customers where deleted_at is null order by updated_at desc nulls last, id desc nulls last limit 20', params: [] }],
  };
  await database.close();
  const file = path.join(os.tmpdir(), 'bench-bare-queries.json');
  fs.writeFileSync(file, JSON.stringify(bareScenarios));
  bare = await startProcess(['bench/bare-server.ts', file, '{port}'], {}, '/bare/none', path.join(os.tmpdir(), 'bench-bare.log'));
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const lines = [
  `| scenario | p50 ms | p95 ms | p99 ms | req/s | non-2xx | CPU ms/req product | CPU ms/req PG | CPU ms/req load generator |${bare ? ' bare p95 ms | bare req/s | product / bare |' : ''}`,
  `|---|---|---|---|---|---|---|---|---|${bare ? '---|---|---|' : ''}`,
];
let yardstick = '';
try {
  if (bare) {
    const req = (): Req => ({ method: 'GET', path: '/bare/yardstick', headers: {} });
    await drive(bare.base, req, WARMUP_SECONDS, 200);
    const y = await drive(bare.base, req, SECONDS, 200);
    yardstick = `Machine yardstick (bare indexed 20-row page of the customers table; about 6,000 req/s, p99 5 ms on the machine the targets were set on): ${y.rps.toFixed(0)} req/s, p50 ${fmt(y.p50)} ms, p99 ${fmt(y.p99)} ms`;
    console.log(yardstick);
  }
  for (const [index, s] of scenarios.entries()) {
    if (only && !only.some((o) => s.name.includes(o))) continue;
    const expect = s.expect ?? 200;
    // Writes skip the warm-up: each claim takes a pool customer that a later run cannot take again.
    if (s.kind === 'read') await drive(product.base, s.request, WARMUP_SECONDS, expect);
    const result = await measureCpu(product.pid, () => drive(product.base, s.request, SECONDS, expect, s.maxRequests?.()));
    const cpu = `${result.productCpu.toFixed(2)} | ${onPostgres ? result.pgCpu.toFixed(2) : '—'} | ${result.driverCpu.toFixed(2)}`;
    let row = `| ${s.name} | ${fmt(result.p50)} | ${fmt(result.p95)} | ${fmt(result.p99)} | ${result.rps.toFixed(0)} | ${result.failures} | ${cpu} |`;
    if (bare) {
      if (s.bare) {
        const barePath = (i: number) => ('view' in s.bare! ? `/bare/${index}/${viewIds[i % viewIds.length]}` : `/bare/${index}`);
        const bareReq = (i: number): Req => ({ method: 'GET', path: barePath(i), headers: {} });
        if (s.kind === 'read') await drive(bare.base, bareReq, WARMUP_SECONDS, 200);
        const b = await drive(bare.base, bareReq, SECONDS, 200);
        row += ` ${fmt(b.p95)} | ${b.rps.toFixed(0)} | ${((result.rps / b.rps) * 100).toFixed(0)} % |`;
      } else row += ' — | — | — |';
    }
    if (result.failures) row += ` statuses ${JSON.stringify(result.statuses)}`;
    if (s.maxRequests && result.count >= s.maxRequests()) row += ` (all ${result.count} requests made in ${(result.count / result.rps).toFixed(1)} s)`;
    lines.push(row);
    console.log(row);
  }
} finally {
  await admin.put('/customer-settings', settings).catch(() => {});
  await Promise.all([product.stop(), bare?.stop()]);
}
console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up (reads)\n`);
if (yardstick) console.log(`${yardstick}\n`);
console.log(lines.join('\n'));
process.exit(0);

/** What the database holds, read before the product takes it (PGlite allows one process). */
async function describeData(): Promise<string> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const [c] = await rows<{ customers: number; contacts: number; activities: number }>(
    database.db,
    sql`select (select count(*) from customers)::int as customers, (select count(*) from contacts)::int as contacts, (select count(*) from activities)::int as activities`,
  );
  await database.close();
  return `${c.customers.toLocaleString('en')} customers, ${c.contacts.toLocaleString('en')} contacts, ${c.activities.toLocaleString('en')} activities`;
}
