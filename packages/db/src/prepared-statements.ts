import type { Sql } from 'postgres';

/**
 * Statements with at most this many parameters are kept prepared on their connection. Larger
 * ones (multi-row inserts, long `in (…)` lists) vary in their text with their size, would each
 * leave a statement behind, and gain little: their execution outweighs a parse.
 */
export const PREPARE_MAX_PARAMETERS = 64;

/**
 * The postgres.js client drizzle is given: its parameterized queries run as prepared statements.
 *
 * drizzle's postgres.js driver sends every query built with its query builder through
 * `client.unsafe(text, params, { prepare: false })` (only a query named with `.prepare(name)` is
 * prepared; drizzle-orm issue #6096). An unprepared query with parameters costs postgres.js two
 * round trips (a Parse and Describe to learn the parameters' types, then Bind and Execute) and
 * Postgres a parse and a plan every time. Prepared, postgres.js keeps the statement per
 * connection by its text and types, and the next run is one round trip: a session lookup went
 * from 0.9 ms to 0.25 ms. Statements without parameters (DDL, migrations, several statements in
 * one text) go as drizzle sends them; a statement a schema change made stale is prepared again
 * by postgres.js itself. Transactions and savepoints hand drizzle their own client: it is
 * wrapped the same way.
 */
export function preparingClient(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (text: string, params?: unknown[], options?: Record<string, unknown>) => {
          const count = Array.isArray(params) ? params.length : 0;
          const prepare = count > 0 && count <= PREPARE_MAX_PARAMETERS;
          return target.unsafe(text, params as never[], prepare ? { ...options, prepare: true } : options);
        };
      }
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const body = args[last];
          if (typeof body === 'function') args[last] = (inner: Sql) => (body as (sql: Sql) => unknown)(preparingClient(inner));
          return open.apply(target, args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
