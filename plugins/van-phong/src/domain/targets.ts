/** The two 2458 targets the module records (declared in src/server/plugin.ts; the core seeded them as manual ones). */
export const INTERNAL_CUT_TARGET = '2458-CT1';
export const COST_CUT_TARGET = '2458-CT2';
