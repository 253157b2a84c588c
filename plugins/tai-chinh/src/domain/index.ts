/**
 * The module's rules as small pure functions: no database, no I/O, used by the server, the
 * pages and the tests alike.
 */
export * from './groups.ts';
export * from './numbers.ts';
export * from './consolidation.ts';
export * from './import-rows.ts';
export * from './labels.ts';
export * from './target.ts';
