/**
 * Files from users: what a file is by its content (never by its name alone), the size limits
 * of `UPLOAD_LIMITS`, and the zip guard (an xlsx or docx is a zip, and a small zip can expand
 * to gigabytes). Problems are `FileProblem`s carrying their text in both languages.
 */
import { promisify } from 'node:util';
import { crc32, inflateRaw, type ZlibOptions } from 'node:zlib';
import { fail, UPLOAD_LIMITS, type ErrorCode, type Locale, type LocalizedText, type UploadKind } from '@dondoc/trpc';

import { extensionOf, FILE_EXTENSIONS, isHtmlPolyglot, sniffFile, startsWith, view, zipDirectory, zipEntries, type FileKind } from './sniff.ts';

export { FILE_EXTENSIONS, isHtmlPolyglot, sniffFile, type FileKind };

const inflateRawAsync = promisify(inflateRaw) as (buffer: Uint8Array, options: ZlibOptions) => Promise<Buffer>;

export const FILE_MIME: Record<Exclude<FileKind, 'unknown'>, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  csv: 'text/csv',
  xls: 'application/vnd.ms-excel',
};

/** A file refused, with its reason in both languages (and the tRPC code to answer with). */
export class FileProblem extends Error {
  override name = 'FileProblem';
  constructor(
    readonly text: LocalizedText,
    readonly code: ErrorCode = 'BAD_REQUEST',
  ) {
    super(text.en);
  }
}

export interface ZipLimits {
  /** Parts at most (default 2,000). */
  maxEntries?: number;
  /** Total uncompressed bytes at most, as the zip declares them (default 40 MB). */
  maxUncompressed?: number;
}

const damaged: LocalizedText = { vi: 'Tệp bị hỏng hoặc không đọc được.', en: 'The file is damaged or unreadable.' };
const unpackedTooLarge: LocalizedText = {
  vi: 'Tệp quá lớn khi giải nén; hãy bỏ bớt các trang tính, hình ảnh không cần thiết.',
  en: 'The file is too large once unpacked; remove unneeded sheets and images.',
};

/**
 * Checks a zip's central directory before anything inflates it: at most `maxEntries` parts and
 * `maxUncompressed` bytes in all, as declared (an inflater cannot produce more than a part
 * declares without failing the zip's size checks). Throws a FileProblem.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = {}, what: LocalizedText = damaged): void {
  const maxEntries = limits.maxEntries ?? 2000;
  const maxUncompressed = limits.maxUncompressed ?? 40 * 1024 * 1024;
  const directory = zipDirectory(bytes);
  if (!directory || directory.entries > maxEntries) throw new FileProblem(what);
  let total = 0;
  for (const entry of zipEntries(bytes, directory)) {
    if (!entry) throw new FileProblem(what);
    total += entry.uncompressed;
    if (total > maxUncompressed) throw new FileProblem(unpackedTooLarge);
  }
}

/** One part of a zip, inflated and checked. */
export interface ZipPart {
  name: string;
  /** The name as the zip stores it, and its flags' UTF-8 bit (kept when the zip is written again). */
  rawName: Uint8Array;
  utf8: boolean;
  content: Uint8Array;
}

/**
 * Inflates every part of a zip with a running budget of real bytes: `checkZip` first (what the
 * directory declares), then each part inflated with at most the budget left as its output
 * limit, so a zip whose directory lies stops at `maxUncompressed` bytes instead of inflating to
 * gigabytes. Parts must be stored or deflated, unencrypted, with their CRC-32 right. Throws a
 * FileProblem (`what` for a damaged zip).
 */
