import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeConfig } from './helpers.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function run(env: Record<string, string>) {
  const child = spawn(join(serverDir, 'node_modules/.bin/tsx'), ['src/serve.ts'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, exited: Promise<unknown>): Promise<Response> {
  let done = false;
  void exited.then(() => (done = true));
  for (let i = 0; i < 300 && !done; i++) {
    try {
      return await fetch(`${url}/healthz`);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('server did not come up');
}

describe('the server process', () => {
  it('starts on embedded PGlite, serves, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-data-'));
    const config = await writeConfig([]);
    const proc = run({ PORT: String(port), DATA_DIR: dataDir, DONDOC_CONFIG: config, DONDOC_DEMO: '1' });
    const health = await waitForHealth(`http://127.0.0.1:${port}`, proc.exited);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'pglite' });
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('"msg":"stopped"');
    // Each request was logged as one JSON line with its request id.
    const requestLine = proc.output().split('\n').find((line) => line.includes('"msg":"request"'));
    expect(JSON.parse(requestLine ?? '{}')).toMatchObject({ path: '/healthz', status: 200, requestId: expect.any(String) });
  }, 60_000);

  it('refuses to start on a bad environment value, saying which', async () => {
    const proc = run({ PORT: 'not-a-port' });
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain('PORT');
    expect(proc.output()).not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);
});
