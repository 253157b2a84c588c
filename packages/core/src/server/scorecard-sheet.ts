/**
 * A scorecard as a spreadsheet, through the kit's tools: `tableWorkbook` writes the file an agency
 * files (title, sources, one row per node with its roll-up and class), `defineSpreadsheet` reads
 * it back. The import carries the structure and targets — code, parent, name, max points, weight,
 * last year's score, target, margin, owner units, source, unverified — never estimates: those come
 * one by one with their evidence and the miss rule (`saveEstimate`). `planSheetImport` compares a
 * file's rows with the nodes there: what is added, changed, removed, and every row's problem.
 */
import { defineSpreadsheet, type Column, type SpreadsheetIssue, type SpreadsheetRow } from '@dondoc/kit';
import type { Locale } from '@dondoc/trpc';
import { formatDateVi, SCORE_CLASS_LABELS, treeProblems, type IsoDate, type ScoreClass } from '../domain/index.ts';
import { tableWorkbook, type XlsxCell } from './xlsx.ts';

export const SCORECARD_COLUMNS = [
  { key: 'code', header: { vi: 'Mã', en: 'Code' }, required: true, kind: 'text', maxLength: 30, width: 10, aliases: ['ma tieu chi', 'stt'] },
  { key: 'parentCode', header: { vi: 'Mã cấp trên', en: 'Parent code' }, required: 'column', kind: 'text', maxLength: 30, width: 12, help: { vi: 'Để trống ở dòng của chỉ số (gốc).', en: 'Empty on the index’s (root) row.' } },
  { key: 'name', header: { vi: 'Tên', en: 'Name' }, required: true, kind: 'text', maxLength: 500, width: 50, aliases: ['ten tieu chi', 'noi dung'] },
  { key: 'maxPoints', header: { vi: 'Điểm tối đa', en: 'Max points' }, kind: 'amount', min: 0, max: 1000, width: 12 },
  { key: 'weight', header: { vi: 'Trọng số', en: 'Weight' }, kind: 'amount', min: 0, max: 1000, width: 10 },
  { key: 'lastYearScore', header: { vi: 'Điểm năm trước', en: 'Last year' }, kind: 'amount', min: 0, max: 1000, width: 14 },
  { key: 'target', header: { vi: 'Mục tiêu', en: 'Target' }, kind: 'amount', min: 0, max: 1000, width: 12 },
  { key: 'margin', header: { vi: 'Ngưỡng lệch', en: 'Margin' }, kind: 'amount', min: 0, max: 1000, width: 12, help: { vi: 'Thiếu hụt quá ngưỡng này: dự báo không đạt.', en: 'Short by more than this: off track.' } },
  { key: 'owners', header: { vi: 'Đơn vị phụ trách (mã)', en: 'Owner units (codes)' }, required: 'column', kind: 'text', maxLength: 600, width: 18, help: { vi: 'Mã đơn vị, cách nhau bằng dấu phẩy, ví dụ VP, SNV.', en: 'Unit codes separated by commas, e.g. VP, SNV.' } },
  { key: 'unverified', header: { vi: 'Chưa xác minh', en: 'Unverified' }, kind: 'boolean', width: 12 },
  { key: 'source', header: { vi: 'Nguồn', en: 'Source' }, kind: 'text', maxLength: 1000, width: 30 },
] as const satisfies readonly Column[];

/** Shown in the export for reading, not imported (estimates go through `saveEstimate`). */
const READ_ONLY_HEADERS = {
  estimate: { vi: 'Ước tính', en: 'Estimate' },
  evidence: { vi: 'Căn cứ, minh chứng', en: 'Evidence' },
  estimateOn: { vi: 'Ngày ước tính', en: 'Estimated on' },
  rolled: { vi: 'Điểm tổng hợp', en: 'Rolled-up score' },
  class: { vi: 'Đánh giá', en: 'Class' },
} as const;

