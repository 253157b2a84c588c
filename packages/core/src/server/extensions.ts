/**
 * Deadline extensions (gia hạn): the lead unit of a task asks for a later deadline, a
 * coordinator approves (the task's deadline becomes the approved date, the first one is
 * kept in `originalDeadline`) or declines. "On time" is then judged against the approved date.
 */
import { z } from 'zod';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Access, SessionUser } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import type { Context, Locale } from '@dondoc/trpc';
import { EXTENSION_STATES, formatDateVi, type ExtensionState, type IsoDate } from '../domain/index.ts';
import { isoDateInput, requiredText, textInput } from './inputs.ts';
import { updateRow } from './versioned.ts';
import { fail, notFound } from './errors.ts';
import { deadlineExtensions, notifications, tasks, taskUpdates } from './schema.ts';
import { canSee, taskUnitCodes } from './tasks.ts';
import { unitDirectory, unitRef, type UnitName } from './units.ts';
import { notifyCoordinators } from './notices.ts';
import { peopleOf, type PersonOf } from './people.ts';

export const requestExtensionInput = z.object({
  taskId: z.uuid(),
  reason: requiredText(2000, 'hãy nêu lý do đề nghị gia hạn', 'give the reason for the extension'),
  proposedDeadline: isoDateInput,
});

export const decideExtensionInput = z.object({
  id: z.uuid(),
  decision: z.enum(['approve', 'decline']),
  note: textInput(2000).nullable().optional(),
  /** The date approved: the proposed one by default. */
  approvedDeadline: isoDateInput.nullable().optional(),
});

export const listExtensionsInput = z.object({ state: z.enum(EXTENSION_STATES).optional(), taskId: z.uuid().optional() }).default({});

type Actor = Pick<Context, 'db' | 'locale' | 'audit'> & { user: SessionUser; access: Access };
type ExtensionRow = typeof deadlineExtensions.$inferSelect;

function extensionView(row: ExtensionRow, task: { id: string; code: string; title: string }, directory: Map<string, UnitName>, person: PersonOf) {
  return {
    id: row.id,
    task: { id: task.id, code: task.code, title: task.title },
    unit: unitRef(directory, row.requestedByUnitCode),
    reason: row.reason,
    previousDeadline: row.previousDeadline,
    proposedDeadline: row.proposedDeadline,
    approvedDeadline: row.approvedDeadline,
    state: row.state as ExtensionState,
    requestedBy: person(row.requestedBy),
    decidedBy: person(row.decidedBy),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    createdAt: row.createdAt.toISOString(),
  };
}

async function extensionRows(db: Queryable, conditions: SQL[], locale: Locale) {
  const rows = await db
    .select({ extension: deadlineExtensions, taskCode: tasks.code, taskTitle: tasks.title })
    .from(deadlineExtensions)
    .innerJoin(tasks, eq(tasks.id, deadlineExtensions.taskId))
    .where(and(...conditions))
    .orderBy(desc(deadlineExtensions.createdAt), desc(deadlineExtensions.id))
    .limit(500);
  const directory = await unitDirectory(db);
  const person = await peopleOf(db, rows.flatMap(({ extension }) => [extension.requestedBy, extension.decidedBy]), locale);
  return rows.map(({ extension, taskCode, taskTitle }) => extensionView(extension, { id: extension.taskId, code: taskCode, title: taskTitle }, directory, person));
}

/** Extension requests: every one for coordinators, those of the tasks its unit leads for a unit. */
export async function listExtensions(db: Queryable, access: Access, filter: { state?: ExtensionState | undefined; taskId?: string | undefined }, locale: Locale) {
  if (!access.allowed) return [];
  const conditions: SQL[] = [];
  if (filter.state) conditions.push(eq(deadlineExtensions.state, filter.state));
  if (filter.taskId) conditions.push(eq(deadlineExtensions.taskId, filter.taskId));
  if (access.unitCodes !== 'all') conditions.push(inArray(tasks.leadUnitCode, access.unitCodes));
  return extensionRows(db, conditions, locale);
}

/** The extension requests of one task, newest first (for the task's page; the caller checks it may read the task). */
export async function listTaskExtensions(db: Queryable, taskId: string, locale: Locale) {
  return extensionRows(db, [eq(deadlineExtensions.taskId, taskId)], locale);
}

