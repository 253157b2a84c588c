/**
 * The target the module declares (src/server/plugin.ts) and records: 100% of departments and
 * districts with an approved digital-transformation plan for PLAN_TARGET_YEAR. No imports: the
 * pages read it too.
 */
export const PLAN_TARGET_CODE = '2458-CT4';

/** The plans the target measures: the units' plans for 2027, to be approved by the target's date. */
export const PLAN_TARGET_YEAR = 2027;
