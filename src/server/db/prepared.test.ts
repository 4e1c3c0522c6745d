import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, users } from '../platform/org/schema';
import { createTestDatabase } from '../testing/database';
import { type Db, rows } from './client';
import { executeByShape, executeNamed, preparedOnce } from './prepared';

/**
 * Statements prepared per shape must answer exactly what the same drizzle query answers unprepared:
 * the same rows, nested objects, decoded dates and mapped values, for every set of values.
 */

let db: Db;
let close: () => Promise<void>;
const supervisors = alias(users, 'supervisor');

beforeAll(async () => {
  const t = await createTestDatabase();
  db = t.database.db;
  close = t.close;
  const [root] = await db.insert(departments).values({ name: '总部' }).returning();
  const [boss] = await db.insert(users).values({ username: 'boss', passwordHash: 'x', name: '老板', departmentId: root.id }).returning();
  await db.insert(users).values([
    { username: 'a', passwordHash: 'x', name: '甲', departmentId: root.id, supervisorId: boss.id },
    { username: 'b', passwordHash: 'x', name: '乙', departmentId: root.id, supervisorId: boss.id, status: 'disabled' },
  ]);
});
afterAll(() => close?.());

/** A select with a nested table object, a left-joined column, a mapped SQL value and a date. */
const select = (where: ReturnType<typeof sql>) =>
  db
    .select({
      user: users,
      supervisorName: supervisors.name,
      nameLength: sql<number>`length(${users.name}) * 10`.mapWith(Number),
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(supervisors, eq(supervisors.id, users.supervisorId))
    .where(where)
    .orderBy(users.id);

describe('executeByShape', () => {
  it('answers what the unprepared query answers, for each set of values of one shape', async () => {
    for (const status of ['active', 'disabled'] as const) {
      const where = and(eq(users.status, status), sql`${users.username} <> ${'nobody'}`)!;
      const prepared = await executeByShape(db, 'users_test', { where }, (parts) => select(parts.where));
      const plain = await select(where);
      expect(prepared).toEqual(plain);
      expect(prepared.length).toBeGreaterThan(0);
      expect(prepared[0].user.createdAt).toBeInstanceOf(Date);
      expect(typeof prepared[0].nameLength).toBe('number');
    }
    const active = await executeByShape(db, 'users_test', { where: eq(users.status, 'active') }, (parts) => select(parts.where));
    expect(active.map((r) => [r.user.username, r.supervisorName])).toEqual([
      ['boss', null],
      ['a', '老板'],
    ]);
  });

  it('builds a shape once and a different shape separately', async () => {
    let builds = 0;
    const run = (where: ReturnType<typeof sql>) =>
      executeByShape(db, 'users_count_test', { where }, (parts) => {
        builds++;
        return select(parts.where);
      });
    await run(sql`${users.username} = ${'a'}`);
    const b = await run(sql`${users.username} = ${'b'}`);
    expect(builds).toBe(1);
    expect(b.map((r) => r.user.status)).toEqual(['disabled']);
    const both = await run(sql`${users.username} in (${'a'}, ${'b'})`);
    expect(builds).toBe(2);
    expect(both).toHaveLength(2);
  });
});

describe('preparedOnce', () => {
  it('reuses the statement for a key and fills placeholders per execution', async () => {
    let builds = 0;
    const statement = () =>
      preparedOnce(db, 'users_by_name_test', () => {
        builds++;
        return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.username, sql.placeholder('u')));
      });
    expect((await statement().execute({ u: 'a' })).map((r) => r.name)).toEqual(['甲']);
    expect(await statement().execute({ u: 'nobody' })).toEqual([]);
    expect(builds).toBe(1);
  });

  it('runs in the transaction it is given: its uncommitted rows, and none of them after a rollback', async () => {
    const byName = (handle: Db) =>
      preparedOnce(handle, 'users_by_username_test', () => handle.select({ name: users.name }).from(users).where(eq(users.username, sql.placeholder('u'))));
    const [root] = await db.select({ id: departments.id }).from(departments).limit(1);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(users).values({ username: 'tx_only', passwordHash: 'x', name: '事务内', departmentId: root.id });
        expect(await byName(tx).execute({ u: 'tx_only' })).toEqual([{ name: '事务内' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // Built inside the transaction, the same statement now runs outside it.
    expect(await byName(db).execute({ u: 'tx_only' })).toEqual([]);
    expect(await byName(db).execute({ u: 'a' })).toEqual([{ name: '甲' }]);
  });
});

describe('executeNamed', () => {
  it('answers what db.execute answers, with each execution\'s own values, inside a transaction too', async () => {
    const names = (username: string) => sql`select name from ${users} where ${users.username} = ${username}`;
    expect((await executeNamed(db, 'names_test', names('a'))).rows).toEqual(await rows(db, names('a')));
    expect((await executeNamed(db, 'names_test', names('boss'))).rows).toEqual([{ name: '老板' }]);
    const [root] = await db.select({ id: departments.id }).from(departments).limit(1);
    await expect(
      db.transaction(async (tx) => {
        // A builder's insert: its RETURNING rows come back as the database names them.
        const { rows } = await executeNamed<{ id: number }>(
          tx,
          'users_insert_test',
          tx.insert(users).values({ username: 'named_tx', passwordHash: 'x', name: '命名', departmentId: root.id }).returning({ id: users.id }),
        );
        expect(rows).toHaveLength(1);
        expect(typeof rows[0].id).toBe('number');
        expect((await executeNamed(tx, 'names_test', names('named_tx'))).rows).toEqual([{ name: '命名' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await executeNamed(db, 'names_test', names('named_tx'))).rows).toEqual([]);
  });
});
