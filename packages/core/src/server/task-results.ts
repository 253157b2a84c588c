/** The evidence file of a task's result (a completion asks for a result document or a file). */
import { eq } from 'drizzle-orm';
import type { Access } from '@dondoc/auth';
import type { Context, UploadedFile } from '@dondoc/trpc';
import { fail, notFound } from './errors.ts';
import { evidenceContentType, fileSummary, storeFile } from './reports.ts';
import { tasks } from './schema.ts';
import { canSee } from './tasks.ts';

type Actor = Pick<Context, 'db' | 'locale' | 'audit'> & { user: { username: string }; access: Access };

export async function attachTaskResult(ctx: Actor, input: { taskId: string; file: UploadedFile }) {
  const { locale } = ctx;
  const contentType = evidenceContentType(input.file, locale);
  return ctx.db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId));
    if (!task) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
    if (!canSee(ctx.access, [task.leadUnitCode])) {
      fail('FORBIDDEN', locale, { vi: 'Chỉ đơn vị chủ trì được nộp kết quả nhiệm vụ này.', en: 'Only the lead unit may file this task’s result.' });
    }
    if (task.isParent || task.state !== 'active') {
      fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ này không nhận tệp kết quả.', en: 'This task takes no result file.' });
    }
    const file = fileSummary(await storeFile(tx, ctx.user.username, { taskId: task.id }, input.file, contentType));
    await ctx.audit(tx, { action: 'core.task.result_file', entity: 'core.task', entityId: task.id, after: file });
    return file;
  });
}
