import { eq, sql } from 'drizzle-orm';
import { queryRows } from '@dondoc/db';
import { createTestDatabase, testBackends, type TestDatabase } from '@dondoc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authMigrations,
  createSession,
  createUser,
  deleteExpiredSessions,
  invalidateSession,
  invalidateUserSessions,
  SESSION_IDLE_MS,
  sessionIdFromToken,
  sessions,
  setUserActive,
  upsertUnits,
  validateSessionToken,
  type UserRecord,
} from '../src/index.ts';
import { hours, later, minutes } from './helpers.ts';

describe.each(testBackends)('sessions on %s', (backend) => {
  let t: TestDatabase;
  let user: UserRecord;
  const t0 = new Date('2024-03-01T08:00:00Z');

  beforeAll(async () => {
    t = await createTestDatabase(backend, [authMigrations]);
    await upsertUnits(t.db, [{ code: 'STC', name: 'Sở Tài chính', kind: 'department' }]);
    user = await createUser(t.db, {
      username: 'stc',
      displayName: 'Lãnh đạo Sở Tài chính',
      unitCode: 'STC',
      roles: ['unit_lead'],
      password: 'secret-password',
    });
  });
  afterAll(async () => t?.close());

  it('validates a new session and returns the session user with their unit', async () => {
    const { token, session } = await createSession(t.db, user.id, { ip: '10.0.0.1', userAgent: 'test' }, t0);
    expect(session.expiresAt).toEqual(later(t0, SESSION_IDLE_MS));
    const result = await validateSessionToken(t.db, token, later(t0, minutes(1)));
    expect(result?.session.id).toBe(session.id);
    expect(result?.extended).toBe(false);
    expect(result?.user).toEqual({
      id: user.id,
      username: 'stc',
      displayName: 'Lãnh đạo Sở Tài chính',
      roles: ['unit_lead'],
      unit: { code: 'STC', name: 'Sở Tài chính', kind: 'department' },
    });
  });

  it('stores only the SHA-256 of the token: the raw token appears nowhere in the row', async () => {
    const { token, session } = await createSession(t.db, user.id, { ip: '10.0.0.1', userAgent: 'test' }, t0);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).not.toContain(token);
    const [row] = await queryRows<{ row: string }>(
      t.db,
      sql`select row_to_json(s)::text as row from auth.sessions s where s.id = ${session.id}`,
    );
    expect(row?.row).toContain(session.id);
    expect(row?.row).not.toContain(token);
  });

  it('refuses unknown, malformed and empty tokens', async () => {
    expect(await validateSessionToken(t.db, 'a'.repeat(32), t0)).toBeNull();
    expect(await validateSessionToken(t.db, 'not a token', t0)).toBeNull();
    expect(await validateSessionToken(t.db, '', t0)).toBeNull();
  });

  it('logout kills the session on the server', async () => {
    const { token, session } = await createSession(t.db, user.id, {}, t0);
    await invalidateSession(t.db, session.id);
    expect(await validateSessionToken(t.db, token, later(t0, minutes(1)))).toBeNull();
  });

  it('expires after the idle window and deletes the session', async () => {
    const { token, session } = await createSession(t.db, user.id, {}, t0);
    expect(await validateSessionToken(t.db, token, later(t0, SESSION_IDLE_MS))).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.id, session.id))).toEqual([]);
  });

  it('slides the expiry only when less than half of the idle window remains', async () => {
    const { token, session } = await createSession(t.db, user.id, {}, t0);

    const early = await validateSessionToken(t.db, token, later(t0, hours(3)));
    expect(early?.extended).toBe(false);
    expect(early?.session.expiresAt).toEqual(session.expiresAt);

    const usedAt = later(t0, hours(5)); // 3 h left of 8: extend
    const late = await validateSessionToken(t.db, token, usedAt);
    expect(late?.extended).toBe(true);
    expect(late?.session.expiresAt).toEqual(later(usedAt, SESSION_IDLE_MS));
    const [stored] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(stored?.expiresAt).toEqual(later(usedAt, SESSION_IDLE_MS));
    expect(stored?.lastSeenAt).toEqual(usedAt);

    // Past the original expiry, still alive thanks to the extension; dead a full idle window after last use.
    expect(await validateSessionToken(t.db, token, later(t0, hours(9)))).not.toBeNull();
    expect(await validateSessionToken(t.db, token, later(t0, hours(9) + SESSION_IDLE_MS))).toBeNull();
  });

  it('refuses the sessions of a disabled account, even once it is enabled again', async () => {
    const other = await createUser(t.db, {
      username: 'stc.cv',
      displayName: 'Chuyên viên',
      unitCode: 'STC',
      roles: ['officer'],
      password: 'secret-password',
    });
    const { token } = await createSession(t.db, other.id, {}, t0);
    await setUserActive(t.db, other.id, false);
    expect(await validateSessionToken(t.db, token, later(t0, minutes(1)))).toBeNull();
    await setUserActive(t.db, other.id, true);
    expect(await validateSessionToken(t.db, token, later(t0, minutes(2)))).toBeNull();
  });

  it('signs a user out everywhere', async () => {
    const a = await createSession(t.db, user.id, {}, t0);
    const b = await createSession(t.db, user.id, {}, t0);
    await invalidateUserSessions(t.db, user.id);
    expect(await validateSessionToken(t.db, a.token, later(t0, minutes(1)))).toBeNull();
    expect(await validateSessionToken(t.db, b.token, later(t0, minutes(1)))).toBeNull();
  });

  it('deletes expired sessions in bulk', async () => {
    const old = await createSession(t.db, user.id, {}, later(t0, -hours(24)));
    const fresh = await createSession(t.db, user.id, {}, t0);
    expect(await deleteExpiredSessions(t.db, t0)).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(sessions).where(eq(sessions.id, old.session.id))).toEqual([]);
    expect(await validateSessionToken(t.db, fresh.token, later(t0, minutes(1)))).not.toBeNull();
  });
});
