import { eq, lte } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Queryable } from '@dondoc/db';
import { sessions, units, users } from './schema.ts';
import type { SessionUser } from './types.ts';
import { sessionUserColumns, toSessionUser } from './users.ts';

/*
 * Sessions after Lucia's reference implementation (lucia-auth.com, "Sessions"): the client
 * holds a random token; the server keeps only its SHA-256, which is the session id. A leaked
 * sessions table therefore yields no usable token, and since rows are looked up by the hash,
 * timing can at most reveal hash prefixes, never the token.
 */

export const SESSION_COOKIE_NAME = 'dondoc_session';
/** A session dies after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Below this remaining time a request pushes the expiry back to a full idle window. */
const EXTEND_WHEN_REMAINING_MS = SESSION_IDLE_MS / 2;
/** last_seen_at is a hint for administrators, not worth a write on every request. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

/** 20 random bytes in lower-case base32: 32 characters, 160 bits. */
const tokenPattern = /^[a-z2-7]{32}$/;

export type Session = typeof sessions.$inferSelect;

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
}

export interface SessionValidation {
  session: Session;
  user: SessionUser;
  /** True when this call pushed `expiresAt` back: the caller renews the cookie's expiry. */
  extended: boolean;
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored for a token. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Starts a session; the token goes to the client (cookie) and is not kept anywhere here. */
export async function createSession(
  db: Queryable,
  userId: string,
  meta: SessionMeta = {},
  now: Date = new Date(),
): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const [session] = await db
    .insert(sessions)
    .values({
      id: sessionIdFromToken(token),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      lastSeenAt: now,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent ?? null,
    })
    .returning();
  if (!session) throw new Error('The session was not created');
  return { token, session };
}

/**
 * The session and user a token stands for, or null. Expired sessions and sessions of
 * disabled accounts are deleted (a re-enabled account must sign in again); a session used
 * in the second half of its idle window is extended to a full window.
 */
export async function validateSessionToken(
  db: Queryable,
  token: string,
  now: Date = new Date(),
): Promise<SessionValidation | null> {
  if (!tokenPattern.test(token)) return null;
  const sessionId = sessionIdFromToken(token);
  const [row] = await db
    .select({ session: sessions, user: sessionUserColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.code, users.unitCode))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  if (now.getTime() >= row.session.expiresAt.getTime() || !row.user.active) {
    await invalidateSession(db, sessionId);
    return null;
  }
  const { session, extended } = await touchSession(db, row.session, now);
  return { session, user: toSessionUser(row.user), extended };
}

/** Slides the idle expiry and refreshes last_seen_at, writing only when one of them is due. */
async function touchSession(
  db: Queryable,
  session: Session,
  now: Date,
): Promise<{ session: Session; extended: boolean }> {
  const extend = session.expiresAt.getTime() - now.getTime() < EXTEND_WHEN_REMAINING_MS;
  const seenLongAgo = now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
  if (!extend && !seenLongAgo) return { session, extended: false };
  const changes = {
    lastSeenAt: now,
    expiresAt: extend ? new Date(now.getTime() + SESSION_IDLE_MS) : session.expiresAt,
  };
  await db.update(sessions).set(changes).where(eq(sessions.id, session.id));
  return { session: { ...session, ...changes }, extended: extend };
}

/** Sign-out: the session is gone on the server, whatever the client keeps. */
export async function invalidateSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Housekeeping: expired sessions are otherwise deleted only when someone presents their token. */
export async function deleteExpiredSessions(db: Queryable, now: Date = new Date()): Promise<number> {
  const deleted = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id });
  return deleted.length;
}

/** Signs a user out everywhere (password change, account disabled, role change). */
export async function invalidateUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
