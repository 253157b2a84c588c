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
  const host = c.req.header('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A browser told us the request comes from another site (used where no cookie is involved yet, e.g. login). */
export function isCrossSiteBrowserRequest(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
