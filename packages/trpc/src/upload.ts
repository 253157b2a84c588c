/**
 * Files sent by users: one path for all of them. A file comes as `multipart/form-data` (one
 * `file` part, the other fields as JSON in an optional `input` part), never as base64 in JSON.
 * A procedure that takes a file declares it in its meta (`upload: <kind>`), and the server
 * sizes its body limit from that declaration; `uploadProcedure` writes meta and input at once.
 */
import type { TRPCProcedureBuilder, TRPCUnsetMarker } from '@trpc/server';
import { z } from 'zod';
import type { Meta } from './context.ts';
import { localized } from './errors.ts';

/** Largest file accepted per kind of upload, in bytes. */
export const UPLOAD_LIMITS = {
  /** Evidence of a report, a task's result document, a directive's text (pdf, docx, xlsx, png, jpeg). */
  document: 5 * 1024 * 1024,
  /** A spreadsheet to import (xlsx or csv). */
  spreadsheet: 512 * 1024,
} as const;

export type UploadKind = keyof typeof UPLOAD_LIMITS;

/** Room for the multipart envelope (boundaries, part headers, the `input` part) above a file's own limit. */
export const UPLOAD_ENVELOPE_BYTES = 64 * 1024;

/** The largest request body of an upload of `kind`: its file's limit and the multipart envelope. */
export function uploadBodyLimit(kind: UploadKind): number {
  return UPLOAD_LIMITS[kind] + UPLOAD_ENVELOPE_BYTES;
}

/** A file as a procedure receives it. */
export interface UploadedFile {
  name: string;
  /** The type the browser declared (unchecked: sniff `bytes` to know what the file is). */
  type: string;
  size: number;
  bytes: Uint8Array;
}

/** A size for people: "5 MB", "512 KB". */
export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

const FILE_NAME_MAX = 200;

/**
 * A file name as the portal keeps it: the last segment of any path (`/` or `\\`), without
 * control characters, bidi controls and other invisible format characters (a name like
 * `hoadon\u202Efdp.exe` shows as `hoadonexe.pdf`), nor lone surrogates; NFC (so `Báo cáo` typed
 * on a Mac and on Windows is one name), spaces collapsed, no spaces at either end, no dots
 * at its end. Empty when nothing is left (`..` included).
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  const visible = base.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '').normalize('NFC');
  const cleaned = visible.replace(/\s+/gu, ' ').replace(/^[\s]+|[\s.]+$/gu, '');
  return /^\.*$/.test(cleaned) ? '' : cleaned;
}

/** The other fields of an upload's input (none: `{}`). */
type UploadFields<TFields extends z.ZodRawShape> = keyof TFields extends never ? object : z.output<z.ZodObject<TFields>>;

/**
 * The input parser of an upload: `FormData` with a `file` part (at most `UPLOAD_LIMITS[kind]`
 * bytes, not empty) and an optional `input` part holding `fields` as JSON. Produces
 * `{ file: UploadedFile, ...fields }`, the file's name cleaned by `cleanFileName`; every refusal
 * is a zod issue in both languages.
 */
export function uploadInput<TFields extends z.ZodRawShape = Record<never, never>>(kind: UploadKind, fields?: z.ZodObject<TFields>) {
  const limit = UPLOAD_LIMITS[kind];
  const rest = (fields ?? z.object({})) as z.ZodObject<TFields>;
  return z
    .instanceof(FormData, { message: localized({ vi: 'Tệp phải được gửi dạng biểu mẫu (multipart/form-data).', en: 'The file must be sent as multipart/form-data.' }) })
    .transform(async (form, ctx): Promise<UploadFields<TFields> & { file: UploadedFile }> => {
      let refused = false;
      const issue = (path: PropertyKey[], vi: string, en: string) => {
        refused = true;
        ctx.addIssue({ code: 'custom', path, message: vi === en ? vi : localized({ vi, en }) });
      };
      const file = form.get('file');
      if (!(file instanceof Blob)) {
        issue(['file'], 'Chưa có tệp nào được gửi lên.', 'No file was sent.');
        return z.NEVER;
      }
      const sent = 'name' in file && typeof file.name === 'string' ? file.name : '';
      const name = cleanFileName(sent);
      if (!name && sent.trim()) {
        issue(
          ['file'],
          'Tên tệp không hợp lệ: không còn ký tự nào sau khi bỏ đường dẫn và ký tự điều khiển. Hãy đặt lại tên tệp.',
          'The file name is not valid: nothing is left once its path and control characters are removed. Rename the file.',
        );
      } else if (!name || name.length > FILE_NAME_MAX) {
        issue(['file'], `Tên tệp phải có từ 1 đến ${FILE_NAME_MAX} ký tự.`, `The file name must have 1 to ${FILE_NAME_MAX} characters.`);
      }
      if (file.size === 0) issue(['file'], `Tệp ${name} rỗng.`, `The file ${name} is empty.`);
      if (file.size > limit) {
        issue(['file'], `Tệp ${name} vượt quá ${formatLimit(limit)}.`, `The file ${name} is larger than ${formatLimit(limit)}.`);
      }
      const json = form.get('input');
      let raw: unknown = {};
      if (json !== null) {
        try {
          raw = JSON.parse(typeof json === 'string' ? json : await json.text());
        } catch {
          issue(['input'], 'Phần "input" của biểu mẫu không phải JSON hợp lệ.', 'The form’s "input" part is not valid JSON.');
        }
      }
      const parsed = await rest.safeParseAsync(raw);
      if (!parsed.success) for (const problem of parsed.error.issues) issue(problem.path, problem.message, problem.message);
      if (!parsed.success || refused) return z.NEVER;
      return { ...(parsed.data as UploadFields<TFields>), file: { name, type: file.type, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) } };
    });
}

/**
 * A procedure that takes a file of `kind`: declares `upload: kind` in its meta (so the server
 * lets its body through) and parses its input with `uploadInput(kind, fields)`.
 *
 * ```ts
 * attach: uploadProcedure(p.reportsWrite, 'document', z.object({ reportId: z.uuid() }))
 *   .mutation(({ input }) => save(input.reportId, input.file.bytes)),
 * ```
 */
export function uploadProcedure<
  TContext,
  TContextOverrides,
  TCaller extends boolean,
  TErrorShape,
  TFields extends z.ZodRawShape = Record<never, never>,
>(
  base: TRPCProcedureBuilder<TContext, Meta, TContextOverrides, TRPCUnsetMarker, TRPCUnsetMarker, TRPCUnsetMarker, TRPCUnsetMarker, TCaller, TErrorShape>,
  kind: UploadKind,
  fields?: z.ZodObject<TFields>,
) {
  return base.meta({ upload: kind }).input(uploadInput(kind, fields));
}
