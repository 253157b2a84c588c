/**
 * Follow-up of an answer: when the UBND answers an escalation with an instruction ("giao Sở Nội
 * vụ chủ trì…"), the coordinator turns the answer into a task for that unit in one step. It goes
 * through the giving-tasks flow (a directive for the answer's document, one draft task, issued),
 * all in one transaction, and the escalation keeps the link to the task so that the unit that
 * raised it sees what became of it.
 */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Access, SessionUser } from '@dondoc/auth';
import type { Context } from '@dondoc/trpc';
import type { IsoDate } from '../domain/index.ts';
import { createDirective, isoDateInput, issueDirective, requiredText, saveTaskDraft, unitCodeInput } from './directives.ts';
import { fail, notFound } from './errors.ts';
import { directives, escalations, notifications, tasks } from './schema.ts';
import { unitDirectory, unitRef } from './units.ts';

export const giveTaskFromAnswerInput = z.object({
  escalationId: z.uuid(),
  /** The number of the document the answer was given in, e.g. `1234/UBND-KSTTHC`. */
  number: requiredText(100, 'hãy nhập số, ký hiệu văn bản trả lời', 'enter the number of the answering document'),
  issuedOn: isoDateInput,
  leadUnitCode: unitCodeInput,
  coordinatorUnitCodes: z.array(unitCodeInput).max(100).default([]),
  title: requiredText(500, 'hãy nhập tên nhiệm vụ', 'enter the task title'),
  content: z.string().trim().max(20_000).default(''),
  deadline: isoDateInput.nullable().default(null),
  continuous: z.boolean().default(false),
});
export type GiveTaskFromAnswerInput = z.infer<typeof giveTaskFromAnswerInput>;

type Actor = Pick<Context, 'db' | 'locale' | 'audit' | 'permissions'> & { user: SessionUser; access: Access };

export async function giveTaskFromAnswer(ctx: Actor, input: GiveTaskFromAnswerInput, today: IsoDate) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [escalation] = await tx.select().from(escalations).where(eq(escalations.id, input.escalationId)).for('update');
    if (!escalation) notFound(locale, { vi: 'kiến nghị', en: 'Escalation' });
    if (!escalation.response) {
      fail('BAD_REQUEST', locale, {
        vi: 'Kiến nghị chưa được trả lời: hãy trả lời trước khi giao nhiệm vụ từ ý kiến trả lời.',
        en: 'The escalation has not been answered yet: answer it before giving a task from the answer.',
      });
    }
    if (escalation.followUpTaskId) {
      const [given] = await tx.select({ code: tasks.code }).from(tasks).where(eq(tasks.id, escalation.followUpTaskId));
      fail('CONFLICT', locale, {
        vi: `Ý kiến trả lời này đã được giao thành nhiệm vụ ${given?.code ?? ''}.`,
        en: `This answer has already been given as task ${given?.code ?? ''}.`,
      });
    }
    const [raisedOn] = await tx.select({ code: tasks.code }).from(tasks).where(eq(tasks.id, escalation.taskId));
    const directory = await unitDirectory(tx);
    const raisedBy = unitRef(directory, escalation.unitCode);
    // The giving-tasks flow itself, each step a savepoint of this transaction: a refused step refuses it all.
    const inTx = { ...ctx, db: tx };
    const directive = await createDirective(inTx, {
      number: input.number,
      issuedOn: input.issuedOn,
      issuer: 'UBND Thành phố Hà Nội',
      subject: `Trả lời kiến nghị của ${raisedBy.name} về nhiệm vụ ${raisedOn?.code ?? ''}`,
      signer: null,
      fullText: escalation.response,
    });
    await saveTaskDraft(inTx, {
      directiveId: directive.id,
      clause: '1',
      title: input.title,
      content: input.content,
      assignees: { kind: 'units', unitCodes: [input.leadUnitCode] },
      followUpUnitCode: null,
      coordinatorUnitCodes: input.coordinatorUnitCodes.filter((code) => code !== input.leadUnitCode),
      deadline: input.continuous ? null : input.deadline,
      continuous: input.continuous,
      cadence: 'quarter',
      targets: [],
    });
    const [draft] = await tx.select({ version: directives.version }).from(directives).where(eq(directives.id, directive.id));
    const issued = await issueDirective(inTx, { id: directive.id, version: draft!.version }, today);
    const task = issued.tasks[0]!;
    await tx.update(escalations).set({ followUpTaskId: task.id }).where(eq(escalations.id, escalation.id));
    // The unit that raised it learns what became of its escalation (the lead unit is told by the issue).
    if (escalation.unitCode !== task.leadUnitCode) {
      const leadName = unitRef(directory, task.leadUnitCode).name;
      await tx.insert(notifications).values({
        unitCode: escalation.unitCode,
        kind: 'escalation_followed_up',
        title: `Kiến nghị về nhiệm vụ ${raisedOn?.code ?? ''} đã được giao thành nhiệm vụ ${task.code}`,
        titleEn: `The escalation on task ${raisedOn?.code ?? ''} was given as task ${task.code}`,
        body: `${input.title} — ${leadName} chủ trì (Văn bản ${directive.number}).`,
        bodyEn: `${input.title} — led by ${leadName} (document ${directive.number}).`,
        link: `/nhiem-vu/${escalation.taskId}`,
        actor: ctx.user.username,
      });
    }
    await ctx.audit(tx, {
      action: 'core.escalation.task',
      entity: 'core.escalation',
      entityId: escalation.id,
      before: { followUpTaskId: null },
      after: { followUpTaskId: task.id, taskCode: task.code, directiveId: directive.id, directiveNumber: directive.number },
    });
    return { escalationId: escalation.id, directiveId: directive.id, directiveNumber: directive.number, task: { id: task.id, code: task.code, leadUnitCode: task.leadUnitCode } };
  });
}
