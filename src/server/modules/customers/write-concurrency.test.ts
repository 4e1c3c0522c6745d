import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaryItems } from '../../platform/dictionaries/schema';
import { createTestApp, makeUser, rootDepartmentId, type TestApp, type TestClient } from '../../testing/harness';
import { XLSX_MIME } from './import-export/workbook';
import { customers } from './schema';

/**
 * Races between customer writes and what they depend on, on PostgreSQL with several connections:
 * a test connection holds one lock at a chosen moment so the interleaving that used to go wrong
 * happens every run. Skipped on PGlite: one connection in one process, so these cannot interleave.
 */

let t: TestApp;
let admin: TestClient;
let rep: TestClient;
let other: TestClient;
let gate: pg.Client;

async function xlsx(headers: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(client: TestClient, url: string, content: Buffer) {
  const boundary = `----crm${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.xlsx"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

/** Wait until at least `n` backends of the test database wait for a lock. */
async function lockWaiters(n: number) {
  for (let i = 0; i < 200; i++) {
    // Statistics views are snapshotted per transaction, and the gate sits in one.
    await gate.query('select pg_stat_clear_snapshot()');
    const { rows } = await gate.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (rows[0].n >= n) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`fewer than ${n} lock waiters`);
}

describe.skipIf(!process.env.TEST_PG_ADMIN_URL)('customer writes racing on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const root = await rootDepartmentId(t);
    await makeUser(t, { username: 'rep', departmentId: root, roles: ['sales_rep'] });
    await makeUser(t, { username: 'other', departmentId: root, roles: ['sales_manager'] });
    rep = await t.login('rep');
    other = await t.login('other');
    gate = new pg.Client({ connectionString: t.databaseUrl });
    await gate.connect();
  });
  afterAll(async () => {
    await gate?.end();
    await t?.close();
  });

  it('a dictionary item deleted while a customer is saved with it: either the save fails or the delete does, never a customer on a deleted item', async () => {
    // Direction 1: the delete has locked the item and counted no use; a customer save with it must
    // wait, then fail once the item is gone (before: it went in and then pointed at nothing).
    const item = (await admin.post('/api/v1/dictionaries/industry', { label: '临时行业一' })).json();
    await gate.query('begin');
    await gate.query('select id from dictionary_items where id = $1 for update', [item.id]);
    const save = rep.post('/api/v1/customers', { kind: 'company', name: '字典竞争一', industry: item.code });
    await lockWaiters(1);
    await gate.query('delete from dictionary_items where id = $1', [item.id]);
    await gate.query('commit');
    const saved = await save;
    expect(saved.statusCode, saved.body).toBe(400);
    expect(saved.json().error.details[0]).toMatchObject({ field: 'industry' });
    expect(await t.database.db.select().from(customers).where(eq(customers.industry, item.code))).toHaveLength(0);

    // Direction 2: a customer save holds the item (its transaction is still open); the delete waits
    // and then sees the customer, so it refuses with DICTIONARY_IN_USE.
    const second = (await admin.post('/api/v1/dictionaries/industry', { label: '临时行业二' })).json();
    await gate.query('begin');
    await gate.query(`select id from dictionary_items where id = $1 for key share`, [second.id]);
    const deleting = admin.delete(`/api/v1/dictionaries/items/${second.id}`);
    await lockWaiters(1);
    await gate.query(`insert into customers (kind, name, industry, search_text) values ('company', '字典竞争二', $1, '字典竞争二')`, [second.code]);
    await gate.query('commit');
    const deleted = await deleting;
    expect(deleted.statusCode, deleted.body).toBe(409);
    expect(deleted.json().error.code).toBe('DICTIONARY_IN_USE');
    expect(await t.database.db.select().from(dictionaryItems).where(eq(dictionaryItems.id, second.id))).toHaveLength(1);
  });

  it('a dictionary item deleted while an import writes rows with it: the rows fail, nothing points at the deleted item', async () => {
    const item = (await admin.post('/api/v1/dictionaries/industry', { label: '导入临时行业' })).json();
    await gate.query('begin');
    await gate.query('select id from dictionary_items where id = $1 for update', [item.id]);
    const importing = upload(other, '/api/v1/customers/import/commit?kind=company&target=pool', await xlsx(['客户名称*', '行业'], [['导入字典一', '导入临时行业'], ['导入字典二', '']]));
    await lockWaiters(1);
    await gate.query('delete from dictionary_items where id = $1', [item.id]);
    await gate.query('commit');
    const res = await importing;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, failed: 1 });
    expect(res.json().failedRows[0]).toMatchObject({ row: 2, errors: [{ field: 'industry' }] });
    expect(await t.database.db.select().from(customers).where(eq(customers.industry, item.code))).toHaveLength(0);
  });

  it('an import and a single create with the same numbers in opposite field order queue instead of deadlocking', async () => {
    // Three numbers whose lock keys sort the same way as text and as hash: low < mid < high.
    const candidates = Array.from({ length: 40 }, (_, i) => `1390000${String(1000 + i)}`);
    const { rows: hashed } = await gate.query<{ p: string; h: number }>(
      `select p, hashtext('customer-phone:' || p) as h from unnest($1::text[]) p order by h`,
      [candidates],
    );
    let triple: string[] | undefined;
    for (let i = 0; i + 2 < hashed.length && !triple; i++) {
      for (let j = i + 1; j + 1 < hashed.length && !triple; j++) {
        for (let k = j + 1; k < hashed.length && !triple; k++) {
          const [a, b, c] = [hashed[i].p, hashed[j].p, hashed[k].p];
          if (a < b && b < c) triple = [a, b, c];
        }
      }
    }
    const [low, mid, high] = triple!;
    // The gate holds the middle number: the import takes `low`, then waits for `mid`.
    await gate.query('begin');
    await gate.query(`select pg_advisory_xact_lock(hashtext('customer-phone:' || $1))`, [mid]);
    const importing = upload(
      other,
      '/api/v1/customers/import/commit?kind=company&target=pool',
      await xlsx(['客户名称*', '电话'], [['锁序导入一', low], ['锁序导入二', mid], ['锁序导入三', high]]),
    );
    await lockWaiters(1);
    // A person with phone = high and mobile = low: taken field by field that was high, then low
    // (held by the import), while the import would next wait for high: a deadlock.
    const creating = rep.post('/api/v1/customers', { kind: 'person', name: '锁序个人', phone: high, mobile: low });
    await lockWaiters(2);
    await gate.query('commit');
    const [imported, created] = await Promise.all([importing, creating]);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ imported: 3, failed: 0 });
    // The import went first, so the person is a duplicate of its numbers: a clear 409, not a 500.
    expect(created.statusCode, created.body).toBe(409);
    expect(created.json().error.code).toBe('CUSTOMER_DUPLICATE');
    const names = (await t.database.db.select({ name: customers.name }).from(customers).where(inArray(customers.name, ['锁序导入一', '锁序导入二', '锁序导入三', '锁序个人']))).map((r) => r.name);
    expect(names.sort()).toEqual(['锁序导入一', '锁序导入三', '锁序导入二']);
  });
});
