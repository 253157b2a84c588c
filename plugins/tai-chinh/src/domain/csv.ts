/**
 * A small CSV reader for the files agencies save from Excel or LibreOffice (RFC 4180):
 * fields separated by `,` `;` or a tab (guessed from the first line, outside quotes), quoted
 * with `"` (a doubled `""` inside is one quote; quoted fields may hold separators and line
 * breaks), lines ending in CRLF or LF, an optional UTF-8 byte-order mark.
 *
 * Vietnamese Excel often saves with `;` because `,` is the decimal mark: both work.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    message: string,
    /** 1-based line where the problem is. */
    readonly line: number,
  ) {
    super(message);
  }
}

/** The separator used in the first line, counted outside quotes (`,` when none appears). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}

/** Parses CSV text into rows of fields (strings). Throws CsvError on an unterminated quote. */
export function parseCsv(input: string, delimiter: CsvDelimiter = detectDelimiter(input.replace(/^\ufeff/, ''))): string[][] {
  const text = input.replace(/^\ufeff/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteLine = 0;
  let line = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (char === '\n') line += 1;
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') {
      inQuotes = true;
      quoteLine = line;
      i += 1;
    } else if (char === delimiter) {
      endField();
      i += 1;
    } else if (char === '\r' || char === '\n') {
      endRow();
      line += 1;
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += char;
      i += 1;
    }
  }
  if (inQuotes) throw new CsvError(`Unterminated quoted field starting on line ${quoteLine}`, quoteLine);
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Decodes the bytes of a CSV file as UTF-8 (with or without BOM). Returns null when the
 * bytes are not valid UTF-8 (e.g. a file saved as Windows-1258 / "ANSI").
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return null;
  }
}
