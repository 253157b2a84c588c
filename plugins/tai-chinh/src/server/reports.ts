/**
 * The periodic report (báo cáo định kỳ) as an xlsx workbook, on the kit's `tableWorkbook`.
 * An official document: written in Vietnamese whatever the interface language.
 *
 * Sheet "Tổng hợp": per managing unit, the units by group, the share in groups 1-2, the
 * roadmap's share, units behind their roadmap, mismatches and the approval.
 * Sheet "Danh sách": the register by managing unit and group, one row per unit, with the
 * import columns (so the sheet can be corrected and imported again). Sheet "Ghi chú": the rules.
 */
import { tableWorkbook, type Period, type XlsxCell, type XlsxTable } from '@dondoc/plugin-sdk';
import {
  approvalBasis,
  APPROVAL_STATUS_LABELS,
  AUTONOMY_TARGET_SHARE,
  CLASSIFICATION_STATUS_LABELS,
  GROUP_LABELS,
  ROADMAP_STATUS_LABELS,
} from '../domain/index.ts';
import type { Consolidation, ShareRecordView } from './consolidation.ts';
import type { UnitView } from './register.ts';

export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const AMOUNT = '#,##0.##';
const PERCENT = '0.00';

/** "Đã ghi nhận chỉ tiêu 2458-CT3: 25% (ngày 31/12/2024; tạm tính: đã duyệt 2/5 đơn vị chủ quản)". */
function recordedText(recorded: ShareRecordView): string {
  const basis =
    recorded.provisional && recorded.managingUnits !== null && recorded.approvedManagingUnits !== null
      ? `; tạm tính: ${approvalBasis({ managingUnits: recorded.managingUnits, approvedManagingUnits: recorded.approvedManagingUnits }, 'vi')}`
      : '';
  return `Đã ghi nhận chỉ tiêu 2458-CT3: ${String(recorded.value).replace('.', ',')}% (ngày ${dmy(recorded.asOf)}${basis})`;
}

const columns = (spec: Array<[string, number, string?]>) => spec.map(([header, width, numFmt]) => ({ header, width, numFmt }));

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

