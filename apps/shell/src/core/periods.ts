import { nextPeriod, periodForData, previousPeriod, type Cadence, type Period } from '@dondoc/core';
import { todayIso } from '@dondoc/ui';

/** The current period of a cadence by data window (Decree 09/2019: data from the 15th of the month before). */
export function currentPeriod(cadence: Cadence): Period {
  return periodForData(cadence, todayIso());
}

/** The address of a unit's report for a period (`/bao-cao?ky=2026-Q4&don-vi=STC`). */
export function reportPath(periodId: string, unitCode?: string): string {
  return `/bao-cao?ky=${encodeURIComponent(periodId)}${unitCode ? `&don-vi=${encodeURIComponent(unitCode)}` : ''}`;
}

/** Periods offered in the selector: the current one, the seven before and the next. */
export function periodChoices(cadence: Cadence, selected: Period): Period[] {
  const current = currentPeriod(cadence);
  const list: Period[] = [nextPeriod(current), current];
  let p = current;
  for (let i = 0; i < 7; i++) {
    p = previousPeriod(p);
    list.push(p);
  }
  if (selected.cadence === cadence && !list.some((period) => period.id === selected.id)) list.push(selected);
  return list;
}
