import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { customers } from './schema';
import { makeCustomer } from './test-fixtures';

/**
 * Every filter of GET /customers, one at a time, over a handful of customers that differ in each
 * field: exactly the expected customers come back. Days are the company's (Asia/Shanghai by default).
 * Departments: 华东区 with its sub-department 杭州组, and 华南区.
 */

let t: TestApp;
let admin: TestClient;
const dept = { east: 0, hangzhou: 0, south: 0 };

const names = async (query: string) => {
  const res = await admin.get(`/api/v1/customers?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { name: string }[]).map((x) => x.name).sort();
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const root = await rootDepartmentId(t);
  dept.east = (await makeDepartment(t, '华东区', root)).id;
  dept.hangzhou = (await makeDepartment(t, '杭州组', dept.east)).id;
  dept.south = (await makeDepartment(t, '华南区', root)).id;
  const owner = (await makeUser(t, { username: 'rep1', departmentId: dept.hangzhou, roles: ['sales_rep'] })).id;

  const rows: (Partial<typeof customers.$inferInsert> & { name: string })[] = [
    {
      name: '甲',
      kind: 'company',
      industry: 'it',
      source: 'online',
      status: 'intent',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      departmentId: dept.hangzhou,
      // Late on 10 March in Shanghai, still 10 March in UTC too.
      lastFollowupAt: new Date('2024-03-10T23:30:00+08:00'),
      nextContactAt: new Date('2024-04-01T09:00:00+08:00'),
      updatedAt: new Date('2024-05-01T10:00:00Z'),
    },
    {
      name: '乙',
      kind: 'person',
      industry: 'finance',
      source: 'referral',
      status: 'deal',
      province: '浙江省',
      city: '杭州市',
      district: '滨江区',
      departmentId: dept.east,
      // Just after midnight of 11 March in Shanghai, but 10 March in UTC: the company's day decides.
      lastFollowupAt: new Date('2024-03-11T00:30:00+08:00'),
      nextContactAt: new Date('2024-04-02T09:00:00+08:00'),
      updatedAt: new Date('2024-05-02T10:00:00Z'),
    },
    {
      name: '丙',
      kind: 'company',
      industry: 'it',
      source: 'exhibition',
      status: 'intent',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      departmentId: dept.south,
      lastFollowupAt: null,
      nextContactAt: null,
      updatedAt: new Date('2024-06-01T10:00:00Z'),
    },
  ];
  for (const { name, ...fields } of rows) {
    const made = await makeCustomer(t, { name, ownerId: owner });
    await t.database.db.update(customers).set(fields).where(eq(customers.id, made.id));
  }
});
afterAll(() => t?.close());

describe('filtering the customer list', () => {
  it('each filter keeps exactly the matching customers: fields, department subtree, inclusive day and time bounds', async () => {
    expect(await names('')).toEqual(['丙', '乙', '甲'].sort());
    expect(await names('kind=person')).toEqual(['乙']);
    expect(await names('industry=it')).toEqual(['丙', '甲'].sort());
    expect(await names('source=referral')).toEqual(['乙']);
    expect(await names('status=intent')).toEqual(['丙', '甲'].sort());
    expect(await names(`province=${encodeURIComponent('浙江省')}`)).toEqual(['乙', '甲'].sort());
    expect(await names(`city=${encodeURIComponent('深圳市')}`)).toEqual(['丙']);
    expect(await names(`district=${encodeURIComponent('西湖区')}`)).toEqual(['甲']);

    // A department takes its sub-departments along; a leaf only itself.
    expect(await names(`departmentId=${dept.east}`)).toEqual(['乙', '甲'].sort());
    expect(await names(`departmentId=${dept.hangzhou}`)).toEqual(['甲']);
    expect(await names(`departmentId=${dept.south}`)).toEqual(['丙']);

    expect(await names('nextContactFrom=2024-04-02')).toEqual(['乙']);
    expect(await names('nextContactTo=2024-04-01')).toEqual(['甲']);

    // The To day is included up to its last minute; the next day is not (days in Asia/Shanghai).
    expect(await names('lastFollowupFrom=2024-03-10&lastFollowupTo=2024-03-10')).toEqual(['甲']);
    expect(await names('lastFollowupFrom=2024-03-11')).toEqual(['乙']);
    expect(await names('lastFollowupTo=2024-03-09')).toEqual([]);
    // An ISO time is an exact, inclusive bound.
    expect(await names('lastFollowupTo=2024-03-10T16:30:00Z')).toEqual(['乙', '甲'].sort());
    expect(await names('lastFollowupTo=2024-03-10T16:29:59Z')).toEqual(['甲']);

    expect(await names('updatedFrom=2024-05-02&updatedTo=2024-05-31')).toEqual(['乙']);
    expect(await names('updatedTo=2024-05-01')).toEqual(['甲']);
    expect(await names('updatedTo=2024-05-01T10:00:00Z')).toEqual(['甲']);
    expect(await names('updatedFrom=2024-05-01T10:00:00.001Z')).toEqual(['丙', '乙'].sort());

    // Filters combine.
    expect(await names(`industry=it&departmentId=${dept.east}`)).toEqual(['甲']);
    expect((await admin.get('/api/v1/customers?lastFollowupTo=yesterday')).statusCode).toBe(400);
  });

  it('saved scenes accept the new filters (the list’s own schema)', async () => {
    const filters = { district: '西湖区', lastFollowupFrom: '2024-03-10', lastFollowupTo: '2024-03-10', updatedFrom: '2024-05-01', updatedTo: '2024-05-31' };
    const res = await admin.post('/api/v1/scenes', { list: 'customers', name: '新筛选', filters });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().filters).toMatchObject(filters);
    const bad = await admin.post('/api/v1/scenes', { list: 'customers', name: '坏筛选', filters: { updatedTo: 'soon' } });
    expect(bad.json().error.details[0].field).toBe('filters.updatedTo');
  });
});
