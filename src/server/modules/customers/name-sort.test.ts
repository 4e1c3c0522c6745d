import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness';
import { fillNameSortKeys, nameSortKey } from './name-sort';
import { customers } from './schema';
import { makeCustomer, salesTeam } from './test-fixtures';

/**
 * 客户名称 sorts as Chinese readers look names up, by pinyin, on either database; rows without a
 * key (from before migration 0017) get one from the job and sort after the others until then.
 */

describe('the pinyin sort key', () => {
  // What a byte-wise (C collation) ORDER BY does with the keys.
  const sorted = (names: string[], kind: 'company' | 'person' = 'company') =>
    [...names].sort((a, b) => (nameSortKey(a, kind) < nameSortKey(b, kind) ? -1 : 1));

  it('orders names by their reading, not by code point', () => {
    expect(sorted(['上海华盛科技有限公司', '重庆长安汽车', '安徽海螺水泥', '北京华为', '长沙银行', 'ABC 贸易', '3M 中国'])).toEqual([
      '3M 中国',
      'ABC 贸易',
      '安徽海螺水泥',
      '北京华为',
      '长沙银行',
      '重庆长安汽车',
      '上海华盛科技有限公司',
    ]);
  });

  it('puts a name before the longer names it begins, and keeps same-sounding names together', () => {
    expect(sorted(['华盛科技', '华胜', '华盛', '华盛电子'])).toEqual(['华盛', '华胜', '华盛电子', '华盛科技']);
  });

  it('reads a person’s first character as a surname', () => {
    expect(nameSortKey('曾小贤', 'person').startsWith('zeng xiao xian\t')).toBe(true);
    expect(sorted(['单田芳', '曹操', '赵云'], 'person')).toEqual(['曹操', '单田芳', '赵云']);
  });
});

describe('GET /customers?sort=name', () => {
  let t: TestApp;
  let rep1: TestClient;
  let owner = 0;
  const names = async (order: 'asc' | 'desc') => {
    const res = await rep1.get(`/api/v1/customers?q=排序&sort=name&order=${order}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { name: string }[]).map((c) => c.name);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const team = await salesTeam(t);
    owner = team.ids.rep1;
    rep1 = team.c.rep1;
  });
  afterAll(() => t?.close());

  it('lists by pinyin both ways, follows a rename, and gives keyless rows theirs', async () => {
    for (const name of ['上海排序', '北京排序', '安徽排序']) await makeCustomer(t, { name, ownerId: owner });
    const created = (await rep1.post('/api/v1/customers', { kind: 'company', name: '重庆排序' })).json();
    expect(await names('asc')).toEqual(['安徽排序', '北京排序', '重庆排序', '上海排序']);
    expect(await names('desc')).toEqual(['上海排序', '重庆排序', '北京排序', '安徽排序']);

    // Renamed through the API: its key follows.
    expect((await rep1.patch(`/api/v1/customers/${created.id}`, { name: '长春排序' })).statusCode).toBe(200);
    expect(await names('asc')).toEqual(['安徽排序', '北京排序', '长春排序', '上海排序']);

    // A row from before the key existed sorts at one end (as the index holds it) until the job has been by.
    const [old] = await t.database.db.insert(customers).values({ kind: 'company', name: '阿里排序', ownerId: owner, searchText: '阿里排序' }).returning();
    expect(old.nameSort).toBeNull();
    expect(await names('desc')).toEqual(['上海排序', '长春排序', '北京排序', '安徽排序', '阿里排序']);
    expect(await fillNameSortKeys(t.database.db)).toEqual({ filled: 1 });
    expect(await names('asc')).toEqual(['阿里排序', '安徽排序', '北京排序', '长春排序', '上海排序']);
    expect(await names('desc')).toEqual(['上海排序', '长春排序', '北京排序', '安徽排序', '阿里排序']);
    const [filled] = await t.database.db.select().from(customers).where(eq(customers.id, old.id));
    expect(filled.nameSort).toBe(nameSortKey('阿里排序', 'company'));
    expect(await fillNameSortKeys(t.database.db)).toEqual({ filled: 0 });
  });

  it('compares keys byte by byte whatever the database’s own collation (a linguistic one skips the spaces and the tab)', async () => {
    const [column] = await rows<{ collation: string | null }>(
      t.database.db,
      sql`select collation_name as collation from information_schema.columns where table_name = 'customers' and column_name = 'name_sort'`,
    );
    expect(column.collation).toBe('C');
  });
});
