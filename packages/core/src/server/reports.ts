import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, isNull, ne, or } from 'drizzle-orm';
import type { Access } from '@dondoc/auth';
import type { Queryable, Tx } from '@dondoc/db';
import type { Context, Locale, LocalizedText, UploadedFile } from '@dondoc/trpc';
import {
  completionRate,
  countStatuses,
  formatDateVi,
  isDueInPeriod,
  periodById,
  taskStatus,
  type IsoDate,
  type Period,
  type StatusCounts,
  type TaskStatus,
} from '../domain/index.ts';
import { conflict, fail, notFound } from './errors.ts';
import { acceptFile, FileProblem, insertAudited, type FileKind } from '@dondoc/kit';
import { updateRow, updateRows } from './versioned.ts';
import { directives, escalations, evidenceFiles, notifications, reportItems, reports, reportVersions, tasks, taskUpdates } from './schema.ts';
import { taskUnitCodes } from './tasks.ts';
import { canSee, unitScope } from './visibility.ts';
import { unitDirectory, unitRef } from './units.ts';
import { notifyCoordinators, notifyEscalation } from './notices.ts';
import { fullNameOf, peopleOf, type PersonOf } from './people.ts';

const REPORT = { vi: 'báo cáo', en: 'Report' };
const TASK = { vi: 'nhiệm vụ', en: 'Task' };

type Actor = Pick<Context, 'db' | 'locale' | 'audit' | 'auditMany'> & { user: { username: string }; access: Access };

export function parsePeriod(periodId: string, locale: Locale): Period {
  try {
    return periodById(periodId);
  } catch {
    return fail('BAD_REQUEST', locale, { vi: `Kỳ báo cáo "${periodId}" không hợp lệ.`, en: `"${periodId}" is not a reporting period.` });
  }
}

/**
 * The tasks a unit's report for `period` covers: the active (not cancelled) leaf tasks it
 * leads that were not done before the period's data window. With `lock`, the rows are
 * locked (`for update`, in code order) until the transaction ends.
 */
async function coveredTasks(db: Queryable, unitCode: string, period: Period, options: { lock?: boolean } = {}) {
  const query = db
    .select({
      id: tasks.id,
      code: tasks.code,
      title: tasks.title,
      deadline: tasks.deadline,
      continuous: tasks.continuous,
      completedOn: tasks.completedOn,
      progress: tasks.progress,
      result: tasks.result,
      version: tasks.version,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.leadUnitCode, unitCode),
        eq(tasks.isParent, false),
        eq(tasks.state, 'active'),
        or(isNull(tasks.completedOn), gte(tasks.completedOn, period.windowStart)),
      ),
    )
    .orderBy(asc(tasks.code));
  return options.lock ? query.for('update') : query;
}

type CoveredTask = Awaited<ReturnType<typeof coveredTasks>>[number];

/**
 * One line of a report: the task as of the period's data window end and what the unit
 * reported on it. A submitted version stores its lines frozen (`report_versions.lines`).
 */
export interface ReportLine {
  taskId: string;
  code: string;
  title: string;
  deadline: IsoDate | null;
  continuous: boolean;
  /** `taskStatus(task, period.windowEnd)`. */
  status: TaskStatus;
  /** The task's own progress (in a frozen version: as the submission left it). */
  taskProgress: number;
  /** The progress the unit reported (null: not entered yet). */
  progress: number | null;
  result: string | null;
  obstacles: string | null;
  proposals: string | null;
  beyondAuthority: boolean;
}

/** A report's figures: the status counts of its lines as of the data window end (`report_versions.figures`). */
export interface ReportFigures {
  asOf: IsoDate;
  counts: StatusCounts;
  /** done ÷ (done + overdue); null when both are 0. */
  completionRate: number | null;
  /** Lines whose task is due in the period (đến hạn trong kỳ: a deadline within its calendar bounds). */
  dueInPeriod: number;
  /** Number of lines. */
  lines: number;
}

