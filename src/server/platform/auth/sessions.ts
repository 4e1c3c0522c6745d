import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions } from './schema';

/** A session's id: the sha256 of its cookie token. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');

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
  const id = sessionIdOf(token);
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

/** Slide the inactivity window forward; the row (a cached one, maybe) is moved on with it. */
export async function touchSession(db: Db, row: { id: string; lastSeenAt: Date; expiresAt: Date }, idleMinutes: number) {
  if (Date.now() - row.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return;
  const lastSeenAt = new Date();
  const expiresAt = new Date(lastSeenAt.getTime() + idleMinutes * 60_000);
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, row.id));
  row.lastSeenAt = lastSeenAt;
  row.expiresAt = expiresAt;
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
