/** The module's rules as small pure functions: no database, no I/O; used by the server, the pages and the tests. */
export * from './procedures.ts';
export * from './simplification.ts';
export * from './delegation.ts';
export * from './one-stop-shop.ts';
export * from './targets.ts';
export * from './labels.ts';
