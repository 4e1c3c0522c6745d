import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaryDefaults, dictionaryTypes } from './defaults';
import { createTestApp, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';

let t: TestApp;
let admin: TestClient;
let rep: TestClient;

type Item = { id: number; code: string; label: string; labelEn: string | null; sort: number; enabled: boolean };
const items = async (type: string): Promise<Item[]> => (await admin.get(`/api/v1/dictionaries?types=${type}`)).json().items[type];
const trail = async (id: number) =>
  (await admin.get(`/api/v1/audit?entityType=dictionary_item&entityId=${id}`)).json().items as { action: string; changes: unknown }[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await makeUser(t, { username: 'rep', departmentId: await rootDepartmentId(t), roles: ['sales_rep'] });
  rep = await t.login('rep');
});
afterAll(() => t?.close());

describe('dictionaries', () => {
  it('a new installation has the Chinese defaults, in order, readable by any logged-in user', async () => {
    const res = await rep.get('/api/v1/dictionaries?types=level,industry,scale,source,status');
    expect(res.statusCode).toBe(200);
    const all = res.json().items as Record<string, Item[]>;
    expect(all.level.map((i) => [i.code, i.label])).toEqual([
      ['A', 'A（重点）'],
      ['B', 'B（普通）'],
      ['C', 'C（一般）'],
      ['D', 'D（潜在）'],
    ]);
    expect(all.industry.map((i) => i.label)).toContain('IT/互联网');
    expect(all.industry.at(-1)?.label).toBe('其他');
    expect(all.scale.map((i) => i.label)).toEqual(['1-20人', '21-100人', '101-500人', '500人以上']);
    expect(all.source.map((i) => i.label)).toEqual(['电话营销', '网络推广', '客户介绍', '展会', '主动来电', '其他']);
    expect(all.status.map((i) => i.label)).toEqual(['潜在客户', '意向客户', '成交客户', '流失客户']);
    // Without `types`, every type; an unknown type is a 400, not an empty answer.
    expect(Object.keys((await rep.get('/api/v1/dictionaries')).json().items).sort()).toEqual(['industry', 'level', 'scale', 'source', 'status']);
    expect((await rep.get('/api/v1/dictionaries?types=colour')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/v1/dictionaries')).statusCode).toBe(401);
  });

  it('an administrator adds, renames, reorders and disables items, each change audited; a rep may not', async () => {
    expect((await rep.post('/api/v1/dictionaries/industry', { label: '农业' })).statusCode).toBe(403);
    const created = await admin.post('/api/v1/dictionaries/industry', { label: '农业' });
    expect(created.statusCode).toBe(200);
    const item = created.json() as Item;
    expect(item).toMatchObject({ label: '农业', enabled: true });
    expect(item.code).toMatch(/^[A-Za-z0-9_+.-]+$/);
    expect((await items('industry')).at(-1)?.id).toBe(item.id);

    const dup = await admin.post('/api/v1/dictionaries/level', { code: 'A', label: '另一个A' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error).toMatchObject({ code: 'DICTIONARY_CODE_TAKEN', details: [{ field: 'code' }] });
    expect((await admin.post('/api/v1/dictionaries/level', { code: 'A B', label: 'x' })).statusCode).toBe(400);

    expect((await admin.patch(`/api/v1/dictionaries/items/${item.id}`, { label: '农林牧渔', sort: 1 })).json()).toMatchObject({ label: '农林牧渔', sort: 1 });
    expect((await items('industry'))[0].id).toBe(item.id);
    expect((await admin.patch(`/api/v1/dictionaries/items/${item.id}`, { enabled: false })).json().enabled).toBe(false);

    const history = await trail(item.id);
    expect(history.map((e) => e.action)).toEqual(['state', 'update', 'create']);
    expect(history[1].changes).toEqual([
      { field: 'label', from: '农业', to: '农林牧渔' },
      { field: 'sort', from: 120, to: 1 },
    ]);
    expect(history[0].changes).toEqual([{ field: 'enabled', from: true, to: false }]);
  });

  it('keeps an English label beside the Chinese one: set, changed and cleared, each audited', async () => {
    const levels = await items('level');
    expect(levels.map((i) => i.labelEn)).toEqual(['A (key)', 'B (regular)', 'C (minor)', 'D (prospect)']);

    const created = (await admin.post('/api/v1/dictionaries/source', { label: '抖音', labelEn: ' Douyin ' })).json() as Item;
    expect(created).toMatchObject({ label: '抖音', labelEn: 'Douyin' });
    const renamed = await admin.patch(`/api/v1/dictionaries/items/${created.id}`, { labelEn: 'Douyin (TikTok)' });
    expect(renamed.json()).toMatchObject({ label: '抖音', labelEn: 'Douyin (TikTok)' });
    // Changing only the Chinese label leaves the English one alone; a blank English label clears it.
    expect((await admin.patch(`/api/v1/dictionaries/items/${created.id}`, { label: '抖音短视频' })).json().labelEn).toBe('Douyin (TikTok)');
    expect((await admin.patch(`/api/v1/dictionaries/items/${created.id}`, { labelEn: '  ' })).json().labelEn).toBeNull();
    expect((await admin.patch(`/api/v1/dictionaries/items/${created.id}`, { labelEn: 'x'.repeat(51) })).statusCode).toBe(400);
    // Only invisible characters is no label either.
    expect((await admin.patch(`/api/v1/dictionaries/items/${created.id}`, { labelEn: '\u200b' })).json().labelEn).toBeNull();
    const history = await trail(created.id);
    expect(history[0].changes).toEqual([{ field: 'labelEn', from: 'Douyin (TikTok)', to: null }]);
    expect(history[2].changes).toEqual([{ field: 'labelEn', from: 'Douyin', to: 'Douyin (TikTok)' }]);
  });

  it('refuses a label or English label another option of the list already answers to, in any case', async () => {
    const before = await items('source');
    const clash = async (body: Record<string, string>, field: string) => {
      const res = await admin.post('/api/v1/dictionaries/source', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'DICTIONARY_LABEL_TAKEN', details: [{ field }] });
    };
    await clash({ label: '展会' }, 'label');
    await clash({ label: '新展会', labelEn: 'trade SHOW' }, 'labelEn');
    await clash({ label: '网上', labelEn: 'Online' }, 'labelEn');
    await clash({ label: 'ONLINE' }, 'label');
    expect(await items('source')).toEqual(before);
    const exhibition = before.find((i) => i.code === 'exhibition') as Item;
    const referral = before.find((i) => i.code === 'referral') as Item;
    // An item may keep (or re-save) its own labels; taking another's is refused on update too.
    expect((await admin.patch(`/api/v1/dictionaries/items/${exhibition.id}`, { label: '展会', labelEn: 'Trade Show' })).statusCode).toBe(200);
    const taken = await admin.patch(`/api/v1/dictionaries/items/${referral.id}`, { labelEn: 'trade show' });
    expect(taken.statusCode).toBe(400);
    expect((await items('source')).find((i) => i.id === referral.id)?.labelEn).toBe('Referral');
  });

  it('the upgrade gives the seeded items their English labels, but not an item an administrator renamed', async () => {
    const { db } = t.database;
    const levelC = (await items('level')).find((i) => i.code === 'C') as Item;
    await admin.patch(`/api/v1/dictionaries/items/${levelC.id}`, { label: 'C（次要）' });
    await db.execute(sql`update dictionary_items set label_en = null`);
    const migration = fs.readFileSync(new URL('../../../../migrations/0019_dictionary_english_labels.sql', import.meta.url), 'utf8');
    const fill = migration.split('--> statement-breakpoint')[1];
    await db.execute(sql.raw(fill));
    const after = await items('level');
    expect(after.map((i) => [i.code, i.labelEn])).toEqual([
      ['A', 'A (key)'],
      ['B', 'B (regular)'],
      ['C', null],
      ['D', 'D (prospect)'],
    ]);
    // Every seeded item the administrator left alone has its default English label.
    for (const type of dictionaryTypes) {
      const expected = dictionaryDefaults[type].filter((d) => !(type === 'level' && d.code === 'C')).map((d) => [d.code, d.labelEn]);
      const found = (await items(type)).filter((i) => expected.some(([code]) => code === i.code)).map((i) => [i.code, i.labelEn]);
      expect(found, type).toEqual(expected);
    }
  });

  it('deletes an unused item; refuses one that customers use (409 DICTIONARY_IN_USE), changing nothing', async () => {
    const unused = (await admin.post('/api/v1/dictionaries/source', { code: 'wechat', label: '微信' })).json() as Item;
    expect((await admin.delete(`/api/v1/dictionaries/items/${unused.id}`)).statusCode).toBe(204);
    expect((await items('source')).find((i) => i.id === unused.id)).toBeUndefined();
    expect((await trail(unused.id)).map((e) => e.action)).toEqual(['delete', 'create']);

    const levelB = (await items('level')).find((i) => i.code === 'B') as Item;
    const customer = await rep.post('/api/v1/customers', { kind: 'company', name: '用字典的公司', level: 'B' });
    expect(customer.statusCode, customer.body).toBe(200);
    const refused = await admin.delete(`/api/v1/dictionaries/items/${levelB.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({ code: 'DICTIONARY_IN_USE', message: '该选项正被 1 条记录使用，不能删除（可以停用）' });
    expect((await items('level')).find((i) => i.id === levelB.id)).toBeDefined();
    expect((await admin.delete('/api/v1/dictionaries/items/999999')).statusCode).toBe(404);
  });
});
