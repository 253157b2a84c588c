import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { DataDirInUseError } from '@dondoc/db';
import { createApp, defaultShellDir } from './app.ts';
import { loadEnv, type Env } from './env.ts';
import { createLogger, errorFields } from './logger.ts';
import { boot } from './runtime.ts';

export interface StartedServer {
  url: string;
  stop(): Promise<void>;
}

/** Boots and serves; resolves once listening. `stop()` drains requests, then closes the database. */
export async function startServer(env: Env, shellDir = process.env.DONDOC_SHELL_DIR ?? defaultShellDir()): Promise<StartedServer> {
  const runtime = await boot(env);
  const app = createApp(runtime, { shellDir });
  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const s = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, () => resolveListening(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${env.host.includes(':') ? `[${env.host}]` : env.host}:${address.port}`;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      runtime.log.info('shutting down: draining requests');
      await new Promise<void>((done) => {
        server.close(() => done());
        // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      await runtime.close();
      runtime.log.info('stopped');
    })();
    return stopping;
  };
  return { url, stop };
}

const demoAccounts = ['admin', 'ubnd', 'vp', 'stc', 'stc.cv', 'stttt', 'skhdt', 'snv', 'sxd', 'badinh'];

/** `pnpm start`: serve until SIGTERM/SIGINT. */
export async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(env.logLevel);
  try {
    const started = await startServer(env);
    log.info('listening', { url: started.url, db: env.databaseUrl ? 'postgres' : 'pglite' });
    process.stdout.write(`\n  dondoc đang chạy tại ${started.url}\n`);
    if (env.demo) {
      process.stdout.write(`  Tài khoản thử (mật khẩu: dondoc-demo): ${demoAccounts.join(', ')}\n\n`);
    }
    const onSignal = (signal: string) => {
      log.info('signal received', { signal });
      started.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed', errorFields(error));
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    process.once('SIGINT', () => onSignal('SIGINT'));
  } catch (error) {
    // A data directory held by another process is an operator's situation, not a bug: no stack trace.
    log.error('start failed', error instanceof DataDirInUseError ? { error: error.message, code: error.code, holder: error.holder } : errorFields(error));
    process.stderr.write(`\nKhông khởi động được dondoc: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
