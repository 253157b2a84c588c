import { and, eq, gt, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@dondoc/db';
import { getDummyPasswordHash, verifyPassword } from './passwords.ts';
import { loginAttempts } from './schema.ts';
import { createSession, deleteExpiredSessions, type Session } from './sessions.ts';
import type { SessionUser } from './types.ts';
import { findCredentials, getSessionUser, normalizeUsername } from './users.ts';

/** Failures older than this no longer count towards any delay. */
export const LOGIN_THROTTLE_WINDOW_MS = 60 * 60 * 1000;
/** The first delay, once a scope has used up its free failures; each further failure doubles it. */
export const LOGIN_DELAY_BASE_MS = 1000;
/** The longest delay between two tries. */
export const LOGIN_DELAY_MAX_MS = 15 * 60 * 1000;
/**
 * Failures within the window before tries are slowed, per scope:
 * - `pair`: one username from one address (since that pair's last success);
 * - `username`: one username from every address, only for addresses the account has not signed in from;
 * - `address`: every username from one address, only for usernames that have not signed in from it.
 * So a stranger slows their own tries, and the owner at their usual address is not slowed by others.
 */
export const LOGIN_FREE_FAILURES = { pair: 5, username: 20, address: 30 } as const;
/** A success from an address makes it the account's usual address for this long. */
export const LOGIN_TRUSTED_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;
/** Login attempts are kept this long (`pruneAuthRecords`). */
export const LOGIN_ATTEMPT_RETENTION_MS = LOGIN_TRUSTED_ADDRESS_MS;
/** How often the server runs `pruneAuthRecords`. */
export const AUTH_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** An attempt still unchecked after this long (its process died) counts as a failure. */
const PENDING_STALE_MS = 30 * 1000;
/** How long an attempt waits for earlier concurrent attempts of its scope to be checked. */
const PENDING_WAIT_MS = 10 * 1000;
const PENDING_POLL_MS = 50;

export interface LoginInput {
  username: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}

export type LoginResult =
  | { ok: true; token: string; session: Session; user: SessionUser }
  | ({ ok: false; reason: 'invalid' } & ThrottleOutlook)
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * What a refused try means for the next ones, so that the sign-in page can say it: seconds
 * before the next try is checked (0: at once), wrong passwords still allowed before tries are
 * slowed (0: they already are), and the wait the failure after those brings.
 */
export interface ThrottleOutlook {
  retryAfterSeconds: number;
  triesBeforeDelay: number;
  nextDelaySeconds: number;
}

/** The delay after `failures` failures in a scope allowing `free` of them: 0, then 1 s, 2 s, 4 s … up to 15 min. */
export function loginDelayMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(LOGIN_DELAY_MAX_MS, LOGIN_DELAY_BASE_MS * 2 ** Math.min(failures - free, 30));
}

/**
 * Signs a user in. Throttling is by (username, address) with growing delays, checked before
 * the password: a throttled try is refused even with the right password, and says when to
 * try again. The answer never says whether the username exists.
 *
 * An attempt is recorded as pending when it arrives. Concurrent attempts count earlier
 * pending ones as failures that may come: when those could reach a delay, they wait until
 * the earlier ones are checked, so a burst of guesses gets no more passwords checked than
 * the limit, and a burst of correct sign-ins all succeed.
 */
export async function login(db: Queryable, input: LoginInput, now: Date = new Date()): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  const ip = input.ip ?? null;
  const attemptId = await recordAttempt(db, username, ip, now);
  let settled = false;
  try {
    const retryAfterSeconds = await waitForTurn(db, { username, ip, attemptId }, now);
    if (retryAfterSeconds > 0) {
      await settleAttempt(db, attemptId, { throttled: true });
      settled = true;
      return { ok: false, reason: 'throttled', retryAfterSeconds };
    }

    const account = await findCredentials(db, username);
    // Unknown usernames are checked against a dummy hash: same cost, same answer as a wrong password.
    const passwordMatches = await verifyPassword(account?.passwordHash ?? (await getDummyPasswordHash()), input.password);
    const user = account && account.active && passwordMatches ? await getSessionUser(db, account.id) : null;
    if (!user) {
      await settleAttempt(db, attemptId, { succeeded: false });
      settled = true;
      return { ok: false, reason: 'invalid', ...(await throttleOutlook(db, { username, ip, attemptId }, now)) };
    }
    await settleAttempt(db, attemptId, { succeeded: true });
    settled = true;
    const { token, session } = await createSession(db, user.id, { ip, userAgent: input.userAgent ?? null }, now);
    return { ok: true, token, session, user };
  } finally {
    // An attempt that failed half-way (database error) counts as a failure, never as unchecked.
    if (!settled) await settleAttempt(db, attemptId, { succeeded: false }).catch(() => undefined);
  }
}

