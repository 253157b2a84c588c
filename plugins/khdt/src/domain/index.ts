export * from './schemes.ts';
export * from './scorecards.ts';
export * from './targets.ts';