/** The periodic report workbook for `period` (its year's classification), as xlsx bytes. */
export function buildReport(input: ReportInput): Promise<Buffer> {
  const { period, consolidation, year } = input;
  const title = [
    'BÁO CÁO TỰ CHỦ TÀI CHÍNH CỦA ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP',
    `Kỳ báo cáo: ${period.label.vi} — số liệu từ ${dmy(period.windowStart)} đến ${dmy(period.windowEnd)}; hạn gửi ${dmy(period.dueDate)}.`,
    `Phân loại năm ${year} theo Nghị định 60/2021/NĐ-CP. Mục tiêu (Công văn 2458/UBND-SNV, Kế hoạch 189/KH-UBND): tối thiểu ${AUTONOMY_TARGET_SHARE}% đơn vị sự nghiệp công lập tự chủ tài chính (nhóm 1, 2) đến năm 2025.`,
    `Phạm vi: ${input.scopeLabel}. Ngày xuất: ${input.exportedOn}, người xuất: ${input.exportedBy}.`,
  ];

  const total = consolidation.years.find((y) => y.year === year);
  const unitCount = consolidation.managingUnits.reduce((n, m) => n + m.units, 0);
  const summary: XlsxTable = {
    sheetName: 'Tổng hợp',
    title,
    columns: columns([
      ['STT', 6], ['Đơn vị chủ quản', 34], ['Số đơn vị sự nghiệp', 12], ['Nhóm 1', 9], ['Nhóm 2', 9], ['Nhóm 3', 9], ['Nhóm 4', 9], ['Chưa phân loại', 12],
      ['Tỷ lệ tự chủ nhóm 1, 2 (%)', 14, PERCENT], ['Theo lộ trình (%)', 14, PERCENT], ['Chậm lộ trình', 12], ['Không khớp số liệu', 14], ['Phê duyệt của Sở Tài chính', 44],
    ]),
    rows: consolidation.managingUnits.map((m, index) => {
      const approval = APPROVAL_STATUS_LABELS[m.approval?.status ?? 'pending'].vi + (m.approval ? ` (${m.approval.decidedBy}, ${dmy(m.approval.decidedAt.slice(0, 10))})` : '');
      const s = m.summary;
      return [index + 1, m.managingUnit.name, m.units, ...s.byGroup, m.units - s.entered.counted, s.entered.share, s.planned.share, s.behind, m.mismatches, approval];
    }),
    totals: total && [
      '', consolidation.scope === 'all' ? 'Toàn Thành phố' : 'Cộng', unitCount, ...total.byGroup, unitCount - total.entered.counted,
      total.entered.share, total.planned.share, total.behind, consolidation.mismatches, total.recorded ? recordedText(total.recorded) : '',
    ],
  };

  // Units arrive in the city's order of managing units; keep it, then group (unclassified last), then name.
  const managingRank = new Map<string, number>();
  for (const unit of input.units) if (!managingRank.has(unit.managingUnit.code)) managingRank.set(unit.managingUnit.code, managingRank.size);
  const listed = input.units
    .map((unit) => ({ unit, y: unit.years.find((y) => y.year === year) ?? null }))
    .sort(
      (a, b) =>
        managingRank.get(a.unit.managingUnit.code)! - managingRank.get(b.unit.managingUnit.code)! ||
        (a.y?.group ?? 9) - (b.y?.group ?? 9) ||
        a.unit.name.localeCompare(b.unit.name, 'vi'),
    );
  const list: XlsxTable = {
    sheetName: 'Danh sách',
    title,
    columns: columns([
      ['STT', 6], ['Đơn vị chủ quản', 28], ['Tên đơn vị', 40], ['Lĩnh vực', 26], ['Năm', 8], ['Nhóm tự chủ', 10], ['Tổng thu (A)', 18, AMOUNT], ['Chi thường xuyên (B)', 18, AMOUNT],
      ['Mức tự bảo đảm (%)', 12, PERCENT], ['Nhóm theo số liệu', 12], ['Kiểm tra', 22], ['Nhóm theo lộ trình', 12], ['Tình trạng lộ trình', 16], ['Tự bảo đảm chi đầu tư', 12], ['Phê duyệt', 24],
    ]),
    rows: listed.map(({ unit, y }, index): XlsxCell[] => {
      const check = CLASSIFICATION_STATUS_LABELS[y?.status ?? 'unclassified'].vi;
      const labels = y ? [ROADMAP_STATUS_LABELS[y.roadmap].vi, y.investmentCovered ? 'Có' : 'Không', APPROVAL_STATUS_LABELS[y.approval].vi] : ['', '', ''];
      return [index + 1, unit.managingUnit.name, unit.name, unit.sector, year, y?.group ?? null, y?.revenueA ?? null, y?.spendingB ?? null, y?.level ?? null,
        y?.impliedGroup ?? null, y?.status === 'mismatch' ? { value: check, emphasis: true } : check, y?.plannedGroup ?? null, ...labels];
    }),
  };

  const legend: XlsxTable = {
    sheetName: 'Ghi chú',
    title: [],
    columns: [{ header: 'Nhóm tự chủ theo Nghị định 60/2021/NĐ-CP', width: 120 }],
    rows: [
      ...([1, 2, 3, 4] as const).map((group) => [GROUP_LABELS[group].vi]),
      ['Mức tự bảo đảm chi thường xuyên (%) = Tổng thu (A) ÷ Chi thường xuyên (B) × 100, làm tròn xuống 2 chữ số thập phân.'],
      ['Nhóm theo số liệu: ≥ 100% và tự bảo đảm chi đầu tư → nhóm 1; ≥ 100% → nhóm 2; từ 10% đến dưới 100% → nhóm 3; dưới 10% → nhóm 4.'],
      ['Tỷ lệ tự chủ = số đơn vị nhóm 1, 2 ÷ số đơn vị đã phân loại trong năm × 100.'],
    ],
  };
  return tableWorkbook([summary, list, legend], { creator: 'dondoc — Sở Tài chính' });
}
