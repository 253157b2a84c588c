import { dondocHeaders, i18n, moduleTrpcUrl, type Locale } from '@dondoc/ui';
import { formatBytes } from './format.ts';

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

/** Reads a file as base64, reporting progress (0-1). */
export function readAsBase64(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error(i18n.t('shell:evidence.readFailed')));
    reader.onload = () => {
      onProgress(1);
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export interface AttachedFile {
  id: string;
  filename: string;
  size: number;
  sha256: string;
  contentType: string;
}

/**
 * A mutation of the task core that carries a file (`reports.attach`, `tasks.attachResult`),
 * sent with XMLHttpRequest rather than the tRPC client so that the upload can show its
 * progress (fetch cannot). Same request as the client's: a POST of the input as JSON, same
 * origin, with the locale header; the server's refusal text (wrong kind, too large, report
 * already sent…) becomes the error's message.
 */
function postWithProgress<T>(procedure: string, input: object, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${moduleTrpcUrl('core')}/${procedure}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    for (const [name, value] of Object.entries(dondocHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new Error(i18n.t('error.network')));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy page or a crash
      }
      const result = (body as { result?: { data?: T } } | null)?.result?.data;
      if (xhr.status >= 200 && xhr.status < 300 && result) {
        resolve(result);
        return;
      }
      const serverText = (body as { error?: { message?: unknown } } | null)?.error?.message;
      if (xhr.status === 413) reject(new Error(i18n.t('shell:evidence.tooLarge')));
      else if (typeof serverText === 'string' && serverText) reject(new Error(serverText));
      else reject(new Error(i18n.t('error.http', { status: xhr.status })));
    };
    xhr.send(JSON.stringify(input));
  });
}

/** `reports.attach`: an evidence file of a report (or of one of its tasks), with upload progress. */
export function attachEvidence(
  input: { reportId: string; taskId?: string | undefined; filename: string; dataBase64: string },
  onProgress: (fraction: number) => void,
): Promise<AttachedFile> {
  return postWithProgress<AttachedFile>('reports.attach', input, onProgress);
}

/** `tasks.attachResult`: the evidence file of a task's result, with upload progress (then named in `tasks.update` as `resultFileId`). */
export function attachTaskResult(
  input: { taskId: string; filename: string; dataBase64: string },
  onProgress: (fraction: number) => void,
): Promise<AttachedFile> {
  return postWithProgress<AttachedFile>('tasks.attachResult', input, onProgress);
}

/** Offers a file sent as base64 (`reports.evidence`, `tasks.flaggedExport`) as a download. */
export function downloadBase64(filename: string, contentType: string, dataBase64: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