/** The metadata of an evidence file as a submitted version keeps it (`report_versions.evidence`). */
export interface ReportEvidenceMeta {
  id: string;
  taskId: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** The lines of a report over its covered tasks; `taskProgress` overrides a task's progress (the one a submission writes). */
function reportLines(
  covered: CoveredTask[],
  items: Map<string, Pick<ItemRow, 'progress' | 'result' | 'obstacles' | 'proposals' | 'beyondAuthority'>>,
  asOf: IsoDate,
  taskProgress: Map<string, number> = new Map(),
): ReportLine[] {
  return covered.map((task) => {
    const item = items.get(task.id);
    return {
      taskId: task.id,
      code: task.code,
      title: task.title,
      deadline: task.deadline,
      continuous: task.continuous,
      status: taskStatus(task, asOf),
      taskProgress: taskProgress.get(task.id) ?? task.progress,
      progress: item?.progress ?? null,
      result: item?.result ?? null,
      obstacles: item?.obstacles ?? null,
      proposals: item?.proposals ?? null,
      beyondAuthority: item?.beyondAuthority ?? false,
    };
  });
}

export function reportFigures(lines: ReadonlyArray<Pick<ReportLine, 'status' | 'deadline' | 'continuous'>>, period: Period): ReportFigures {
  const counts = countStatuses(lines.map((line) => line.status));
  return {
    asOf: period.windowEnd,
    counts,
    completionRate: completionRate(counts),
    dueInPeriod: lines.filter((line) => isDueInPeriod(line, period)).length,
    lines: lines.length,
  };
}

/** A line as `reports.get` shows it in `items` (the shape the report page reads). */
function itemOfLine(line: ReportLine) {
  return {
    task: {
      id: line.taskId,
      code: line.code,
      title: line.title,
      deadline: line.deadline,
      continuous: line.continuous,
      status: line.status,
      progress: line.taskProgress,
    },
    progress: line.progress,
    result: line.result,
    obstacles: line.obstacles,
    proposals: line.proposals,
    beyondAuthority: line.beyondAuthority,
  };
}

type VersionRow = typeof reportVersions.$inferSelect;

function versionSummary(row: VersionRow, person: PersonOf) {
  return {
    number: row.number,
    state: row.state,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: person(row.submittedBy),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedBy: person(row.reviewedBy),
    returnReason: row.returnReason,
  };
}

/** The reports policy (visibility.ts): a unit's report is its own and the coordinators'. */
function assertUnit(access: Access, unitCode: string, locale: Locale) {
  if (!canSee(access, [unitCode])) {
    fail('FORBIDDEN', locale, { vi: `Bạn không có quyền với báo cáo của đơn vị ${unitCode}.`, en: `You may not touch the reports of unit ${unitCode}.` });
  }
}

export interface ReportItemInput {
  taskId: string;
  progress?: number | null | undefined;
  result?: string | null | undefined;
  obstacles?: string | null | undefined;
  proposals?: string | null | undefined;
  beyondAuthority?: boolean | undefined;
}

type ItemRow = typeof reportItems.$inferSelect;

/** What still stops the report from being submitted: one line per problem, by task code. */
export function missingForSubmission(
  covered: Array<{ id: string; code: string; completedOn?: IsoDate | null }>,
  items: Map<string, Pick<ItemRow, 'progress' | 'result' | 'obstacles' | 'beyondAuthority'>>,
  locale: Locale,
  /** The end of the report's data window: a task completed by then is shown done on its line. */
  windowEnd: IsoDate,
): string[] {
  const missing: string[] = [];
  for (const task of covered) {
    const item = items.get(task.id);
    if (!item || item.progress === null || item.progress === undefined) {
      missing.push(locale === 'vi' ? `${task.code}: chưa nhập tiến độ` : `${task.code}: no progress entered`);
    } else if (task.completedOn && task.completedOn <= windowEnd && item.progress !== 100) {
      // A line shown done says 100 %: another figure is refused, not replaced by 100 on the task. A task
      // completed after the window keeps its line's figure as of then (and its own 100: see submitReport).
      const on = formatDateVi(task.completedOn);
      missing.push(
        locale === 'vi'
          ? `${task.code}: đã hoàn thành ngày ${on} nên tiến độ là 100%, không phải ${item.progress}%`
          : `${task.code}: completed on ${on}, so its progress is 100%, not ${item.progress}%`,
      );
    }
    if (item?.beyondAuthority && !item.obstacles?.trim()) {
      missing.push(locale === 'vi' ? `${task.code}: vượt thẩm quyền nhưng chưa nêu khó khăn, vướng mắc` : `${task.code}: beyond authority but no obstacle described`);
    }
  }
  return missing;
}

/** BAD_REQUEST listing what is missing, unless nothing is. */
function assertComplete(missing: string[], locale: Locale) {
  if (missing.length > 0) {
    fail('BAD_REQUEST', locale, {
      vi: `Báo cáo chưa đủ để gửi: ${missing.join('; ')}.`,
      en: `The report is not complete: ${missing.join('; ')}.`,
    });
  }
}

/**
 * A unit's report for a period: saved or not yet, with its items (one per covered task),
 * what is missing, its figures and its submitted versions (newest first). A submitted or
 * accepted report shows its latest frozen version (`frozenVersion`), never the live tasks;
 * a draft or returned one (and one submitted before versions were kept) shows the live tasks.
 */
export async function getReport(db: Queryable, access: Access, unitCode: string, periodId: string, locale: Locale) {
  assertUnit(access, unitCode, locale);
  const period = parsePeriod(periodId, locale);
  const [report] = await db.select().from(reports).where(and(eq(reports.unitCode, unitCode), eq(reports.periodId, period.id)));
  const versionRows = report ? await db.select().from(reportVersions).where(eq(reportVersions.reportId, report.id)).orderBy(desc(reportVersions.number)) : [];
  const latest = versionRows[0];
  const frozen = report && (report.state === 'submitted' || report.state === 'accepted') && latest ? latest : null;
  let lines: ReportLine[];
  let figures: ReportFigures;
  let missing: string[];
  if (frozen) {
    lines = frozen.lines as ReportLine[];
    figures = frozen.figures as ReportFigures;
    missing = [];
  } else {
    const covered = await coveredTasks(db, unitCode, period);
    const itemRows = report ? await db.select().from(reportItems).where(eq(reportItems.reportId, report.id)) : [];
    const items = new Map(itemRows.map((item) => [item.taskId, item]));
    lines = reportLines(covered, items, period.windowEnd);
    figures = reportFigures(lines, period);
    missing = missingForSubmission(covered, items, locale, period.windowEnd);
  }
  const evidence = report
    ? await db
        .select({ id: evidenceFiles.id, taskId: evidenceFiles.taskId, filename: evidenceFiles.filename, contentType: evidenceFiles.contentType, size: evidenceFiles.size, sha256: evidenceFiles.sha256, uploadedBy: evidenceFiles.uploadedBy, uploadedAt: evidenceFiles.uploadedAt })
        .from(evidenceFiles)
        .where(eq(evidenceFiles.reportId, report.id))
    : [];
  const directory = await unitDirectory(db);
  const person = await peopleOf(
    db,
    [report?.submittedBy, report?.reviewedBy, report?.updatedBy, report?.sentToLeadBy, ...versionRows.flatMap((v) => [v.submittedBy, v.reviewedBy]), ...evidence.map((e) => e.uploadedBy)],
    locale,
  );
  return {
    unit: unitRef(directory, unitCode),
    period,
    report: report
      ? {
          id: report.id,
          state: report.state,
          version: report.version,
          submissions: report.submissions,
          submittedAt: report.submittedAt?.toISOString() ?? null,
          submittedBy: person(report.submittedBy),
          reviewedAt: report.reviewedAt?.toISOString() ?? null,
          reviewedBy: person(report.reviewedBy),
          returnReason: report.returnReason,
          sentToLeadAt: report.sentToLeadAt?.toISOString() ?? null,
          sentToLeadBy: person(report.sentToLeadBy),
          leadNote: report.leadNote,
          updatedBy: person(report.updatedBy),
        }
      : null,
    /** The number of the frozen version `items` and `figures` come from; null when they are live. */
    frozenVersion: frozen?.number ?? null,
    items: lines.map(itemOfLine),
    missing,
    figures,
    versions: versionRows.map((row) => versionSummary(row, person)),
    evidence: evidence.map((e) => ({ ...e, uploadedBy: person(e.uploadedBy), uploadedAt: e.uploadedAt.toISOString() })),
  };
}

/** One submitted version of a report, as it was submitted (same access as `getReport`). */
export async function getReportVersion(db: Queryable, access: Access, reportId: string, number: number, locale: Locale) {
  const [report] = await db.select({ unitCode: reports.unitCode }).from(reports).where(eq(reports.id, reportId));
  if (!report) notFound(locale, { vi: 'báo cáo', en: 'Report' });
  assertUnit(access, report.unitCode, locale);
  const [row] = await db.select().from(reportVersions).where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.number, number)));
  if (!row) notFound(locale, { vi: `lần gửi ${number} của báo cáo`, en: `Version ${number} of the report` });
  return {
    ...versionSummary(row, await peopleOf(db, [row.submittedBy, row.reviewedBy], locale)),
    figures: row.figures as ReportFigures,
    lines: row.lines as ReportLine[],
    evidence: row.evidence as ReportEvidenceMeta[],
  };
}

