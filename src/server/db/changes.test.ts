import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';

/**
 * The listening connection of a copy on PostgreSQL: a connection that stops answering without
 * closing (a dropped NAT entry, a failover) must not leave the copy trusting its cache.
 */

const adminUrl = process.env.TEST_PG_ADMIN_URL;

/** A TCP relay to PostgreSQL whose open connections can be made to swallow everything. */
async function relay(target: URL) {
  const open = new Set<net.Socket>();
  const silenced = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port || 5432), target.hostname);
    open.add(inbound);
    inbound.on('close', () => open.delete(inbound));
    for (const [from, to] of [
      [inbound, outbound],
      [outbound, inbound],
    ]) {
      from.on('data', (chunk) => {
        if (!silenced.has(inbound)) to.write(chunk);
      });
      from.on('error', () => to.destroy());
      from.on('close', () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    /** The connections open now stop passing anything on, without closing; new ones work. */
    silence: () => open.forEach((socket) => silenced.add(socket)),
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(!adminUrl)('the listening connection', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('stops being trusted when it stops answering, and is replaced', async () => {
    const target = new URL(adminUrl!);
    const proxy = await relay(target);
    closers.push(proxy.close);
    const url = new URL(target);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1, listenerCheck: { everyMs: 100, timeoutMs: 200 } });
    closers.push(() => database.close());
    expect(database.changes.live).toBe(true);
    let heard = 0;
    database.changes.on('actors', () => heard++);

    proxy.silence();
    const until = Date.now() + 5000;
    while (database.changes.live && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(database.changes.live).toBe(false);
    expect(heard).toBeGreaterThan(0);

    while (!database.changes.live && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(database.changes.live).toBe(true);
  });
});
