/**
 * Following up a period's reports (issue 11, item 2): how late a unit's report is, and which
 * periods the automatic reminders go out for on a given day. Pure: "today" is passed in.
 *
 * - **Lateness** is counted against the report's due date (`Period.dueDate`, the 20th of the
 *   period's last month, DOMAIN.md "Reporting periods"): a report submitted on or before it is
 *   on time (0); one submitted after it is late by the days between; one not submitted is late
 *   by the days from the due date to today once today is past it, and not late before.
 * - **Automatic reminders** go out on each of the `leadDays` days before the due date (with the
 *   default 3: the 17th, 18th and 19th), never on the due date itself nor after it, for the
 *   periods of the cadences named whose due date falls in that window. `leadDays` 0 turns them off.
 *   Which units: those with nothing submitted (`unitsToRemind`); once per unit, period and day
 *   is the reminders table's rule (`core.report_reminders`), not this one.
 */
import { daysBetween, type IsoDate } from './dates.ts';
import type { Cadence } from './labels.ts';
import { nextPeriod, periodOf, type Period } from './periods.ts';

/** The default number of days before the 20th the automatic reminders start. */
export const AUTO_REMINDER_LEAD_DAYS = 3;
/** The longest lead the setting accepts: more would reach into the period before. */
export const AUTO_REMINDER_MAX_LEAD_DAYS = 27;
/** The cadences reminded automatically by default: the quarterly CCHC report. */
export const AUTO_REMINDER_CADENCES: readonly Cadence[] = ['quarter'];

/**
 * Days a report is late as of `today`: after `dueDate` by the days between it and the day it
 * was submitted (`submittedOn`), or, not submitted, between it and today; 0 when on time or
 * not due yet.
 */
export function reportDaysLate(dueDate: IsoDate, submittedOn: IsoDate | null, today: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, submittedOn ?? today));
}

/** Days left until the due date (0 on the day itself); null once it has passed. */
export function reportDaysLeft(dueDate: IsoDate, today: IsoDate): number | null {
  const left = daysBetween(today, dueDate);
  return left >= 0 ? left : null;
}

/**
 * The periods whose reports are reminded automatically on `today`: of each cadence, the one
 * whose due date is 1 to `leadDays` days ahead. Empty when `leadDays` is 0. Throws on a lead
 * outside 0…`AUTO_REMINDER_MAX_LEAD_DAYS` (the server refuses such a setting at start).
 */
export function autoReminderPeriods(today: IsoDate, leadDays: number, cadences: readonly Cadence[] = AUTO_REMINDER_CADENCES): Period[] {
  if (!Number.isInteger(leadDays) || leadDays < 0 || leadDays > AUTO_REMINDER_MAX_LEAD_DAYS) {
    throw new RangeError(`leadDays must be an integer from 0 to ${AUTO_REMINDER_MAX_LEAD_DAYS}, got ${leadDays}`);
  }
  if (leadDays === 0) return [];
  const due: Period[] = [];
  for (const cadence of new Set(cadences)) {
    const current = periodOf(cadence, today);
    // Past the 20th of a period's last month, the next due date is the next period's.
    for (const period of [current, nextPeriod(current)]) {
      const left = daysBetween(today, period.dueDate);
      if (left >= 1 && left <= leadDays) due.push(period);
    }
  }
  return due;
}

/** A unit's report as the follow-up sees it. */
export interface ReportFollowUp {
  unit: { code: string };
  /** `none`: not started. */
  state: 'none' | 'draft' | 'with_lead' | 'returned' | 'submitted' | 'accepted';
}

/** The units the reminders are for: those with nothing submitted (not started, draft, with the lead, returned). */
export function unitsToRemind(reports: readonly ReportFollowUp[]): string[] {
  return reports.filter((r) => r.state !== 'submitted' && r.state !== 'accepted').map((r) => r.unit.code);
}