/** Saves the draft (creating it on first save). `version` is null for a report not yet saved. A save that changes no item writes nothing (`unchanged: true`). */
export async function saveReport(
  ctx: Actor,
  input: { unitCode: string; periodId: string; version: number | null; items: ReportItemInput[] },
) {
  const { locale } = ctx;
  assertUnit(ctx.access, input.unitCode, locale);
  const period = parsePeriod(input.periodId, locale);
  return ctx.db.transaction(async (tx) => {
    const covered = await coveredTasks(tx, input.unitCode, period);
    const coveredIds = new Set(covered.map((t) => t.id));
    const stray = input.items.find((item) => !coveredIds.has(item.taskId));
    if (stray) {
      fail('BAD_REQUEST', locale, { vi: 'Báo cáo có nhiệm vụ không thuộc đơn vị hoặc kỳ này.', en: 'The report names a task outside this unit or period.' });
    }
    const [current] = await tx.select().from(reports).where(and(eq(reports.unitCode, input.unitCode), eq(reports.periodId, period.id))).for('update');
    if (current?.state === 'with_lead') {
      fail('CONFLICT', locale, { vi: 'Báo cáo đang trình lãnh đạo, không sửa được cho đến khi lãnh đạo trả lại.', en: 'The report is with the unit lead; it cannot be edited until the lead returns it.' });
    }
    if (current && current.state !== 'draft' && current.state !== 'returned') {
      fail('CONFLICT', locale, { vi: 'Báo cáo đã gửi, không sửa được nữa.', en: 'The report has been submitted and can no longer be edited.' });
    }
    let report: typeof reports.$inferSelect;
    if (current) {
      if (input.version === null) conflict(locale, current.updatedBy);
      const before = await tx.select().from(reportItems).where(eq(reportItems.reportId, current.id));
      // A save that changes nothing adds nothing to the history: no version, no audit row.
      if (input.version !== current.version) conflict(locale, current.updatedBy);
      if (sameItems(before, input.items)) return { id: current.id, version: current.version, state: current.state, unchanged: true };
      report = await updateRow(ctx, tx, reports, {
        version: input.version,
        row: current,
        set: {},
        what: REPORT,
        action: 'core.report.save',
        entity: 'core.report',
        auditView: () => ({ before, after: input.items }),
      });
    } else {
      if (input.version !== null) conflict(locale, null);
      report = await insertAudited(tx, reports, {
        values: { unitCode: input.unitCode, cadence: period.cadence, periodId: period.id, state: 'draft', updatedBy: ctx.user.username },
        audit: { action: 'core.report.save', entity: 'core.report', entityId: (row) => row.id },
        auditWrite: (t, entry) => ctx.audit(t, { ...entry, before: [], after: input.items }),
        // Two first saves at once: the second meets the first's row (unique unit and period).
        locale,
      });
    }
    for (const item of input.items) {
      const values = {
        reportId: report.id,
        taskId: item.taskId,
        progress: item.progress ?? null,
        result: item.result ?? null,
        obstacles: item.obstacles ?? null,
        proposals: item.proposals ?? null,
        beyondAuthority: item.beyondAuthority ?? false,
      };
      await tx.insert(reportItems).values(values).onConflictDoUpdate({ target: [reportItems.reportId, reportItems.taskId], set: values });
    }
    return { id: report.id, version: report.version, state: report.state, unchanged: false };
  });
}

