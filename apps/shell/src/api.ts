import { apiFetch, type PluginInfo, type SessionUser } from '@dondoc/ui';

/** Query keys of the session data; `signOut` and `signIn` drop them. */
export const sessionKeys = {
  all: ['session'] as const,
  me: ['session', 'me'] as const,
  plugins: ['session', 'plugins'] as const,
};

/** `GET /api/auth/me`: the signed-in user; throws HttpError 401 without a session. */
export async function fetchMe(): Promise<SessionUser> {
  const body = await apiFetch<{ user: SessionUser }>('/api/auth/me');
  return body.user;
}

/** `GET /api/plugins`: the modules this user may open. */
export async function fetchPlugins(): Promise<PluginInfo[]> {
  const body = await apiFetch<PluginInfo[]>('/api/plugins');
  return Array.isArray(body) ? body : [];
}

/** `POST /api/auth/login`: sets the session cookie. Throws HttpError 401 / 429. */
export async function login(username: string, password: string): Promise<SessionUser> {
  const body = await apiFetch<{ user: SessionUser }>('/api/auth/login', { method: 'POST', json: { username, password } });
  return body.user;
}

/** `POST /api/auth/logout`: ends the session on the server. */
export async function logout(): Promise<void> {
  await apiFetch('/api/auth/logout', { method: 'POST' });
}

/** A same-site path to go back to after signing in, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/dang-nhap')) return '/';
  return next;
}
