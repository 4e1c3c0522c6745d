import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFastQueries } from './pglite-queries';

/**
 * The embedded database's faster query path must answer exactly what PGlite's own query() answers,
 * keep a named statement across executions, and leave the database usable after any error.
 */

let fast: PGlite;
let plain: PGlite;
const setup = `create table t (id int primary key, name text not null, at timestamptz, tags text[], doc jsonb, n bigint, ok boolean)`;

beforeAll(async () => {
  fast = new PGlite();
  plain = new PGlite();
  installFastQueries(fast);
  for (const pg of [fast, plain]) {
    await pg.exec(setup);
    await pg.query(`insert into t values ($1, $2, $3, $4, $5, $6, $7), (2, '乙', null, null, null, null, null)`, [
      1,
      '甲公司',
      new Date('2026-01-02T03:04:05.678Z'),
      ['a', 'b,c'],
      { k: [1, 'x'], z: null },
      9007199254740991n,
      true,
    ]);
  }
});
afterAll(async () => {
  await fast?.close();
  await plain?.close();
});

const statements: [string, unknown[]][] = [
  ['select * from t order by id', []],
  ['select * from t where id = $1', [1]],
  ['select name, at from t where at < $1 and tags @> $2', [new Date('2027-01-01'), ['a']]],
  ['select doc -> $1 as part from t where doc is not null', ['k']],
  ['select count(*) as n, max(n) as big from t where ok = $1 or ok is null', [true]],
  ['select id from t where name = any($1) order by id', [['甲公司', '乙']]],
];

describe('installFastQueries', () => {
  it('answers what PGlite answers, in rows, fields and types', async () => {
    for (const [text, params] of statements) {
      for (const rowMode of ['object', 'array'] as const) {
        const got = await fast.query(text, params, { rowMode });
        const want = await plain.query(text, params, { rowMode });
        expect(got.rows, text).toEqual(want.rows);
        expect(got.fields, text).toEqual(want.fields);
      }
    }
    const written = await fast.query(`update t set name = $1 where id = $2`, ['乙公司', 2]);
    expect(written.affectedRows).toBe(1);
  });

  it('keeps a named statement and runs it with new values', async () => {
    const named = (id: number) => fast.query('select name from t where id = $1', [id], { statementName: 's_named_test' } as object);
    expect((await named(1)).rows).toEqual([{ name: '甲公司' }]);
    expect((await named(2)).rows).toEqual([{ name: '乙公司' }]);
    const kept = await fast.query<{ name: string }>(`select name from pg_prepared_statements where name = 's_named_test'`);
    expect(kept.rows).toHaveLength(1);
  });

  it('runs a statement marked genericPlan with its generic plan only, and leaves the setting as it was', async () => {
    const options = { statementName: 's_generic_test', genericPlan: true } as object;
    const mode = async () => (await fast.query<{ plan_cache_mode: string }>('show plan_cache_mode')).rows[0].plan_cache_mode;
    for (const id of [1, 2, 1]) expect((await fast.query('select name from t where id = $1', [id], options)).rows).toHaveLength(1);
    const plans = await fast.query(`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where name = 's_generic_test'`);
    expect(plans.rows).toEqual([{ generic: 3, custom: 0 }]);
    expect(await mode()).toBe('auto');
    // A failing one, alone and in a transaction (which then rolls back): the setting is back either way.
    await expect(fast.query('select $1::int / 0 as n', [1], { statementName: 's_generic_fail', genericPlan: true } as object)).rejects.toThrow(/division/);
    expect(await mode()).toBe('auto');
    await expect(
      fast.transaction(async (tx) => {
        await tx.query('select $1::int / 0 as n', [1], { statementName: 's_generic_fail', genericPlan: true } as object);
      }),
    ).rejects.toThrow(/division/);
    expect(await mode()).toBe('auto');
    await fast.transaction(async (tx) => {
      await tx.query('select name from t where id = $1', [1], options);
      expect((await tx.query<{ plan_cache_mode: string }>('show plan_cache_mode')).rows[0].plan_cache_mode).toBe('auto');
    });
  });

  it('stays usable after an error, outside and inside a transaction', async () => {
    await expect(fast.query('select * from nowhere')).rejects.toThrow(/nowhere/);
    await expect(fast.query('select $1::int as n', ['not a number'])).rejects.toThrow(/integer/);
    await expect(fast.query('insert into t (id, name) values ($1, $2)', [1, 'dup'])).rejects.toMatchObject({ code: '23505' });
    expect((await fast.query('select count(*)::int as n from t')).rows).toEqual([{ n: 2 }]);

    await expect(
      fast.transaction(async (tx) => {
        await tx.query('insert into t (id, name) values ($1, $2)', [3, '丙']);
        expect((await tx.query('select count(*)::int as n from t')).rows).toEqual([{ n: 3 }]);
        await tx.query('insert into t (id, name) values ($1, $2)', [3, '丙又']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await fast.query('select count(*)::int as n from t')).rows).toEqual([{ n: 2 }]);

    await fast.transaction(async (tx) => {
      await tx.query('insert into t (id, name) values ($1, $2)', [3, '丙']);
    });
    expect((await fast.query('select name from t where id = 3')).rows).toEqual([{ name: '丙' }]);
  });

  it('lets a query outside a transaction wait for the transaction to end, not run inside it', async () => {
    let release!: () => void;
    let updated!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (updated = resolve));
    const tx = fast.transaction(async (t) => {
      await t.query('update t set name = $1 where id = 3', ['丙改']);
      updated();
      await held;
      throw new Error('roll back');
    });
    await inside;
    const outside = fast.query<{ name: string }>('select name from t where id = 3');
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(tx).rejects.toThrow('roll back');
    // Run inside the open transaction it would have seen the update that was then rolled back.
    expect((await outside).rows).toEqual([{ name: '丙' }]);
  });

  it('keeps each transaction whole while many queries and transactions run at once', async () => {
    await fast.exec('create table counter (n int not null); insert into counter values (0)');
    const named = { statementName: 's_counter_read' } as object;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0
          ? fast.query('select n from counter', [], named)
          : fast.transaction(async (tx) => {
              const [{ n }] = (await tx.query<{ n: number }>('select n from counter', [], named)).rows;
              await tx.query('update counter set n = $1', [n + 1]);
            }),
      ),
    );
    // A read-modify-write that another query had cut into would have lost an increment.
    expect((await fast.query('select n from counter')).rows).toEqual([{ n: 40 }]);
  });
});
