export * from './report.ts';
export * from './models.ts';
export * from './inspections.ts';
export * from './target.ts';
