import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { DatabaseKind } from '@dondoc/db';
import { createTestDatabase } from '@dondoc/db/testing';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';
import { createLogger } from '../src/logger.ts';
import { boot, type Runtime } from '../src/runtime.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const fixturePluginEntry = join(repoRoot, 'test-fixtures/plugin-fixture/src/server/plugin.ts');
export const fixturePluginWeb = join(repoRoot, 'test-fixtures/plugin-fixture/dist');
export const brokenPluginEntry = fileURLToPath(new URL('./fixtures/broken-plugin.ts', import.meta.url));
export const DEMO_PASSWORD = 'dondoc-demo';

export interface TestServer {
  url: string;
  runtime: Runtime;
  /** A cookie-keeping client that signs in as `username`. */
  signIn(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  cookie: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Calls a tRPC procedure the way the browser's client does (same-origin headers). */
  query(module: string, path: string, input?: unknown): Promise<Response>;
  mutate(module: string, path: string, input?: unknown): Promise<Response>;
}

/** Writes a plugin config into a temp folder and returns its path. */
export async function writeConfig(plugins: Array<{ id: string; server: string; web?: string }>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-config-'));
  const path = join(dir, 'dondoc.config.json');
  await writeFile(path, JSON.stringify({ plugins }, null, 2));
  return path;
}

/** The real server, on a loopback port, over a fresh migrated test database with the demo seeded. */
export async function startTestServer(
  backend: DatabaseKind,
  plugins: Array<{ id: string; server: string; web?: string }> = [],
  shellDir = join(repoRoot, 'apps/shell/dist'),
  /** More environment, e.g. `{ TRUST_PROXY: '1', PUBLIC_URL: 'https://dondoc.example.vn' }`. */
  extraEnv: Record<string, string> = {},
): Promise<TestServer> {
  const database = await createTestDatabase(backend);
  const configPath = await writeConfig(plugins);
  const env = { ...loadEnv({ DONDOC_CONFIG: configPath, DONDOC_DEMO: '1', LOG_LEVEL: 'silent', ...extraEnv }), port: 0 };
  const runtime = await boot(env, { database, log: createLogger('silent') });
  const app = createApp(runtime, { shellDir, maxBodyBytes: 64 * 1024 });
  const server = await new Promise<ReturnType<typeof serve>>((ready) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signIn = async (username: string, password = DEMO_PASSWORD): Promise<Client> => {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return client(url, cookie);
  };
  return {
    url,
    runtime,
    signIn,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await runtime.close();
    },
  };
}

export function client(url: string, cookie: string): Client {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { cookie, origin: url, ...(init.headers as Record<string, string>) } });
  return {
    cookie,
    fetch: call,
    query: (module, path, input) =>
      call(`/api/trpc/${module}/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`),
    mutate: (module, path, input) =>
      call(`/api/trpc/${module}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: input === undefined ? undefined : JSON.stringify(input),
      }),
  };
}
