/**
 * EXPLAIN ANALYZE of the customer list's real SQL for users of different scopes, on a loaded bench
 * database: DATABASE_URL=postgres://…/crm_bench node --import tsx bench/explain.ts
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfigOrExit } from '../src/server/config';
import { openDatabase, rows } from '../src/server/db/client';
import { loadActor } from '../src/server/platform/auth/actor-loader';
import { accessExpression, FEW_MATCHES, selectCustomerPage, selectSearchPage } from '../src/server/modules/customers/customer-dto';
import { customerListPage, customerListWhere, type CustomerListQuery } from '../src/server/modules/customers/list';
import { customers } from '../src/server/modules/customers/schema';
import { cappedCountQuery } from '../src/server/platform/http/lists';

const config = loadConfigOrExit();
if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
const database = await openDatabase({ databaseUrl: config.databaseUrl });
const db = database.db;
const client = new pg.Client({ connectionString: config.databaseUrl });
await client.connect();

const pickUser = async (where: string) =>
  (await rows<{ id: number; username: string }>(db, sql.raw(`select u.id, u.username from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id where ${where} order by u.id limit 1`)))[0];

const cases: { who: string; user: { id: number; username: string }; query: Partial<CustomerListQuery> }[] = [
  { who: 'rep, default list (全部)', user: await pickUser("u.username like 'bench_%'"), query: { scene: 'all' } },
  { who: 'rep, 我负责的', user: await pickUser("u.username like 'bench_%'"), query: { scene: 'mine' } },
  { who: 'rep, name search 华盛', user: await pickUser("u.username like 'bench_%'"), query: { scene: 'all', q: '华盛' } },
  { who: 'manager (department tree), default list', user: await pickUser("r.code = 'sales_manager'"), query: { scene: 'all' } },
  { who: 'manager, phone search', user: await pickUser("r.code = 'sales_manager'"), query: { scene: 'all', q: '1381234' } },
  { who: 'boss (all), default list', user: await pickUser("r.code = 'boss'"), query: { scene: 'all' } },
  { who: 'boss, name search 北京华 (3 characters)', user: await pickUser("r.code = 'boss'"), query: { scene: 'all', q: '北京华' } },
  { who: 'boss, name search 华盛 (2 characters)', user: await pickUser("r.code = 'boss'"), query: { scene: 'all', q: '华盛' } },
  { who: 'boss, name search 科技 (2 common characters)', user: await pickUser("r.code = 'boss'"), query: { scene: 'all', q: '科技' } },
];

const explain = async (statement: { sql: string; params: unknown[] }) =>
  (await client.query(`explain (analyze, buffers off, costs off) ${statement.sql}`, statement.params)).rows.map((r: Record<string, string>) => r['QUERY PLAN']);

for (const c of cases) {
  const loaded = await loadActor(db, c.user.id, { ip: null, lang: 'zh', sessionId: null });
  const query = { scene: 'all', order: 'desc', page: 1, pageSize: 20, ...c.query } as CustomerListQuery;
  // The statements the API runs for this page: a search with few matches is one statement (page and
  // count); otherwise the page, and the capped count (reused for 30 s when 1,000 or more).
  const { scope, where } = await customerListWhere(db, loaded!.actor, query);
  const count = cappedCountQuery(db, sql`${customers} where ${where}`);
  const [{ n }] = await count;
  const access = accessExpression(scope, loaded!.actor);
  const few = !!query.q && n <= FEW_MATCHES;
  const page = few ? selectSearchPage(db, access, customerListPage(where, query)) : selectCustomerPage(db, access, { ...customerListPage(where, query), fewMatches: false });
  const pagePlan = await explain(page.toSQL());
  const countPlan = await explain(count.toSQL());
  console.log(`\n### ${c.who} (${c.user.username})\npage:\n${pagePlan.join('\n')}\ncount:\n${countPlan.join('\n')}`);
}
await client.end();
await database.close();
