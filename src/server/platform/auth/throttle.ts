import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginThrottle } from './schema';

/** Failed logins allowed per window before the key is locked, per account and per address. */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountFailures: 5,
  addressFailures: 30,
};

export const accountKey = (username: string) => `u:${username.trim().toLowerCase()}`;
export const addressKey = (ip: string | null) => `ip:${ip ?? 'unknown'}`;

/** Minutes left on the longest active lock among the keys, or 0 when none is locked. */
export async function lockedMinutes(db: Db, keys: string[]): Promise<number> {
  const found = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const now = Date.now();
  let ms = 0;
  for (const row of found) {
    if (row.lockedUntil && row.lockedUntil.getTime() > now) ms = Math.max(ms, row.lockedUntil.getTime() - now);
  }
  return ms > 0 ? Math.ceil(ms / 60_000) : 0;
}

/** Count one failure against a key; lock it once the window's limit is reached. Atomic across copies. */
export async function recordFailure(db: Db, key: string, limit: number) {
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStart: new Date() })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                      then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < now() - make_interval(mins => ${THROTTLE.windowMinutes})
                      then now() else ${loginThrottle.windowStart} end`,
      },
    });
  await db
    .update(loginThrottle)
    .set({ lockedUntil: sql`now() + make_interval(mins => ${THROTTLE.lockMinutes})`, failures: 0, windowStart: sql`now()` })
    .where(sql`${loginThrottle.key} = ${key} and ${loginThrottle.failures} >= ${limit}`);
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