/** An item as stored: what an input item leaves out is empty. */
function itemValues(item: Partial<ReportItemInput> | undefined) {
  return {
    progress: item?.progress ?? null,
    result: item?.result ?? null,
    obstacles: item?.obstacles ?? null,
    proposals: item?.proposals ?? null,
    beyondAuthority: item?.beyondAuthority ?? false,
  };
}

/** True when saving `items` over the stored ones would change no item. */
function sameItems(stored: Array<ItemRow>, items: ReportItemInput[]): boolean {
  const byTask = new Map(stored.map((row) => [row.taskId, row]));
  return items.every((item) => {
    const row = byTask.get(item.taskId);
    const a = itemValues(row);
    const b = itemValues(item);
    return a.progress === b.progress && a.result === b.result && a.obstacles === b.obstacles && a.proposals === b.proposals && a.beyondAuthority === b.beyondAuthority;
  });
}

/**
 * Submits the report: refuses while something is missing; copies each item's progress to
 * its task (the covered task rows locked, each written at its locked version + 1, so a
 * concurrent task update either waits and then meets CONFLICT, or goes first and is
 * serialized before it); freezes the report as version `submissions + 1` (its lines,
 * figures and evidence); opens an escalation to the UBND for every obstacle beyond the
 * unit's authority.
 */
