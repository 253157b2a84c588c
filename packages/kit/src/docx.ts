/**
 * Administrative documents (.docx) laid out as Decree 30/2020/NĐ-CP, Appendix I says
 * (shared/DOCUMENT-FORMAT.md): A4 portrait, margins 20/20/30/15 mm, Times New Roman; the
 * two-column header table (parent and issuing body with the number on the left; quốc hiệu,
 * tiêu ngữ and place and date on the right); the kind and subject centred; the body with its
 * Roman-numbered parts; the signature table ("Nơi nhận" on the left, the signing authority on
 * the right); appendices on their own pages. Page numbers centred in the top margin, none on
 * page 1. The core's leadership report and every module's report go through here.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type ITableCellBorders,
} from 'docx';
import type { FileDownload } from './xlsx.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Decree 30's page: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm (the smallest it allows). */
export const DOCUMENT_PAGE = { widthMm: 210, heightMm: 297, marginTopMm: 20, marginBottomMm: 20, marginLeftMm: 30, marginRightMm: 15 } as const;
export const DOCUMENT_FONT = 'Times New Roman';

const pt = (points: number) => points * 2; // docx sizes are in half-points
/** Millimetres to twips, rounded (A4 is 11906 × 16838 twips, as Word writes it). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const TEXT_WIDTH = mm(DOCUMENT_PAGE.widthMm - DOCUMENT_PAGE.marginLeftMm - DOCUMENT_PAGE.marginRightMm);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** "ngày 05 tháng 01 năm 2024": a leading 0 for days below 10 and for months 1 and 2. */
export function documentDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${String(day).padStart(2, '0')} tháng ${mm} năm ${year}`;
}

/** "Hà Nội, ngày 05 tháng 01 năm 2024". */
export function documentPlaceAndDate(place: string, isoDate: string): string {
  return `${place}, ${documentDate(isoDate)}`;
}

/** "05/BC-SNV" (a leading 0 below 10), or "      /BC-SNV" when the clerk gives the number on issue. */
function numberAndSymbol(number: number | null, symbol: string): string {
  return number === null ? `        /${symbol}` : `${String(number).padStart(2, '0')}/${symbol}`;
}

/** "Số: 05/BC-SNV", or "Số:        /BC-SNV" before the clerk gives the number. */
export function documentNumber(number: number | null, symbol: string): string {
  return `Số: ${numberAndSymbol(number, symbol)}`;
}

/** "23/39 nhiệm vụ, đạt 58,97%": a share as agencies write it (decimal comma, two decimals). */
export function shareInWords(part: number, whole: number, noun: string): string {
  if (whole === 0) return `0/0 ${noun}`;
  const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(Math.round((part / whole) * 10_000) / 100);
  return `${part}/${whole} ${noun}, đạt ${percent}%`;
}

export interface DocumentTable {
  /** Column headings. */
  headers: string[];
  rows: Array<Array<string | number | null>>;
  /** Relative widths of the columns (default: equal). */
  widths?: number[];
  /** A last row in bold (Tổng cộng). */
  totals?: Array<string | number | null>;
}

/** A body paragraph, a table, a note (italic), or a sub-heading inside a part ("1. Cải cách thể chế", bold, not in capitals). */
export type DocumentBlock = { paragraph: string } | { table: DocumentTable } | { note: string } | { subheading: string };

export interface DocumentSection {
  /** "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH": numbered by the caller as the outline says. */
  heading: string;
  blocks: DocumentBlock[];
}

export interface AdministrativeDocument {
  /** "UBND Thành phố Hà Nội" (in capitals in the header); none when the issuer has no parent body (the UBND itself). */
  parentBody?: string;
  /** "Sở Nội vụ" (in capitals in the header; as given in "của Sở Nội vụ"). */
  issuer: string;
  /** The document's number (null: given by the clerk on issue) and symbol ("BC-SNV"). */
  number: number | null;
  symbol: string;
  place: string;
  /** ISO date of the document. */
  date: string;
  /** "BÁO CÁO". */
  kind: string;
  /** The subject (trích yếu), e.g. "Kết quả thực hiện nhiệm vụ quý IV năm 2026". */
  subject: string;
  /** "Kính gửi: Ủy ban nhân dân Thành phố" (reports sent upward), when there is one. */
  to?: string[];
  /** Paragraphs before the first part. */
  opening?: string[];
  sections: DocumentSection[];
  signature: { authority: string; title?: string; name: string };
  /** Recipients; "Lưu: VT, …" is added last from `archive`. */
  recipients: string[];
  /** The drafting unit's short name for "Lưu: VT, <unit>.". */
  archive: string;
  appendices?: Array<{ title: string; table: DocumentTable }>;
}

const run = (text: string, options: { size?: number; bold?: boolean; italics?: boolean; allCaps?: boolean } = {}) =>
  new TextRun({ text, font: DOCUMENT_FONT, size: pt(options.size ?? 14), bold: options.bold ?? false, italics: options.italics ?? false, allCaps: options.allCaps ?? false });

const centred = (children: TextRun[], extra: Partial<IParagraphOptions> = {}) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children, ...extra });

/** A short solid rule under a centred line: a bottom border on a paragraph indented from both sides. */
const rule = (cellWidth: number, share: number) => {
  const indent = Math.round((cellWidth * (1 - share)) / 2);
  return new Paragraph({ indent: { left: indent, right: indent }, spacing: { before: 0, after: 120 }, border: { bottom: THIN }, children: [] });
};

const cell = (children: Paragraph[], width: number, borders: ITableCellBorders = NO_BORDERS) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders, verticalAlign: VerticalAlign.TOP, children });

function headerTable(doc: AdministrativeDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([...(doc.parentBody ? [centred([run(doc.parentBody.toLocaleUpperCase('vi'), { size: 13 })])] : []), centred([run(doc.issuer.toLocaleUpperCase('vi'), { size: 13, bold: true })]), rule(left, 0.35)], left),
          cell([centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })]), centred([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true })]), rule(right, 0.62)], right),
        ],
      }),
      new TableRow({
        children: [
          cell([centred([run(documentNumber(doc.number, doc.symbol), { size: 13 })])], left),
          cell([centred([run(documentPlaceAndDate(doc.place, doc.date), { size: 14, italics: true })])], right),
        ],
      }),
    ],
  });
}

const bodyParagraph = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.7) },
    spacing: { before: 120, after: 0, line: 312, lineRule: LineRuleType.AUTO }, // 6 pt before, 1.3 lines
    children: [run(text, options)],
  });

function bodyTable(table: DocumentTable): Table {
  const widths = table.widths ?? table.headers.map(() => 1);
  const sum = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  const borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  const line = (values: Array<string | number | null>, bold: boolean) =>
    new TableRow({
      tableHeader: bold && values === table.headers,
      children: values.map((value, i) =>
        cell([new Paragraph({ alignment: typeof value === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(value === null ? '' : formatCell(value), { size: 12, bold })] })], columnWidths[i] ?? 0, borders),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [line(table.headers, true), ...table.rows.map((r) => line(r, false)), ...(table.totals ? [line(table.totals, true)] : [])],
  });
}

/** Numbers as agencies write them: 1.234,5. */
function formatCell(value: string | number): string {
  return typeof value === 'number' ? new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value) : value;
}

function blocks(list: DocumentBlock[]): Array<Paragraph | Table> {
  return list.flatMap((block) =>
    'paragraph' in block
      ? [bodyParagraph(block.paragraph)]
      : 'note' in block
        ? [bodyParagraph(block.note, { italics: true })]
        : 'subheading' in block
          ? [bodyParagraph(block.subheading, { bold: true })]
          : [new Paragraph({ spacing: { before: 120 }, children: [] }), bodyTable(block.table)],
  );
}

function signatureTable(doc: AdministrativeDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const recipients = [...doc.recipients.map((r) => `- ${r};`), `- Lưu: VT, ${doc.archive}.`];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      // The signature block is never split over two pages: it moves whole to the next one.
      new TableRow({
        cantSplit: true,
        children: [
          cell([new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }), ...recipients.map((r) => new Paragraph({ children: [run(r, { size: 11 })] }))], left),
          cell(
            [
              centred([run(doc.signature.authority.toLocaleUpperCase('vi'), { size: 14, bold: true })]),
              ...(doc.signature.title ? [centred([run(doc.signature.title.toLocaleUpperCase('vi'), { size: 14, bold: true })])] : []),
              // Room for the signature and the seal.
              ...Array.from({ length: 4 }, () => centred([run('')])),
              centred([run(doc.signature.name, { size: 14, bold: true })]),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

/**
 * "Kính gửi: …." on one centred line for one recipient; for several, "Kính gửi:" then one
 * "- …;" line each, the last ending ".", as Decree 30 writes it.
 */
function recipientsBlock(to: string[]): Paragraph[] {
  if (to.length === 0) return [];
  if (to.length === 1) return [centred([run(`Kính gửi: ${to[0]}.`)], { spacing: { before: 120, after: 120 } })];
  const left = Math.round(TEXT_WIDTH * 0.22);
  return [
    new Paragraph({ indent: { left }, spacing: { before: 120, after: 0 }, children: [run('Kính gửi:')] }),
    ...to.map((recipient, i) => new Paragraph({ indent: { left: left + mm(22) }, spacing: { before: 0, after: i === to.length - 1 ? 120 : 0 }, children: [run(`- ${recipient}${i === to.length - 1 ? '.' : ';'}`)] })),
  ];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** The document as .docx bytes. */
export async function administrativeDocument(doc: AdministrativeDocument): Promise<Buffer> {
  const reference = `(Kèm theo ${doc.kind.toLocaleLowerCase('vi').replace(/^./, (c) => c.toLocaleUpperCase('vi'))} số ${numberAndSymbol(doc.number, doc.symbol)} ${documentDate(doc.date)} của ${doc.issuer})`;
  const children: Array<Paragraph | Table> = [
    headerTable(doc),
    centred([run(doc.kind.toLocaleUpperCase('vi'), { bold: true })], { spacing: { before: 360, after: 0 } }),
    centred([run(doc.subject, { bold: true })]),
    rule(TEXT_WIDTH, 0.3),
    ...recipientsBlock(doc.to ?? []),
    ...(doc.opening ?? []).map((text) => bodyParagraph(text)),
    ...doc.sections.flatMap((section) => [bodyParagraph(section.heading.toLocaleUpperCase('vi'), { bold: true }), ...blocks(section.blocks)]),
    new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [] }),
    signatureTable(doc),
    ...(doc.appendices ?? []).flatMap((appendix, i) => [
      // Each appendix opens a page (the break belongs to its first line: no blank page when the body ends a page).
      centred([run(`Phụ lục ${ROMAN[i] ?? String(i + 1)}`, { bold: true })], { pageBreakBefore: true }),
      centred([run(appendix.title.toLocaleUpperCase('vi'), { bold: true })]),
      centred([run(reference, { italics: true })], { spacing: { after: 120 } }),
      bodyTable(appendix.table),
    ]),
  ];
  const document = new Document({
    creator: 'dondoc',
    title: `${doc.kind} ${doc.subject}`,
    styles: { default: { document: { run: { font: DOCUMENT_FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true, // no number on page 1
          page: {
            size: { width: mm(DOCUMENT_PAGE.widthMm), height: mm(DOCUMENT_PAGE.heightMm) },
            margin: {
              top: mm(DOCUMENT_PAGE.marginTopMm),
              bottom: mm(DOCUMENT_PAGE.marginBottomMm),
              left: mm(DOCUMENT_PAGE.marginLeftMm),
              right: mm(DOCUMENT_PAGE.marginRightMm),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [centred([new TextRun({ font: DOCUMENT_FONT, size: pt(13), children: [PageNumber.CURRENT] })])] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A document's bytes as the download a procedure answers. */
export function docxDownload(bytes: Uint8Array, fileName: string): FileDownload {
  return { fileName, mimeType: DOCX_MIME, contentBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
}
