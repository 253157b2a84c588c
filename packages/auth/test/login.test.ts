import { and, eq } from 'drizzle-orm';
import { createTestDatabase, testBackends, type TestDatabase } from '@dondoc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authMigrations,
  createUser,
  LOGIN_MAX_FAILURES_PER_IP,
  LOGIN_MAX_FAILURES_PER_USERNAME,
  LOGIN_THROTTLE_WINDOW_MS,
  login,
  loginAttempts,
  sessionIdFromToken,
  setUserActive,
  upsertUnits,
  validateSessionToken,
} from '../src/index.ts';
import { later, minutes } from './helpers.ts';

const PASSWORD = 'right-password';

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
    expect(await attempt('wrong.pw', 'not-the-password', '10.1.0.3', t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('nobody', PASSWORD, '10.1.0.3', t0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await addUser('disabled');
    await setUserActive(t.db, user.id, false);
    expect(await attempt('disabled', PASSWORD, '10.1.0.4', t0)).toEqual({ ok: false, reason: 'invalid' });
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

  it('throttles a username after 5 failures, even with the right password, until the window has passed', async () => {
    await addUser('target');
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_USERNAME; i++) {
      // From different addresses: the account limit does not depend on where guesses come from.
      expect(await attempt('target', `guess-${i}`, `10.2.0.${i}`, later(t0, minutes(i)))).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const now = later(t0, minutes(5));
    const throttled = await attempt('target', PASSWORD, '10.2.1.1', now);
    // The first failure (at t0) leaves the window at t0 + 15 min: 10 minutes from now.
    expect(throttled).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 10 * 60 });

    // Throttled refusals are recorded but do not extend the lock.
    const refused = await t.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.username, 'target'), eq(loginAttempts.throttled, true)));
    expect(refused).toHaveLength(1);
    expect((await attempt('target', PASSWORD, '10.2.1.1', later(t0, minutes(14)))).ok).toBe(false);

    expect((await attempt('target', PASSWORD, '10.2.1.1', later(t0, LOGIN_THROTTLE_WINDOW_MS))).ok).toBe(true);
  });

  it('throttles an address after 30 failures, whatever the username, and only that address', async () => {
    await addUser('innocent');
    const ip = '10.3.0.1';
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i++) {
      expect((await attempt(`spray${i}`, 'guess', ip, t0)).ok).toBe(false);
    }
    const throttled = await attempt('innocent', PASSWORD, ip, later(t0, minutes(1)));
    expect(throttled).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 14 * 60 });
    expect((await attempt('innocent', PASSWORD, '10.3.0.2', later(t0, minutes(1)))).ok).toBe(true);
  });

  it('checks at most 5 passwords of a burst of concurrent guesses', async () => {
    await addUser('burst');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt('burst', `guess-${i}`, `10.4.0.${i}`, t0)),
    );
    const checked = results.filter((result) => !result.ok && result.reason === 'invalid');
    const throttled = results.filter((result) => !result.ok && result.reason === 'throttled');
    expect(checked.length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES_PER_USERNAME);
    expect(checked.length + throttled.length).toBe(12);
  });
});
