/**
 * Files sent by users: the size limits, declared once. A procedure that takes a file says so
 * in its meta (`upload`), and the server sizes its body limit from that declaration.
 */

/** Largest file accepted per kind of upload, in bytes. */
export const UPLOAD_LIMITS = {
  /** Evidence of a report, a task's result document, a directive's text (pdf, docx, xlsx, png, jpeg). */
  document: 5 * 1024 * 1024,
  /** A spreadsheet to import (xlsx or csv). */
  spreadsheet: 512 * 1024,
} as const;

export type UploadKind = keyof typeof UPLOAD_LIMITS;