export async function submitReport(ctx: Actor, input: { id: string; version: number }, today: IsoDate) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.id)).for('update');
    if (!report) notFound(locale, REPORT);
    assertUnit(ctx.access, report.unitCode, locale);
    if (report.state !== 'draft' && report.state !== 'returned' && report.state !== 'with_lead') {
      fail('CONFLICT', locale, { vi: 'Báo cáo đã được gửi.', en: 'The report has already been submitted.' });
    }
    if (report.version !== input.version) conflict(locale, report.updatedBy);
    const period = parsePeriod(report.periodId, locale);
    const covered = await coveredTasks(tx, report.unitCode, period, { lock: true });
    const itemRows = await tx.select().from(reportItems).where(eq(reportItems.reportId, report.id));
    const items = new Map(itemRows.map((item) => [item.taskId, item]));
    assertComplete(missingForSubmission(covered, items, locale, period.windowEnd), locale);
    const now = new Date();
    // The covered rows are locked: all are written at once on the versions just read, through
    // the one versioned path (one UPDATE, one insert of their audit rows, one of their updates).
    const changes = covered.flatMap((task) => {
      const item = items.get(task.id);
      if (!item || item.progress === null) return [];
      // A task completed since keeps its 100: the line's figure is what it stood at by the window's end.
      return [{ task, progress: task.completedOn ? 100 : item.progress, result: item.result ?? task.result }];
    });
    const updated = await updateRows(ctx, tx, tasks, {
      rows: changes.map(({ task, progress, result }) => ({ current: task as never, version: task.version, set: { progress, result, lastProgressOn: today } })),
      what: TASK,
      action: 'core.task.report',
      entity: 'core.task',
      auditView: (before, after) => ({
        before: { progress: before.progress, result: before.result, version: before.version },
        after: { progress: after.progress, result: after.result, version: after.version, reportId: report.id },
      }),
    });
    if (changes.length > 0) {
      await tx.insert(taskUpdates).values(changes.map(({ task, progress }) => ({ taskId: task.id, byUsername: ctx.user.username, progress, note: `Báo cáo ${period.label.vi}` })));
    }
    const written = new Map(changes.map(({ task, progress }) => [task.id, progress]));
    const writtenTasks = changes.map(({ task, progress }, i) => ({ id: task.id, code: task.code, version: updated[i]!.version, progress }));
    const lines = reportLines(covered, items, period.windowEnd, written);
    const figures = reportFigures(lines, period);
    const evidence: ReportEvidenceMeta[] = await tx
      .select({ id: evidenceFiles.id, taskId: evidenceFiles.taskId, filename: evidenceFiles.filename, contentType: evidenceFiles.contentType, size: evidenceFiles.size, sha256: evidenceFiles.sha256 })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.reportId, report.id))
      .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id));
    const number = report.submissions + 1;
    await tx.insert(reportVersions).values({ reportId: report.id, number, state: 'submitted', submittedAt: now, submittedBy: ctx.user.username, figures, lines, evidence });
    const unitName = unitRef(await unitDirectory(tx), report.unitCode).name;
    const opened: string[] = [];
    for (const item of itemRows.filter((i) => i.beyondAuthority)) {
      // A report returned and submitted again does not escalate the same obstacle twice.
      const [pending] = await tx
        .select({ id: escalations.id })
        .from(escalations)
        .where(and(eq(escalations.reportId, report.id), eq(escalations.taskId, item.taskId), ne(escalations.state, 'closed')));
      if (pending) continue;
      const [escalation] = await tx
        .insert(escalations)
        .values({ reportId: report.id, taskId: item.taskId, unitCode: report.unitCode, obstacle: item.obstacles ?? '', proposal: item.proposals })
        .returning();
      if (escalation) {
        opened.push(escalation.id);
        await ctx.audit(tx, { action: 'core.escalation.open', entity: 'core.escalation', entityId: escalation.id, after: escalation });
        const taskCode = covered.find((task) => task.id === item.taskId)?.code ?? '';
        await notifyEscalation(tx, { taskId: item.taskId, taskCode, unitName, obstacle: escalation.obstacle, actor: ctx.user.username });
      }
    }
    const submitted = await updateRow(ctx, tx, reports, {
      version: input.version,
      row: report,
      set: { state: 'submitted', submittedAt: now, submittedBy: ctx.user.username, returnReason: null, leadNote: null, submissions: number },
      what: REPORT,
      action: 'core.report.submit',
      entity: 'core.report',
      auditView: (before, after) => ({ before: { state: before.state, version: before.version }, after: { state: after.state, version: after.version, submission: number, figures, escalations: opened } }),
    });
    await notifyCoordinators(tx, {
      kind: 'report_submitted',
      title: {
        vi: `${unitName} đã gửi báo cáo ${period.label.vi}${number > 1 ? ` (lần ${number})` : ''}`,
        en: `${unitName} submitted its report for ${period.label.en}${number > 1 ? ` (submission ${number})` : ''}`,
      },
      body: { vi: 'Báo cáo chờ tiếp nhận hoặc trả lại.', en: 'The report waits to be accepted or returned.' },
      link: `/bao-cao?ky=${encodeURIComponent(period.id)}&don-vi=${encodeURIComponent(report.unitCode)}`,
      actor: ctx.user.username,
    });
    return {
      id: report.id,
      state: 'submitted' as const,
      version: submitted.version,
      escalations: opened.length,
      /** The tasks the submission wrote its progress to, each with the version it wrote. */
      tasks: writtenTasks,
    };
  });
}

