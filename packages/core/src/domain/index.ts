/** Pure domain rules of the task core: no database, no I/O. */
export * from './dates.ts';
export * from './labels.ts';
export * from './status.ts';
export * from './forecast.ts';
export * from './periods.ts';
export * from './search.ts';
export * from './answer.ts';
export * from './report-follow-up.ts';
export * from './status-events.ts';
export * from './ranking.ts';
export * from './scorecard.ts';
