/**
 * The periodic report (báo cáo định kỳ) as an xlsx workbook, and the import template.
 * Official documents: written in Vietnamese whatever the interface language.
 *
 * Sheet "Tổng hợp": per managing unit, the units by group, the share in groups 1-2, the
 * roadmap's share, units behind their roadmap, mismatches and the approval.
 * Sheet "Danh sách": the register by managing unit and group, one row per unit, with the
 * import columns (so the sheet can be corrected and imported again).
 */
import ExcelJS from 'exceljs';
import type { Period } from '@dondoc/plugin-sdk';
import {
  approvalBasis,
  APPROVAL_STATUS_LABELS,
  AUTONOMY_TARGET_SHARE,
  CLASSIFICATION_STATUS_LABELS,
  GROUP_LABELS,
  IMPORT_COLUMNS,
  ROADMAP_STATUS_LABELS,
  SECTOR_SUGGESTIONS,
  type ApprovalStatus,
} from '../domain/index.ts';
import type { Consolidation, ShareRecordView } from './consolidation.ts';
import type { UnitView } from './register.ts';

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "Đã ghi nhận chỉ tiêu 2458-CT3: 25% (ngày 31/12/2024; tạm tính: đã duyệt 2/5 đơn vị chủ quản)". */
function recordedText(recorded: ShareRecordView): string {
  const basis =
    recorded.provisional && recorded.managingUnits !== null && recorded.approvedManagingUnits !== null
      ? `; tạm tính: ${approvalBasis({ managingUnits: recorded.managingUnits, approvedManagingUnits: recorded.approvedManagingUnits }, 'vi')}`
      : '';
  return `Đã ghi nhận chỉ tiêu 2458-CT3: ${String(recorded.value).replace('.', ',')}% (ngày ${dmy(recorded.asOf)}${basis})`;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const AMOUNT_FORMAT = '#,##0.##';
const PERCENT_FORMAT = '0.00';

function titleRows(sheet: ExcelJS.Worksheet, lines: string[], width: number): void {
  lines.forEach((line, index) => {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = index === 0 ? { bold: true, size: 14 } : { italic: index > 0, size: 11 };
    row.getCell(1).alignment = { horizontal: index === 0 ? 'center' : 'left', wrapText: true };
  });
  sheet.addRow([]);
}

function headerRow(sheet: ExcelJS.Worksheet, headers: string[]): ExcelJS.Row {
  const row = sheet.addRow(headers);
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  return row;
}

function bordered(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = THIN;
  });
}

export interface ReportInput {
  period: Period;
  /** The classification year reported (the period's year, or 2025 for periods after the roadmap). */
  year: number;
  /** "Toàn Thành phố" or the managing unit's name. */
  scopeLabel: string;
  units: UnitView[];
  consolidation: Consolidation;
  /** dd/mm/yyyy of the export. */
  exportedOn: string;
  exportedBy: string;
}

