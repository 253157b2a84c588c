export { createApp, defaultShellDir } from './app.ts';
export type { AppEnv, AppOptions } from './app.ts';
export { boot, platformMigrations } from './runtime.ts';
export type { Runtime } from './runtime.ts';
export { startServer } from './main.ts';
export { loadEnv } from './env.ts';
export type { Env } from './env.ts';
export { createLogger } from './logger.ts';
