import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** From spawn to the first 200 of /healthz. */
  startupMs: number;
  output(): string;
  /** VmRSS and VmHWM (peak) of the process, in MiB, from /proc/<pid>/status. */
  memory(): { rssMiB: number; peakRssMiB: number };
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** `real`: apps/server/src/serve.ts, as `pnpm start` runs it; `bench`: bench/src/server.ts (the same + bench routes). */
  entry: 'real' | 'bench';
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  configPath: string;
  shellDir?: string | undefined;
  demo?: boolean;
  timeoutMs?: number;
}

export async function startServerProcess(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const cwd = options.entry === 'real' ? join(repoRoot, 'apps/server') : join(repoRoot, 'bench');
  const script = options.entry === 'real' ? 'src/serve.ts' : 'src/server.ts';
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir ?? join(cwd, '.data-bench-unused'),
      DATABASE_URL: options.databaseUrl ?? '',
      DONDOC_CONFIG: options.configPath,
      DONDOC_DEMO: options.demo ? '1' : '0',
      ...(options.shellDir ? { DONDOC_SHELL_DIR: options.shellDir } : {}),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (options.timeoutMs ?? 120_000);
  let startupMs = -1;
  while (performance.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        startupMs = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  if (startupMs < 0) {
    child.kill('SIGKILL');
    throw new Error(`the ${options.entry} server did not start:\n${output}`);
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    startupMs,
    output: () => output,
    memory: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMiB: Math.round(kb('VmRSS') / 102.4) / 10, peakRssMiB: Math.round(kb('VmHWM') / 102.4) / 10 };
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Runs a command to its end, passing stderr through (progress bars), returning stdout. */
export function runCommand(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; quiet?: boolean }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', options.quiet ? 'pipe' : 'inherit'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    child.stderr?.on('data', (chunk) => (err += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${err}${out.slice(-2000)}`))));
  });
}