/** The lead unit asks for a later deadline of an active, unfinished leaf task with a deadline. */
export async function requestExtension(ctx: Actor, input: { taskId: string; reason: string; proposedDeadline: IsoDate }) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    // The task row is locked: two requests for one task cannot both pass the "one pending" check.
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId)).for('update');
    if (!task || !canSee(ctx.access, await taskUnitCodes(tx, task))) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
    if (!canSee(ctx.access, [task.leadUnitCode])) {
      fail('FORBIDDEN', locale, { vi: 'Chỉ đơn vị chủ trì được đề nghị gia hạn nhiệm vụ này.', en: 'Only the lead unit may ask for an extension of this task.' });
    }
    if (task.isParent) {
      fail('BAD_REQUEST', locale, {
        vi: 'Nhiệm vụ chung không gia hạn trực tiếp: từng đơn vị đề nghị gia hạn nhiệm vụ của mình.',
        en: 'A parent task is not extended directly: each unit asks for its own task.',
      });
    }
    if (task.state !== 'active') fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ đã bị hủy.', en: 'The task has been cancelled.' });
    if (task.completedOn) fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ đã hoàn thành, không cần gia hạn.', en: 'The task is completed; it needs no extension.' });
    if (task.continuous || !task.deadline) {
      fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ thường xuyên không có thời hạn để gia hạn.', en: 'A continuous task has no deadline to extend.' });
    }
    if (input.proposedDeadline <= task.deadline) {
      fail('BAD_REQUEST', locale, {
        vi: `Thời hạn đề nghị phải sau thời hạn hiện tại (${formatDateVi(task.deadline)}).`,
        en: `The proposed deadline must be after the current one (${task.deadline}).`,
      });
    }
    const [pending] = await tx
      .select({ id: deadlineExtensions.id, createdAt: deadlineExtensions.createdAt })
      .from(deadlineExtensions)
      .where(and(eq(deadlineExtensions.taskId, task.id), eq(deadlineExtensions.state, 'pending')));
    if (pending) {
      fail('CONFLICT', locale, {
        vi: `Nhiệm vụ ${task.code} đã có một đề nghị gia hạn đang chờ duyệt; chờ UBND Thành phố quyết định trước khi đề nghị lại.`,
        en: `Task ${task.code} already has an extension request awaiting a decision.`,
      });
    }
    const [row] = await tx
      .insert(deadlineExtensions)
      .values({
        taskId: task.id,
        requestedBy: ctx.user.username,
        requestedByUnitCode: task.leadUnitCode,
        reason: input.reason,
        previousDeadline: task.deadline,
        proposedDeadline: input.proposedDeadline,
      })
      .returning();
    if (!row) throw new Error('extension insert returned nothing');
    const directory = await unitDirectory(tx);
    await ctx.audit(tx, { action: 'core.extension.request', entity: 'core.extension', entityId: row.id, after: { ...row, createdAt: row.createdAt.toISOString() } });
    const unitName = unitRef(directory, task.leadUnitCode).name;
    await notifyCoordinators(tx, {
      kind: 'extension_requested',
      title: { vi: `Đề nghị gia hạn nhiệm vụ ${task.code}`, en: `Extension requested for task ${task.code}` },
      body: {
        vi: `${unitName} đề nghị gia hạn từ ${formatDateVi(task.deadline)} đến ${formatDateVi(input.proposedDeadline)}. Lý do: ${input.reason}`,
        en: `${unitName} asks to extend the deadline from ${formatDateVi(task.deadline)} to ${formatDateVi(input.proposedDeadline)}. Reason: ${input.reason}`,
      },
      link: `/nhiem-vu/${task.id}`,
      actor: ctx.user.username,
    });
    return extensionView(row, task, directory, await peopleOf(tx, [row.requestedBy], ctx.locale));
  });
}

