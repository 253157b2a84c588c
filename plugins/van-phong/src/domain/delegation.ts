/**
 * The delegation register (ủy quyền giải quyết TTHC, Decision 4610/QĐ-UBND of 22/11/2022):
 * the Văn phòng follows each delegation, inspects and evaluates it, and advises the city to keep,
 * adjust or revoke it (directive 2458 §2, third duty).
 */
import { addDays, daysBetween, type IsoDate } from '@dondoc/plugin-sdk/web';
import { percentOf } from './simplification.ts';

/** A delegation is flagged this many days (or fewer) before it ends. */
export const ENDING_SOON_DAYS = 30;
/** The late-handling threshold (%) until the Văn phòng sets one. */
export const DEFAULT_LATE_THRESHOLD = 10;
export const RECOMMENDATIONS = ['keep', 'adjust', 'revoke'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const EVALUATION_KINDS = ['inspection', 'evaluation'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export interface DelegationFacts {
  startsOn: IsoDate;
  /** Null: open-ended. */
  endsOn: IsoDate | null;
  onTime: number;
  late: number;
}

export type DelegationFlag = 'ending_soon' | 'ended' | 'late_rate';

export interface DelegationStatus {
  /** Late ÷ (on time + late) × 100, two decimals; null with no dossier handled. */
  lateRate: number | null;
  /** Days from `asOf` to the end (negative once ended); null when open-ended. */
  daysLeft: number | null;
  flags: DelegationFlag[];
}

/**
 * A delegation's flags as of `asOf`: `ending_soon` when it ends within the next 30 days (the end
 * day included, today too); `ended` once its end has passed; `late_rate` when the share of
 * dossiers handled late is strictly above `lateThreshold` (%). None of them before it starts
 * except the late rate, which stands on its own figures.
 */
export function delegationStatus(delegation: DelegationFacts, asOf: IsoDate, lateThreshold: number): DelegationStatus {
  const flags: DelegationFlag[] = [];
  const daysLeft = delegation.endsOn === null ? null : daysBetween(asOf, delegation.endsOn);
  if (delegation.endsOn !== null) {
    if (delegation.endsOn < asOf) flags.push('ended');
    else if (delegation.endsOn <= addDays(asOf, ENDING_SOON_DAYS)) flags.push('ending_soon');
  }
  const lateRate = percentOf(delegation.late, delegation.onTime + delegation.late);
  if (lateRate !== null && lateRate > lateThreshold) flags.push('late_rate');
  return { lateRate, daysLeft, flags };
}

/** A delegation ends after it starts (or the same day). */
export function delegationPeriodProblem(startsOn: IsoDate, endsOn: IsoDate | null): { vi: string; en: string } | null {
  if (endsOn !== null && endsOn < startsOn) return { vi: 'Ngày kết thúc ủy quyền không được trước ngày bắt đầu.', en: 'The delegation cannot end before it starts.' };
  return null;
}

/** How many of the register's delegations carry each flag. */
export function countFlags(statuses: readonly DelegationStatus[]): Record<DelegationFlag, number> {
  const counts: Record<DelegationFlag, number> = { ending_soon: 0, ended: 0, late_rate: 0 };
  for (const status of statuses) for (const flag of status.flags) counts[flag] += 1;
  return counts;
}