export async function unzipBounded(bytes: Uint8Array, limits: ZipLimits = {}, what: LocalizedText = damaged): Promise<ZipPart[]> {
  checkZip(bytes, limits, what);
  const maxUncompressed = limits.maxUncompressed ?? 40 * 1024 * 1024;
  const directory = zipDirectory(bytes)!;
  const data = view(bytes);
  const parts: ZipPart[] = [];
  let left = maxUncompressed;
  let offset = directory.offset;
  for (let n = 0; n < directory.entries; n++) {
    if (offset + 46 > bytes.length || data.getUint32(offset, true) !== 0x02014b50) throw new FileProblem(what);
    const flags = data.getUint16(offset + 8, true);
    const method = data.getUint16(offset + 10, true);
    const crc = data.getUint32(offset + 16, true);
    const compressed = data.getUint32(offset + 20, true);
    const nameLength = data.getUint16(offset + 28, true);
    const local = data.getUint32(offset + 42, true);
    const rawName = bytes.slice(offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + data.getUint16(offset + 30, true) + data.getUint16(offset + 32, true);
    // Encrypted, or neither stored nor deflated, or pointing outside the file: not an office file we read.
    if (flags & 0x1 || (method !== 0 && method !== 8) || local + 30 > bytes.length || data.getUint32(local, true) !== 0x04034b50) {
      throw new FileProblem(what);
    }
    const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw new FileProblem(what);
    const stored = bytes.subarray(start, start + compressed);
    let content: Uint8Array;
    if (method === 0) {
      content = stored;
    } else {
      try {
        content = await inflateRawAsync(stored, { maxOutputLength: Math.max(1, left) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new FileProblem(unpackedTooLarge);
        throw new FileProblem(what);
      }
    }
    if (content.length > left) throw new FileProblem(unpackedTooLarge);
    left -= content.length;
    if (crc32(content) >>> 0 !== crc) throw new FileProblem(what);
    parts.push({ name: new TextDecoder().decode(rawName), rawName, utf8: (flags & 0x800) !== 0, content });
  }
  return parts;
}

/** A zip of `parts`, stored without compression: what a reader gets after `unzipBounded` checked them. */
export function storedZip(parts: readonly ZipPart[]): Uint8Array {
  const size = parts.reduce((sum, part) => sum + 30 + 46 + 2 * part.rawName.length + part.content.length, 22);
  const out = new Uint8Array(size);
  const data = view(out);
  const central: Array<{ part: ZipPart; crc: number; offset: number }> = [];
  let at = 0;
  // Version 2.0, flags (UTF-8 names kept), method 0, time 00:00, date 1980-01-01, CRC, sizes, name length, no extra.
  const header = (part: ZipPart, crc: number) => {
    data.setUint16(at, 20, true);
    data.setUint16(at + 2, part.utf8 ? 0x800 : 0, true);
    data.setUint16(at + 4, 0, true);
    data.setUint16(at + 6, 0, true);
    data.setUint16(at + 8, 0x21, true);
    data.setUint32(at + 10, crc, true);
    data.setUint32(at + 14, part.content.length, true);
    data.setUint32(at + 18, part.content.length, true);
    data.setUint16(at + 22, part.rawName.length, true);
    data.setUint16(at + 24, 0, true);
    at += 26;
  };
  for (const part of parts) {
    const crc = crc32(part.content) >>> 0;
    central.push({ part, crc, offset: at });
    data.setUint32(at, 0x04034b50, true);
    at += 4;
    header(part, crc);
    out.set(part.rawName, at);
    at += part.rawName.length;
    out.set(part.content, at);
    at += part.content.length;
  }
  const directoryStart = at;
  for (const { part, crc, offset } of central) {
    data.setUint32(at, 0x02014b50, true);
    data.setUint16(at + 4, 20, true);
    at += 6;
    header(part, crc);
    // No comment, disk 0, no attributes, the local header's offset.
    data.setUint16(at, 0, true);
    data.setUint16(at + 2, 0, true);
    data.setUint16(at + 4, 0, true);
    data.setUint32(at + 6, 0, true);
    data.setUint32(at + 10, offset, true);
    at += 14;
    out.set(part.rawName, at);
    at += part.rawName.length;
  }
  data.setUint32(at, 0x06054b50, true);
  data.setUint16(at + 8, parts.length, true);
  data.setUint16(at + 10, parts.length, true);
  data.setUint32(at + 12, at - directoryStart, true);
  data.setUint32(at + 16, directoryStart, true);
  return out;
}

const KIND_NAMES: Record<Exclude<FileKind, 'unknown'>, string> = { xlsx: 'XLSX', docx: 'DOCX', pdf: 'PDF', png: 'PNG', jpeg: 'JPG', csv: 'CSV', xls: 'XLS' };

/** "PDF, DOCX hoặc XLSX" / "PDF, DOCX or XLSX". */
export function kindList(kinds: readonly Exclude<FileKind, 'unknown'>[], locale: 'vi' | 'en'): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${locale === 'vi' ? 'hoặc' : 'or'} ${names.at(-1)}`;
}

/**
 * A file accepted for `limit` (a kind of `UPLOAD_LIMITS`): not empty, not larger than the
 * limit, of one of `kinds` by its content, and named as that kind. Answers its kind and content
 * type; throws a FileProblem otherwise.
 */
export function acceptFile(
  bytes: Uint8Array,
  fileName: string,
  options: { kinds: readonly Exclude<FileKind, 'unknown'>[]; limit: UploadKind },
): { kind: Exclude<FileKind, 'unknown'>; mimeType: string } {
  if (bytes.length === 0) throw new FileProblem({ vi: 'Tệp rỗng.', en: 'The file is empty.' });
  const max = UPLOAD_LIMITS[options.limit];
  if (bytes.length > max) throw new FileProblem(tooLarge(max), 'PAYLOAD_TOO_LARGE');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) && isHtmlPolyglot(bytes)) {
    throw new FileProblem({
      vi: 'Tệp PDF này có chứa mã HTML hoặc JavaScript nên không được nhận. Hãy xuất lại tệp PDF từ phần mềm soạn thảo.',
      en: 'This PDF holds HTML or JavaScript code and is not accepted. Export the PDF again from your editor.',
    });
  }
  const kind = sniffFile(bytes, fileName);
  if (kind === 'unknown' || !options.kinds.includes(kind) || !FILE_EXTENSIONS[kind].includes(extensionOf(fileName))) {
    throw new FileProblem({
      vi: `Chỉ nhận tệp ${kindList(options.kinds, 'vi')} đúng định dạng.`,
      en: `Only genuine ${kindList(options.kinds, 'en')} files are accepted.`,
    });
  }
  return { kind, mimeType: FILE_MIME[kind] };
}

/**
 * `acceptFile` for a procedure: the file a user sent (`{ bytes, name }`, as `uploadProcedure`
 * hands it) accepted, or refused with the problem in the caller's language (BAD_REQUEST, or
 * PAYLOAD_TOO_LARGE) instead of a `FileProblem`.
 */
export function acceptUpload(
  file: { bytes: Uint8Array; name: string },
  locale: Locale,
  options: { kinds: readonly Exclude<FileKind, 'unknown'>[]; limit: UploadKind },
): { kind: Exclude<FileKind, 'unknown'>; mimeType: string } {
  try {
    return acceptFile(file.bytes, file.name, options);
  } catch (error) {
    if (error instanceof FileProblem) fail(error.code, locale, error.text);
    throw error;
  }
}

/** "Tệp lớn quá 512 KB; hãy chia thành nhiều tệp." (sizes in KB under 1 MB, else MB). */
export function tooLarge(maxBytes: number): LocalizedText {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return { vi: `Tệp lớn quá ${size}; hãy chia thành nhiều tệp.`, en: `The file is larger than ${size}; split it.` };
}
