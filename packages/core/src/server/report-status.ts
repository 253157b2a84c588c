/**
 * "Tình hình báo cáo": every unit owing a period's report with its state and how late it is,
 * for the coordinators' page, and reminding units to submit — both through the module API's
 * `reports.period` / `reports.remind` (one rule for who owes a report, one for reminders).
 * The automatic reminders before the 20th (`runAutoReminders`) use the same two.
 */
import { listUnits } from '@dondoc/auth';
import type { Db } from '@dondoc/db';
import type { Context } from '@dondoc/trpc';
import { autoReminderPeriods, hanoiDateOf, reportDaysLate, reportDaysLeft, unitsToRemind, type Cadence, type IsoDate } from '../domain/index.ts';
import { createCoreApi } from './api.ts';
import { peopleOf, type Person } from './people.ts';

export type UnitKindFilter = 'district' | 'department';

export interface ReportStatusRow {
  unit: { code: string; name: string; kind: string };
  state: 'none' | 'draft' | 'with_lead' | 'returned' | 'submitted' | 'accepted';
  reportId: string | null;
  submittedAt: string | null;
  /** Who submitted it, as a person ("Nguyễn Đức Long, Giám đốc Sở, Sở Tài chính"). */
  submittedBy: Person | null;
  /** Days after the due date: of the submission, or (nothing submitted) of today; 0 when on time or not due yet. */
  daysLate: number;
  /** The Hà Nội date of the last reminder (null: never). */
  lastRemindedOn: string | null;
}

/** The period's reports, one row per unit owing one, of one kind of unit when `kind` is given. */
export async function reportStatus(ctx: Pick<Context, 'db' | 'services' | 'locale'>, input: { periodId: string; kind?: UnitKindFilter | undefined }, today: IsoDate) {
  const data = await ctx.services.core.reports.period(input.periodId);
  const kinds = new Map((await listUnits(ctx.db)).map((u) => [u.code, u.kind]));
  const { dueDate } = data.period;
  const person = await peopleOf(ctx.db, data.submitted.map((r) => r.submittedBy), ctx.locale);
  const rows: ReportStatusRow[] = [
    ...data.submitted.map((r) => {
      const submittedOn = hanoiDateOf(Date.parse(r.submittedAt));
      return { unit: { ...r.unit, kind: kinds.get(r.unit.code) ?? 'department' }, state: r.state, reportId: r.reportId, submittedAt: r.submittedAt, submittedBy: person(r.submittedBy), daysLate: reportDaysLate(dueDate as IsoDate, submittedOn, today), lastRemindedOn: null };
    }),
    ...data.notSubmitted.map((r) => ({ unit: { ...r.unit, kind: kinds.get(r.unit.code) ?? 'department' }, state: r.state, reportId: r.reportId, submittedAt: null, submittedBy: null, daysLate: reportDaysLate(dueDate as IsoDate, null, today), lastRemindedOn: r.lastRemindedOn })),
  ];
  const order = new Map([...kinds.keys()].map((code, i) => [code, i]));
  rows.sort((a, b) => (order.get(a.unit.code) ?? 1e9) - (order.get(b.unit.code) ?? 1e9));
  const shown = input.kind ? rows.filter((row) => row.unit.kind === input.kind) : rows;
  return {
    period: data.period,
    today,
    /** Days until the due date (0: today), null once past. */
    daysLeft: reportDaysLeft(dueDate as IsoDate, today),
    rows: shown,
    counts: {
      units: shown.length,
      submitted: shown.filter((row) => row.state === 'submitted' || row.state === 'accepted').length,
      notSubmitted: unitsToRemind(shown).length,
    },
  };
}

export interface AutoReminderSettings {
  /** Days before the 20th the reminders start (0: off). */
  leadDays: number;
  cadences?: readonly Cadence[];
}

/**
 * The automatic reminders of one day: for each period `autoReminderPeriods` names, every unit
 * with nothing submitted is reminded, as the system (audit actor none, `sentBy` `core`). Run it
 * as often as you like: the reminders table keeps one a unit, period and day, so a second run
 * on the same day (or after a restart) reminds nobody.
 */
export async function runAutoReminders(db: Db, settings: AutoReminderSettings, today: IsoDate) {
  const api = createCoreApi({ db, moduleId: 'core', actor: null, requestId: null, locale: 'vi', today: () => today });
  const done: Array<{ periodId: string; sent: number; skipped: number }> = [];
  for (const period of autoReminderPeriods(today, settings.leadDays, settings.cadences)) {
    const data = await api.reports.period(period.id);
    const owing = unitsToRemind(data.notSubmitted);
    if (owing.length === 0) {
      done.push({ periodId: period.id, sent: 0, skipped: 0 });
      continue;
    }
    const result = await api.reports.remind(period.id, owing);
    done.push({ periodId: period.id, sent: result.sent.length, skipped: result.skipped.length });
  }
  return done;
}