/**
 * The officer-to-lead step (trình lãnh đạo): an officer sends the complete draft (or a returned
 * report) to the unit's lead — state `with_lead`, no more edits, the unit notified
 * (`report_to_lead`) — and the lead either submits it (`submitReport`) or returns it to the
 * officer with a note (`returnToOfficer`: back to `draft`, `lead_note`, notified
 * `report_lead_returned`). Officers never submit: `core.reports:submit` is the leads'.
 */
export async function sendToLead(ctx: Actor, input: { id: string; version: number; note?: string | undefined }) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.id)).for('update');
    if (!report) notFound(locale, REPORT);
    assertUnit(ctx.access, report.unitCode, locale);
    if (report.version !== input.version) conflict(locale, report.updatedBy);
    if (report.state === 'with_lead') fail('CONFLICT', locale, { vi: 'Báo cáo đã được trình lãnh đạo.', en: 'The report is already with the unit lead.' });
    if (report.state !== 'draft' && report.state !== 'returned') {
      fail('CONFLICT', locale, { vi: 'Báo cáo đã gửi, không trình lãnh đạo được nữa.', en: 'The report has been submitted; it can no longer go to the lead.' });
    }
    const period = parsePeriod(report.periodId, locale);
    const itemRows = await tx.select().from(reportItems).where(eq(reportItems.reportId, report.id));
    assertComplete(missingForSubmission(await coveredTasks(tx, report.unitCode, period), new Map(itemRows.map((item) => [item.taskId, item])), locale, period.windowEnd), locale);
    const note = input.note?.trim() || null;
    const updated = await updateRow(ctx, tx, reports, {
      version: input.version,
      row: report,
      set: { state: 'with_lead', sentToLeadAt: new Date(), sentToLeadBy: ctx.user.username, leadNote: null },
      what: REPORT,
      action: 'core.report.send_to_lead',
      entity: 'core.report',
      auditView: (before, after) => ({ before: { state: before.state, version: before.version }, after: { state: after.state, version: after.version, note } }),
    });
    await tx.insert(notifications).values({
      unitCode: report.unitCode,
      kind: 'report_to_lead',
      title: `Báo cáo ${period.label.vi} chờ lãnh đạo duyệt`,
      actor: ctx.user.username,
      body: `${await fullNameOf(tx, ctx.user.username)} đã trình lãnh đạo báo cáo.${note ? ` Ghi chú: ${note}` : ''}`,
      link: `/bao-cao?ky=${report.periodId}`,
    });
    return { id: report.id, state: 'with_lead' as const, version: updated.version };
  });
}

/** The unit lead returns a report sent to them to the officer, with a note (required); the unit is notified. */
export async function returnToOfficer(ctx: Actor, input: { id: string; version: number; note: string }) {
  const { locale } = ctx;
  const note = input.note.trim();
  if (!note) fail('BAD_REQUEST', locale, { vi: 'Trả lại chuyên viên cần nêu ý kiến.', en: 'Returning the report to the officer needs a note.' });
  return ctx.db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.id)).for('update');
    if (!report) notFound(locale, REPORT);
    assertUnit(ctx.access, report.unitCode, locale);
    if (report.version !== input.version) conflict(locale, report.updatedBy);
    if (report.state !== 'with_lead') fail('CONFLICT', locale, { vi: 'Báo cáo không ở bước trình lãnh đạo.', en: 'The report is not with the unit lead.' });
    const updated = await updateRow(ctx, tx, reports, {
      version: input.version,
      row: report,
      set: { state: 'draft', leadNote: note },
      what: REPORT,
      action: 'core.report.return_to_officer',
      entity: 'core.report',
      auditView: (before, after) => ({ before: { state: before.state, version: before.version }, after: { state: after.state, version: after.version, note } }),
    });
    const period = parsePeriod(report.periodId, locale);
    await tx.insert(notifications).values({
      unitCode: report.unitCode,
      kind: 'report_lead_returned',
      title: `Lãnh đạo trả lại báo cáo ${period.label.vi}`,
      actor: ctx.user.username,
      body: `Ý kiến của ${await fullNameOf(tx, ctx.user.username)}: ${note}`,
      link: `/bao-cao?ky=${report.periodId}`,
    });
    return { id: report.id, state: 'draft' as const, version: updated.version };
  });
}

