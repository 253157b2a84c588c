import { and, asc, count, eq, gt, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { listAudit, type Access } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import type { Context, Locale } from '@dondoc/trpc';
import {
  flaggedForLeadership,
  formatDateVi,
  hanoiDateOf,
  needsProgressFlag,
  normalizeForSearch,
  remindersWhileOverdue,
  rollUp,
  taskStatus,
  type Cadence,
  type IsoDate,
  type TaskStatus,
} from '../domain/index.ts';
import { updateRow } from './versioned.ts';
import { conflict, fail, notFound } from './errors.ts';
import { followUpTasks } from './follow-up-tasks.ts';
import { escalations, evidenceFiles, notifications, reminders, reportItems, reports, taskCoordinators, tasks, taskUpdates } from './schema.ts';
import { taskStatusIsSql, taskStatusSql } from './status-sql.ts';
import { unitDirectory, unitRef } from './units.ts';
import { fullNameOf, peopleOf } from './people.ts';
import { canSee, unitScope, type FollowUpReaders } from './visibility.ts';
// extensions.ts imports canSee from here; the cycle is only between functions, called at request time.
import { listTaskExtensions } from './extensions.ts';

/**
 * Reminders sent to a task's lead unit after its deadline (in force) and by `asOf`, counted
 * in SQL for lists: the leadership flag needs more than three of them (domain/status.ts).
 * A reminder's day is its Hà Nội date (UTC+7).
 */
export function remindersWhileOverdueSql(asOf: IsoDate): SQL<number> {
  // Fully qualified: inside a select list drizzle writes bare column names, and "id" would be the reminder's.
  return sql<number>`(select count(*)::int from "core"."reminders" as r
    where r."task_id" = "core"."tasks"."id" and r."unit_code" = "core"."tasks"."lead_unit_code"
      and "core"."tasks"."deadline" is not null
      and ((r."sent_at" at time zone 'UTC') + interval '7 hours')::date > "core"."tasks"."deadline"
      and ((r."sent_at" at time zone 'UTC') + interval '7 hours')::date <= ${asOf}::date)`;
}

/** Tasks that count: not cancelled (a cancelled task keeps its page and history, nothing more). */
export const activeTask = sql`${tasks.state} = 'active'`;

export interface TaskListQuery {
  unitCode?: string | undefined;
  status?: TaskStatus | undefined;
  asOf: IsoDate;
  directiveId?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Rows of a unit: tasks it leads or coordinates. Written as the union of two indexed sets
 * rather than `lead = u OR EXISTS (…)`, which Postgres cannot answer from the indexes
 * (measured by the bench at 100,000 tasks: 12.7 → 3.7 ms).
 */
export function involvesUnits(unitCodes: string[]): SQL {
  return sql`${tasks.id} in (
    select "id" from "core"."tasks" where "lead_unit_code" in ${unitCodes}
    union
    select "task_id" from "core"."task_coordinators" where "unit_code" in ${unitCodes}
  )`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Leaf tasks (the ones a unit carries out) matching the query, in code order, a page at a
 * time. `access` limits the rows to the user's units; a unit's user without `unitCode`
 * gets their own unit's tasks, a coordinator all of them.
 */
export async function listTasks(db: Queryable, access: Access, query: TaskListQuery) {
  if (!access.allowed) return { items: [], nextCursor: null, total: 0 };
  const status = taskStatusSql(query.asOf);
  const conditions: SQL[] = [eq(tasks.isParent, false), activeTask];
  if (access.unitCodes !== 'all') conditions.push(involvesUnits(access.unitCodes));
  if (query.unitCode) conditions.push(involvesUnits([query.unitCode]));
  if (query.status) conditions.push(taskStatusIsSql(query.status, query.asOf));
  if (query.directiveId) conditions.push(eq(tasks.directiveId, query.directiveId));
  // Every word of the query, in any order (as `matchesSearch` in the domain rules).
  const q = query.q ? normalizeForSearch(query.q) : '';
  for (const word of q ? q.split(' ') : []) conditions.push(ilike(tasks.searchText, `%${escapeLike(word)}%`));
  // The total of the list ("471 nhiệm vụ"), counted with the first page only: later pages need not repeat it.
  const total = query.cursor
    ? null
    : Number((await db.select({ n: count() }).from(tasks).where(and(...conditions)))[0]?.n ?? 0);
  if (query.cursor) conditions.push(gt(tasks.code, query.cursor));
  const rows = await db
    .select({
      id: tasks.id,
      code: tasks.code,
      clause: tasks.clause,
      title: tasks.title,
      parentId: tasks.parentId,
      leadUnitCode: tasks.leadUnitCode,
      deadline: tasks.deadline,
      continuous: tasks.continuous,
      cadence: tasks.cadence,
      progress: tasks.progress,
      completedOn: tasks.completedOn,
      lastProgressOn: tasks.lastProgressOn,
      assignedOn: tasks.assignedOn,
      originalDeadline: tasks.originalDeadline,
      deadlineInferred: tasks.deadlineInferred,
      version: tasks.version,
      status,
      remindersWhileOverdue: remindersWhileOverdueSql(query.asOf),
    })
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.code))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const directory = await unitDirectory(db, page.map((row) => row.leadUnitCode));
  return {
    items: page.map((row) => ({
      id: row.id,
      code: row.code,
      clause: row.clause,
      title: row.title,
      parentId: row.parentId,
      leadUnit: unitRef(directory, row.leadUnitCode),
      deadline: row.deadline,
      originalDeadline: row.originalDeadline,
      deadlineInferred: row.deadlineInferred,
      continuous: row.continuous,
      status: row.status as TaskStatus,
      progress: row.progress,
      completedOn: row.completedOn,
      noProgressUpdate: progressFlag(row, row.status as TaskStatus, query.asOf),
      flaggedForLeadership: flaggedForLeadership(row.status as TaskStatus, Number(row.remindersWhileOverdue)),
      /** Reminders to the lead unit since the deadline passed (as of `asOf`). */
      remindersWhileOverdue: Number(row.remindersWhileOverdue),
      version: row.version,
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.code ?? null) : null,
    /** Every task matching the query (all pages); null on a page after the first. */
    total,
  };
}

/** "Chưa cập nhật tiến độ" of a task row (domain rule `needsProgressFlag`). */
export function progressFlag(row: { lastProgressOn: string | null; assignedOn: string | null; cadence: string | null }, status: TaskStatus, asOf: IsoDate): boolean {
  return needsProgressFlag({ status, lastProgressOn: row.lastProgressOn, assignedOn: row.assignedOn, cadence: row.cadence as Cadence | null }, asOf);
}

function statusOf(row: { deadline: string | null; continuous: boolean; completedOn: string | null }, asOf: IsoDate) {
  return taskStatus(row, asOf);
}

/** Units that may read a task: its lead, its coordinators and the lead of its parent. */
export async function taskUnitCodes(db: Queryable, task: { id: string; leadUnitCode: string; parentId: string | null }): Promise<string[]> {
  const involved = await taskUnits(db, task.id, task.leadUnitCode);
  if (!task.parentId) return involved;
  const [parent] = await db.select({ leadUnitCode: tasks.leadUnitCode }).from(tasks).where(eq(tasks.id, task.parentId));
  return parent ? [...involved, parent.leadUnitCode] : involved;
}

/** Units whose rows the task belongs to: its lead and coordinators. */
async function taskUnits(db: Queryable, taskId: string, leadUnitCode: string): Promise<string[]> {
  const coordinators = await db.select({ unitCode: taskCoordinators.unitCode }).from(taskCoordinators).where(eq(taskCoordinators.taskId, taskId));
  return [leadUnitCode, ...coordinators.map((c) => c.unitCode)];
}

export { canSee };

/**
 * One task with everything its detail page shows. `access` (core.tasks:read) decides whether
 * the task is seen; its units' report lines and escalations are listed only as far as
 * `readers` (the reports and escalations policy) reaches, as `reports.get` and
 * `escalations.list` would answer them.
 */
export async function getTask(db: Queryable, access: Access, readers: FollowUpReaders, id: string, asOf: IsoDate, locale: Locale) {
  const [task] = await db.select().from(tasks).where(eq(tasks.id, id));
  if (!task) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
  const involved = await taskUnits(db, task.id, task.leadUnitCode);
  const [parent] = task.parentId ? await db.select().from(tasks).where(eq(tasks.id, task.parentId)) : [];
  // The parent's lead unit follows its children up, and a unit may open the parent of its own child task.
  const visible =
    canSee(access, parent ? [...involved, parent.leadUnitCode] : involved) ||
    (task.isParent && access.allowed && access.unitCodes !== 'all' && (await leadsAChild(db, task.id, access.unitCodes)));
  if (!visible) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
  const directory = await unitDirectory(db);
  const status = statusOf(task, asOf);
  const [history, reminderRows, reportRows, escalationRows, audit, children, coordinatorRows, extensionRows] = await Promise.all([
    db.select().from(taskUpdates).where(eq(taskUpdates.taskId, task.id)).orderBy(sql`${taskUpdates.at} desc`),
    db.select().from(reminders).where(eq(reminders.taskId, task.id)).orderBy(sql`${reminders.sentAt} desc`),
    db
      .select({
        reportId: reports.id,
        periodId: reports.periodId,
        state: reports.state,
        unitCode: reports.unitCode,
        progress: reportItems.progress,
        result: reportItems.result,
        obstacles: reportItems.obstacles,
        proposals: reportItems.proposals,
        beyondAuthority: reportItems.beyondAuthority,
      })
      .from(reportItems)
      .innerJoin(reports, eq(reports.id, reportItems.reportId))
      .where(and(eq(reportItems.taskId, task.id), unitScope(readers.reports, reports.unitCode)))
      .orderBy(sql`${reports.periodId} desc`),
    db
      .select()
      .from(escalations)
      .where(and(eq(escalations.taskId, task.id), unitScope(readers.escalations, escalations.unitCode)))
      .orderBy(sql`${escalations.createdAt} desc`),
    listAudit(db, { entity: 'core.task', entityId: task.id, limit: 50 }),
    task.isParent
      ? db
          .select({
            id: tasks.id,
            code: tasks.code,
            leadUnitCode: tasks.leadUnitCode,
            deadline: tasks.deadline,
            continuous: tasks.continuous,
            completedOn: tasks.completedOn,
            progress: tasks.progress,
          })
          .from(tasks)
          .where(and(eq(tasks.parentId, task.id), activeTask))
          .orderBy(asc(tasks.code))
      : Promise.resolve([]),
    db.select().from(taskCoordinators).where(eq(taskCoordinators.taskId, task.id)),
    listTaskExtensions(db, task.id, locale),
  ]);
  const overdueReminders = remindersWhileOverdue(
    task.deadline,
    reminderRows.map((r) => ({ sentOn: hanoiDateOf(r.sentAt), toLeadUnit: r.unitCode === task.leadUnitCode })),
    asOf,
  );
  // The task's trail includes the steps of its extension requests (audited as core.extension rows).
  const extensionAudit = (await Promise.all(extensionRows.map((e) => listAudit(db, { entity: 'core.extension', entityId: e.id, limit: 20 })))).flat();
  const trail = [...audit, ...extensionAudit].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
  const givenFromAnswers = await followUpTasks(db, escalationRows.map((e) => e.followUpTaskId));
  const person = await peopleOf(db, [task.cancelledBy, task.updatedBy, task.completionPendingBy, ...history.map((h) => h.byUsername), ...reminderRows.map((r) => r.sentBy), ...escalationRows.map((e) => e.respondedBy), ...trail.map((a) => a.actorUsername)], locale);
  const resultFile = task.resultFileId
    ? ((await db.select({ id: evidenceFiles.id, filename: evidenceFiles.filename, size: evidenceFiles.size, contentType: evidenceFiles.contentType }).from(evidenceFiles).where(eq(evidenceFiles.id, task.resultFileId)))[0] ?? null)
    : null;
  const childItems = children.map((child) => ({
    id: child.id,
    code: child.code,
    leadUnit: unitRef(directory, child.leadUnitCode),
    status: statusOf(child, asOf),
    progress: child.progress,
  }));
  return {
    id: task.id,
    code: task.code,
    clause: task.clause,
    directiveId: task.directiveId,
    parentId: task.parentId,
    parent: parent ? { id: parent.id, code: parent.code, title: parent.title, leadUnit: unitRef(directory, parent.leadUnitCode) } : null,
    isParent: task.isParent,
    title: task.title,
    content: task.content,
    leadUnit: unitRef(directory, task.leadUnitCode),
    leadInferred: task.leadInferred,
    coordinatingUnits: coordinatorRows.map((c) => ({ ...unitRef(directory, c.unitCode), inferred: c.inferred })),
    deadline: task.deadline,
    originalDeadline: task.originalDeadline,
    deadlineInferred: task.deadlineInferred,
    continuous: task.continuous,
    cadence: task.cadence,
    assignedOn: task.assignedOn,
    state: task.state,
    cancelledAt: task.cancelledAt?.toISOString() ?? null,
    cancelledBy: person(task.cancelledBy),
    cancelReason: task.cancelReason,
    progress: task.progress,
    completedOn: task.completedOn,
    completionEnteredOn: task.completionEnteredOn,
    completionPendingOn: task.completionPendingOn,
    completionPendingBy: person(task.completionPendingBy),
    completionReturnNote: task.completionReturnNote,
    result: task.result,
    resultDocNumber: task.resultDocNumber,
    resultDocDate: task.resultDocDate,
    resultFile,
    lastProgressOn: task.lastProgressOn,
    status,
    noProgressUpdate: progressFlag(task, status, asOf),
    reminderCount: reminderRows.length,
    remindersWhileOverdue: overdueReminders,
    flaggedForLeadership: flaggedForLeadership(status, overdueReminders),
    version: task.version,
    updatedAt: task.updatedAt.toISOString(),
    updatedBy: person(task.updatedBy),
    history: history.map((h) => ({ at: h.at.toISOString(), by: person(h.byUsername), progress: h.progress, completedOn: h.completedOn, note: h.note })),
    reminders: reminderRows.map((r) => ({
      at: r.sentAt.toISOString(),
      by: person(r.sentBy),
      unit: unitRef(directory, r.unitCode),
      message: r.message,
      /** Sent to the lead unit after the deadline: counts toward the leadership flag. */
      whileOverdue: r.unitCode === task.leadUnitCode && task.deadline !== null && hanoiDateOf(r.sentAt) > task.deadline,
    })),
    reports: reportRows.map((r) => ({ ...r, unit: unitRef(directory, r.unitCode) })),
    escalations: escalationRows.map((e) => ({
      id: e.id,
      state: e.state,
      obstacle: e.obstacle,
      proposal: e.proposal,
      response: e.response,
      respondedBy: person(e.respondedBy),
      respondedAt: e.respondedAt?.toISOString() ?? null,
      createdAt: e.createdAt.toISOString(),
      followUpTask: e.followUpTaskId ? (givenFromAnswers.get(e.followUpTaskId) ?? null) : null,
    })),
    audit: trail.map((a) => ({ at: a.at.toISOString(), actor: person(a.actorUsername), action: a.action })),
    /** Deadline extension requests (gia hạn), newest first: the original deadline stays in them. */
    extensions: extensionRows,
    rollUp: task.isParent ? { ...rollUp(childItems), children: childItems } : null,
  };
}

async function leadsAChild(db: Queryable, parentId: string, unitCodes: string[]): Promise<boolean> {
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.parentId, parentId), inArray(tasks.leadUnitCode, unitCodes)))
    .limit(1);
  return rows.length > 0;
}

