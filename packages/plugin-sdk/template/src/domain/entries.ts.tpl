/**
 * The module's domain rules, pure (no database, no HTTP): what an entry may hold and how the
 * module counts. The router and the pages use them; their tests are beside them.
 */

export const MAX_TITLE_LENGTH = 300;
export const MAX_NOTE_LENGTH = 1000;
export const MAX_QUANTITY = 1_000_000;

/** The target the module declares and records (see src/server/plugin.ts). */
export const TARGET_CODE = '__PLUGIN_TARGET__';

export interface CountedEntry {
  unitCode: string;
  quantity: number;
  /** ISO date (yyyy-mm-dd). */
  doneOn: string;
}

export interface YearSummary {
  year: number;
  entries: number;
  quantity: number;
  /** Units with at least one entry in the year. */
  units: number;
}

/** The year's totals: entries done in that year, their quantity, the units that reported. */
export function summarizeYear(entries: readonly CountedEntry[], year: number): YearSummary {
  const prefix = `${year}-`;
  const ofYear = entries.filter((entry) => entry.doneOn.startsWith(prefix));
  return {
    year,
    entries: ofYear.length,
    quantity: ofYear.reduce((sum, entry) => sum + entry.quantity, 0),
    units: new Set(ofYear.map((entry) => entry.unitCode)).size,
  };
}
