import { and, desc, eq, gt, lte, ne, type SQL } from 'drizzle-orm';
import type { Queryable } from '@dondoc/db';
import { getDummyPasswordHash, verifyPassword } from './passwords.ts';
import { loginAttempts } from './schema.ts';
import { createSession, type Session } from './sessions.ts';
import type { SessionUser } from './types.ts';
import { findCredentials, getSessionUser, normalizeUsername } from './users.ts';

export const LOGIN_THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts on one username within the window before it is throttled. */
export const LOGIN_MAX_FAILURES_PER_USERNAME = 5;
/** Failed attempts from one address within the window before it is throttled (an office shares one address). */
export const LOGIN_MAX_FAILURES_PER_IP = 30;

export interface LoginInput {
  username: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}

export type LoginResult =
  | { ok: true; token: string; session: Session; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Signs a user in. The throttle is checked before the password, so once an account or an
 * address is throttled even the right password is refused until the window has passed.
 * The answer never says whether the username exists.
 */
export async function login(db: Queryable, input: LoginInput, now: Date = new Date()): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  const ip = input.ip ?? null;
  const attemptId = await recordAttempt(db, username, ip, now);

  const retryAfterSeconds = await throttleDelaySeconds(db, { username, ip, attemptId }, now);
  if (retryAfterSeconds > 0) {
    await settleAttempt(db, attemptId, { throttled: true });
    return { ok: false, reason: 'throttled', retryAfterSeconds };
  }

  const account = await findCredentials(db, username);
  // Unknown usernames are checked against a dummy hash: same cost, same answer as a wrong password.
  const passwordMatches = await verifyPassword(account?.passwordHash ?? (await getDummyPasswordHash()), input.password);
  const user = account && account.active && passwordMatches ? await getSessionUser(db, account.id) : null;
  if (!user) return { ok: false, reason: 'invalid' };

  await settleAttempt(db, attemptId, { succeeded: true });
  const { token, session } = await createSession(db, user.id, { ip, userAgent: input.userAgent ?? null }, now);
  return { ok: true, token, session, user };
}

/**
 * Records the attempt as a failure before anything is checked. Concurrent guesses then see
 * each other when they count failures, so firing many requests at once cannot slip more
 * than the limit past the throttle. A success or a throttled refusal is settled afterwards.
 */
async function recordAttempt(db: Queryable, username: string, ip: string | null, now: Date): Promise<number> {
  const [row] = await db
    .insert(loginAttempts)
    .values({ username, ip, at: now, succeeded: false })
    .returning({ id: loginAttempts.id });
  if (!row) throw new Error('The login attempt was not recorded');
  return row.id;
}

async function settleAttempt(
  db: Queryable,
  attemptId: number,
  outcome: { succeeded: true } | { throttled: true },
): Promise<void> {
  await db.update(loginAttempts).set(outcome).where(eq(loginAttempts.id, attemptId));
}

/** Seconds until this username and this address may try again; 0 when they may now. */
async function throttleDelaySeconds(
  db: Queryable,
  attempt: { username: string; ip: string | null; attemptId: number },
  now: Date,
): Promise<number> {
  const byUsername = await secondsUntilBelowLimit(
    db,
    eq(loginAttempts.username, attempt.username),
    LOGIN_MAX_FAILURES_PER_USERNAME,
    attempt.attemptId,
    now,
  );
  const byIp =
    attempt.ip === null
      ? 0
      : await secondsUntilBelowLimit(db, eq(loginAttempts.ip, attempt.ip), LOGIN_MAX_FAILURES_PER_IP, attempt.attemptId, now);
  return Math.max(byUsername, byIp);
}

/**
 * With `limit` or more failures in the window, the throttle lifts when the limit-th most
 * recent of them leaves the window. Throttled refusals are not failures: counting them
 * would keep a user who keeps retrying locked out for ever.
 */
async function secondsUntilBelowLimit(
  db: Queryable,
  subject: SQL,
  limit: number,
  ownAttemptId: number,
  now: Date,
): Promise<number> {
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE_WINDOW_MS);
  const failures = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        subject,
        eq(loginAttempts.succeeded, false),
        eq(loginAttempts.throttled, false),
        gt(loginAttempts.at, windowStart),
        lte(loginAttempts.at, now),
        ne(loginAttempts.id, ownAttemptId),
      ),
    )
    .orderBy(desc(loginAttempts.at))
    .limit(limit);
  const oldestCounted = failures[limit - 1];
  if (!oldestCounted) return 0;
  const liftsAt = oldestCounted.at.getTime() + LOGIN_THROTTLE_WINDOW_MS;
  return Math.max(1, Math.ceil((liftsAt - now.getTime()) / 1000));
}
