export * from './plans.ts';
export * from './systems.ts';