const TASK = { vi: 'nhiệm vụ', en: 'Task' };

export interface TaskUpdate {
  id: string;
  version: number;
  progress: number;
  result?: string | null | undefined;
  completedOn?: IsoDate | null | undefined;
  /** The result document of a completion: its number and date… */
  resultDocNumber?: string | null | undefined;
  resultDocDate?: IsoDate | null | undefined;
  /** …or an evidence file uploaded with `tasks.attachResult`. */
  resultFileId?: string | null | undefined;
  note?: string | null | undefined;
  /** The officer sends the completion to the unit's lead to confirm instead of recording it (chờ lãnh đạo xác nhận). */
  confirmByLead?: boolean | undefined;
}

/**
 * Progress update by the lead unit, with optimistic concurrency: a stale `version` gets
 * CONFLICT naming who changed the task. Completing a task asks for its result: the result
 * document (number and date) or an evidence file; the day the completion is entered is kept
 * beside the completion date it states. Writes the history row and the audit row in the same
 * transaction. A save that changes nothing and notes nothing writes nothing (`unchanged: true`,
 * the same version): the history only holds real changes.
 */
export async function updateTask(ctx: Pick<Context, 'db' | 'locale' | 'audit'> & { user: { username: string }; access: Access }, input: TaskUpdate, today: IsoDate) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.id)).for('update');
    if (!task) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
    if (!canSee(ctx.access, [task.leadUnitCode])) {
      fail('FORBIDDEN', locale, { vi: 'Chỉ đơn vị chủ trì được cập nhật nhiệm vụ này.', en: 'Only the lead unit may update this task.' });
    }
    if (task.isParent) {
      fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ chung được tổng hợp từ các đơn vị, không cập nhật trực tiếp.', en: 'A parent task rolls up its units’ tasks; it is not updated directly.' });
    }
    if (task.state !== 'active') {
      fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ đã bị hủy, không cập nhật được.', en: 'The task has been cancelled; it cannot be updated.' });
    }
    if (task.version !== input.version) conflict(locale, task.updatedBy);
    if (task.completionPendingOn) {
      fail('CONFLICT', locale, { vi: 'Hoàn thành nhiệm vụ đang chờ lãnh đạo đơn vị xác nhận; chưa cập nhật được.', en: 'The task’s completion is waiting for the unit lead’s confirmation; it cannot be updated yet.' });
    }
    if (input.completedOn && input.completedOn > today) {
      fail('BAD_REQUEST', locale, { vi: 'Ngày hoàn thành không được sau ngày hôm nay.', en: 'The completion date cannot be in the future.' });
    }
    if (input.resultDocDate && input.resultDocDate > today) {
      fail('BAD_REQUEST', locale, { vi: 'Ngày văn bản kết quả không được sau ngày hôm nay.', en: 'The result document cannot be dated in the future.' });
    }
    const completedOn = input.completedOn === undefined ? task.completedOn : input.completedOn;
    // A completed task's progress is 100 %: another figure with a completion date (kept or new) is refused, never saved as 100.
    if (completedOn && input.progress !== 100) {
      const on = formatDateVi(completedOn);
      if (completedOn === task.completedOn) {
        fail('BAD_REQUEST', locale, {
          vi: `Nhiệm vụ đã hoàn thành ngày ${on} nên tiến độ là 100%. Muốn ghi tiến độ ${input.progress}%, hãy xóa ngày hoàn thành trước.`,
          en: `This task was completed on ${on}, so its progress is 100%. To record ${input.progress}%, clear the completion date first.`,
        });
      }
      fail('BAD_REQUEST', locale, {
        vi: `Ghi ngày hoàn thành ${on} thì tiến độ là 100%, không phải ${input.progress}%. Hãy ghi tiến độ 100% hoặc bỏ ngày hoàn thành.`,
        en: `With a completion date (${on}) the progress is 100%, not ${input.progress}%. Record 100% or leave the completion date out.`,
      });
    }
    const resultDocNumber = input.resultDocNumber === undefined ? task.resultDocNumber : input.resultDocNumber?.trim() || null;
    const resultDocDate = input.resultDocDate === undefined ? task.resultDocDate : input.resultDocDate;
    const resultFileId = input.resultFileId === undefined ? task.resultFileId : input.resultFileId;
    if (completedOn) {
      if ((resultDocNumber === null) !== (resultDocDate === null)) {
        fail('BAD_REQUEST', locale, { vi: 'Văn bản kết quả cần có cả số và ngày.', en: 'The result document needs both its number and its date.' });
      }
      if (resultDocNumber === null && resultFileId === null) {
        fail('BAD_REQUEST', locale, {
          vi: 'Hoàn thành nhiệm vụ cần nêu kết quả: số và ngày văn bản kết quả, hoặc tệp minh chứng.',
          en: 'Completing a task needs its result: the result document’s number and date, or an evidence file.',
        });
      }
      if (resultFileId !== null && resultFileId !== task.resultFileId) {
        const [file] = await tx.select({ id: evidenceFiles.id }).from(evidenceFiles).where(and(eq(evidenceFiles.id, resultFileId), eq(evidenceFiles.taskId, task.id)));
        if (!file) fail('BAD_REQUEST', locale, { vi: 'Tệp minh chứng không thuộc nhiệm vụ này.', en: 'The evidence file does not belong to this task.' });
      }
    }
    // Sent to the lead: the completion waits (the task is not done until confirmed); nothing else changes how it counts.
    const pending = input.confirmByLead && completedOn && completedOn !== task.completedOn ? completedOn : null;
    const recorded = pending ? task.completedOn : completedOn;
    const progress = recorded || pending ? 100 : input.progress;
    const result = input.result === undefined ? task.result : input.result;
    // A save that changes nothing (and notes nothing) adds nothing to the history: no version, no audit row.
    if (
      !pending &&
      progress === task.progress &&
      recorded === task.completedOn &&
      result === task.result &&
      resultDocNumber === task.resultDocNumber &&
      resultDocDate === task.resultDocDate &&
      resultFileId === task.resultFileId &&
      !input.note
    ) {
      return { id: task.id, version: task.version, progress: task.progress, completedOn: task.completedOn, completionEnteredOn: task.completionEnteredOn, unchanged: true };
    }
    // The completion is entered today when it is new or its date changed; a reopened task has none.
    const completionEnteredOn = !recorded ? null : recorded === task.completedOn ? task.completionEnteredOn : today;
    const audited = (t: typeof task) => ({ progress: t.progress, completedOn: t.completedOn, completionEnteredOn: t.completionEnteredOn, result: t.result, resultDocNumber: t.resultDocNumber, resultDocDate: t.resultDocDate, resultFileId: t.resultFileId, version: t.version });
    const updated = await updateRow(ctx, tx, tasks, {
      version: input.version,
      row: task,
      set: {
        progress,
        completedOn: recorded,
        completionEnteredOn,
        completionPendingOn: pending,
        completionPendingBy: pending ? ctx.user.username : null,
        ...(completedOn ? { completionReturnNote: null } : {}),
        result,
        resultDocNumber,
        resultDocDate,
        resultFileId,
        lastProgressOn: today,
      },
      what: TASK,
      action: pending ? 'core.task.completion_to_lead' : 'core.task.update',
      entity: 'core.task',
      auditView: (before, after) => ({ before: audited(before), after: audited(after) }),
    });
    await tx.insert(taskUpdates).values({ taskId: task.id, byUsername: ctx.user.username, progress, completedOn: recorded, note: input.note ?? null });
    if (pending) {
      await tx.insert(notifications).values({
        unitCode: task.leadUnitCode,
        kind: 'task_completion_to_lead',
        title: `Nhiệm vụ ${task.code} chờ lãnh đạo xác nhận hoàn thành`,
        actor: ctx.user.username,
        body: `${await fullNameOf(tx, ctx.user.username)} báo hoàn thành ngày ${formatDateVi(pending)}.`,
        link: `/nhiem-vu/${task.id}`,
      });
    }
    return { id: updated.id, version: updated.version, progress: updated.progress, completedOn: updated.completedOn, completionEnteredOn: updated.completionEnteredOn, unchanged: false };
  });
}