async function recordAttempt(db: Queryable, username: string, ip: string | null, now: Date): Promise<number> {
  const [row] = await db
    .insert(loginAttempts)
    .values({ username, ip, at: now, succeeded: false, pending: true })
    .returning({ id: loginAttempts.id });
  if (!row) throw new Error('The login attempt was not recorded');
  return row.id;
}

async function settleAttempt(
  db: Queryable,
  attemptId: number,
  outcome: { succeeded: boolean } | { throttled: true },
): Promise<void> {
  await db
    .update(loginAttempts)
    .set({ ...outcome, pending: false })
    .where(eq(loginAttempts.id, attemptId));
}

interface Attempt {
  username: string;
  ip: string | null;
  attemptId: number;
}

/** Seconds to wait before trying again (0: check the password now), after waiting for earlier concurrent attempts. */
async function waitForTurn(db: Queryable, attempt: Attempt, now: Date): Promise<number> {
  const giveUpAt = Date.now() + PENDING_WAIT_MS;
  for (;;) {
    const { retryAfterSeconds, pendingCouldThrottle } = await throttleState(db, attempt, now);
    if (retryAfterSeconds > 0) return retryAfterSeconds;
    if (!pendingCouldThrottle) return 0;
    if (Date.now() > giveUpAt) return 1;
    await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
  }
}

interface Scope {
  subject: SQL;
  since: number;
  free: number;
}

/** The scopes an attempt counts in: its pair; for an address the account has not signed in from, also its username and its address. */
async function scopesOf(db: Queryable, attempt: Attempt, now: Date): Promise<Scope[]> {
  const sameIp = attempt.ip === null ? isNull(loginAttempts.ip) : eq(loginAttempts.ip, attempt.ip);
  const pair = and(eq(loginAttempts.username, attempt.username), sameIp)!;
  const lastSuccess = await lastSuccessAt(db, pair, now);
  const windowStart = now.getTime() - LOGIN_THROTTLE_WINDOW_MS;
  const trusted = lastSuccess !== null && lastSuccess > now.getTime() - LOGIN_TRUSTED_ADDRESS_MS;

  const scopes: Scope[] = [
    // The pair's count starts again after its last success: only the right password resets it.
    { subject: pair, since: Math.max(windowStart, lastSuccess ?? windowStart), free: LOGIN_FREE_FAILURES.pair },
  ];
  if (!trusted) {
    scopes.push({ subject: eq(loginAttempts.username, attempt.username), since: windowStart, free: LOGIN_FREE_FAILURES.username });
    if (attempt.ip !== null) scopes.push({ subject: eq(loginAttempts.ip, attempt.ip), since: windowStart, free: LOGIN_FREE_FAILURES.address });
  }
  return scopes;
}

const secondsUntil = (at: number, now: Date) => (at > now.getTime() ? Math.ceil((at - now.getTime()) / 1000) : 0);

async function throttleState(db: Queryable, attempt: Attempt, now: Date): Promise<{ retryAfterSeconds: number; pendingCouldThrottle: boolean }> {
  const scopes = await scopesOf(db, attempt, now);
  let retryAt = 0;
  let pendingCouldThrottle = false;
  for (const scope of scopes) {
    const counts = await scopeCounts(db, scope.subject, new Date(scope.since), attempt.attemptId, now);
    if (counts.latestFailureMs !== null) retryAt = Math.max(retryAt, counts.latestFailureMs + loginDelayMs(counts.failures, scope.free));
    if (counts.pendingBefore > 0 && loginDelayMs(counts.failures + counts.pendingBefore, scope.free) > 0) pendingCouldThrottle = true;
  }
  return { retryAfterSeconds: secondsUntil(retryAt, now), pendingCouldThrottle };
}

