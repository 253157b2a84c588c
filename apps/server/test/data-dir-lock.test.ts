import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeConfig } from './helpers.ts';

// Issue 10, item 1: two processes on one PGlite data directory corrupted it. The second one
// (server or a CLI command) must refuse, naming the first; a lock left by a killed process must not block.

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * `node --import tsx <entry>` as `pnpm start` and `pnpm dondoc` run it: one process, whose pid
 * holds the lock. `url` resolves with the address the server says it listens on (PORT=0: any free port).
 */
function run(entry: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /đang chạy tại (http:\/\/\S+)/.exec(output);
      if (listening) resolve(listening[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`exited before listening:\n${output}`)));
  });
  url.catch(() => {});
  return { child, exited, url, output: () => output };
}

async function signIn(url: string): Promise<number> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: 'ubnd', password: 'dondoc-demo' }),
  });
  return response.status;
}

const children: Array<ReturnType<typeof run>> = [];
let dataDir = '';

afterAll(async () => {
  for (const proc of children) if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('one process at a time on a PGlite data directory', () => {
  it('refuses a second server and a writing CLI command while the first serves, and starts again after kill -9', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dondoc-lock-'));
    const config = await writeConfig([]);
    const env = { DATA_DIR: dataDir, DONDOC_CONFIG: config, DONDOC_DEMO: '1' };

    const first = run('src/serve.ts', [], env);
    children.push(first);
    const firstUrl = await first.url;
    expect((await fetch(`${firstUrl}/healthz`)).status).toBe(200);
    // A second server on the same directory exits non-zero, saying who holds it, in both languages.
    const second = run('src/serve.ts', [], env);
    children.push(second);
    const outcome = await Promise.race([second.exited.then((code) => ({ exited: code })), second.url.then((url) => ({ listening: url }))]);
    expect(outcome, 'the second server must not start').toEqual({ exited: 1 });
    const lock = JSON.parse(await readFile(join(dataDir, 'dondoc.lock'), 'utf8')) as { pid: number; openedAt: string };
    expect(lock.pid).toBe(first.child.pid);
    expect(second.output()).toContain(`Thư mục dữ liệu ${dataDir} đang được một tiến trình khác sử dụng`);
    expect(second.output()).toContain(`in use by another process (pid ${first.child.pid} — máy chủ dondoc (dondoc server)`);
    expect(second.output()).toContain(`since ${lock.openedAt}`);
    expect(second.output()).not.toMatch(/at .*\.ts:\d+/);

    // So do the CLI commands that write.
    for (const command of ['db:migrate', 'seed:demo']) {
      const cli = run('src/cli.ts', [command], env);
      children.push(cli);
      expect(await cli.exited, command).not.toBe(0);
      expect(cli.output(), command).toContain(`đang được một tiến trình khác sử dụng (pid ${first.child.pid}`);
      expect(cli.output(), command).toContain('in use by another process');
    }

    // The first one kept serving, writes included (a sign-in writes a session), and kept its lock.
    expect(await signIn(firstUrl)).toBe(200);
    expect(JSON.parse(await readFile(join(dataDir, 'dondoc.lock'), 'utf8'))).toMatchObject({ pid: first.child.pid });

    // kill -9 leaves the lock behind; the next start sees its holder is dead and takes over.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(JSON.parse(await readFile(join(dataDir, 'dondoc.lock'), 'utf8'))).toMatchObject({ pid: first.child.pid });
    const third = run('src/serve.ts', [], env);
    children.push(third);
    const thirdUrl = await third.url;
    expect(await signIn(thirdUrl)).toBe(200);
    expect(JSON.parse(await readFile(join(dataDir, 'dondoc.lock'), 'utf8'))).toMatchObject({ pid: third.child.pid });

    // A clean stop releases the lock.
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    await expect(readFile(join(dataDir, 'dondoc.lock'), 'utf8')).rejects.toThrow(/ENOENT/);
  }, 240_000);
});