/** Accepts or returns (with a reason) a submitted report; the unit is notified. */
export async function reviewReport(
  ctx: Actor,
  input: { id: string; version: number; decision: 'accept' | 'return'; reason?: string | undefined },
) {
  const { locale } = ctx;
  if (input.decision === 'return' && !input.reason?.trim()) {
    fail('BAD_REQUEST', locale, { vi: 'Trả lại báo cáo cần nêu lý do.', en: 'Returning a report needs a reason.' });
  }
  return ctx.db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.id)).for('update');
    if (!report) notFound(locale, REPORT);
    assertUnit(ctx.access, report.unitCode, locale);
    if (report.version !== input.version) conflict(locale, report.updatedBy);
    if (report.state !== 'submitted') {
      fail('CONFLICT', locale, { vi: 'Chỉ tiếp nhận hoặc trả lại báo cáo đã gửi.', en: 'Only a submitted report can be accepted or returned.' });
    }
    const state = input.decision === 'accept' ? 'accepted' : 'returned';
    const now = new Date();
    const updated = await updateRow(ctx, tx, reports, {
      version: input.version,
      row: report,
      set: { state, reviewedAt: now, reviewedBy: ctx.user.username, returnReason: input.decision === 'return' ? input.reason!.trim() : null },
      what: REPORT,
      action: `core.report.${input.decision}`,
      entity: 'core.report',
      auditView: (before, after) => ({ before: { state: before.state, version: before.version }, after: { state: after.state, version: after.version, reason: input.reason ?? null } }),
    });
    // The latest frozen version takes the decision too (a report submitted before versions were kept has none).
    if (report.submissions > 0) {
      await tx
        .update(reportVersions)
        .set({ state, reviewedAt: now, reviewedBy: ctx.user.username, returnReason: input.decision === 'return' ? input.reason!.trim() : null })
        .where(and(eq(reportVersions.reportId, report.id), eq(reportVersions.number, report.submissions)));
    }
    const period = parsePeriod(report.periodId, locale);
    await tx.insert(notifications).values({
      unitCode: report.unitCode,
      kind: input.decision === 'accept' ? 'report_accepted' : 'report_returned',
      title: input.decision === 'accept' ? `Báo cáo ${period.label.vi} đã được tiếp nhận` : `Báo cáo ${period.label.vi} bị trả lại`,
      body: input.decision === 'accept' ? 'Báo cáo đã được tiếp nhận.' : `Lý do: ${input.reason!.trim()}`,
      link: `/bao-cao?ky=${report.periodId}`,
      actor: ctx.user.username,
    });
    return { id: report.id, state, version: updated.version };
  });
}

/** Reports in a state (the coordinators' queue defaults to submitted ones). */
export async function listReports(db: Queryable, access: Access, filter: { state?: string | undefined; periodId?: string | undefined }, locale: Locale) {
  const conditions = [];
  if (filter.state) conditions.push(eq(reports.state, filter.state));
  if (filter.periodId) conditions.push(eq(reports.periodId, filter.periodId));
  conditions.push(unitScope(access, reports.unitCode));
  const rows = await db.select().from(reports).where(and(...conditions)).orderBy(desc(reports.submittedAt), asc(reports.unitCode)).limit(500);
  const directory = await unitDirectory(db);
  const person = await peopleOf(db, rows.map((r) => r.submittedBy), locale);
  return rows.map((r) => ({
    id: r.id,
    unit: unitRef(directory, r.unitCode),
    periodId: r.periodId,
    periodLabel: periodById(r.periodId).label,
    state: r.state,
    version: r.version,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    submittedBy: person(r.submittedBy),
  }));
}

/** Evidence: the kinds of file accepted, recognised by their content (the kit's `sniffFile`) as well as their name. */
const EVIDENCE_KINDS = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'] as const;

/**
 * The content type of a file sent as evidence (or as a task's result, a directive's text): by its
 * content and its name it must be one of `kinds`, else BAD_REQUEST (with `refusal`, when given).
 */
