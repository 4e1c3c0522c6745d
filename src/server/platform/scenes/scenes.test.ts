import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { MAX_SCENES_PER_LIST } from './service';

/** 我的场景: each user's own saved views of a list — ownership, one default, whitelisted fields and columns, the limit. */

let t: TestApp;
let rep1: TestClient;
let rep2: TestClient;

const url = '/api/v1/scenes';
const scene = (name: string, extra: Record<string, unknown> = {}) => ({ list: 'customers', name, filters: { scene: 'mine', level: 'A' }, ...extra });

async function create(c: TestClient, body: Record<string, unknown>) {
  const res = await c.post(url, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; name: string; isDefault: boolean; filters: Record<string, unknown>; columns: string[] | null };
}
const mine = async (c: TestClient) => (await c.get(`${url}?list=customers`)).json().items as { id: number; name: string; isDefault: boolean }[];

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootDepartmentId(t);
  await makeUser(t, { username: 'rep1', departmentId: root, roles: ['sales_rep'] });
  await makeUser(t, { username: 'rep2', departmentId: root, roles: ['sales_rep'] });
  rep1 = await t.login('rep1');
  rep2 = await t.login('rep2');
});
afterAll(() => t?.close());

describe('saved scenes', () => {
  it('saves filters (as the list reads them) and columns, and lists only the caller’s own', async () => {
    const s = await create(rep1, scene('A 级', { columns: ['name', 'level', 'owner', 'level'] }));
    expect(s).toMatchObject({ name: 'A 级', isDefault: false, columns: ['name', 'level', 'owner'] });
    expect(s.filters).toMatchObject({ scene: 'mine', level: 'A', order: 'desc' });
    expect((await mine(rep1)).map((x) => x.name)).toEqual(['A 级']);
    expect(await mine(rep2)).toEqual([]);
  });

  it('answers 404 to anyone but the owner, and leaves the scene as it was', async () => {
    const s = await create(rep1, scene('只属于我'));
    expect((await rep2.patch(`${url}/${s.id}`, { name: '抢走' })).statusCode).toBe(404);
    expect((await rep2.patch(`${url}/${s.id}`, { isDefault: true })).statusCode).toBe(404);
    expect((await rep2.delete(`${url}/${s.id}`)).statusCode).toBe(404);
    expect((await rep2.delete(`${url}/999999`)).statusCode).toBe(404);
    expect((await mine(rep1)).find((x) => x.id === s.id)?.name).toBe('只属于我');

    const renamed = await rep1.patch(`${url}/${s.id}`, { name: '改名了', columns: ['name'] });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '改名了', columns: ['name'] });
    expect((await rep1.delete(`${url}/${s.id}`)).statusCode).toBe(204);
    expect((await mine(rep1)).some((x) => x.id === s.id)).toBe(false);
  });

  it('keeps one default per user and list: setting one unsets the other', async () => {
    const a = await create(rep1, scene('默认一', { isDefault: true }));
    const b = await create(rep1, scene('默认二', { isDefault: true }));
    let defaults = (await mine(rep1)).filter((x) => x.isDefault);
    expect(defaults.map((x) => x.id)).toEqual([b.id]);

    expect((await rep1.patch(`${url}/${a.id}`, { isDefault: true })).statusCode).toBe(200);
    defaults = (await mine(rep1)).filter((x) => x.isDefault);
    expect(defaults.map((x) => x.id)).toEqual([a.id]);

    // Another user's default is their own business.
    const other = await create(rep2, scene('别人的默认', { isDefault: true }));
    expect((await mine(rep1)).filter((x) => x.isDefault).map((x) => x.id)).toEqual([a.id]);
    expect((await mine(rep2)).filter((x) => x.isDefault).map((x) => x.id)).toEqual([other.id]);

    expect((await rep1.patch(`${url}/${a.id}`, { isDefault: false })).statusCode).toBe(200);
    expect((await mine(rep1)).filter((x) => x.isDefault)).toEqual([]);
  });

  it('refuses unknown filter fields, bad filter values and unknown columns with a 400 naming them', async () => {
    let res = await rep1.post(url, scene('坏字段', { filters: { level: 'A', ownerIdx: 3 } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'filters.ownerIdx' })]);

    // Paging is not part of a scene.
    res = await rep1.post(url, scene('带分页', { filters: { page: 2 } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['filters.page']);

    res = await rep1.post(url, scene('坏值', { filters: { scene: 'everything' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['filters.scene']);

    res = await rep1.post(url, scene('坏列', { columns: ['name', 'passwordHash'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'columns.passwordHash', message: '未知的列' }]);

    const s = await create(rep1, scene('好的'));
    res = await rep1.patch(`${url}/${s.id}`, { filters: { secret: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['filters.secret']);
    res = await rep1.patch(`${url}/${s.id}`, { columns: ['bogus'] });
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['columns.bogus']);

    // Unknown lists, over-long names and duplicate names are refused too.
    expect((await rep1.post(url, { ...scene('x'), list: 'secrets' })).statusCode).toBe(400);
    expect((await rep1.get(`${url}?list=secrets`)).statusCode).toBe(400);
    expect((await rep1.post(url, scene('长'.repeat(31)))).statusCode).toBe(400);
    expect((await rep1.post(url, scene('  '))).statusCode).toBe(400);
    expect((await rep1.post(url, scene('好的'))).json().error.code).toBe('SCENE_NAME_TAKEN');
    expect((await mine(rep1)).some((x) => ['坏字段', '带分页', '坏值', '坏列', 'x'].includes(x.name))).toBe(false);
  });

  it(`allows at most ${MAX_SCENES_PER_LIST} scenes per user and list`, async () => {
    const c = await t.login('admin');
    for (let i = 1; i <= MAX_SCENES_PER_LIST; i++) await create(c, scene(`场景 ${i}`));
    const res = await c.post(url, scene('第 31 个'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SCENE_LIMIT');
    expect(await mine(c)).toHaveLength(MAX_SCENES_PER_LIST);
    // Deleting one makes room again; other users are unaffected.
    const first = (await mine(c))[0];
    expect((await c.delete(`${url}/${first.id}`)).statusCode).toBe(204);
    await create(c, scene('第 31 个'));
    await create(rep2, scene('还能存'));
  });
});
