/**
 * Reading back the files the kit writes, for tests that check what a user downloads: an xlsx's
 * sheets as rows of plain values, a .docx's parts and its text in reading order.
 */
import ExcelJS from 'exceljs';
import { unzipBounded } from './files.ts';

const bytesOf = (file: Uint8Array | string) => (typeof file === 'string' ? new Uint8Array(Buffer.from(file, 'base64')) : file);

/** Each sheet's rows as arrays of plain values (columns from the first); bytes or base64. */
export async function readXlsx(file: Uint8Array | string): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytesOf(file)) as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v !== null && typeof v === 'object' && 'richText' in v ? (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('') : v)));
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** A .docx's parts (`word/document.xml`, headers, styles…) as text; bytes or base64. */
export async function docxParts(file: Uint8Array | string): Promise<Map<string, string>> {
  const parts = await unzipBounded(bytesOf(file));
  return new Map(parts.map((p) => [p.name, new TextDecoder().decode(p.content)]));
}

/** The text of a .docx's body, paragraph by paragraph (a paragraph's runs joined). */
export async function docxParagraphs(file: Uint8Array | string): Promise<string[]> {
  const body = (await docxParts(file)).get('word/document.xml') ?? '';
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).filter((text) => text !== '');
}

/** A .docx's tables in reading order, each as rows of cell texts (a cell's paragraphs joined by a line break). */
export async function docxTables(file: Uint8Array | string): Promise<string[][][]> {
  const body = (await docxParts(file)).get('word/document.xml') ?? '';
  const text = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).filter((t) => t !== '').join('\n');
  return [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) => [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => text(cell[0]))));
}
