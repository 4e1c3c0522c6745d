import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { FEW_MATCHES } from './customer-dto';
import { registerCustomerDeleteGuard } from './delete-guards';
import { activities, customers, customerSettings, customerShares } from './schema';
import { rebuildSearchText } from './search-text';

/**
 * Customers core through the real API: who sees what (scopes, shares), scenes, search, validation,
 * duplicates, hot, soft delete and restore, the delete guard, and the audit trail.
 * Sales department A: manager 王经理 (department tree) over reps 李一 and 张二; department B: 赵三.
 */

let t: TestApp;
let admin: TestClient;
const ids = { mgr: 0, rep1: 0, rep2: 0, rep3: 0 };
const c: Record<keyof typeof ids, TestClient> = {} as never;
let deptA: number;

type Customer = Record<string, unknown> & { id: number; name: string; access: string; ownerName: string | null };

async function create(client: TestClient, body: Record<string, unknown>): Promise<Customer> {
  const res = await client.post('/api/v1/customers', { kind: 'company', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const list = async (client: TestClient, query = '') => {
  const res = await client.get(`/api/v1/customers?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Customer[]; total: number; totalExact: boolean };
};
const names = async (client: TestClient, query = '') => (await list(client, query)).items.map((x) => x.name).sort();
const share = (customerId: number, userId: number, access: 'read' | 'write') =>
  t.database.db.insert(customerShares).values({ customerId, userId, access }).onConflictDoUpdate({ target: [customerShares.customerId, customerShares.userId], set: { access } });
const setRules = (rules: { allowDuplicateName?: boolean; allowDuplicatePhone?: boolean }) =>
  t.database.db.insert(customerSettings).values({ id: 1, ...rules }).onConflictDoUpdate({ target: customerSettings.id, set: rules });

/** Midnight starting today in Asia/Shanghai (the company's default time zone). */
function shanghaiToday(): Date {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(`${day}T00:00:00+08:00`);
}
const HOUR = 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const root = await rootDepartmentId(t);
  deptA = (await makeDepartment(t, '销售一部', root)).id;
  const deptB = (await makeDepartment(t, '销售二部', root)).id;
  ids.mgr = (await makeUser(t, { username: 'mgr', name: '王经理', departmentId: deptA, roles: ['sales_manager'] })).id;
  ids.rep1 = (await makeUser(t, { username: 'rep1', name: '李一', departmentId: deptA, roles: ['sales_rep'], supervisorId: ids.mgr })).id;
  ids.rep2 = (await makeUser(t, { username: 'rep2', name: '张二', departmentId: deptA, roles: ['sales_rep'], supervisorId: ids.mgr })).id;
  ids.rep3 = (await makeUser(t, { username: 'rep3', name: '赵三', departmentId: deptB, roles: ['sales_rep'] })).id;
  for (const k of Object.keys(ids) as (keyof typeof ids)[]) c[k] = await t.login(k);
});
afterAll(() => t?.close());

describe('creating and editing customers', () => {
  it('the creator owns a new customer, in their department; the timeline and the audit trail record it', async () => {
    const x = await create(c.rep1, { name: '上海星辰科技有限公司', shortName: '星辰科技', industry: 'it', level: 'A', phone: '021-5555 0001' });
    expect(x).toMatchObject({
      name: '上海星辰科技有限公司',
      kind: 'company',
      ownerId: ids.rep1,
      ownerName: '李一',
      departmentId: deptA,
      departmentName: '销售一部',
      inPool: false,
      isHot: false,
      access: 'scope',
      createdByName: '李一',
      primaryContact: null,
    });
    const events = await t.database.db.select().from(activities).where(eq(activities.customerId, x.id));
    expect(events.map((e) => [e.kind, e.event])).toEqual([['system', 'created']]);
    const history = (await c.rep1.get(`/api/v1/audit/records/customer/${x.id}`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('a person needs a mobile or a phone; a company only a name', async () => {
    const res = await c.rep1.post('/api/v1/customers', { kind: 'person', name: '王小姐' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'CUSTOMER_CONTACT_REQUIRED', details: [{ field: 'mobile', message: '个人客户须填写手机或电话' }] });
    const ok = await create(c.rep1, { kind: 'person', name: '王小姐', mobile: '+86 13900001111', gender: 'female', birthday: '1990-05-01' });
    // Mobiles are kept as their 11 digits, so the same number written differently is the same number.
    expect(ok).toMatchObject({ mobile: '13900001111', gender: 'female', birthday: '1990-05-01' });
    expect((await c.rep1.post('/api/v1/customers', { kind: 'company', name: '  ' })).json().error.details[0].field).toBe('name');
  });

  it('refuses bad input naming the field: unknown or disabled dictionary values, letters in a phone, unknown fields', async () => {
    const unknown = await c.rep1.post('/api/v1/customers', { kind: 'company', name: '某公司', industry: 'space-mining' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'DICTIONARY_VALUE_UNKNOWN', details: [{ field: 'industry' }] });
    const phone = await c.rep1.post('/api/v1/customers', { kind: 'company', name: '某公司', phone: '021-ABC' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.details).toEqual([{ field: 'phone', message: '电话号码只能包含数字、空格、括号、加号和横线' }]);
    expect((await c.rep1.post('/api/v1/customers', { kind: 'company', name: '某公司', mobile: '1380000' })).json().error.details[0].field).toBe('mobile');
    expect((await c.rep1.post('/api/v1/customers', { kind: 'company', name: '某公司', ownerName: 'x' })).statusCode).toBe(400);
    expect((await c.rep1.post('/api/v1/customers', { kind: 'company', name: '某公司', creditCode: '123' })).json().error.details[0].field).toBe('creditCode');
    // A limit is said in plain words, in either language.
    const long = { kind: 'company', name: `某公司${'长'.repeat(100)}` };
    expect((await c.rep1.post('/api/v1/customers', long)).json().error.details).toEqual([{ field: 'name', message: '不能超过 100 个字' }]);
    const longEn = await c.rep1.request('POST', '/api/v1/customers', long, { 'accept-language': 'en' });
    expect(longEn.json().error.details).toEqual([{ field: 'name', message: 'Must be at most 100 characters' }]);

    // A value disabled later may stay on the customers that have it, but is not chosen anew.
    const kept = await create(c.rep1, { name: '级别C的公司', level: 'C' });
    const levelC = ((await admin.get('/api/v1/dictionaries?types=level')).json().items.level as { id: number; code: string }[]).find((i) => i.code === 'C');
    await admin.patch(`/api/v1/dictionaries/items/${levelC?.id}`, { enabled: false });
    try {
      expect((await c.rep1.patch(`/api/v1/customers/${kept.id}`, { remark: '仍是C级', level: 'C' })).statusCode).toBe(200);
      const fresh = await c.rep1.post('/api/v1/customers', { kind: 'company', name: '新C级公司', level: 'C' });
      expect(fresh.json().error.code).toBe('DICTIONARY_VALUE_UNKNOWN');
    } finally {
      await admin.patch(`/api/v1/dictionaries/items/${levelC?.id}`, { enabled: true });
    }
    expect((await names(c.rep1, '&q=某公司')).length).toBe(0);
  });

  it('refuses control characters, invisible-only names and implausible years, naming the field; nothing is written', async () => {
    const field = async (res: { statusCode: number; json: () => { error: { details?: { field: string; message: string }[] } } }) => {
      expect(res.statusCode).toBe(400);
      return res.json().error.details?.[0];
    };
    // NUL reached PostgreSQL inside the duplicate check's lock statement (a 500); other control codes are terminal escapes.
    expect(await field(await c.rep1.post('/api/v1/customers', { kind: 'company', name: '某\u0000公司' }))).toEqual({ field: 'name', message: '含有不可见的控制字符' });
    expect((await field(await c.rep1.post('/api/v1/customers', { kind: 'company', name: '\u001b[31m红色公司' })))?.field).toBe('name');
    for (const blank of ['\u200b\u200b', '\u3164', '\u2800 \ufe0f', '\u2066\u2069']) {
      expect(await field(await c.rep1.post('/api/v1/customers', { kind: 'company', name: blank }))).toEqual({ field: 'name', message: '不能为空' });
    }
    expect((await field(await c.rep1.post('/api/v1/customers', { kind: 'company', name: '换行\u0085公司' })))?.field).toBe('name');
    // Line breaks and tabs in a remark are what people type.
    const kept = await create(c.rep1, { name: '控制字符测试公司', remark: '第一行\n\t第二行' });
    expect(kept.remark).toBe('第一行\n\t第二行');
    expect((await field(await c.rep1.patch(`/api/v1/customers/${kept.id}`, { name: '\u0000' })))?.field).toBe('name');
    expect((await field(await c.rep1.post(`/api/v1/customers/${kept.id}/release`, { reason: '不要了\u0000' })))?.field).toBe('reason');
    const bulk = await c.rep1.post('/api/v1/customers/bulk', { action: 'release', ids: [kept.id], reason: 'a\u0000b' });
    expect((await field(bulk))?.field).toBe('reason');

    // Years PostgreSQL and JavaScript read differently (0050 came back as 1950) or not at all (0000, 0001 BC).
    for (const birthday of ['0000-01-01', '0050-06-01', '1899-12-31', '3000-01-01']) {
      expect(await field(await c.rep1.post('/api/v1/customers', { kind: 'person', name: '日期测试', mobile: '13900001111', birthday }))).toEqual({
        field: 'birthday',
        message: '日期须在 1900 年至 2999 年之间',
      });
    }
    expect((await field(await c.rep1.patch(`/api/v1/customers/${kept.id}`, { nextContactAt: '0001-01-01T00:00:00Z' })))?.field).toBe('nextContactAt');
    expect((await c.rep1.get('/api/v1/activities/reminders?date=0001-01-01')).statusCode).toBe(400);
    expect((await c.rep1.get('/api/v1/customers?updatedFrom=0050-01-01')).statusCode).toBe(400);
    const visit = await c.rep1.post(`/api/v1/customers/${kept.id}/activities`, { kind: 'visit', content: '拜访', occurredAt: '0099-01-01T00:00:00Z' });
    expect((await field(visit))?.field).toBe('occurredAt');

    const after = (await c.rep1.get(`/api/v1/customers/${kept.id}`)).json();
    expect([after.name, after.ownerId, after.nextContactAt, after.lastFollowupAt]).toEqual([kept.name, kept.ownerId, null, null]);
    expect((await names(c.rep1, '&q=红色公司')).length).toBe(0);
  });

  it('an edit records each changed field, old → new, and nothing when nothing changed', async () => {
    const x = await create(c.rep1, { name: '杭州云帆贸易', level: 'B', city: '杭州' });
    const res = await c.rep1.patch(`/api/v1/customers/${x.id}`, { level: 'A', city: '宁波', remark: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ level: 'A', city: '宁波' });
    await c.rep1.patch(`/api/v1/customers/${x.id}`, { level: 'A' });
    expect(res.json()).toMatchObject({ createdByName: '李一', updatedByName: '李一' });
    // The profile shows who changed it last: here the rep's manager.
    expect((await c.mgr.patch(`/api/v1/customers/${x.id}`, { remark: '经理补充' })).json()).toMatchObject({ createdByName: '李一', updatedByName: '王经理' });
    const history = (await c.rep1.get(`/api/v1/audit/records/customer/${x.id}`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(history[1].changes).toEqual([
      { field: 'level', from: 'B', to: 'A' },
      { field: 'city', from: '杭州', to: '宁波' },
    ]);
  });
});

describe('who sees which customer', () => {
  let own1: Customer;
  let own2: Customer;
  let own3: Customer;
  beforeAll(async () => {
    own1 = await create(c.rep1, { name: '范围测试-李一的客户' });
    own2 = await create(c.rep2, { name: '范围测试-张二的客户' });
    own3 = await create(c.rep3, { name: '范围测试-赵三的客户' });
  });

  it('a rep sees their own, not a colleague’s (404 as if it did not exist); the manager sees the team; admin all', async () => {
    expect(await names(c.rep1, '&q=范围测试')).toEqual(['范围测试-李一的客户']);
    expect((await c.rep1.get(`/api/v1/customers/${own2.id}`)).statusCode).toBe(404);
    expect((await c.rep1.patch(`/api/v1/customers/${own2.id}`, { remark: 'x' })).statusCode).toBe(404);
    expect((await c.rep1.get(`/api/v1/audit/records/customer/${own2.id}`)).statusCode).toBe(404);
    expect(await names(c.mgr, '&q=范围测试')).toEqual(['范围测试-张二的客户', '范围测试-李一的客户']);
    expect((await c.mgr.get(`/api/v1/customers/${own2.id}`)).json().access).toBe('scope');
    expect((await c.mgr.get(`/api/v1/customers/${own3.id}`)).statusCode).toBe(404);
    expect((await names(admin, '&q=范围测试')).length).toBe(3);
  });

  it('a share shows the customer to the sharee; read-only refuses writes with 403, read-write allows them', async () => {
    await share(own1.id, ids.rep3, 'read');
    expect(await names(c.rep3, '&q=范围测试')).toEqual(['范围测试-李一的客户', '范围测试-赵三的客户']);
    expect((await c.rep3.get(`/api/v1/customers/${own1.id}`)).json().access).toBe('read_share');
    const refused = await c.rep3.patch(`/api/v1/customers/${own1.id}`, { remark: '只读也想改' });
    expect(refused.statusCode).toBe(403);
    expect((await c.rep3.post(`/api/v1/customers/${own1.id}/hot`, { hot: true })).statusCode).toBe(403);
    expect((await c.rep3.post(`/api/v1/customers/${own1.id}/contacts`, { name: '某人' })).statusCode).toBe(403);
    await share(own1.id, ids.rep3, 'write');
    const allowed = await c.rep3.patch(`/api/v1/customers/${own1.id}`, { remark: '团队成员补充' });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ remark: '团队成员补充', access: 'write_share', ownerId: ids.rep1 });
    // The sharee reads its history; the customer's contacts list follows the customer too.
    expect((await c.rep3.get(`/api/v1/audit/records/customer/${own1.id}`)).statusCode).toBe(200);
  });
});

describe('scenes', () => {
  it('mine, subordinates, shared to me / by me, hot, today, overdue, all', async () => {
    const start = shanghaiToday();
    const a = await create(c.rep1, { name: '场景-今天联系', nextContactAt: new Date(start.getTime() + 12 * HOUR).toISOString() });
    const b = await create(c.rep1, { name: '场景-已逾期', nextContactAt: new Date(start.getTime() - HOUR).toISOString() });
    await create(c.rep1, { name: '场景-明天联系', nextContactAt: new Date(start.getTime() + 36 * HOUR).toISOString() });
    const d = await create(c.rep2, { name: '场景-张二热点' });
    await c.rep2.post(`/api/v1/customers/${d.id}/hot`, { hot: true });
    await share(d.id, ids.rep1, 'read');
    await share(b.id, ids.rep2, 'read');

    const q = '&q=场景-';
    expect(await names(c.rep1, `${q}&scene=mine`)).toEqual(['场景-已逾期', '场景-明天联系', '场景-今天联系'].sort());
    expect(await names(c.rep1, `${q}&scene=today`)).toEqual([a.name]);
    expect(await names(c.rep1, `${q}&scene=overdue`)).toEqual([b.name]);
    expect(await names(c.rep1, `${q}&scene=shared_to_me`)).toEqual([d.name]);
    expect(await names(c.rep1, `${q}&scene=shared_by_me`)).toEqual([b.name]);
    expect(await names(c.rep1, `${q}&scene=hot`)).toEqual([d.name]);
    expect(await names(c.rep1, `${q}&scene=subordinates`)).toEqual([]);
    expect((await names(c.rep1, `${q}&scene=all`)).length).toBe(4);
    expect(await names(c.mgr, `${q}&scene=subordinates`)).toEqual(['场景-已逾期', '场景-明天联系', '场景-今天联系', '场景-张二热点'].sort());
    expect(await names(c.mgr, `${q}&scene=mine`)).toEqual([]);
    expect((await c.rep1.get('/api/v1/customers?scene=everyone')).statusCode).toBe(400);
  });

  it('sorts only by whitelisted fields and reports exact totals', async () => {
    const byName = await list(c.rep1, '&q=场景-&scene=mine&sort=name&order=asc');
    // By pinyin: jin tian, ming tian, yi yu qi.
    expect(byName.items.map((x) => x.name)).toEqual(['场景-今天联系', '场景-明天联系', '场景-已逾期']);
    expect(byName).toMatchObject({ total: 3, totalExact: true });
    const byNext = await list(c.rep1, '&q=场景-&scene=mine&sort=nextContactAt&order=asc');
    expect(byNext.items.map((x) => x.name)).toEqual(['场景-已逾期', '场景-今天联系', '场景-明天联系']);
    expect((await c.rep1.get('/api/v1/customers?sort=name;drop table customers')).statusCode).toBe(400);
    expect((await c.rep1.get('/api/v1/customers?sort=search_text')).statusCode).toBe(400);
    const page = (await c.rep1.get(`/api/v1/customers?q=${encodeURIComponent('场景-')}&scene=mine&pageSize=2&page=2`)).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 3, totalExact: true });
    expect(page.items.length).toBe(1);
  });

  it('filters by level, date ranges (company days) and owner', async () => {
    const x = await create(c.rep2, { name: '筛选-A级', level: 'A' });
    await create(c.rep2, { name: '筛选-B级', level: 'B' });
    expect(await names(c.mgr, '&q=筛选-&level=A')).toEqual([x.name]);
    expect(await names(c.mgr, `&q=筛选-&ownerId=${ids.rep1}`)).toEqual([]);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await names(c.mgr, `&q=筛选-&createdFrom=${day}&createdTo=${day}`)).length).toBe(2);
    expect(await names(c.mgr, '&q=筛选-&createdTo=2000-01-01')).toEqual([]);
  });
});

describe('search', () => {
  it('finds customers by a Chinese substring of the name and by part of a contact’s phone, within scope', async () => {
    const x = await create(c.rep1, { name: '深圳前海微众数据服务有限公司' });
    await c.rep1.post(`/api/v1/customers/${x.id}/contacts`, { name: '陈经理', mobile: '13712345678' });
    await create(c.rep3, { name: '深圳前海另一家公司' });
    expect(await names(c.rep1, `&q=${encodeURIComponent('前海微众')}`)).toEqual([x.name]);
    expect(await names(c.rep1, `&q=${encodeURIComponent('微')}`)).toContain(x.name);
    expect(await names(c.rep1, '&q=2345678')).toEqual([x.name]);
    expect(await names(c.rep1, `&q=${encodeURIComponent('陈经理')}`)).toEqual([x.name]);
    // Within scope: the other company matches the text but is not 李一's.
    expect(await names(c.rep1, `&q=${encodeURIComponent('深圳前海')}`)).toEqual([x.name]);
    // Wildcards are text, not patterns.
    expect(await names(c.rep1, '&q=%25')).toEqual([]);
    // An edit of the contact's phone is searchable at once.
    const contact = (await c.rep1.get(`/api/v1/customers/${x.id}/contacts`)).json().items[0];
    await c.rep1.patch(`/api/v1/contacts/${contact.id}`, { mobile: '13698765432' });
    expect(await names(c.rep1, '&q=2345678')).toEqual([]);
    expect(await names(c.rep1, '&q=98765432')).toEqual([x.name]);
  });

  it('finds one- and two-letter terms (served by search_grams) exactly like longer ones, following edits', async () => {
    const x = await create(c.rep1, { name: '鑫淼短词测试有限公司', shortName: 'Qz短' });
    await c.rep1.post(`/api/v1/customers/${x.id}/contacts`, { name: '欧阳燚', mobile: '13700001111' });
    const find = (term: string) => names(c.rep1, `&q=${encodeURIComponent(term)}`);
    expect(await find('鑫淼')).toEqual([x.name]);
    expect(await find('淼')).toEqual([x.name]);
    expect(await find('qz')).toEqual([x.name]); // case-insensitive, like the substring path
    expect(await find('阳燚')).toEqual([x.name]); // a contact's name
    expect(await find('淼鑫')).toEqual([]); // a pair that is not in the text
    expect(await find('司欧')).toEqual([]); // pairs do not span two words
    // Scope still applies: another rep does not find it.
    expect(await names(c.rep3, `&q=${encodeURIComponent('鑫淼')}`)).toEqual([]);
    // Renaming the contact moves its grams with it; the pool and recycle bin search the same way.
    const contact = (await c.rep1.get(`/api/v1/customers/${x.id}/contacts`)).json().items[0];
    await c.rep1.patch(`/api/v1/contacts/${contact.id}`, { name: '司马焱' });
    expect(await find('阳燚')).toEqual([]);
    expect(await find('焱')).toEqual([x.name]);
    const contactsFound = (await c.rep1.get(`/api/v1/contacts?q=${encodeURIComponent('马焱')}`)).json().items;
    expect(contactsFound.map((k: { name: string }) => k.name)).toEqual(['司马焱']);
  });

  it('pages and counts a search the same whether it matches few rows or more than FEW_MATCHES', async () => {
    // More matches than a search page collects at once: the count and the index walk answer instead.
    const n = FEW_MATCHES + 100;
    await t.database.db.execute(sql`
      insert into customers (kind, name, owner_id, department_id, search_text, updated_at)
      select 'company', '批量搜索' || g, ${ids.rep1}, ${deptA}, '批量搜索' || g, now() - g * interval '1 minute' from generate_series(1, ${n}) g`);
    const q = `&q=${encodeURIComponent('批量搜索')}`;
    const first = await list(c.rep1, q);
    expect([first.total, first.totalExact]).toEqual([n, true]);
    expect(first.items.slice(0, 3).map((x) => x.name)).toEqual(['批量搜索1', '批量搜索2', '批量搜索3']);
    const lastPage = Math.ceil(n / 200);
    const last = await list(c.rep1, `${q}&page=${lastPage}`);
    expect(last.items.length).toBe(n - (lastPage - 1) * 200);
    expect(last.items.at(-1)?.name).toBe(`批量搜索${n}`);
    expect(await list(c.rep1, `${q}&page=${lastPage + 1}`)).toMatchObject({ items: [], total: n });
    // Few matches: found and counted in one statement; a page past the end still tells the total.
    const few = `&q=${encodeURIComponent(`批量搜索${n / 10}`)}`;
    expect(await list(c.rep1, few)).toMatchObject({ total: 2, items: [{ name: `批量搜索${n / 10}` }, { name: `批量搜索${n}` }] });
    expect(await list(c.rep1, `${few}&page=2`)).toMatchObject({ items: [], total: 2 });
  });

  it('finds a phone however it is typed: with or without dashes and spaces, with +86', async () => {
    const landline = await create(c.rep2, { name: '杭州云帆智能装备有限公司', phone: '0571-86903421' });
    const person = await create(c.rep2, { kind: 'person', name: '陈美玲', mobile: '138 2266 7789' });
    expect(person.mobile).toBe('13822667789');
    for (const typed of ['0571-86903421', '057186903421', '0571 8690 3421', '86903421']) {
      expect(await names(c.rep2, `&q=${encodeURIComponent(typed)}`), typed).toEqual([landline.name]);
    }
    for (const typed of ['138-2266-7789', '+86 138 2266 7789', '13822667789']) {
      expect(await names(c.rep2, `&q=${encodeURIComponent(typed)}`), typed).toEqual([person.name]);
    }
    // A contact's landline too, through the contacts list.
    await c.rep2.post(`/api/v1/customers/${landline.id}/contacts`, { name: '周工', phone: '0571-8888 1234' });
    const found = (await c.rep2.get(`/api/v1/contacts?q=${encodeURIComponent('057188881234')}`)).json().items;
    expect(found.map((k: { name: string }) => k.name)).toEqual(['周工']);
  });

  it('finds a number of 5 digits or more only where it stands in one piece, not from its parts', async () => {
    const x = await create(c.rep2, { name: '温州数码分段测试有限公司', phone: '1234567' });
    await c.rep2.post(`/api/v1/customers/${x.id}/contacts`, { name: '郑工', mobile: '13456789000' });
    // Every 5-digit run of 123456789 is in the text (12345, 23456, 34567 and 45678, 56789), the number is not.
    expect(await names(c.rep2, '&q=123456789')).toEqual([]);
    for (const typed of ['1234567', '3456789', '13456789000', '56789', '4567']) {
      expect(await names(c.rep2, `&q=${typed}`), typed).toContain(x.name);
    }
  });

  it('a new customer’s search text, written with the row, is what rebuilding it from the row makes', async () => {
    const made = await create(c.rep2, { name: '宁波Ｅ联 Tech 有限公司', shortName: '  E联  ', phone: '0574-8765 4329', mobile: '139 8765 0423' });
    const searchText = async () =>
      (await t.database.db.select({ text: customers.searchText }).from(customers).where(eq(customers.id, made.id)))[0].text;
    const written = await searchText();
    await rebuildSearchText(t.database.db, made.id);
    expect(written).toBe(await searchText());
  });
});

describe('duplicates', () => {
  it('refuses an exact duplicate name or phone, naming only the owner; allows it when the setting says so', async () => {
    const x = await create(c.rep1, { name: '北京重名测试有限公司', phone: '010-88886666' });
    const byName = await c.rep3.post('/api/v1/customers', { kind: 'company', name: '北京重名测试有限公司' });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().error).toEqual({
      code: 'CUSTOMER_DUPLICATE',
      message: '已存在同名客户（负责人：李一）',
      details: [{ field: 'name', message: '已存在同名客户（负责人：李一）' }],
    });
    const byPhone = await c.rep3.post('/api/v1/customers', { kind: 'company', name: '另一个名字', mobile: null, phone: '010-88886666' });
    expect(byPhone.statusCode).toBe(409);
    expect(byPhone.json().error.details).toEqual([{ field: 'phone', message: '该号码已登记在其他客户名下（负责人：李一）' }]);
    // Nothing about the customer itself: no id, no name.
    expect(Object.keys(byPhone.json().error)).toEqual(['code', 'message', 'details']);
    expect(byPhone.body).not.toContain('北京重名');
    // Renaming another customer onto the name is refused the same way.
    const y = await create(c.rep1, { name: '另一家' });
    expect((await c.rep1.patch(`/api/v1/customers/${y.id}`, { name: '北京重名测试有限公司' })).statusCode).toBe(409);
    // Saving itself unchanged is not a duplicate of itself.
    expect((await c.rep1.patch(`/api/v1/customers/${x.id}`, { name: '北京重名测试有限公司', phone: '010-88886666' })).statusCode).toBe(200);

    await setRules({ allowDuplicateName: true, allowDuplicatePhone: true });
    try {
      expect((await c.rep3.post('/api/v1/customers', { kind: 'company', name: '北京重名测试有限公司', phone: '010-88886666' })).statusCode).toBe(200);
    } finally {
      await setRules({ allowDuplicateName: false, allowDuplicatePhone: false });
    }
  });

  it('the check shows whose matching customers are, with details only for those the caller may see', async () => {
    await create(c.rep1, { name: '广州天河查重科技有限公司', mobile: '13511112222' });
    const mine = await c.rep1.post('/api/v1/customers/check-duplicates', { name: '天河查重科技' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().matches[0]).toMatchObject({ name: '广州天河查重科技有限公司', matchedOn: 'name', ownerName: '李一', visible: true, inPool: false });
    expect(mine.json().matches[0].id).toEqual(expect.any(Number));

    const other = (await c.rep3.post('/api/v1/customers/check-duplicates', { name: '广州天河查重科技', mobile: '135 1111 2222' })).json().matches;
    expect(other.map((m: { matchedOn: string }) => m.matchedOn).sort()).toEqual(['name', 'phone']);
    for (const m of other) {
      expect(m).toMatchObject({ id: null, visible: false, ownerName: '李一' });
      expect(m.name).not.toContain('天河');
    }
    expect((await c.rep3.post('/api/v1/customers/check-duplicates', { name: '完全不相干的名字' })).json().matches).toEqual([]);

    // Exactly the name is 同名 (saving refuses it); differing only in case it is similar (saving accepts it).
    await create(c.rep1, { name: 'ABC查重贸易' });
    const exact = (await c.rep1.post('/api/v1/customers/check-duplicates', { name: 'ABC查重贸易' })).json().matches;
    expect(exact.map((m: { matchedOn: string }) => m.matchedOn)).toEqual(['sameName']);
    const cased = (await c.rep1.post('/api/v1/customers/check-duplicates', { name: 'abc查重贸易' })).json().matches;
    expect(cased.map((m: { matchedOn: string }) => m.matchedOn)).toEqual(['name']);
  });

  it('counts customers in the pool, and numbers by their digits: the check says so, and saving a duplicate names the pool, not a person', async () => {
    const pooled = await c.mgr.post('/api/v1/customers', { kind: 'company', name: '深圳南山池中重名有限公司', phone: '0755-26660001', toPool: true });
    expect(pooled.statusCode, pooled.body).toBe(200);
    expect(pooled.json()).toMatchObject({ ownerId: null, poolReason: '新建时放入客户池' });
    const check = (await c.rep3.post('/api/v1/customers/check-duplicates', { name: '深圳南山池中重名有限公司', phone: '0755 2666 0001' })).json().matches;
    // The very same name is called so (the save below refuses it); one differing only in case is merely similar.
    expect(check.map((m: { matchedOn: string }) => m.matchedOn).sort()).toEqual(['phone', 'sameName']);
    for (const m of check) expect(m).toMatchObject({ inPool: true, ownerName: null });
    const byName = await c.rep3.post('/api/v1/customers', { kind: 'company', name: '深圳南山池中重名有限公司' });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().error.details).toEqual([{ field: 'name', message: '客户池中已有同名客户' }]);
    // The same landline written another way (as caller ID shows it) is the same number.
    const byPhone = await c.rep3.post('/api/v1/customers', { kind: 'company', name: '另一家池外公司', phone: '075526660001' });
    expect(byPhone.json().error.details).toEqual([{ field: 'phone', message: '该号码已登记在客户池中的客户名下' }]);
    expect((await c.rep3.get('/api/v1/customers?q=池外公司')).json().total).toBe(0);
  });

  it('a number written with +86 is the same number written at home, and is kept in that form', async () => {
    const landline = await c.rep1.post('/api/v1/customers', { kind: 'company', name: '国际区号座机公司', phone: '+86 755 2777 0002' });
    expect(landline.json()).toMatchObject({ phone: '0755 2777 0002' });
    const sameLandline = await c.rep2.post('/api/v1/customers', { kind: 'company', name: '国内写法座机公司', phone: '0755-2777 0002' });
    expect(sameLandline.statusCode).toBe(409);
    expect(sameLandline.json().error.details[0].field).toBe('phone');

    const mobileAsPhone = await c.rep1.post('/api/v1/customers', { kind: 'company', name: '座机栏写手机公司', phone: '(+86) 138 0000 2222' });
    expect(mobileAsPhone.json()).toMatchObject({ phone: '138 0000 2222' });
    const person = await c.rep2.post('/api/v1/customers', { kind: 'person', name: '同号个人', mobile: '13800002222' });
    expect(person.statusCode).toBe(409);
    expect(person.json().error.details[0].field).toBe('mobile');
    // The check while typing finds them either way.
    expect((await c.rep2.post('/api/v1/customers/check-duplicates', { phone: '+86 755 2777 0002' })).json().matches).toHaveLength(1);
    expect((await c.rep2.post('/api/v1/customers/check-duplicates', { phone: '0086 13800002222' })).json().matches).toHaveLength(1);
  });
});

describe('hot customers', () => {
  it('marks and unmarks, in the timeline and the audit trail; marking twice records once', async () => {
    const x = await create(c.rep1, { name: '热点测试公司' });
    const marked = await c.rep1.post(`/api/v1/customers/${x.id}/hot`, { hot: true });
    expect(marked.json().isHot).toBe(true);
    await c.rep1.post(`/api/v1/customers/${x.id}/hot`, { hot: true });
    expect(await names(c.rep1, '&scene=hot&q=热点测试')).toEqual(['热点测试公司']);
    expect((await c.rep1.post(`/api/v1/customers/${x.id}/hot`, { hot: false })).json().isHot).toBe(false);
    const events = await t.database.db
      .select({ event: activities.event, userId: activities.userId })
      .from(activities)
      .where(and(eq(activities.customerId, x.id), eq(activities.kind, 'system')))
      .orderBy(activities.id);
    expect(events).toEqual([
      { event: 'created', userId: ids.rep1 },
      { event: 'hot', userId: ids.rep1 },
      { event: 'unhot', userId: ids.rep1 },
    ]);
    const history = (await c.rep1.get(`/api/v1/audit/records/customer/${x.id}`)).json().items;
    expect(history[0]).toMatchObject({ action: 'state', changes: [{ field: 'isHot', from: true, to: false }] });
    // Each summary is stored in Chinese and as a key with its values, for the web to say in either language.
    expect(history.map((e: { summary: string; summaryKey: string; summaryParams: unknown }) => [e.summary, e.summaryKey, e.summaryParams])).toEqual([
      ['热点测试公司: 取消热点', 'customer.auditSummary.unmarkedHot', { name: '热点测试公司' }],
      ['热点测试公司: 标记热点', 'customer.auditSummary.markedHot', { name: '热点测试公司' }],
      ['热点测试公司（负责人：李一）', 'customer.auditSummary.created', { name: '热点测试公司', owner: '李一' }],
    ]);
  });
});

describe('delete, recycle bin, restore', () => {
  it('a manager deletes (soft); it leaves every list; an administrator restores it from the recycle bin', async () => {
    const x = await create(c.rep1, { name: '回收站测试公司' });
    expect((await c.rep1.delete(`/api/v1/customers/${x.id}`)).statusCode).toBe(403);
    expect((await c.mgr.delete(`/api/v1/customers/${x.id}`)).statusCode).toBe(204);
    expect((await c.rep1.get(`/api/v1/customers/${x.id}`)).statusCode).toBe(404);
    expect(await names(c.rep1, '&q=回收站测试')).toEqual([]);
    expect((await c.mgr.delete(`/api/v1/customers/${x.id}`)).statusCode).toBe(404);
    expect((await c.mgr.get('/api/v1/customers/recycle-bin')).statusCode).toBe(403);

    const bin = (await admin.get('/api/v1/customers/recycle-bin?q=回收站测试')).json();
    expect(bin.items).toHaveLength(1);
    expect(bin.items[0]).toMatchObject({ id: x.id, deletedByName: '王经理', ownerName: '李一' });
    expect(bin.items[0].deletedAt).toEqual(expect.any(String));

    const restored = await admin.post(`/api/v1/customers/${x.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ ownerId: ids.rep1 });
    expect(await names(c.rep1, '&q=回收站测试')).toEqual(['回收站测试公司']);
    expect((await admin.post(`/api/v1/customers/${x.id}/restore`)).statusCode).toBe(404);
    const history = (await admin.get(`/api/v1/audit/records/customer/${x.id}`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['state', 'delete', 'create']);
  });

  it('an administrator restores several at once; one whose name a live customer took meanwhile stays in the bin, with the reason', async () => {
    const a = await create(c.rep1, { name: '批量恢复-甲' });
    const b = await create(c.rep1, { name: '批量恢复-乙' });
    expect((await c.mgr.post('/api/v1/customers/bulk', { action: 'delete', ids: [a.id, b.id] })).json()).toEqual({ done: 2, failed: [] });
    const taken = await create(c.rep3, { name: '批量恢复-乙' });
    // Restoring needs customer.recycle: a manager is refused before anything is tried.
    expect((await c.mgr.post('/api/v1/customers/bulk', { action: 'restore', ids: [a.id] })).statusCode).toBe(403);

    const res = await admin.post('/api/v1/customers/bulk', { action: 'restore', ids: [a.id, b.id, taken.id] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.done).toBe(1);
    expect(body.failed).toEqual([
      { id: b.id, code: 'CUSTOMER_DUPLICATE', message: expect.stringContaining('赵三') },
      { id: taken.id, code: 'NOT_FOUND', message: '记录不存在或无权查看' },
    ]);
    expect(await names(c.rep1, '&q=批量恢复')).toEqual(['批量恢复-甲']);
    const bin = (await admin.get('/api/v1/customers/recycle-bin?q=批量恢复')).json();
    expect(bin.items.map((x: { id: number }) => x.id)).toEqual([b.id]);
  });

  it('a later module’s guard refuses deleting a customer with documents (409), changing nothing', async () => {
    const x = await create(c.rep1, { name: '有单据的客户' });
    const off = registerCustomerDeleteGuard(async (_db, customerId) => (customerId === x.id ? { documents: 2 } : null));
    try {
      const res = await c.mgr.delete(`/api/v1/customers/${x.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toEqual({ code: 'CUSTOMER_HAS_DOCUMENTS', message: '该客户还有 2 张单据，不能删除' });
      expect((await c.rep1.get(`/api/v1/customers/${x.id}`)).statusCode).toBe(200);
    } finally {
      off();
    }
    expect((await c.mgr.delete(`/api/v1/customers/${x.id}`)).statusCode).toBe(204);
  });
});

describe('bulk', () => {
  it('does what it may and reports, per customer, what it may not', async () => {
    const mine = await create(c.rep1, { name: '批量-李一' });
    const theirs = await create(c.rep3, { name: '批量-赵三' });
    const res = await c.rep1.post('/api/v1/customers/bulk', { action: 'hot', ids: [mine.id, theirs.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ done: 1, failed: [{ id: theirs.id, code: 'NOT_FOUND', message: '记录不存在或无权查看' }] });
    expect((await c.rep1.get(`/api/v1/customers/${mine.id}`)).json().isHot).toBe(true);
    expect((await c.rep3.get(`/api/v1/customers/${theirs.id}`)).json().isHot).toBe(false);
    // Without the action's permission nothing is attempted.
    expect((await c.rep1.post('/api/v1/customers/bulk', { action: 'delete', ids: [mine.id] })).statusCode).toBe(403);
    expect((await c.rep1.post('/api/v1/customers/bulk', { action: 'transfer', ids: [mine.id] })).statusCode).toBe(403);
    const deleted = await c.mgr.post('/api/v1/customers/bulk', { action: 'delete', ids: [mine.id] });
    expect(deleted.json()).toEqual({ done: 1, failed: [] });
    expect((await c.rep1.get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(404);
  });

  it('transfers and shares several at once; a missing recipient or access is refused before anything is done', async () => {
    const a = await create(c.rep1, { name: '批量转移-甲' });
    const b = await create(c.rep1, { name: '批量转移-乙' });
    const noTarget = await c.mgr.post('/api/v1/customers/bulk', { action: 'transfer', ids: [a.id, b.id] });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().error).toMatchObject({ code: 'BULK_FIELD_REQUIRED', message: '此批量操作须填写接收人', details: [{ field: 'toUserId' }] });
    const noAccess = await c.mgr.post('/api/v1/customers/bulk', { action: 'share', ids: [a.id], toUserId: ids.rep3 });
    expect(noAccess.json().error).toMatchObject({ code: 'BULK_FIELD_REQUIRED', details: [{ field: 'access' }] });
    expect((await c.rep1.get(`/api/v1/customers/${a.id}`)).json().ownerId).toBe(ids.rep1);

    expect((await c.mgr.post('/api/v1/customers/bulk', { action: 'transfer', ids: [a.id, b.id], toUserId: ids.rep2 })).json()).toEqual({ done: 2, failed: [] });
    for (const x of [a, b]) expect((await c.rep2.get(`/api/v1/customers/${x.id}`)).json()).toMatchObject({ ownerId: ids.rep2, previousOwnerId: ids.rep1 });
    expect((await c.rep1.get(`/api/v1/customers/${a.id}`)).statusCode).toBe(404);

    const shared = await c.rep2.post('/api/v1/customers/bulk', { action: 'share', ids: [a.id, b.id], toUserId: ids.rep3, access: 'read' });
    expect(shared.json()).toEqual({ done: 2, failed: [] });
    // 操作记录 names the people behind the ids it stores: both owners, and the member shared with.
    const [share, transfer] = (await c.rep2.get(`/api/v1/audit/records/customer/${a.id}`)).json().items;
    expect(transfer.changes).toEqual([{ field: 'ownerId', from: ids.rep1, to: ids.rep2, fromName: '李一', toName: '张二' }]);
    expect(share.changes).toEqual([{ field: `team.${ids.rep3}`, from: null, to: 'read', subjectName: '赵三' }]);
    const sharedToMe = (await c.rep3.get('/api/v1/customers?scene=shared_to_me&q=批量转移')).json().items;
    expect(sharedToMe.map((i: Customer) => [i.name, i.access]).sort()).toEqual([
      ['批量转移-乙', 'read_share'],
      ['批量转移-甲', 'read_share'],
    ]);
  });
});

describe('contacts', () => {
  it('keeps exactly one primary contact per customer', async () => {
    const x = await create(c.rep1, { name: '联系人测试公司' });
    const contactsOf = async () =>
      (await c.rep1.get(`/api/v1/customers/${x.id}/contacts`)).json().items as { id: number; name: string; isPrimary: boolean }[];
    const first = (await c.rep1.post(`/api/v1/customers/${x.id}/contacts`, { name: '赵总', title: '总经理', isDecisionMaker: true })).json();
    expect(first).toMatchObject({ isPrimary: true, customerName: '联系人测试公司', isDecisionMaker: true });
    const second = (await c.rep1.post(`/api/v1/customers/${x.id}/contacts`, { name: '钱助理', email: 'qian@example.com' })).json();
    expect(second.isPrimary).toBe(false);
    const third = await c.rep1.post(`/api/v1/customers/${x.id}/contacts`, { name: '孙主管', isPrimary: true });
    expect(third.json().isPrimary).toBe(true);
    expect((await contactsOf()).filter((k) => k.isPrimary).map((k) => k.name)).toEqual(['孙主管']);
    expect((await c.rep1.get(`/api/v1/customers/${x.id}`)).json().primaryContact).toMatchObject({ name: '孙主管' });

    expect((await c.rep1.patch(`/api/v1/contacts/${first.id}`, { isPrimary: true })).json().isPrimary).toBe(true);
    expect((await contactsOf()).filter((k) => k.isPrimary).map((k) => k.name)).toEqual(['赵总']);
    const unset = await c.rep1.patch(`/api/v1/contacts/${first.id}`, { isPrimary: false });
    expect(unset.statusCode).toBe(400);
    expect(unset.json().error).toMatchObject({ code: 'CONTACT_PRIMARY_REQUIRED', details: [{ field: 'isPrimary' }] });

    // Deleting the primary hands it to the longest-standing remaining contact.
    expect((await c.rep1.delete(`/api/v1/contacts/${first.id}`)).statusCode).toBe(204);
    expect((await contactsOf()).map((k) => [k.name, k.isPrimary])).toEqual([
      ['钱助理', true],
      ['孙主管', false],
    ]);
    expect((await c.rep1.post(`/api/v1/customers/${x.id}/contacts`, { name: '坏邮箱', email: 'not-an-email' })).statusCode).toBe(400);
    const history = (await c.rep1.get(`/api/v1/audit/records/contact/${first.id}`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);

    // The customer's own history lists its contacts' entries too, the takeover of the primary included.
    type Entry = { action: string; entityType: string; entityId: string; summary: string; changes: unknown };
    const customerHistory = (await c.rep1.get(`/api/v1/audit/records/customer/${x.id}`)).json().items as Entry[];
    const ofContacts = customerHistory.filter((e) => e.entityType === 'contact');
    expect(ofContacts.map((e) => [e.action, e.summary])).toEqual([
      ['delete', '联系人测试公司: 赵总'],
      ['update', '联系人测试公司: 钱助理'],
      ['update', '联系人测试公司: 赵总'],
      ['create', '联系人测试公司: 孙主管'],
      ['create', '联系人测试公司: 钱助理'],
      ['create', '联系人测试公司: 赵总'],
    ]);
    expect(ofContacts[1]).toMatchObject({ entityId: String(second.id), changes: [{ field: 'isPrimary', from: false, to: true }] });
    expect(customerHistory.at(-1)).toMatchObject({ entityType: 'customer', action: 'create' });
  });

  it('the contacts list is scoped like customers and searchable', async () => {
    const x = await create(c.rep2, { name: '联系人范围-张二' });
    await c.rep2.post(`/api/v1/customers/${x.id}/contacts`, { name: '周联系人', mobile: '13800001234' });
    const own = (await c.rep2.get('/api/v1/contacts?q=周联系')).json();
    expect(own.items.map((k: { name: string }) => k.name)).toEqual(['周联系人']);
    expect(own).toMatchObject({ total: 1, totalExact: true });
    expect((await c.rep2.get('/api/v1/contacts?q=00001234')).json().items).toHaveLength(1);
    expect((await c.rep3.get('/api/v1/contacts?q=周联系')).json().items).toEqual([]);
    expect((await c.rep3.get(`/api/v1/customers/${x.id}/contacts`)).statusCode).toBe(404);
    expect((await c.mgr.get('/api/v1/contacts?q=周联系')).json().items).toHaveLength(1);
    const id = own.items[0].id;
    expect((await c.rep3.patch(`/api/v1/contacts/${id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await c.rep3.get(`/api/v1/audit/records/contact/${id}`)).statusCode).toBe(404);
  });
});
