/** `core.escalations`: a module raises an obstacle beyond a unit's authority to the UBND, with a link back into its pages. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { fail } from '../errors.ts';
import { escalations, tasks } from '../schema.ts';
import { canSee, taskUnitCodes } from '../tasks.ts';
import { notFound } from '../errors.ts';
import { notifyEscalation } from '../notices.ts';
import { accessOf, assertModulePath, audit, parse, write, type Bound } from './binding.ts';

const raiseInput = z.object({
  taskId: z.uuid(),
  /** The obstacle (khó khăn, vướng mắc) the UBND is asked to resolve. */
  reason: z.string().trim().min(1).max(5000),
  proposal: z.string().trim().max(5000).optional(),
  link: z.object({ path: z.string().trim().min(1).max(500), label: z.string().trim().min(1).max(300) }),
  permission: z.string().max(200).optional(),
});

export type RaiseEscalationInput = z.input<typeof raiseInput>;

export function moduleEscalations(b: Bound) {
  return {
    /**
     * Raises an escalation to the UBND about a task the caller may see (under `permission`,
     * default `core.tasks:read`), from the caller's unit, carrying a link to the module's page
     * (`/m/<moduleId>/…`; BAD_REQUEST outside it). Coordinators answer it in `escalations.list`.
     */
    async raise(raw: RaiseEscalationInput): Promise<{ id: string; state: 'open' }> {
      const input = parse(b, raiseInput, raw);
      assertModulePath(b, input.link.path);
      const access = accessOf(b, input.permission, 'core.tasks:read');
      const unitCode = b.actor?.unit?.code;
      if (!unitCode) fail('BAD_REQUEST', b.locale, { vi: 'Kiến nghị cần đơn vị của người gửi.', en: 'An escalation needs the sender’s unit.' });
      return write(b, undefined, async (tx) => {
        const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId));
        if (!task || !canSee(access, await taskUnitCodes(tx, task))) notFound(b.locale, { vi: 'nhiệm vụ', en: 'Task' });
        if (task.state !== 'active') fail('BAD_REQUEST', b.locale, { vi: 'Nhiệm vụ đã bị hủy, không kiến nghị được.', en: 'The task has been cancelled; nothing can be escalated about it.' });
        const [escalation] = await tx
          .insert(escalations)
          .values({ taskId: task.id, unitCode, obstacle: input.reason, proposal: input.proposal ?? null, moduleId: b.moduleId, linkPath: input.link.path, linkLabel: input.link.label })
          .returning();
        if (!escalation) throw new Error('escalation insert returned nothing');
        await audit(b, tx, { action: 'core.escalation.open', entity: 'core.escalation', entityId: escalation.id, after: escalation });
        const unitName = b.actor?.unit?.name ?? unitCode;
        await notifyEscalation(tx, { taskId: task.id, taskCode: task.code, unitName, obstacle: input.reason, actor: b.actor?.username ?? null });
        return { id: escalation.id, state: 'open' as const };
      });
    },
  };
}
