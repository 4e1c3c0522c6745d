import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions } from './schema';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Touching a session writes a row; do it at most once a minute per session. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  db: Db,
  userId: number,
  idleMinutes: number,
  meta: { ip: string | null; userAgent: string | null },
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + idleMinutes * 60_000);
  const id = hashToken(token);
  await db.insert(sessions).values({
    id,
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  return { token, id, csrfToken, expiresAt };
}

export async function findSession(db: Db, token: string) {
  if (token.length > 100) return null;
  const id = hashToken(token);
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!row) return null;
  if (row.expiresAt.getTime() <= Date.now()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  return row;
}

/** Slide the inactivity window forward. */
export async function touchSession(db: Db, row: { id: string; lastSeenAt: Date }, idleMinutes: number) {
  if (Date.now() - row.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + idleMinutes * 60_000) })
    .where(eq(sessions.id, row.id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** End every session of a user (disabled, password reset), optionally keeping the current one. */
export async function endUserSessions(db: Db, userId: number, exceptSessionId?: string | null) {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
