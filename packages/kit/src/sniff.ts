/**
 * What a file is by its bytes, with no Node API: the server's file checks (`files.ts`) and the
 * browser's file pickers (`@dondoc/kit/sniff`, before anything is sent) use the same rules.
 */
export type FileKind = 'xlsx' | 'docx' | 'pdf' | 'png' | 'jpeg' | 'csv' | 'xls' | 'unknown';

/** The file names each kind goes by (a file whose name says another kind is refused by `acceptFile`). */
export const FILE_EXTENSIONS: Record<Exclude<FileKind, 'unknown'>, string[]> = {
  xlsx: ['xlsx'],
  docx: ['docx'],
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  csv: ['csv', 'txt', 'tsv'],
  xls: ['xls'],
};

export const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
export const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
export const extensionOf = (fileName: string) => (/\.([^.]+)$/.exec(fileName.trim())?.[1] ?? '').toLowerCase();

export interface ZipEntry {
  name: string;
  uncompressed: number;
}

/** The central directory of a zip, or null when there is none to read. */
export function zipDirectory(bytes: Uint8Array): { entries: number; offset: number } | null {
  if (bytes.length < 22) return null;
  const data = view(bytes);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (data.getUint32(i, true) === 0x06054b50) return { entries: data.getUint16(i + 10, true), offset: data.getUint32(i + 16, true) };
  }
  return null;
}

export function* zipEntries(bytes: Uint8Array, directory: { entries: number; offset: number }): Generator<ZipEntry | null> {
  const data = view(bytes);
  let offset = directory.offset;
  for (let n = 0; n < directory.entries; n++) {
    if (offset + 46 > bytes.length || data.getUint32(offset, true) !== 0x02014b50) {
      yield null;
      return;
    }
    const nameLength = data.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    yield { name, uncompressed: data.getUint32(offset + 24, true) };
    offset += 46 + nameLength + data.getUint16(offset + 30, true) + data.getUint16(offset + 32, true);
  }
}

/** Markup a browser would run or render: a PDF holding it is a polyglot (PDF and HTML at once). */
const HTML_MARKUP = /<(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|meta\s+http-equiv)[\s>/]/i;

/**
 * Whether a PDF's bytes hold HTML markup anywhere (`<html>`, `<script>`, `<iframe>` …). A PDF's own
 * syntax never writes these (its `<…>` are hex strings and `<<` dictionaries; its text sits in
 * streams), so a file that does is a polyglot that a browser could open as a page.
 */
export function isHtmlPolyglot(bytes: Uint8Array): boolean {
  return HTML_MARKUP.test(new TextDecoder('latin1').decode(bytes));
}

/**
 * What a file is, from its bytes: pdf (not one that also holds HTML: 'unknown'), png, jpeg, old xls (OLE), xlsx or docx (a zip holding
 * `xl/` or `word/`; a zip whose directory cannot be read goes by its name, so that reading it
 * reports it damaged), csv (text: no NUL byte in its first 4 KiB, or named .csv/.txt/.tsv).
 */
export function sniffFile(bytes: Uint8Array, fileName: string): FileKind {
  const ext = extensionOf(fileName);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return isHtmlPolyglot(bytes) ? 'unknown' : 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const directory = zipDirectory(bytes);
    if (directory) {
      for (const entry of zipEntries(bytes, directory)) {
        if (!entry) break;
        if (entry.name.startsWith('xl/')) return 'xlsx';
        if (entry.name.startsWith('word/')) return 'docx';
      }
    }
    return ext === 'xlsx' || ext === 'docx' ? ext : 'unknown';
  }
  if (bytes.length > 0 && (FILE_EXTENSIONS.csv.includes(ext) || !bytes.subarray(0, 4096).includes(0))) return 'csv';
  return 'unknown';
}
