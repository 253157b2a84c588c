import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { invalidateSession, login, SESSION_COOKIE_NAME, type SessionUser } from '@dondoc/auth';
import type { AppEnv } from '../app.ts';
import { jsonError } from './errors.ts';
import { clientAddressOf, isCrossSiteBrowserRequest, isHttps } from './security.ts';

const loginSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** The user as `/api/auth/me` and login answer it (CONTRACT.md). */
export function publicUser(user: SessionUser) {
  return {
    username: user.username,
    displayName: user.displayName,
    unit: user.unit ? { code: user.unit.code, name: user.unit.name } : null,
    roles: user.roles,
  };
}

export function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  // Behind a trusted proxy (TRUST_PROXY=1) the address the proxy saw; otherwise the connection's peer.
  return clientAddressOf(c);
}

export function sessionCookie(c: Parameters<typeof setCookie>[0], token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    // Served over HTTPS, or behind a TLS reverse proxy that says so (TRUST_PROXY=1).
    secure: isHttps(c),
    expires: expiresAt,
  });
}

export function authRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/login', async (c) => {
    if (isCrossSiteBrowserRequest(c)) return jsonError(c, 403, 'cross_origin');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return jsonError(c, 400, 'bad_json');
    }
    const parsed = loginSchema.safeParse(body);
    if (!parsed.success) {
      return jsonError(c, 400, 'bad_input', { fields: parsed.error.issues.map((i) => i.path.join('.')) });
    }
    const { db } = c.get('runtime').database;
    const result = await login(db, {
      username: parsed.data.username,
      password: parsed.data.password,
      ip: clientAddress(c),
      userAgent: c.req.header('user-agent') ?? '',
    });
    if (!result.ok) {
      if (result.reason === 'throttled') {
        c.header('retry-after', String(result.retryAfterSeconds));
        return jsonError(c, 429, 'throttled', { retryAfterSeconds: result.retryAfterSeconds });
      }
      // What the sign-in page warns with: tries left before a wait, and the wait (CONTRACT.md).
      const { retryAfterSeconds, triesBeforeDelay, nextDelaySeconds } = result;
      return jsonError(c, 401, 'invalid_credentials', { retryAfterSeconds, triesBeforeDelay, nextDelaySeconds });
    }
    sessionCookie(c, result.token, result.session.expiresAt);
    c.get('log').info('signed in', { user: result.user.username });
    return c.json({ user: publicUser(result.user) });
  });

  app.post('/logout', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) await invalidateSession(c.get('runtime').database.db, sessionId);
    deleteCookie(c, SESSION_COOKIE_NAME, { path: '/' });
    return c.body(null, 204);
  });

  app.get('/me', (c) => {
    const user = c.get('user');
    if (!user) return jsonError(c, 401, 'unauthorized');
    // The permission keys this user holds: the shell hides what they may not use with the same policy.
    const registry = c.get('runtime').permissions;
    const permissions = registry
      .list()
      .map((permission) => permission.key)
      .filter((key) => registry.decide(user, key).allowed);
    return c.json({ user: { ...publicUser(user), permissions } });
  });

  return app;
}