export function evidenceContentType(file: UploadedFile, locale: Locale, kinds: readonly Exclude<FileKind, 'unknown'>[] = EVIDENCE_KINDS, refusal?: LocalizedText): string {
  try {
    return acceptFile(file.bytes, file.name, { kinds, limit: 'document' }).mimeType;
  } catch (error) {
    if (error instanceof FileProblem) fail(error.code, locale, error.code === 'BAD_REQUEST' && refusal ? refusal : error.text);
    throw error;
  }
}

/** Stores a file sent for a report, a task or a directive, with its SHA-256; answers its metadata. */
export async function storeFile(
  tx: Tx,
  uploadedBy: string,
  owner: { reportId?: string | null; taskId?: string | null; directiveId?: string | null },
  file: UploadedFile,
  contentType: string,
) {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const [stored] = await tx
    .insert(evidenceFiles)
    .values({ ...owner, filename: file.name, contentType, size: file.size, sha256, data: file.bytes, uploadedBy })
    .returning({
      id: evidenceFiles.id,
      filename: evidenceFiles.filename,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      contentType: evidenceFiles.contentType,
      uploadedBy: evidenceFiles.uploadedBy,
      uploadedAt: evidenceFiles.uploadedAt,
    });
  if (!stored) throw new Error('file insert returned nothing');
  return { ...stored, uploadedAt: stored.uploadedAt.toISOString() };
}

/** What `reports.attach` and `tasks.attachResult` answer of a stored file. */
export const fileSummary = ({ id, filename, size, sha256, contentType }: Awaited<ReturnType<typeof storeFile>>) => ({ id, filename, size, sha256, contentType });

/** `reports.attach`: a file of evidence for a draft or returned report (or one of its unit's tasks). */
export async function attachEvidence(ctx: Actor, input: { reportId: string; taskId?: string | undefined; file: UploadedFile }) {
  const { locale } = ctx;
  const contentType = evidenceContentType(input.file, locale);
  return ctx.db.transaction(async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, input.reportId));
    if (!report) notFound(locale, { vi: 'báo cáo', en: 'Report' });
    assertUnit(ctx.access, report.unitCode, locale);
    if (report.state !== 'draft' && report.state !== 'returned') {
      fail('CONFLICT', locale, { vi: 'Báo cáo đã gửi, không bổ sung minh chứng được nữa.', en: 'The report has been submitted; no evidence can be added.' });
    }
    if (input.taskId) {
      const [task] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, input.taskId), eq(tasks.leadUnitCode, report.unitCode)));
      if (!task) fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ của tệp minh chứng không thuộc đơn vị báo cáo.', en: 'The evidence names a task outside the report’s unit.' });
    }
    const file = fileSummary(await storeFile(tx, ctx.user.username, { reportId: report.id, taskId: input.taskId ?? null }, input.file, contentType));
    await ctx.audit(tx, { action: 'core.evidence.attach', entity: 'core.report', entityId: report.id, after: file });
    return file;
  });
}

export async function readEvidence(db: Queryable, access: Access, id: string, locale: Locale) {
  const [file] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  if (!file) notFound(locale, { vi: 'tệp minh chứng', en: 'Evidence file' });
  if (!(await canReadFile(db, access, file))) notFound(locale, { vi: 'tệp minh chứng', en: 'Evidence file' });
  return { filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256, dataBase64: Buffer.from(file.data).toString('base64') };
}

/**
 * Who may read a file follows what it belongs to: a report's evidence its unit (and
 * coordinators); a task's result file the task's units; an issued directive's attached text
 * everyone who reads tasks, a draft's only those who read every unit (the coordinators).
 */
async function canReadFile(db: Queryable, access: Access, file: { reportId: string | null; taskId: string | null; directiveId: string | null }): Promise<boolean> {
  if (!access.allowed) return false;
  if (file.reportId) {
    const [report] = await db.select({ unitCode: reports.unitCode }).from(reports).where(eq(reports.id, file.reportId));
    return report !== undefined && canSee(access, [report.unitCode]);
  }
  if (file.taskId) {
    const [task] = await db.select({ id: tasks.id, leadUnitCode: tasks.leadUnitCode, parentId: tasks.parentId }).from(tasks).where(eq(tasks.id, file.taskId));
    if (!task) return false;
    return canSee(access, await taskUnitCodes(db, task));
  }
  if (file.directiveId) {
    const [directive] = await db.select({ state: directives.state }).from(directives).where(eq(directives.id, file.directiveId));
    return directive !== undefined && (directive.state === 'issued' || access.unitCodes === 'all');
  }
  return false;
}
