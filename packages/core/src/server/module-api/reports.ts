/** `core.reports`: who has and has not submitted a period's report, and reminders to those who have not. */
import { and, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { listUnits } from '@dondoc/auth';
import { formatDateVi, isPeriodId, type Period } from '../../domain/index.ts';
import { fail } from '../errors.ts';
import { parsePeriod, type ReportFigures, type ReportLine } from '../reports.ts';
import { notifications, reportReminders, reports, reportVersions, tasks } from '../schema.ts';
import { unitDirectory, unitRef, type UnitName } from '../units.ts';
import { accessOf, assertCovers, audit, authorOf, parse, queryable, write, type Bound } from './binding.ts';

const periodId = z.string().refine(isPeriodId, 'YYYY-Q1 / YYYY-M03 / YYYY-H1 / YYYY-Y');
const unitCodes = z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).max(500);
const periodOptions = z.object({ unitCodes: unitCodes.optional(), permission: z.string().max(200).optional() });
const remindOptions = z.object({ message: z.string().trim().min(1).max(2000).optional(), permission: z.string().max(200).optional() });

export interface SubmittedReport {
  unit: UnitName;
  reportId: string;
  state: 'submitted' | 'accepted';
  submittedAt: string;
  /** Who submitted it (username). */
  submittedBy: string | null;
  /** How many times it was submitted. */
  submissions: number;
}

export interface MissingReport {
  unit: UnitName;
  /** `none`: not started; `draft`: saved, not submitted; `with_lead`: sent to the unit's lead, not submitted; `returned`: returned, not resubmitted. */
  state: 'none' | 'draft' | 'with_lead' | 'returned';
  reportId: string | null;
  /** The Hà Nội date of the last reminder to submit it (null: never reminded). */
  lastRemindedOn: string | null;
}

export interface PeriodReports {
  period: { id: string; label: string; windowStart: string; windowEnd: string; dueDate: string };
  submitted: SubmittedReport[];
  notSubmitted: MissingReport[];
}

/** A submitted (or accepted) report as it was submitted: its latest frozen version. */
export interface FrozenReport extends SubmittedReport {
  /** The number of the frozen version. */
  versionNumber: number;
  figures: ReportFigures;
  lines: ReportLine[];
}

export interface RemindResult {
  /** Units reminded now. */
  sent: string[];
  /** Units left out: their report is in (`submitted`), or they were reminded today (`already_reminded_today`). */
  skipped: Array<{ unitCode: string; reason: 'submitted' | 'already_reminded_today' }>;
}

/** The address of a unit's report for a period in the shell. */
const reportPath = (period: Period, unitCode: string) => `/bao-cao?ky=${encodeURIComponent(period.id)}&don-vi=${encodeURIComponent(unitCode)}`;

