import { formatBytes, uploadForm, uploadWithProgress, type Locale } from '@dondoc/ui';

/** Evidence files the server accepts (it also checks their first bytes). */
export const EVIDENCE_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg'] as const;
export const EVIDENCE_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** Why a file cannot be sent as evidence, before reading it; null when it may be. */
export function evidenceProblem(file: { name: string; size: number }): 'type' | 'size' | 'empty' | null {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(ext)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > EVIDENCE_MAX_BYTES) return 'size';
  return null;
}

/** Why an evidence file is refused, in the user's words (null when it is accepted). */
export function evidenceProblemText(file: { name: string; size: number }, t: (key: string, options?: Record<string, unknown>) => string, locale: Locale): string | null {
  const issue = evidenceProblem(file);
  if (issue === 'type') return t('evidence.wrongType', { name: file.name });
  if (issue === 'empty') return t('evidence.empty', { name: file.name });
  if (issue === 'size') return t('evidence.tooBig', { name: file.name, size: formatBytes(file.size, locale) });
  return null;
}

export interface AttachedFile {
  id: string;
  filename: string;
  size: number;
  sha256: string;
  contentType: string;
}

/** `reports.attach`: an evidence file of a report (or of one of its tasks), with upload progress (0–1). */
export function attachEvidence(input: { reportId: string; taskId?: string | undefined; file: File }, onProgress: (fraction: number) => void): Promise<AttachedFile> {
  return uploadWithProgress<AttachedFile>('core', 'reports.attach', uploadForm(input.file, { reportId: input.reportId, taskId: input.taskId }), onProgress);
}

/** `tasks.attachResult`: the evidence file of a task's result, with upload progress (then named in `tasks.update` as `resultFileId`). */
export function attachTaskResult(input: { taskId: string; file: File }, onProgress: (fraction: number) => void): Promise<AttachedFile> {
  return uploadWithProgress<AttachedFile>('core', 'tasks.attachResult', uploadForm(input.file, { taskId: input.taskId }), onProgress);
}

/** `directives.attach`: the directive's text as a PDF or DOCX file, with upload progress. */
export function attachDirective(input: { directiveId: string; file: File }, onProgress: (fraction: number) => void) {
  return uploadWithProgress<AttachedFile & { uploadedBy: string; uploadedAt: string }>(
    'core',
    'directives.attach',
    uploadForm(input.file, { directiveId: input.directiveId }),
    onProgress,
  );
}

