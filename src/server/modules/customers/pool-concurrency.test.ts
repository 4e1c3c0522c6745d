import { and, count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema';
import { createTestApp, makeDepartment, makeUser, rootDepartmentId, TEST_PASSWORD, type TestApp } from '../../testing/harness';
import { httpLogin, killAllServers, startServer } from '../../testing/server-process';
import { activities, poolClaims } from './schema';
import { customerRow, makeCustomer } from './test-fixtures';

/**
 * Many users claim one pool customer at the same moment, over real HTTP, at one server process on
 * PostgreSQL: exactly one gets it. Skipped on PGlite: the embedded database is one connection in
 * one process, so requests are serialised there and the race this guards against cannot happen.
 */
afterAll(() => killAllServers());

describe.skipIf(!process.env.TEST_PG_ADMIN_URL)('concurrent claims on PostgreSQL', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('20 users claim one customer at once: one 200, nineteen 409 naming the winner, one claim row; a daily limit holds too', async () => {
    t = await createTestApp();
    const dept = (await makeDepartment(t, '抢单部', await rootDepartmentId(t))).id;
    const names: string[] = [];
    for (let i = 0; i < 20; i++) {
      names.push(`抢单${i}`);
      await makeUser(t, { username: `racer${i}`, name: names[i], departmentId: dept, roles: ['sales_rep'] });
    }
    const target = await makeCustomer(t, { name: '抢手客户', ownerId: null });

    const server = await startServer({ DATABASE_URL: t.databaseUrl! });
    try {
      const clients = await Promise.all(names.map((_, i) => httpLogin(server.base, `racer${i}`, TEST_PASSWORD)));
      const answers = await Promise.all(
        clients.map(async (client) => {
          const res = await client.post(`/customers/${target.id}/claim`);
          return { status: res.status, body: (await res.json()) as { ownerName?: string; error?: { code: string; message: string } } };
        }),
      );
      const won = answers.filter((a) => a.status === 200);
      const lost = answers.filter((a) => a.status === 409);
      expect(won, JSON.stringify(answers.filter((a) => a.status !== 409))).toHaveLength(1);
      expect(lost).toHaveLength(19);
      const winner = won[0].body.ownerName!;
      expect(names).toContain(winner);
      for (const a of lost) expect(a.body.error).toEqual({ code: 'POOL_ALREADY_CLAIMED', message: `该客户已被 ${winner} 领取` });

      const { db } = t.database;
      const row = await customerRow(t, target.id);
      expect(row.ownerId).not.toBeNull();
      const claims = await db.select().from(poolClaims).where(eq(poolClaims.customerId, target.id));
      expect(claims).toHaveLength(1);
      expect(claims[0].userId).toBe(row.ownerId);
      const [{ n: events }] = await db.select({ n: count() }).from(activities).where(and(eq(activities.customerId, target.id), eq(activities.event, 'claimed')));
      expect(events).toBe(1);
      const [{ n: audits }] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, String(target.id))));
      expect(audits).toBe(1);

      // One user fires ten claims at ten pool customers at once with a daily limit of three.
      const admin = await httpLogin(server.base, 'admin', 'Admin12345');
      const rules = { dailyClaimLimit: 3, reclaimBlockDays: 7, maxOwnedPerUser: 0, allowDuplicateName: false, allowDuplicatePhone: false };
      expect((await admin.put('/customer-settings', rules)).status).toBe(200);
      const greedy = clients.find((_, i) => names[i] !== winner)!;
      const greedyName = names[clients.indexOf(greedy)];
      const batch = [];
      for (let i = 0; i < 10; i++) batch.push(await makeCustomer(t, { name: `限额${i}`, ownerId: null }));
      const statuses = await Promise.all(
        batch.map(async (cust) => {
          const res = await greedy.post(`/customers/${cust.id}/claim`);
          return { status: res.status, code: res.status === 200 ? null : ((await res.json()) as { error: { code: string } }).error.code };
        }),
      );
      expect(statuses.filter((s) => s.status === 200)).toHaveLength(3);
      expect(statuses.filter((s) => s.code === 'POOL_DAILY_LIMIT')).toHaveLength(7);
      const owned = await Promise.all(batch.map((cust) => customerRow(t!, cust.id)));
      expect(owned.filter((r) => r.ownerId !== null)).toHaveLength(3);
      const greedyId = owned.find((r) => r.ownerId !== null)!.ownerId!;
      expect(await db.select().from(poolClaims).where(eq(poolClaims.userId, greedyId))).toHaveLength(3);
      expect(greedyName).not.toBe(winner);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