export function moduleReports(b: Bound) {
  const api = {
    /**
     * The reports of a period: those submitted (or accepted) and the units that owe one — the
     * units leading tasks the period's report covers, or the `unitCodes` named — as far as the
     * caller's `permission` reaches (default `core.reports:read`: a unit sees its own,
     * coordinators every unit). FORBIDDEN for a unit named outside it.
     */
    async period(id: string, options: z.input<typeof periodOptions> = {}): Promise<PeriodReports> {
      const input = parse(b, periodOptions, options);
      const period = parsePeriod(parse(b, periodId, id), b.locale);
      const access = accessOf(b, input.permission, 'core.reports:read');
      if (input.unitCodes) assertCovers(b, access, input.unitCodes);
      const db = queryable(b);
      let expected: string[];
      if (input.unitCodes) expected = [...new Set(input.unitCodes)];
      else {
        // The units whose report the period covers tasks for (as `reports.get`), and any that saved one.
        const owing = await db
          .selectDistinct({ unitCode: tasks.leadUnitCode })
          .from(tasks)
          .where(and(eq(tasks.isParent, false), eq(tasks.state, 'active'), or(isNull(tasks.completedOn), gte(tasks.completedOn, period.windowStart))));
        const saved = await db.select({ unitCode: reports.unitCode }).from(reports).where(eq(reports.periodId, period.id));
        expected = [...new Set([...owing, ...saved].map((r) => r.unitCode))];
        if (access.unitCodes !== 'all') expected = expected.filter((code) => (access.unitCodes as string[]).includes(code));
      }
      const rows = expected.length > 0 ? await db.select().from(reports).where(and(eq(reports.periodId, period.id), inArray(reports.unitCode, expected))) : [];
      const reminded = expected.length > 0
        ? await db
            .select({ unitCode: reportReminders.unitCode, last: sql<string>`max(${reportReminders.sentOn})::text` })
            .from(reportReminders)
            .where(and(eq(reportReminders.periodId, period.id), inArray(reportReminders.unitCode, expected)))
            .groupBy(reportReminders.unitCode)
        : [];
      const lastReminded = new Map(reminded.map((r) => [r.unitCode, r.last]));
      const byUnit = new Map(rows.map((r) => [r.unitCode, r]));
      const directory = await unitDirectory(db);
      const order = new Map((await listUnits(db)).map((u, i) => [u.code, i]));
      expected.sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9) || x.localeCompare(y));
      const submitted: SubmittedReport[] = [];
      const notSubmitted: MissingReport[] = [];
      for (const code of expected) {
        const report = byUnit.get(code);
        if (report && (report.state === 'submitted' || report.state === 'accepted') && report.submittedAt) {
          submitted.push({ unit: unitRef(directory, code), reportId: report.id, state: report.state, submittedAt: report.submittedAt.toISOString(), submittedBy: report.submittedBy, submissions: report.submissions });
        } else {
          notSubmitted.push({ unit: unitRef(directory, code), state: report ? (report.state === 'returned' || report.state === 'with_lead' ? report.state : 'draft') : 'none', reportId: report?.id ?? null, lastRemindedOn: lastReminded.get(code) ?? null });
        }
      }
      return {
        period: { id: period.id, label: period.label[b.locale], windowStart: period.windowStart, windowEnd: period.windowEnd, dueDate: period.dueDate },
        submitted,
        notSubmitted,
      };
    },

    /**
     * The submitted (or accepted) reports of a period as they were submitted: each one's latest
     * frozen version (`report_versions`: its lines and figures), never the live tasks. Same
     * reach and options as `period`.
     */
    async frozen(id: string, options: z.input<typeof periodOptions> = {}): Promise<FrozenReport[]> {
      const { submitted } = await api.period(id, options);
      if (submitted.length === 0) return [];
      const rows = await queryable(b)
        .select()
        .from(reportVersions)
        .where(inArray(reportVersions.reportId, submitted.map((r) => r.reportId)))
        .orderBy(desc(reportVersions.number));
      const latest = new Map<string, (typeof rows)[number]>();
      for (const row of rows) if (!latest.has(row.reportId)) latest.set(row.reportId, row);
      return submitted.flatMap((report) => {
        const version = latest.get(report.reportId);
        return version ? [{ ...report, versionNumber: version.number, figures: version.figures as ReportFigures, lines: version.lines as ReportLine[] }] : [];
      });
    },

    /**
     * Reminds units to submit their report of a period: a notification to each unit (its lead
     * and officers see it, with a link to the report), audited. Never twice for the same unit,
     * period and Hà Nội day; a unit whose report is in is left out. Needs the caller's
     * `permission` (default `core.reminders:send`) over every unit named: FORBIDDEN otherwise.
     */
    async remind(id: string, codes: string[], options: z.input<typeof remindOptions> = {}): Promise<RemindResult> {
      const period = parsePeriod(parse(b, periodId, id), b.locale);
      const named = [...new Set(parse(b, unitCodes.min(1), codes))];
      const input = parse(b, remindOptions, options);
      const access = accessOf(b, input.permission, 'core.reminders:send');
      assertCovers(b, access, named);
      return write(b, undefined, async (tx) => {
        const known = new Set((await listUnits(tx)).map((u) => u.code));
        const unknown = named.filter((code) => !known.has(code));
        if (unknown.length > 0) fail('BAD_REQUEST', b.locale, { vi: `Không có đơn vị ${unknown.join(', ')}.`, en: `There is no unit ${unknown.join(', ')}.` });
        const inAlready = new Set(
          (await tx.select({ unitCode: reports.unitCode }).from(reports).where(and(eq(reports.periodId, period.id), inArray(reports.unitCode, named), inArray(reports.state, ['submitted', 'accepted'])))).map((r) => r.unitCode),
        );
        const today = b.today();
        const message = input.message ?? `Đề nghị đơn vị hoàn thành và gửi báo cáo ${period.label.vi} trước ngày ${formatDateVi(period.dueDate)}.`;
        const result: RemindResult = { sent: [], skipped: [] };
        for (const unitCode of named) {
          if (inAlready.has(unitCode)) {
            result.skipped.push({ unitCode, reason: 'submitted' });
            continue;
          }
          const [reminder] = await tx
            .insert(reportReminders)
            .values({ periodId: period.id, unitCode, sentOn: today, sentBy: authorOf(b), moduleId: b.moduleId, message })
            .onConflictDoNothing()
            .returning({ id: reportReminders.id });
          if (!reminder) {
            result.skipped.push({ unitCode, reason: 'already_reminded_today' });
            continue;
          }
          await tx.insert(notifications).values({ unitCode, kind: 'report_reminder', title: `Đôn đốc gửi báo cáo ${period.label.vi}`, body: message, link: reportPath(period, unitCode) });
          await audit(b, tx, { action: 'core.report.remind', entity: 'core.report', entityId: `${unitCode}:${period.id}`, after: { reminderId: reminder.id, unitCode, periodId: period.id, message } });
          result.sent.push(unitCode);
        }
        return result;
      });
    },
  };
  return api;
}