export const scorecardSheet = defineSpreadsheet({
  columns: SCORECARD_COLUMNS,
  duplicateKey: { of: (row) => row.code, column: 'code', message: (first) => ({ vi: `Trùng mã với dòng ${first}.`, en: `Same code as row ${first}.` }) },
});

export type ScorecardSheetRow = SpreadsheetRow<typeof SCORECARD_COLUMNS>;

export interface SheetNode {
  code: string;
  parentCode: string | null;
  name: string;
  maxPoints: number | null;
  weight: number | null;
  lastYearScore: number | null;
  target: number | null;
  margin: number | null;
  ownerUnitCodes: string[];
  source: string | null;
  unverified: boolean;
}

export interface SheetExportNode extends SheetNode {
  depth: number;
  ownEstimate: number | null;
  evidence: string | null;
  estimateOn: IsoDate | null;
  rolled: number | null;
  class: ScoreClass;
}

/** The scorecard as an xlsx an agency can file: title, owner, sources, then one row per node (indented by level). */
export async function scorecardWorkbook(
  card: { name: string; year: number; ownerUnitName: string; shown: string; sources: Array<{ label: string; url: string }>; unverifiedNote: string | null },
  nodes: SheetExportNode[],
  locale: Locale,
  creator: string,
): Promise<Uint8Array> {
  const vi = locale === 'vi';
  const header = (h: { vi: string; en: string }) => h[locale];
  const columns = [
    ...SCORECARD_COLUMNS.map((c) => ({ header: header(c.header), width: c.width ?? 12, ...(c.kind === 'amount' ? { numFmt: '0.####' } : {}) })),
    { header: header(READ_ONLY_HEADERS.estimate), width: 11, numFmt: '0.####' },
    { header: header(READ_ONLY_HEADERS.evidence), width: 40 },
    { header: header(READ_ONLY_HEADERS.estimateOn), width: 14 },
    { header: header(READ_ONLY_HEADERS.rolled), width: 14, numFmt: '0.####' },
    { header: header(READ_ONLY_HEADERS.class), width: 22 },
  ];
  const rows: XlsxCell[][] = nodes.map((n) => {
    const klass = SCORE_CLASS_LABELS[n.class][locale];
    return [
      n.code,
      n.parentCode ?? '',
      `${'    '.repeat(n.depth)}${n.name}`,
      n.maxPoints,
      n.weight,
      n.lastYearScore,
      n.target,
      n.margin,
      n.ownerUnitCodes.join(', '),
      n.unverified ? (vi ? 'Có' : 'Yes') : '',
      n.source ?? '',
      n.ownEstimate,
      n.evidence ?? '',
      n.estimateOn ? formatDateVi(n.estimateOn) : '',
      n.rolled,
      n.class === 'at_risk' || n.class === 'off_track' ? { value: klass, emphasis: true } : klass,
    ];
  });
  const title = [
    vi ? `BẢNG ĐIỂM ${card.name} NĂM ${card.year}` : `${card.name} SCORECARD ${card.year}`,
    `${vi ? 'Đơn vị chủ trì' : 'Lead department'}: ${card.ownerUnitName}. ${vi ? 'Điểm dự báo' : 'Projected score'}: ${card.shown}.`,
    ...card.sources.map((s) => `${vi ? 'Nguồn' : 'Source'}: ${s.label} — ${s.url}`),
    ...(card.unverifiedNote ? [`${vi ? 'Chưa xác minh' : 'Unverified'}: ${card.unverifiedNote}`] : []),
    // Above the table, not under it: the import reads every row under the header.
    vi ? 'Nhập lại tệp này: chỉ cấu trúc và mục tiêu được cập nhật; ước tính nhập từng tiêu chí kèm minh chứng.' : 'Importing this file back updates the structure and targets only; estimates are entered one by one with their evidence.',
  ];
  return tableWorkbook({ sheetName: vi ? 'Bảng điểm' : 'Scorecard', title, columns, rows }, { creator });
}

