/** The evidence file of a task's result (a completion asks for a result document or a file). */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Access } from '@dondoc/auth';
import type { Context } from '@dondoc/trpc';
import { fail, notFound } from './errors.ts';
import { EVIDENCE_MAX_BYTES, evidenceContentType } from './reports.ts';
import { evidenceFiles, tasks } from './schema.ts';
import { canSee } from './tasks.ts';

type Actor = Pick<Context, 'db' | 'locale' | 'audit'> & { user: { username: string }; access: Access };

export async function attachTaskResult(ctx: Actor, input: { taskId: string; filename: string; dataBase64: string }) {
  const { locale } = ctx;
  const bytes = new Uint8Array(Buffer.from(input.dataBase64, 'base64'));
  if (bytes.length === 0) fail('BAD_REQUEST', locale, { vi: 'Tệp rỗng.', en: 'The file is empty.' });
  if (bytes.length > EVIDENCE_MAX_BYTES) fail('PAYLOAD_TOO_LARGE', locale, { vi: 'Tệp vượt quá 5 MB.', en: 'The file is larger than 5 MB.' });
  const contentType = evidenceContentType(input.filename, bytes);
  if (!contentType) {
    fail('BAD_REQUEST', locale, { vi: 'Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPG đúng định dạng.', en: 'Only genuine PDF, DOCX, XLSX, PNG or JPG files are accepted.' });
  }
  return ctx.db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId));
    if (!task) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
    if (!canSee(ctx.access, [task.leadUnitCode])) {
      fail('FORBIDDEN', locale, { vi: 'Chỉ đơn vị chủ trì được nộp kết quả nhiệm vụ này.', en: 'Only the lead unit may file this task’s result.' });
    }
    if (task.isParent || task.state !== 'active') {
      fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ này không nhận tệp kết quả.', en: 'This task takes no result file.' });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [file] = await tx
      .insert(evidenceFiles)
      .values({ reportId: null, taskId: task.id, filename: input.filename, contentType, size: bytes.length, sha256, data: bytes, uploadedBy: ctx.user.username })
      .returning({ id: evidenceFiles.id, filename: evidenceFiles.filename, size: evidenceFiles.size, sha256: evidenceFiles.sha256, contentType: evidenceFiles.contentType });
    if (!file) throw new Error('evidence insert returned nothing');
    await ctx.audit(tx, { action: 'core.task.result_file', entity: 'core.task', entityId: task.id, after: file });
    return file;
  });
}