/** A coordinator approves (the task's deadline moves) or declines a pending request; the unit is told. */
export async function decideExtension(
  ctx: Actor,
  input: { id: string; decision: 'approve' | 'decline'; note?: string | null | undefined; approvedDeadline?: IsoDate | null | undefined },
) {
  const { locale } = ctx;
  const username = ctx.user.username;
  const note = input.note?.trim() || null;
  if (input.decision === 'decline' && !note) {
    fail('BAD_REQUEST', locale, { vi: 'Không đồng ý gia hạn cần nêu lý do.', en: 'Declining an extension needs a reason.' });
  }
  return ctx.db.transaction(async (tx) => {
    const [extension] = await tx.select().from(deadlineExtensions).where(eq(deadlineExtensions.id, input.id)).for('update');
    if (!extension) notFound(locale, { vi: 'đề nghị gia hạn', en: 'Extension request' });
    if (extension.state !== 'pending') {
      fail('CONFLICT', locale, {
        vi: `Đề nghị gia hạn này đã được ${extension.decidedBy ?? 'người khác'} xử lý (${extension.state === 'approved' ? 'đồng ý' : 'không đồng ý'}).`,
        en: `This extension request has already been decided by ${extension.decidedBy ?? 'someone else'} (${extension.state}).`,
      });
    }
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, extension.taskId)).for('update');
    if (!task) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
    if (task.state !== 'active') fail('CONFLICT', locale, { vi: `Nhiệm vụ ${task.code} đã bị hủy.`, en: `Task ${task.code} has been cancelled.` });
    const now = new Date();
    let approvedDeadline: IsoDate | null = null;
    let taskAfter: { id: string; deadline: string | null; originalDeadline: string | null; version: number } = {
      id: task.id,
      deadline: task.deadline,
      originalDeadline: task.originalDeadline,
      version: task.version,
    };
    if (input.decision === 'approve') {
      approvedDeadline = input.approvedDeadline ?? extension.proposedDeadline;
      if (approvedDeadline <= extension.previousDeadline) {
        fail('BAD_REQUEST', locale, {
          vi: `Thời hạn được gia hạn phải sau thời hạn cũ (${formatDateVi(extension.previousDeadline)}).`,
          en: `The approved deadline must be after the previous one (${extension.previousDeadline}).`,
        });
      }
      const deadlines = (t: typeof task) => ({ deadline: t.deadline, originalDeadline: t.originalDeadline, version: t.version });
      const updated = await updateRow(ctx, tx, tasks, {
        version: task.version,
        row: task,
        set: { deadline: approvedDeadline, originalDeadline: task.originalDeadline ?? extension.previousDeadline },
        what: { vi: 'nhiệm vụ', en: 'Task' },
        action: 'core.task.extend',
        entity: 'core.task',
        auditView: (before, after) => ({ before: deadlines(before), after: { ...deadlines(after), extensionId: extension.id } }),
      });
      taskAfter = { id: updated.id, ...deadlines(updated) };
      await tx.insert(taskUpdates).values({
        taskId: task.id,
        byUsername: username,
        progress: task.progress,
        completedOn: task.completedOn,
        note: `Gia hạn từ ${formatDateVi(extension.previousDeadline)} đến ${formatDateVi(approvedDeadline)}: ${extension.reason}`,
      });
    }
    const state: ExtensionState = input.decision === 'approve' ? 'approved' : 'declined';
    const [decided] = await tx
      .update(deadlineExtensions)
      .set({ state, approvedDeadline: approvedDeadline ?? null, decidedBy: username, decidedAt: now, decisionNote: note })
      .where(eq(deadlineExtensions.id, extension.id))
      .returning();
    if (!decided) throw new Error('extension update under lock returned nothing');
    await ctx.audit(tx, {
      action: `core.extension.${input.decision}`,
      entity: 'core.extension',
      entityId: extension.id,
      before: { state: extension.state },
      after: { state, approvedDeadline, note },
    });
    await tx.insert(notifications).values({
      unitCode: extension.requestedByUnitCode,
      kind: 'extension_decided',
      title:
        state === 'approved'
          ? `Đồng ý gia hạn nhiệm vụ ${task.code} đến ${formatDateVi(approvedDeadline!)}`
          : `Không đồng ý gia hạn nhiệm vụ ${task.code}`,
      body: note ?? (state === 'approved' ? `Thời hạn mới: ${formatDateVi(approvedDeadline!)}.` : ''),
      link: `/nhiem-vu/${task.id}`,
      actor: ctx.user.username,
    });
    const directory = await unitDirectory(tx);
    const person = await peopleOf(tx, [decided.requestedBy, decided.decidedBy], ctx.locale);
    return { ...extensionView(decided, task, directory, person), approvedDeadline, updatedTask: taskAfter };
  });
}