export interface SheetImportPlan {
  add: SheetNode[];
  change: Array<{ code: string; set: Partial<SheetNode> }>;
  remove: string[];
  errors: SpreadsheetIssue[];
}

const OWNERS_HEADER = SCORECARD_COLUMNS.find((c) => c.key === 'owners')!.header;

const FIELDS = ['parentCode', 'name', 'maxPoints', 'weight', 'lastYearScore', 'target', 'margin', 'ownerUnitCodes', 'source', 'unverified'] as const;

/** Splits "VP, SNV" into codes, upper-cased; answers the ones that are no unit. */
export function ownerCodes(text: string | null, known: ReadonlySet<string>): { codes: string[]; unknown: string[] } {
  const codes = [...new Set((text ?? '').split(/[,;\s]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
  return { codes, unknown: codes.filter((c) => !known.has(c)) };
}

/**
 * What importing `rows` into a scorecard holding `existing` does: rows by code are added or
 * changed (only the fields that differ), codes not in the file are removed (children first).
 * The root must stay the same node; the result must be one tree (one root, parents there, no
 * cycle); owner codes must be units.
 */
export function planSheetImport(existing: SheetNode[], rows: ScorecardSheetRow[], knownUnits: ReadonlySet<string>, locale: Locale): SheetImportPlan {
  const errors: SpreadsheetIssue[] = [];
  const t = (vi: string, en: string) => (locale === 'vi' ? vi : en);
  const byCode = new Map(existing.map((n) => [n.code, n]));
  const root = existing.find((n) => n.parentCode === null);
  const wanted: SheetNode[] = [];
  for (const row of rows) {
    const owners = ownerCodes(row.owners, knownUnits);
    if (owners.unknown.length > 0) errors.push({ row: row.row, column: OWNERS_HEADER[locale], message: t(`Không có đơn vị ${owners.unknown.join(', ')}.`, `There is no unit ${owners.unknown.join(', ')}.`) });
    const name = row.name.trim();
    wanted.push({
      code: row.code.trim(),
      parentCode: row.parentCode?.trim() || null,
      name,
      maxPoints: row.maxPoints,
      weight: row.weight,
      lastYearScore: row.lastYearScore,
      target: row.target,
      margin: row.margin,
      ownerUnitCodes: owners.codes,
      source: row.source?.trim() || null,
      unverified: row.unverified ?? false,
    });
  }
  const roots = wanted.filter((n) => n.parentCode === null);
  if (root && (roots.length !== 1 || roots[0]!.code !== root.code)) {
    errors.push({ row: 0, column: '', message: t(`Tệp phải có đúng một dòng gốc là chỉ số ${root.code} (mã cấp trên để trống).`, `The file must have exactly one root row, the index ${root.code} (no parent code).`) });
  }
  for (const problem of treeProblems(wanted.map((n) => ({ id: n.code, parentId: n.parentCode })))) errors.push({ row: 0, column: '', message: problem[locale] });
  const add: SheetNode[] = [];
  const change: SheetImportPlan['change'] = [];
  for (const node of wanted) {
    const before = byCode.get(node.code);
    if (!before) {
      add.push(node);
      continue;
    }
    const set: Partial<SheetNode> = {};
    for (const field of FIELDS) {
      const same = field === 'ownerUnitCodes' ? before.ownerUnitCodes.join(',') === node.ownerUnitCodes.join(',') : before[field] === node[field];
      if (!same) Object.assign(set, { [field]: node[field] });
    }
    if (Object.keys(set).length > 0) change.push({ code: node.code, set });
  }
  const inFile = new Set(wanted.map((n) => n.code));
  const depthOf = (code: string): number => {
    let depth = 0;
    for (let at = byCode.get(code); at?.parentCode; at = byCode.get(at.parentCode)) depth++;
    return depth;
  };
  const remove = existing.filter((n) => !inFile.has(n.code)).map((n) => n.code).sort((a, b) => depthOf(b) - depthOf(a));
  return { add, change, remove, errors };
}