/**
 * The unit lead's answer to a completion an officer sent them (`tasks.update` with
 * `confirmByLead`): `confirm` records it — the completion date is the officer's (the day the
 * work was done: DOMAIN.md counts on time or late by it), entered today (`completionEnteredOn`)
 * —; `return` (a note required) leaves the task unfinished with the lead's note. The unit is notified.
 */
export async function decideCompletion(
  ctx: Pick<Context, 'db' | 'locale' | 'audit'> & { user: { username: string }; access: Access },
  input: { id: string; version: number; decision: 'confirm' | 'return'; note?: string | undefined },
  today: IsoDate,
) {
  const { locale } = ctx;
  const note = input.note?.trim() || null;
  if (input.decision === 'return' && !note) fail('BAD_REQUEST', locale, { vi: 'Trả lại cần nêu ý kiến.', en: 'Returning it needs a note.' });
  return ctx.db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.id)).for('update');
    if (!task) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
    if (!canSee(ctx.access, [task.leadUnitCode])) {
      fail('FORBIDDEN', locale, { vi: 'Chỉ lãnh đạo đơn vị chủ trì được xác nhận hoàn thành nhiệm vụ này.', en: 'Only the lead unit’s lead may confirm this task’s completion.' });
    }
    if (task.version !== input.version) conflict(locale, task.updatedBy);
    const pending = task.completionPendingOn;
    if (!pending) fail('CONFLICT', locale, { vi: 'Nhiệm vụ không có hoàn thành nào chờ xác nhận.', en: 'The task has no completion waiting for confirmation.' });
    const confirm = input.decision === 'confirm';
    const updated = await updateRow(ctx, tx, tasks, {
      version: input.version,
      row: task,
      set: confirm
        ? { completedOn: pending, completionEnteredOn: today, progress: 100, completionPendingOn: null, completionPendingBy: null, lastProgressOn: today }
        : { completionPendingOn: null, completionPendingBy: null, completionReturnNote: note },
      what: TASK,
      action: confirm ? 'core.task.confirm_completion' : 'core.task.return_completion',
      entity: 'core.task',
      auditView: (before, after) => ({
        before: { completedOn: before.completedOn, completionPendingOn: before.completionPendingOn, completionPendingBy: before.completionPendingBy, version: before.version },
        after: { completedOn: after.completedOn, completionEnteredOn: after.completionEnteredOn, note, version: after.version },
      }),
    });
    if (confirm) {
      await tx.insert(taskUpdates).values({ taskId: task.id, byUsername: ctx.user.username, progress: 100, completedOn: pending, note: `Xác nhận hoàn thành do ${task.completionPendingBy ? await fullNameOf(tx, task.completionPendingBy) : ''} trình` });
    }
    await tx.insert(notifications).values({
      unitCode: task.leadUnitCode,
      kind: confirm ? 'task_completion_confirmed' : 'task_completion_returned',
      title: confirm ? `Lãnh đạo đã xác nhận hoàn thành nhiệm vụ ${task.code}` : `Lãnh đạo trả lại hoàn thành nhiệm vụ ${task.code}`,
      actor: ctx.user.username,
      body: confirm ? `Hoàn thành ngày ${formatDateVi(pending)}.` : `Ý kiến của ${await fullNameOf(tx, ctx.user.username)}: ${note}`,
      link: `/nhiem-vu/${task.id}`,
    });
    return { id: updated.id, version: updated.version, completedOn: updated.completedOn };
  });
}