/** After a failed attempt was settled (it counts): the outlook of the scope closest to slowing tries. */
async function throttleOutlook(db: Queryable, attempt: Attempt, now: Date): Promise<ThrottleOutlook> {
  let retryAt = 0;
  let closest: { triesBeforeDelay: number; nextDelayMs: number } | null = null;
  for (const scope of await scopesOf(db, attempt, now)) {
    // Id 0 is no attempt's: the attempt itself, now settled, is among the failures.
    const counts = await scopeCounts(db, scope.subject, new Date(scope.since), 0, now);
    if (counts.latestFailureMs !== null) retryAt = Math.max(retryAt, counts.latestFailureMs + loginDelayMs(counts.failures, scope.free));
    const triesBeforeDelay = Math.max(0, scope.free - counts.failures);
    const nextDelayMs = loginDelayMs(counts.failures + triesBeforeDelay + (triesBeforeDelay === 0 ? 1 : 0), scope.free);
    if (!closest || triesBeforeDelay < closest.triesBeforeDelay || (triesBeforeDelay === closest.triesBeforeDelay && nextDelayMs > closest.nextDelayMs)) {
      closest = { triesBeforeDelay, nextDelayMs };
    }
  }
  return {
    retryAfterSeconds: secondsUntil(retryAt, now),
    triesBeforeDelay: closest?.triesBeforeDelay ?? 0,
    nextDelaySeconds: Math.ceil((closest?.nextDelayMs ?? 0) / 1000),
  };
}

async function lastSuccessAt(db: Queryable, pair: SQL, now: Date): Promise<number | null> {
  const [row] = await db
    .select({ at: sql<string | null>`extract(epoch from max(${loginAttempts.at})) * 1000` })
    .from(loginAttempts)
    .where(and(pair, eq(loginAttempts.succeeded, true), lte(loginAttempts.at, now)));
  return row?.at == null ? null : Number(row.at);
}

/**
 * Failures of a scope since `since` (throttled refusals are not failures: counting them would
 * keep a user who keeps retrying locked out for ever; an attempt left unchecked too long is
 * one), the latest of them, and the attempts still unchecked that arrived before this one.
 */
async function scopeCounts(db: Queryable, subject: SQL, since: Date, ownId: number, now: Date) {
  const staleBefore = new Date(now.getTime() - PENDING_STALE_MS);
  const failure = and(
    eq(loginAttempts.succeeded, false),
    eq(loginAttempts.throttled, false),
    or(eq(loginAttempts.pending, false), lte(loginAttempts.at, staleBefore)),
  );
  const pendingBefore = and(eq(loginAttempts.pending, true), gt(loginAttempts.at, staleBefore), lt(loginAttempts.id, ownId));
  const [row] = await db
    .select({
      failures: sql<string>`count(*) filter (where ${failure})`,
      latestFailureMs: sql<string | null>`extract(epoch from max(${loginAttempts.at}) filter (where ${failure})) * 1000`,
      pendingBefore: sql<string>`count(*) filter (where ${pendingBefore})`,
    })
    .from(loginAttempts)
    .where(and(subject, gt(loginAttempts.at, since), lte(loginAttempts.at, now), ne(loginAttempts.id, ownId)));
  return {
    failures: Number(row?.failures ?? 0),
    latestFailureMs: row?.latestFailureMs == null ? null : Number(row.latestFailureMs),
    pendingBefore: Number(row?.pendingBefore ?? 0),
  };
}

/**
 * Deletes login attempts older than `LOGIN_ATTEMPT_RETENTION_MS` and expired sessions; the
 * server runs it at start and every hour. Answers how many rows of each went.
 */
export async function pruneAuthRecords(db: Queryable, now: Date = new Date()): Promise<{ loginAttempts: number; sessions: number }> {
  const attempts = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.at, new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS)))
    .returning({ id: loginAttempts.id });
  return { loginAttempts: attempts.length, sessions: await deleteExpiredSessions(db, now) };
}
