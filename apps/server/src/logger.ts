import type { Logger } from '@dondoc/plugin-sdk';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface JsonLogger extends Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): JsonLogger;
}

/** Structured logs: one JSON object a line on stdout (errors on stderr). */
export function createLogger(
  level: Level | 'silent' = 'info',
  base: Record<string, unknown> = {},
  write: (line: string, level: Level) => void = defaultWrite,
): JsonLogger {
  const log = (at: Level) => (message: string, fields: Record<string, unknown> = {}) => {
    if (order[at] < order[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, msg: message, ...base, ...fields }), at);
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

function defaultWrite(line: string, level: Level): void {
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** An Error as loggable fields, without leaking it to clients. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, errorName: error.name, stack: error.stack };
  return { error: String(error) };
}