/** The periodic report workbook for `period` (its year's classification). */
export function buildReportWorkbook(input: ReportInput): ExcelJS.Workbook {
  const { period, consolidation, year } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dondoc — Sở Tài chính';
  workbook.created = new Date();
  const heading = [
    'BÁO CÁO TỰ CHỦ TÀI CHÍNH CỦA ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP',
    `Kỳ báo cáo: ${period.label.vi} — số liệu từ ${dmy(period.windowStart)} đến ${dmy(period.windowEnd)}; hạn gửi ${dmy(period.dueDate)}.`,
    `Phân loại năm ${year} theo Nghị định 60/2021/NĐ-CP. Mục tiêu (Công văn 2458/UBND-SNV, Kế hoạch 189/KH-UBND): tối thiểu ${AUTONOMY_TARGET_SHARE}% đơn vị sự nghiệp công lập tự chủ tài chính (nhóm 1, 2) đến năm 2025.`,
    `Phạm vi: ${input.scopeLabel}. Ngày xuất: ${input.exportedOn}, người xuất: ${input.exportedBy}.`,
  ];

  // Sheet 1: the summary by managing unit and group.
  const summary = workbook.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 6 }] });
  const summaryHeaders = [
    'STT',
    'Đơn vị chủ quản',
    'Số đơn vị sự nghiệp',
    'Nhóm 1',
    'Nhóm 2',
    'Nhóm 3',
    'Nhóm 4',
    'Chưa phân loại',
    'Tỷ lệ tự chủ nhóm 1, 2 (%)',
    'Theo lộ trình (%)',
    'Chậm lộ trình',
    'Không khớp số liệu',
    'Phê duyệt của Sở Tài chính',
  ];
  titleRows(summary, heading, summaryHeaders.length);
  headerRow(summary, summaryHeaders);
  consolidation.managingUnits.forEach((m, index) => {
    const s = m.summary;
    const approval: ApprovalStatus = m.approval?.status ?? 'pending';
    const row = summary.addRow([
      index + 1,
      m.managingUnit.name,
      m.units,
      ...s.byGroup,
      m.units - s.entered.counted,
      s.entered.share,
      s.planned.share,
      s.behind,
      m.mismatches,
      APPROVAL_STATUS_LABELS[approval].vi + (m.approval ? ` (${m.approval.decidedBy}, ${dmy(m.approval.decidedAt.slice(0, 10))})` : ''),
    ]);
    bordered(row);
  });
  const total = consolidation.years.find((y) => y.year === year);
  if (total) {
    const units = consolidation.managingUnits.reduce((n, m) => n + m.units, 0);
    const row = summary.addRow([
      '',
      consolidation.scope === 'all' ? 'Toàn Thành phố' : 'Cộng',
      units,
      ...total.byGroup,
      units - total.entered.counted,
      total.entered.share,
      total.planned.share,
      total.behind,
      consolidation.mismatches,
      total.recorded ? recordedText(total.recorded) : '',
    ]);
    row.font = { bold: true };
    bordered(row);
  }
  summary.columns.forEach((column, index) => {
    column.width = [6, 34, 12, 9, 9, 9, 9, 12, 14, 14, 12, 14, 44][index] ?? 12;
  });
  summary.getColumn(9).numFmt = PERCENT_FORMAT;
  summary.getColumn(10).numFmt = PERCENT_FORMAT;

  // Sheet 2: the register by managing unit and group, with the import columns.
  const list = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 6 }] });
  const listHeaders = [
    'STT',
    'Đơn vị chủ quản',
    'Tên đơn vị',
    'Lĩnh vực',
    'Năm',
    'Nhóm tự chủ',
    'Tổng thu (A)',
    'Chi thường xuyên (B)',
    'Mức tự bảo đảm (%)',
    'Nhóm theo số liệu',
    'Kiểm tra',
    'Nhóm theo lộ trình',
    'Tình trạng lộ trình',
    'Tự bảo đảm chi đầu tư',
    'Phê duyệt',
  ];
  titleRows(list, heading, listHeaders.length);
  headerRow(list, listHeaders);
  // Units arrive in the city's order of managing units; keep it, then group (unclassified last), then name.
  const managingRank = new Map<string, number>();
  for (const unit of input.units) if (!managingRank.has(unit.managingUnit.code)) managingRank.set(unit.managingUnit.code, managingRank.size);
  const rows = input.units
    .map((unit) => ({ unit, y: unit.years.find((y) => y.year === year) ?? null }))
    .sort(
      (a, b) =>
        managingRank.get(a.unit.managingUnit.code)! - managingRank.get(b.unit.managingUnit.code)! ||
        (a.y?.group ?? 9) - (b.y?.group ?? 9) ||
        a.unit.name.localeCompare(b.unit.name, 'vi'),
    );
  rows.forEach(({ unit, y }, index) => {
    const row = list.addRow([
      index + 1,
      unit.managingUnit.name,
      unit.name,
      unit.sector,
      year,
      y?.group ?? null,
      y?.revenueA ?? null,
      y?.spendingB ?? null,
      y?.level ?? null,
      y?.impliedGroup ?? null,
      CLASSIFICATION_STATUS_LABELS[y?.status ?? 'unclassified'].vi,
      y?.plannedGroup ?? null,
      y ? ROADMAP_STATUS_LABELS[y.roadmap].vi : '',
      y ? (y.investmentCovered ? 'Có' : 'Không') : '',
      y ? APPROVAL_STATUS_LABELS[y.approval].vi : '',
    ]);
    bordered(row);
    if (y?.status === 'mismatch') row.getCell(11).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  list.columns.forEach((column, index) => {
    column.width = [6, 28, 40, 26, 8, 10, 18, 18, 12, 12, 22, 12, 16, 12, 24][index] ?? 12;
  });
  list.getColumn(7).numFmt = AMOUNT_FORMAT;
  list.getColumn(8).numFmt = AMOUNT_FORMAT;
  list.getColumn(9).numFmt = PERCENT_FORMAT;

  // Sheet 3: the groups, for the reader.
  const legend = workbook.addWorksheet('Ghi chú');
  legend.addRow(['Nhóm tự chủ theo Nghị định 60/2021/NĐ-CP']).font = { bold: true };
  for (const group of [1, 2, 3, 4] as const) legend.addRow([GROUP_LABELS[group].vi]);
  legend.addRow([]);
  legend.addRow(['Mức tự bảo đảm chi thường xuyên (%) = Tổng thu (A) ÷ Chi thường xuyên (B) × 100, làm tròn xuống 2 chữ số thập phân.']);
  legend.addRow(['Nhóm theo số liệu: ≥ 100% và tự bảo đảm chi đầu tư → nhóm 1; ≥ 100% → nhóm 2; từ 10% đến dưới 100% → nhóm 3; dưới 10% → nhóm 4.']);
  legend.addRow(['Tỷ lệ tự chủ = số đơn vị nhóm 1, 2 ÷ số đơn vị đã phân loại trong năm × 100.']);
  legend.getColumn(1).width = 120;
  return workbook;
}

/** The import template: the columns, two example rows, and the instructions. */
export function buildTemplateWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dondoc — Sở Tài chính';
  const sheet = workbook.addWorksheet('Mẫu nhập', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = IMPORT_COLUMNS.filter((c) => c.key !== 'managingUnit');
  headerRow(
    sheet,
    columns.map((c) => c.header),
  );
  sheet.addRow(['Trường Mầm non Hoa Sen', SECTOR_SUGGESTIONS[0]!.vi, 2024, 3, 1_234_567_000, 2_469_134_000, 2, 'Không']);
  sheet.addRow(['Trung tâm Văn hóa - Thể thao', SECTOR_SUGGESTIONS[3]!.vi, 2024, 2, 3_500_000_000, 3_200_000_000, 2, 'Không']);
  sheet.columns.forEach((column, index) => {
    column.width = [40, 30, 8, 14, 20, 22, 20, 22][index] ?? 16;
  });
  sheet.getColumn(5).numFmt = AMOUNT_FORMAT;
  sheet.getColumn(6).numFmt = AMOUNT_FORMAT;

  const help = workbook.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 100;
  help.addRow(['Cột', 'Cách ghi']).font = { bold: true };
  const notes: Record<string, string> = {
    name: 'Bắt buộc. Tên đơn vị sự nghiệp công lập; đơn vị đã có (trùng tên, không phân biệt hoa thường) sẽ được cập nhật.',
    sector: 'Bắt buộc. Ví dụ: ' + SECTOR_SUGGESTIONS.map((s) => s.vi).join('; ') + '.',
    year: 'Bắt buộc. Một trong 2022, 2023, 2024, 2025. Mỗi đơn vị một dòng cho mỗi năm.',
    group: 'Nhóm 1, 2, 3 hoặc 4 (ghi "3" hoặc "Nhóm 3"). Để trống cả ba cột nhóm, A, B nếu dòng chỉ ghi lộ trình.',
    revenueA: 'Tổng thu của đơn vị (đồng), theo dự toán. Viết kiểu Việt Nam: 1.234.567 hoặc 1.234.567,5.',
    spendingB: 'Chi thường xuyên (đồng), theo dự toán; phải lớn hơn 0.',
    plannedGroup: 'Không bắt buộc. Nhóm dự kiến của năm theo lộ trình (Kế hoạch 189/KH-UBND). Để trống: giữ nguyên.',
    investmentCovered: 'Không bắt buộc. "Có" nếu đơn vị tự bảo đảm cả chi đầu tư (cần cho nhóm 1). Để trống: giữ nguyên.',
  };
  for (const column of columns) help.addRow([column.header, notes[column.key] ?? '']);
  help.addRow([]);
  help.addRow(['Tệp', 'Định dạng .xlsx hoặc .csv (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy), tối đa 512 KB. Có thể có dòng tiêu đề phía trên bảng.']);
  help.addRow(['Kiểm tra trước', 'Chọn "Kiểm tra tệp" để xem lỗi từng dòng; chỉ khi không còn lỗi mới ghi được, và ghi toàn bộ hoặc không ghi dòng nào.']);
  return workbook;
}
