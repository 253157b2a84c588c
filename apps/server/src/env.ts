import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { AUTO_REMINDER_LEAD_DAYS, AUTO_REMINDER_MAX_LEAD_DAYS } from '@dondoc/core';

/** Where relative paths in the environment are taken from: the directory `pnpm` was called in. */
export const launchDir = process.env.INIT_CWD ?? process.cwd();

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DONDOC_DEMO: flag.optional(),
  DONDOC_CONFIG: z.string().min(1).default('./dondoc.config.json'),
  DONDOC_PLUGINS_DIR: z
    .string()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .refine((value) => {
      if (!URL.canParse(value)) return false; // already refused by z.url
      const url = new URL(value);
      return (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username && !url.password;
    }, 'must be an origin only (scheme, host and port, no path)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TRUST_PROXY: flag.default(false),
  DONDOC_REPORT_REMINDER_DAYS: z.coerce.number().int().min(0).max(AUTO_REMINDER_MAX_LEAD_DAYS).default(AUTO_REMINDER_LEAD_DAYS),
});

export interface Env {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  configPath: string;
  /** Where modules installed from their release tarball live, `<dir>/<id>/<version>/` (`DONDOC_PLUGINS_DIR`, default `installed-plugins` beside the config file). */
  pluginsDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The portal's own origin (`PUBLIC_URL`, default `http://HOST:PORT`): the same-origin rule and the Host allow-list use it. */
  publicUrl: string;
  /** Behind a TLS reverse proxy (`TRUST_PROXY=1`): `Secure` cookies, HSTS, client address from `X-Forwarded-For`. */
  trustProxy: boolean;
  /** Days before the 20th the automatic reminders to submit the quarter's report start (`DONDOC_REPORT_REMINDER_DAYS`, 0: off). */
  reportReminderDays: number;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Reads and checks the environment once, at start; a bad value stops the server with a clear message. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(source[String(issue.path[0])])})`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  const fromLaunchDir = (path: string) => (isAbsolute(path) ? path : resolve(launchDir, path));
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir: fromLaunchDir(value.DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    // Demo data by default only on the embedded database: a real server is someone's data.
    demo: value.DONDOC_DEMO ?? !value.DATABASE_URL,
    configPath: fromLaunchDir(value.DONDOC_CONFIG),
    pluginsDir: value.DONDOC_PLUGINS_DIR ? fromLaunchDir(value.DONDOC_PLUGINS_DIR) : resolve(dirname(fromLaunchDir(value.DONDOC_CONFIG)), 'installed-plugins'),
    logLevel: value.LOG_LEVEL,
    publicUrl: new URL(value.PUBLIC_URL ?? `http://${value.HOST.includes(':') ? `[${value.HOST}]` : value.HOST}:${value.PORT}`).origin,
    trustProxy: value.TRUST_PROXY,
    reportReminderDays: value.DONDOC_REPORT_REMINDER_DAYS,
  };
}
