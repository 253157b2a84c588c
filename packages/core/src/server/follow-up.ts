/** Escalations to the UBND, reminders (đôn đốc) and the notifications they leave. */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Access } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import type { Context, Locale } from '@dondoc/trpc';
import type { IsoDate } from '../domain/index.ts';
import { conflict, fail, notFound } from './errors.ts';
import { deadlineExtensions, escalations, notifications, reminders, reports, taskCoordinators, tasks } from './schema.ts';
import { canSee, unitScope } from './visibility.ts';
import { flaggedForLeadership, hanoiDateOf, remindersWhileOverdue, taskStatus } from '../domain/index.ts';
import { unitDirectory, unitRef } from './units.ts';
import { followUpTasks } from './follow-up-tasks.ts';
import { peopleOf } from './people.ts';

type Actor = Pick<Context, 'db' | 'locale' | 'audit'> & { user: { username: string; unit: { code: string } | null }; access: Access };

export async function listEscalations(db: Queryable, access: Access, filter: { state?: string | undefined }, locale: Locale) {
  const conditions = [];
  if (filter.state) conditions.push(eq(escalations.state, filter.state));
  // The escalations policy (visibility.ts), as `tasks.get` lists a task's escalations.
  conditions.push(unitScope(access, escalations.unitCode));
  const rows = await db
    .select({ escalation: escalations, taskCode: tasks.code, taskTitle: tasks.title })
    .from(escalations)
    .innerJoin(tasks, eq(tasks.id, escalations.taskId))
    .where(and(...conditions))
    .orderBy(desc(escalations.createdAt))
    .limit(500);
  const directory = await unitDirectory(db);
  const given = await followUpTasks(db, rows.map((row) => row.escalation.followUpTaskId));
  const person = await peopleOf(db, rows.map((row) => row.escalation.respondedBy), locale);
  return rows.map(({ escalation: e, taskCode, taskTitle }) => ({
    id: e.id,
    task: { id: e.taskId, code: taskCode, title: taskTitle },
    unit: unitRef(directory, e.unitCode),
    reportId: e.reportId,
    obstacle: e.obstacle,
    proposal: e.proposal,
    state: e.state,
    response: e.response,
    respondedBy: person(e.respondedBy),
    respondedAt: e.respondedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    /** Raised by a department module: its id and the link back into its page (`/m/<module>/…`). */
    module: e.moduleId,
    link: e.linkPath ? { path: e.linkPath, label: e.linkLabel ?? e.linkPath } : null,
    /** Opened by a scorecard estimate below its target: the node (its page is `link`). */
    scorecardNodeId: e.scorecardNodeId,
    /** The task given from the answer (`escalations.giveTask`), if any. */
    followUpTask: e.followUpTaskId ? (given.get(e.followUpTaskId) ?? null) : null,
  }));
}

/** A coordinator answers an escalation (and may close it); the unit is notified. */
export async function respondToEscalation(ctx: Actor, input: { id: string; response: string; close: boolean }) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [escalation] = await tx.select().from(escalations).where(eq(escalations.id, input.id)).for('update');
    if (!escalation) notFound(locale, { vi: 'kiến nghị', en: 'Escalation' });
    if (escalation.state === 'closed') conflict(locale, escalation.respondedBy);
    const now = new Date();
    const state = input.close ? 'closed' : 'answered';
    const [updated] = await tx
      .update(escalations)
      .set({ state, response: input.response, respondedBy: ctx.user.username, respondedAt: now, closedAt: input.close ? now : null })
      .where(eq(escalations.id, escalation.id))
      .returning();
    const [task] = await tx.select({ code: tasks.code }).from(tasks).where(eq(tasks.id, escalation.taskId));
    await tx.insert(notifications).values({
      unitCode: escalation.unitCode,
      kind: 'escalation_answered',
      title: `UBND Thành phố đã trả lời kiến nghị về nhiệm vụ ${task?.code ?? ''}`,
      body: input.response,
      link: `/nhiem-vu/${escalation.taskId}`,
      actor: ctx.user.username,
    });
    await ctx.audit(tx, { action: 'core.escalation.respond', entity: 'core.escalation', entityId: escalation.id, before: { state: escalation.state, response: escalation.response }, after: { state, response: input.response } });
    return { id: escalation.id, state: updated?.state ?? state };
  });
}

/**
 * Reminds a unit about a task. A coordinator may remind anyone; a unit lead only about a
 * task its unit leads (reminding a coordinating unit) or whose parent it leads.
 */
