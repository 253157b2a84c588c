import { periodForData, type Cadence, type Period } from '@dondoc/core';
import { todayIso } from '@dondoc/ui';

/** The current period of a cadence by data window (Decree 09/2019: data from the 15th of the month before). */
export function currentPeriod(cadence: Cadence): Period {
  return periodForData(cadence, todayIso());
}

/** The address of a unit's report for a period (`/bao-cao?ky=2026-Q4&don-vi=STC`). */
export function reportPath(periodId: string, unitCode?: string): string {
  return `/bao-cao?ky=${encodeURIComponent(periodId)}${unitCode ? `&don-vi=${encodeURIComponent(unitCode)}` : ''}`;
}
