import type { Context } from 'hono';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !safeMethods.has(method.toUpperCase());
}

/**
 * The same-origin rule of CONTRACT.md: a state-changing request is same-origin when the
 * browser says so (`Sec-Fetch-Site: same-origin`) or its `Origin` is this server's own.
 */
export function isSameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site === 'same-origin') return true;
  const origin = c.req.header('origin');
  const host = c.req.header('host')?.toLowerCase();
  if (!origin || !host) return false;
  try {
    const url = new URL(origin);
    // The portal's own origin (PUBLIC_URL, scheme included), or a loopback name the request came to.
    const { publicUrl } = settingsOf(c);
    if (publicUrl && url.origin === new URL(publicUrl).origin) return true;
    return url.host === host && loopbackNames.some((name) => host === name || host.startsWith(`${name}:`));
  } catch {
    return false;
  }
}

/** A browser told us the request comes from another site (used where no cookie is involved yet, e.g. login). */
export function isCrossSiteBrowserRequest(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/** Where the server's own trust settings are read from: the runtime's environment (`PUBLIC_URL`, `TRUST_PROXY`). */
export interface ProxySettings {
  publicUrl: string;
  trustProxy: boolean;
}

function settingsOf(c: Context): ProxySettings {
  const env = (c.get('runtime') as { env?: ProxySettings } | undefined)?.env;
  return { publicUrl: env?.publicUrl ?? '', trustProxy: env?.trustProxy ?? false };
}

/** The first value of a comma-separated header a proxy writes (`X-Forwarded-Proto: https, http`). */
function firstValue(value: string | undefined): string | undefined {
  return value?.split(',')[0]?.trim().toLowerCase() || undefined;
}

/**
 * Served over HTTPS: the request's own scheme, or, behind a TLS reverse proxy (`TRUST_PROXY=1`),
 * the proxy's `X-Forwarded-Proto`. Without TRUST_PROXY forwarded headers mean nothing.
 */
export function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return settingsOf(c).trustProxy && firstValue(c.req.header('x-forwarded-proto')) === 'https';
}

/** The node socket of the request, when served by `@hono/node-server` (absent when the app is called in-process). */
function socketOf(c: Context): { remoteAddress?: string; localAddress?: string; localPort?: number } | undefined {
  type Bindings = { incoming?: { socket?: { remoteAddress?: string; localAddress?: string; localPort?: number } } };
  const env = c.env as (Bindings & { server?: Bindings }) | undefined;
  return (env?.server ?? env)?.incoming?.socket;
}

/**
 * The client's address: the peer of the connection; behind a trusted proxy (`TRUST_PROXY=1`), the
 * address the proxy appended last to `X-Forwarded-For` (the one it saw: earlier entries are the
 * client's own claims), else its `X-Real-IP`.
 */
export function clientAddressOf(c: Context): string {
  const peer = socketOf(c)?.remoteAddress ?? 'unknown';
  if (!settingsOf(c).trustProxy) return peer;
  const forwarded = c.req
    .header('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? c.req.header('x-real-ip')?.trim() ?? peer;
}

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The Host allow-list (DNS rebinding gets nothing): a request is served only when its `Host` is
 * the host of `PUBLIC_URL`, or, on a connection made to a loopback address, `127.0.0.1`,
 * `localhost` or `[::1]` with the port it came in on. (A page of another site whose name was
 * made to point at this machine sends its own name as Host.)
 */
export function isAllowedHost(c: Context): boolean {
  const host = c.req.header('host')?.toLowerCase();
  if (!host) return false;
  const { publicUrl } = settingsOf(c);
  if (publicUrl && host === new URL(publicUrl).host) return true;
  const socket = socketOf(c);
  // In-process calls (no socket) come from this process: no network, no rebinding.
  if (!socket) return loopbackNames.some((name) => host === name || host.startsWith(`${name}:`));
  if (!socket.localAddress || !loopbackAddresses.has(socket.localAddress)) return false;
  return loopbackNames.some((name) => host === `${name}:${socket.localPort}` || (socket.localPort === 80 && host === name));
}

/**
 * The security headers of every answer: a Content-Security-Policy allowing only the portal's own
 * origin and the origins of the modules whose web build is a URL (Module Federation loads their
 * scripts and manifest from there; antd writes inline styles), no framing, no referrer, nosniff,
 * and HSTS when served over HTTPS. API answers (and /healthz) are never stored by caches.
 */
export function contentSecurityPolicy(moduleOrigins: string[]): string {
  const origins = [...new Set(moduleOrigins)].join(' ');
  const withModules = (base: string) => (origins ? `${base} ${origins}` : base);
  return [
    "default-src 'self'",
    `script-src ${withModules("'self'")}`,
    `style-src ${withModules("'self' 'unsafe-inline'")}`,
    `img-src ${withModules("'self' data: blob:")}`,
    `font-src ${withModules("'self' data:")}`,
    `connect-src ${withModules("'self'")}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function setSecurityHeaders(c: Context, csp: string, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = {
    ...extra,
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
  if (c.req.path.startsWith('/api/') || c.req.path === '/healthz') headers['cache-control'] = 'no-store';
  if (isHttps(c)) headers['strict-transport-security'] = 'max-age=31536000';
  setAnswerHeaders(c, headers);
}

/**
 * Sets headers on the answer already made. Straight on its headers where they can change: Hono's
 * `c.header` would first copy the answer (`new Response(res.body, res)`), which turns the
 * node server's string body into a stream and costs about a millisecond per 100 KB answer (a
 * third of overview.summary's time at city scale). An answer whose headers are immutable (a
 * fetched or redirect Response) is copied by `c.header` as before.
 */
export function setAnswerHeaders(c: Context, headers: Record<string, string>): void {
  try {
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  }
}
