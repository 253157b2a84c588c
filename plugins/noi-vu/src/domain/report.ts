/**
 * The consolidated periodic CCHC report (báo cáo định kỳ công tác cải cách hành chính), as pure
 * rules: its outline (guidance 581/BNV-CCHC: I. chỉ đạo, điều hành; II. kết quả by reform field;
 * III. đánh giá chung; IV. phương hướng; V. đề xuất, kiến nghị), the narrative sections Sở Nội vụ
 * writes, the date its figures are taken at, and the figures written as agencies write them.
 */
import type { IsoDate, Period } from '@dondoc/plugin-sdk';

export const NARRATIVE_KEYS = ['chiDao', 'theChe', 'thuTuc', 'toChuc', 'congVu', 'taiChinh', 'chinhQuyenSo', 'danhGia', 'phuongHuong', 'deXuat'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type Narrative = Partial<Record<NarrativeKey, string>>;

export const MAX_NARRATIVE = 20_000;

/** Each narrative section: its part of the outline and heading (Vietnamese for the document, English for the page). */
export const NARRATIVE_SECTIONS: ReadonlyArray<{ key: NarrativeKey; part: 'I' | 'II' | 'III' | 'IV' | 'V'; heading: { vi: string; en: string } }> = [
  { key: 'chiDao', part: 'I', heading: { vi: 'Công tác chỉ đạo, điều hành', en: 'Direction and management' } },
  { key: 'theChe', part: 'II', heading: { vi: 'Cải cách thể chế', en: 'Institutional reform' } },
  { key: 'thuTuc', part: 'II', heading: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedures' } },
  { key: 'toChuc', part: 'II', heading: { vi: 'Cải cách tổ chức bộ máy hành chính nhà nước', en: 'Organisation of the administration' } },
  { key: 'congVu', part: 'II', heading: { vi: 'Cải cách chế độ công vụ', en: 'Civil service' } },
  { key: 'taiChinh', part: 'II', heading: { vi: 'Cải cách tài chính công', en: 'Public finance' } },
  { key: 'chinhQuyenSo', part: 'II', heading: { vi: 'Xây dựng, phát triển Chính quyền điện tử, Chính quyền số', en: 'E-government and digital government' } },
  { key: 'danhGia', part: 'III', heading: { vi: 'Đánh giá chung (ưu điểm, tồn tại, hạn chế, nguyên nhân)', en: 'Overall assessment' } },
  { key: 'phuongHuong', part: 'IV', heading: { vi: 'Phương hướng, nhiệm vụ kỳ tới', en: 'Tasks for the next period' } },
  { key: 'deXuat', part: 'V', heading: { vi: 'Đề xuất, kiến nghị', en: 'Proposals' } },
];

/** What a section says until Sở Nội vụ writes it: a clerk sees at once what is left to write. */
export const NARRATIVE_PLACEHOLDER = '(Sở Nội vụ bổ sung nội dung.)';

/** The day the report's figures are taken at: the end of the period's data window, or today while the window is still open. */
export function reportAsOf(period: Pick<Period, 'windowEnd'>, today: IsoDate): IsoDate {
  return period.windowEnd < today ? period.windowEnd : today;
}

/** A percentage as agencies write it: two decimals at most, decimal comma ("58,97%"); "—" when there is nothing to divide. */
export function percentVi(part: number, whole: number): string {
  if (whole === 0) return '—';
  const value = Math.round((part / whole) * 10_000) / 100;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value)}%`;
}

/** A rate (0..1, or null) as agencies write it. */
export function rateVi(rate: number | null): string {
  return rate === null ? '—' : percentVi(Math.round(rate * 10_000), 10_000);
}

/** "23/39 đơn vị, đạt 58,97%". */
export function shareVi(part: number, whole: number, noun: string): string {
  return whole === 0 ? `0/0 ${noun}` : `${part}/${whole} ${noun}, đạt ${percentVi(part, whole)}`;
}

/** The narrative with every key present: blanks trimmed away, missing sections left out (the document shows the placeholder). */
export function cleanNarrative(input: Narrative): Narrative {
  const out: Narrative = {};
  for (const key of NARRATIVE_KEYS) {
    const text = input[key]?.trim();
    if (text) out[key] = text;
  }
  return out;
}

/** The paragraphs of a section's text (blank lines and single line breaks both split). */
export function paragraphsOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Which sections are still empty, in outline order. */
export function missingSections(narrative: Narrative): NarrativeKey[] {
  return NARRATIVE_KEYS.filter((key) => !narrative[key]?.trim());
}

/** The share of units that owe the period's report and submitted it, as recorded on the module's target (two decimals). */
export function submissionRate(submitted: number, owing: number): number {
  return owing === 0 ? 0 : Math.round((submitted / owing) * 10_000) / 100;
}

/** A period's label inside a sentence: "Quý IV/2026" → "quý IV năm 2026", "6 tháng đầu năm 2026" stays, "Năm 2026" → "năm 2026". */
export function periodInText(label: string): string {
  const lowered = label.replace(/^(\p{Lu})/u, (c) => c.toLocaleLowerCase('vi'));
  return lowered.replace(/^(quý [IVX]+|tháng \d{1,2})\/(\d{4})$/u, '$1 năm $2');
}

/** How many non-submitters the body names one by one; more are counted and listed in the annex. */
export const NAMED_MISSING_MAX = 8;

/** A unit's obstacle or proposal as its frozen report states it, for part V of the document. */
export interface UnitProposal {
  unitName: string;
  taskCode: string;
  obstacles: string | null;
  proposals: string | null;
  beyondAuthority: boolean;
}

/** The lines of the units' frozen reports that raise an obstacle or a proposal, units in the order given, lines by task code. */
export function unitProposals(reports: ReadonlyArray<{ unit: { name: string }; lines: ReadonlyArray<{ code: string; obstacles: string | null; proposals: string | null; beyondAuthority: boolean }> }>): UnitProposal[] {
  return reports.flatMap((report) =>
    [...report.lines]
      .filter((line) => line.obstacles?.trim() || line.proposals?.trim())
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((line) => ({ unitName: report.unit.name, taskCode: line.code, obstacles: line.obstacles?.trim() || null, proposals: line.proposals?.trim() || null, beyondAuthority: line.beyondAuthority })),
  );
}

/** One proposal as part V writes it: "Quận Ba Đình (2458-1.1-Q001): khó khăn …; kiến nghị …". */
export function proposalSentence(p: UnitProposal): string {
  const parts = [p.obstacles ? `khó khăn, vướng mắc: ${p.obstacles}` : null, p.proposals ? `kiến nghị: ${p.proposals}` : null].filter(Boolean);
  return `${p.unitName} (nhiệm vụ ${p.taskCode}${p.beyondAuthority ? ', vượt thẩm quyền' : ''}): ${parts.join('; ')}`;
}