export async function sendReminder(ctx: Actor, input: { taskId: string; unitCode?: string | undefined; message: string }, today: IsoDate) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId));
    if (!task) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
    if (task.state !== 'active') fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ đã bị hủy, không đôn đốc được.', en: 'The task has been cancelled; there is nothing to remind about.' });
    if (task.completedOn !== null && task.completedOn <= today) {
      fail('BAD_REQUEST', locale, { vi: `Nhiệm vụ ${task.code} đã hoàn thành, không cần đôn đốc.`, en: `Task ${task.code} is completed; there is nothing to remind about.` });
    }
    const [parent] = task.parentId ? await tx.select({ leadUnitCode: tasks.leadUnitCode }).from(tasks).where(eq(tasks.id, task.parentId)) : [];
    const coordinators = (await tx.select({ unitCode: taskCoordinators.unitCode }).from(taskCoordinators).where(eq(taskCoordinators.taskId, task.id))).map((c) => c.unitCode);
    const unitCode = input.unitCode ?? task.leadUnitCode;
    if (unitCode !== task.leadUnitCode && !coordinators.includes(unitCode)) {
      fail('BAD_REQUEST', locale, { vi: `Đơn vị ${unitCode} không tham gia nhiệm vụ này.`, en: `Unit ${unitCode} has no part in this task.` });
    }
    const followsUp = canSee(ctx.access, [parent?.leadUnitCode ?? '']) || (unitCode !== task.leadUnitCode && canSee(ctx.access, [task.leadUnitCode]));
    if (!(ctx.access.allowed && ctx.access.unitCodes === 'all') && !followsUp) {
      fail('FORBIDDEN', locale, { vi: 'Chỉ lãnh đạo điều phối hoặc đơn vị chủ trì được đôn đốc nhiệm vụ này.', en: 'Only coordinators or the lead unit may send reminders about this task.' });
    }
    const [reminder] = await tx
      .insert(reminders)
      .values({ taskId: task.id, unitCode, message: input.message, sentBy: ctx.user.username, sentByUnitCode: ctx.user.unit?.code ?? null })
      .returning();
    await tx.insert(notifications).values({
      unitCode,
      kind: 'reminder',
      title: `Đôn đốc thực hiện nhiệm vụ ${task.code}`,
      body: input.message,
      link: `/nhiem-vu/${task.id}`,
      actor: ctx.user.username,
    });
    const sent = await tx.select({ unitCode: reminders.unitCode, sentAt: reminders.sentAt }).from(reminders).where(eq(reminders.taskId, task.id));
    await ctx.audit(tx, { action: 'core.reminder.send', entity: 'core.task', entityId: task.id, after: { reminderId: reminder?.id, unitCode, message: input.message } });
    const whileOverdue = remindersWhileOverdue(task.deadline, sent.map((r) => ({ sentOn: hanoiDateOf(r.sentAt), toLeadUnit: r.unitCode === task.leadUnitCode })), today);
    return {
      reminderCount: sent.length,
      remindersWhileOverdue: whileOverdue,
      flaggedForLeadership: flaggedForLeadership(taskStatus(task, today), whileOverdue),
    };
  });
}

/** The unit's notifications, newest first, in the caller's language where written in both, with who caused each. */
export async function listNotifications(db: Queryable, unitCode: string | null, unreadOnly: boolean, locale: Locale) {
  if (!unitCode) return [];
  const conditions = [eq(notifications.unitCode, unitCode)];
  if (unreadOnly) conditions.push(isNull(notifications.readAt));
  const rows = await db.select().from(notifications).where(and(...conditions)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(100);
  const person = await peopleOf(db, rows.map((n) => n.actor), locale);
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: (locale === 'en' && n.titleEn) || n.title,
    body: (locale === 'en' && n.bodyEn) || n.body,
    link: n.link,
    actor: person(n.actor),
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  }));
}

export async function markNotificationsRead(ctx: Actor, ids: number[]) {
  const unitCode = ctx.user.unit?.code;
  if (!unitCode || ids.length === 0) return { updated: 0 };
  return ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(inArray(notifications.id, ids), eq(notifications.unitCode, unitCode), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (updated.length > 0) {
      await ctx.audit(tx, { action: 'core.notification.read', entity: 'core.notification', entityId: updated.map((n) => n.id).join(','), after: { read: true } });
    }
    return { updated: updated.length };
  });
}


/**
 * What waits for the coordinators on `/dieu-phoi`, counted as that page lists it: submitted
 * reports to accept or return (`core.reports:review`), open escalations to answer
 * (`core.escalations:respond`), pending extension requests to decide (`core.extensions:decide`),
 * each within the caller's scope of that permission (0 without it).
 */
export async function coordinationWaiting(db: Queryable, decide: (key: string) => Access) {
  const tally = async (access: Access, query: (scope: Access) => Promise<Array<{ n: number }>>) => (access.allowed ? Number((await query(access))[0]?.n ?? 0) : 0);
  const [reportCount, escalationCount, extensionCount] = await Promise.all([
    tally(decide('core.reports:review'), (scope) =>
      db.select({ n: count() }).from(reports).where(and(eq(reports.state, 'submitted'), unitScope(scope, reports.unitCode))),
    ),
    tally(decide('core.escalations:respond'), (scope) =>
      db.select({ n: count() }).from(escalations).where(and(eq(escalations.state, 'open'), unitScope(scope, escalations.unitCode))),
    ),
    tally(decide('core.extensions:decide'), (scope) =>
      db
        .select({ n: count() })
        .from(deadlineExtensions)
        .innerJoin(tasks, eq(tasks.id, deadlineExtensions.taskId))
        .where(and(eq(deadlineExtensions.state, 'pending'), unitScope(scope, tasks.leadUnitCode))),
    ),
  ]);
  return { reports: reportCount, escalations: escalationCount, extensions: extensionCount, total: reportCount + escalationCount + extensionCount };
}
