import { and, eq } from 'drizzle-orm';
import { createTestDatabase, testBackends, type TestDatabase } from '@dondoc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authMigrations,
  createUser,
  LOGIN_ATTEMPT_RETENTION_MS,
  LOGIN_DELAY_MAX_MS,
  LOGIN_FREE_FAILURES,
  LOGIN_THROTTLE_WINDOW_MS,
  login,
  loginDelayMs,
  pruneAuthRecords,
  loginAttempts,
  sessionIdFromToken,
  setUserActive,
  upsertUnits,
  validateSessionToken,
} from '../src/index.ts';
import { later, minutes } from './helpers.ts';

const PASSWORD = 'right-password';

/** A refused wrong password, with what it means for the next tries. */
const invalid = (triesBeforeDelay: number, retryAfterSeconds = 0, nextDelaySeconds = 1) => ({
  ok: false,
  reason: 'invalid',
  retryAfterSeconds,
  triesBeforeDelay,
  nextDelaySeconds,
});

describe.each(testBackends)('login on %s', (backend) => {
  let t: TestDatabase;
  const t0 = new Date('2024-03-01T08:00:00Z');

  const addUser = (username: string) =>
    createUser(t.db, { username, displayName: username, unitCode: 'SXD', roles: ['unit_lead'], password: PASSWORD });
  const attempt = (username: string, password: string, ip: string, now: Date) =>
    login(t.db, { username, password, ip, userAgent: 'vitest' }, now);

  beforeAll(async () => {
    t = await createTestDatabase(backend, [authMigrations]);
    await upsertUnits(t.db, [{ code: 'SXD', name: 'Sở Xây dựng', kind: 'department' }]);
  });
  afterAll(async () => t?.close());

  it('signs in with the right password and returns a valid session', async () => {
    const user = await addUser('sxd');
    const result = await attempt('sxd', PASSWORD, '10.1.0.1', t0);
    if (!result.ok) throw new Error(`expected success, got ${result.reason}`);
    expect(result.user).toMatchObject({ id: user.id, username: 'sxd', unit: { code: 'SXD' }, roles: ['unit_lead'] });
    expect(result.session.id).toBe(sessionIdFromToken(result.token));
    expect(result.session.ip).toBe('10.1.0.1');
    expect(result.session.userAgent).toBe('vitest');
    const validated = await validateSessionToken(t.db, result.token, later(t0, minutes(1)));
    expect(validated?.user.id).toBe(user.id);
  });

  it('compares the username trimmed and case-insensitively', async () => {
    await addUser('trim.me');
    expect((await attempt('  TRIM.Me ', PASSWORD, '10.1.0.2', t0)).ok).toBe(true);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    await addUser('wrong.pw');
    expect(await attempt('wrong.pw', 'not-the-password', '10.1.0.3', t0)).toEqual(invalid(4));
    expect(await attempt('nobody', PASSWORD, '10.1.0.3', t0)).toEqual(invalid(4));
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await addUser('disabled');
    await setUserActive(t.db, user.id, false);
    expect(await attempt('disabled', PASSWORD, '10.1.0.4', t0)).toEqual(invalid(4));
  });

  it('records every attempt with its outcome', async () => {
    await addUser('recorded');
    await attempt('recorded', 'bad', '10.1.0.5', t0);
    await attempt('RECORDED', PASSWORD, '10.1.0.5', t0);
    const rows = await t.db
      .select({ username: loginAttempts.username, ip: loginAttempts.ip, succeeded: loginAttempts.succeeded })
      .from(loginAttempts)
      .where(eq(loginAttempts.username, 'recorded'))
      .orderBy(loginAttempts.id);
    expect(rows).toEqual([
      { username: 'recorded', ip: '10.1.0.5', succeeded: false },
      { username: 'recorded', ip: '10.1.0.5', succeeded: true },
    ]);
  });

  it('slows one username from one address after 5 failures, with delays that double, even for the right password', async () => {
    await addUser('target');
    const ip = '10.2.0.1';
    // Each wrong password says how many are left before a wait (4, 3, 2, 1), then the wait it brought.
    for (let i = 0; i < LOGIN_FREE_FAILURES.pair - 1; i++) {
      expect(await attempt('target', `guess-${i}`, ip, t0)).toEqual(invalid(LOGIN_FREE_FAILURES.pair - 1 - i));
    }
    expect(await attempt('target', 'guess-4', ip, t0)).toEqual(invalid(0, 1, 2));
    expect(await attempt('target', PASSWORD, ip, t0)).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    // The delay runs from the latest failure and doubles with each further one: 1 s, 2 s, 4 s.
    expect(await attempt('target', 'guess-5', ip, later(t0, 1000))).toEqual(invalid(0, 2, 4));
    expect(await attempt('target', PASSWORD, ip, later(t0, 2000))).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
    expect(await attempt('target', 'guess-6', ip, later(t0, 3000))).toEqual(invalid(0, 4, 8));
    expect(await attempt('target', PASSWORD, ip, later(t0, 4000))).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 3 });

    // Throttled refusals are recorded but do not extend the delay.
    const refused = await t.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.username, 'target'), eq(loginAttempts.throttled, true)));
    expect(refused).toHaveLength(3);
    expect((await attempt('target', PASSWORD, ip, later(t0, 7000))).ok).toBe(true);
    // The right password starts the pair's count again.
    expect(await attempt('target', 'typo', ip, later(t0, 8000))).toEqual(invalid(4));
    expect((await attempt('target', PASSWORD, ip, later(t0, 8000))).ok).toBe(true);
  });

  it('never makes the delay longer than 15 minutes, and forgets failures after the window', async () => {
    expect(loginDelayMs(4, 5)).toBe(0);
    expect([5, 6, 7, 8].map((n) => loginDelayMs(n, 5))).toEqual([1000, 2000, 4000, 8000]);
    expect(loginDelayMs(40, 5)).toBe(LOGIN_DELAY_MAX_MS);
    expect(LOGIN_DELAY_MAX_MS).toBe(minutes(15));
    await addUser('forgets');
    for (let i = 0; i < 6; i++) await attempt('forgets', 'guess', '10.2.0.9', later(t0, i * minutes(1)));
    expect((await attempt('forgets', PASSWORD, '10.2.0.9', later(t0, LOGIN_THROTTLE_WINDOW_MS + minutes(6)))).ok).toBe(true);
  });

  /** Fails `username` from `ip` `count` times, each as soon as the throttle lets it; answers when it ended. */
  async function guess(username: string, ip: string, count: number, from: Date): Promise<Date> {
    let now = from;
    for (let done = 0; done < count; ) {
      const result = await attempt(username, 'guess', ip, now);
      if (!result.ok && result.reason === 'throttled') now = later(now, result.retryAfterSeconds * 1000);
      else done++;
    }
    return now;
  }

  it('a stranger guessing from their address slows only themselves: the owner signs in at once from their usual address', async () => {
    await addUser('owner');
    const home = '10.5.0.1';
    expect((await attempt('owner', PASSWORD, home, t0)).ok).toBe(true);
    // 40 guesses from one address, then 40 single guesses from 40 addresses, over about half an hour.
    let now = await guess('owner', '10.6.0.1', 40, later(t0, minutes(1)));
    expect(await attempt('owner', PASSWORD, '10.6.0.1', now)).toMatchObject({ ok: false, reason: 'throttled' });
    for (let i = 0; i < 40; i++) now = await guess('owner', `10.7.0.${i}`, 1, now);
    expect((await attempt('owner', PASSWORD, home, now)).ok).toBe(true);
    // A new address of the account is slowed while the account is under attack: slowed, not locked for long.
    const elsewhere = await attempt('owner', PASSWORD, '10.8.0.1', now);
    expect(elsewhere).toMatchObject({ ok: false, reason: 'throttled' });
    if (elsewhere.ok || elsewhere.reason !== 'throttled') throw new Error('expected a throttled refusal');
    expect(elsewhere.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_DELAY_MAX_MS / 1000);
    expect((await attempt('owner', PASSWORD, '10.8.0.1', later(now, elsewhere.retryAfterSeconds * 1000))).ok).toBe(true);
  });

  it('an office behind one address is not locked out by failures of others there', async () => {
    const office = '10.3.0.1';
    await addUser('regular');
    await addUser('newcomer');
    expect((await attempt('regular', PASSWORD, office, t0)).ok).toBe(true);
    let now = later(t0, minutes(1));
    for (let i = 0; i < LOGIN_FREE_FAILURES.address + 5; i++) now = await guess(`spray${i}`, office, 1, now);
    // Whoever has signed in from this address before is not slowed by the others' failures.
    expect((await attempt('regular', PASSWORD, office, now)).ok).toBe(true);
    // A first sign-in from it waits a little (the sprayer's failures count), then succeeds.
    const first = await attempt('newcomer', PASSWORD, office, now);
    expect(first).toMatchObject({ ok: false, reason: 'throttled' });
    if (first.ok || first.reason !== 'throttled') throw new Error('expected a throttled refusal');
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await attempt('newcomer', PASSWORD, office, later(now, first.retryAfterSeconds * 1000))).ok).toBe(true);
    expect((await attempt('newcomer', PASSWORD, '10.3.0.2', now)).ok).toBe(true);
  });

  it('signs in 8 parallel correct logins of one user, all of them', async () => {
    await addUser('parallel');
    const results = await Promise.all(Array.from({ length: 8 }, () => attempt('parallel', PASSWORD, '10.4.1.1', t0)));
    expect(results.map((result) => (result.ok ? 'ok' : result.reason))).toEqual(Array(8).fill('ok'));
  });

  it('checks at most 5 passwords of a burst of concurrent guesses from one address', async () => {
    await addUser('burst');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt('burst', `guess-${i}`, '10.4.0.1', t0)));
    const checked = results.filter((result) => !result.ok && result.reason === 'invalid');
    const throttled = results.filter((result) => !result.ok && result.reason === 'throttled');
    expect(checked.length).toBeLessThanOrEqual(LOGIN_FREE_FAILURES.pair);
    expect(checked.length + throttled.length).toBe(12);
  });

  it('checks at most 20 passwords of a burst of concurrent guesses on one account from many addresses', async () => {
    await addUser('spread');
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt('spread', `guess-${i}`, `10.9.0.${i}`, t0)));
    const checked = results.filter((result) => !result.ok && result.reason === 'invalid');
    expect(checked.length).toBeLessThanOrEqual(LOGIN_FREE_FAILURES.username);
    expect(results.every((result) => !result.ok)).toBe(true);
  });

  it('counts an attempt left unchecked by a process that died as a failure', async () => {
    await addUser('crashed');
    await t.db
      .insert(loginAttempts)
      .values(Array.from({ length: LOGIN_FREE_FAILURES.pair + 6 }, () => ({ username: 'crashed', ip: '10.4.2.1', at: t0, pending: true })));
    // Unchecked for 31 s: 11 failures, a delay of 64 s from t0.
    expect(await attempt('crashed', PASSWORD, '10.4.2.1', later(t0, 31_000))).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 33 });
  });

  it('prunes login attempts older than 30 days and expired sessions', async () => {
    await addUser('pruned');
    const old = new Date('2023-12-01T08:00:00Z');
    expect((await attempt('pruned', PASSWORD, '10.10.0.1', old)).ok).toBe(true);
    await attempt('pruned', 'guess', '10.10.0.1', old);
    const recent = await attempt('pruned', PASSWORD, '10.10.0.1', later(old, LOGIN_ATTEMPT_RETENTION_MS));
    if (!recent.ok) throw new Error('expected success');
    const pruned = await pruneAuthRecords(t.db, later(old, LOGIN_ATTEMPT_RETENTION_MS + minutes(1)));
    expect(pruned.loginAttempts).toBeGreaterThanOrEqual(2);
    expect(pruned.sessions).toBeGreaterThanOrEqual(1);
    const left = await t.db.select({ at: loginAttempts.at }).from(loginAttempts).where(eq(loginAttempts.username, 'pruned'));
    expect(left.map((row) => row.at.getTime())).toEqual([later(old, LOGIN_ATTEMPT_RETENTION_MS).getTime()]);
    expect(await validateSessionToken(t.db, recent.token, later(old, LOGIN_ATTEMPT_RETENTION_MS + minutes(1)))).not.toBeNull();
    expect(await pruneAuthRecords(t.db, later(old, LOGIN_ATTEMPT_RETENTION_MS + minutes(1)))).toEqual({ loginAttempts: 0, sessions: 0 });
  });
});
