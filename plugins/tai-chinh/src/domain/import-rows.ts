/**
 * The register as agencies' spreadsheets hold it: one row per unit and year, Vietnamese
 * headers ("Tên đơn vị", "Lĩnh vực", "Năm", "Nhóm tự chủ", "Tổng thu (A)", "Chi thường xuyên
 * (B)", optionally "Nhóm theo lộ trình", "Tự bảo đảm chi đầu tư", "Đơn vị chủ quản"). Declared
 * once here as the kit's columns (read, checked and templated by `defineSpreadsheet` on the
 * server), with the module's own rules on a row. Pure data and functions: the pages import it.
 */
import type { Column, RowDraft, RuleContext, RuleIssue } from '@dondoc/plugin-sdk';
import { PLAN_YEARS } from './consolidation.ts';
import { MAX_AMOUNT } from './groups.ts';

export const MAX_NAME_LENGTH = 300;
export const MAX_SECTOR_LENGTH = 200;

const ROMAN = ['i', 'ii', 'iii', 'iv'];
const groupValues = [1, 2, 3, 4].map((n) => ({ value: n, aliases: [`nhom ${n}`, `nhom${n}`, `group ${n}`, ROMAN[n - 1]!, `nhom ${ROMAN[n - 1]}`] }));
const groupInvalid = { vi: 'Nhóm tự chủ phải là 1, 2, 3 hoặc 4.', en: 'The group must be 1, 2, 3 or 4.' };

/** The import format, in template order. */
export const REGISTER_COLUMNS = [
  { key: 'name', header: { vi: 'Tên đơn vị', en: 'Unit name' }, required: true, kind: 'text', maxLength: MAX_NAME_LENGTH, width: 40, aliases: ['ten don vi su nghiep', 'ten dvsn', 'don vi', 'unit'],
    help: { vi: 'Tên đơn vị sự nghiệp công lập; đơn vị đã có (trùng tên, không phân biệt hoa thường) sẽ được cập nhật.', en: 'The public service unit; a unit already there (same name, any case) is updated.' } },
  { key: 'sector', header: { vi: 'Lĩnh vực', en: 'Sector' }, required: true, kind: 'text', maxLength: MAX_SECTOR_LENGTH, width: 30, aliases: ['nganh, linh vuc', 'nganh'],
    help: { vi: 'Ví dụ: Giáo dục và đào tạo; Y tế - Dân số.', en: 'E.g. Giáo dục và đào tạo; Y tế - Dân số.' } },
  { key: 'year', header: { vi: 'Năm', en: 'Year' }, required: true, kind: 'oneOf', width: 8, aliases: ['nam ngan sach', 'nam du toan'],
    values: PLAN_YEARS.map((y) => ({ value: y, aliases: [`nam ${y}`, `year ${y}`] })),
    invalid: { vi: `Năm phải là một trong ${PLAN_YEARS.join(', ')}.`, en: `Year must be one of ${PLAN_YEARS.join(', ')}.` },
    help: { vi: 'Mỗi đơn vị một dòng cho mỗi năm.', en: 'One row per unit and year.' } },
  { key: 'group', header: { vi: 'Nhóm tự chủ', en: 'Autonomy group' }, required: 'column', kind: 'oneOf', values: groupValues, invalid: groupInvalid, width: 14,
    aliases: ['nhom', 'phan loai', 'nhom tu chu tai chinh', 'group'],
    help: { vi: 'Ghi "3" hoặc "Nhóm 3". Để trống cả ba cột nhóm, A, B nếu dòng chỉ ghi lộ trình.', en: 'Write "3" or "Nhóm 3". Leave group, A and B empty for a roadmap-only row.' } },
  { key: 'revenueA', header: { vi: 'Tổng thu (A)', en: 'Revenues (A)' }, required: 'column', kind: 'amount', min: 0, max: MAX_AMOUNT, width: 20,
    aliases: ['tong thu', 'tong nguon thu (a)', 'tong nguon thu', 'a', 'revenue (a)', 'revenue'],
    help: { vi: 'Tổng thu của đơn vị (đồng), theo dự toán.', en: 'The unit’s revenues (đồng), as budgeted.' } },
  { key: 'spendingB', header: { vi: 'Chi thường xuyên (B)', en: 'Recurrent spending (B)' }, required: 'column', kind: 'amount', min: 0, max: MAX_AMOUNT, width: 22,
    aliases: ['chi thuong xuyen', 'tong chi thuong xuyen (b)', 'tong chi thuong xuyen', 'b', 'recurrent spending'],
    help: { vi: 'Chi thường xuyên (đồng), theo dự toán; phải lớn hơn 0.', en: 'Recurrent spending (đồng), as budgeted; more than 0.' } },
  { key: 'plannedGroup', header: { vi: 'Nhóm theo lộ trình', en: 'Planned group' }, kind: 'oneOf', values: groupValues, invalid: groupInvalid, width: 20,
    aliases: ['nhom lo trinh', 'lo trinh', 'nhom ke hoach', 'roadmap group'],
    help: { vi: 'Nhóm dự kiến của năm theo lộ trình (Kế hoạch 189/KH-UBND). Để trống: giữ nguyên.', en: 'The group the roadmap plans (Plan 189/KH-UBND). Empty: kept.' } },
  { key: 'investmentCovered', header: { vi: 'Tự bảo đảm chi đầu tư', en: 'Investment covered' }, kind: 'boolean', width: 22,
    aliases: ['bao dam chi dau tu', 'tu bao dam chi dau tu (co/khong)', 'chi dau tu'],
    help: { vi: '"Có" nếu đơn vị tự bảo đảm cả chi đầu tư (cần cho nhóm 1). Để trống: giữ nguyên.', en: '"Có" if the unit also covers its investment (needed for group 1). Empty: kept.' } },
  // Checked against the managing unit the file is imported for (a city-wide export is not imported into one district by mistake).
  { key: 'managingUnit', header: { vi: 'Đơn vị chủ quản', en: 'Managing unit' }, kind: 'text', inTemplate: false, aliases: ['ma don vi chu quan', 'co quan chu quan', 'managing unit code'] },
] as const satisfies readonly Column[];

type Key = (typeof REGISTER_COLUMNS)[number]['key'];

/** The columns as the import page lists them. */
export const IMPORT_COLUMNS = REGISTER_COLUMNS.map((c) => ({ key: c.key, header: c.header.vi, headerEn: c.header.en, required: 'required' in c && c.required !== undefined }));

/**
 * A row's own rules: B above 0; the classification (group, A, B) whole or not at all; a row
 * carries a classification or a planned group. (A refused cell is `undefined`: entered.)
 */
export function registerRowRule(row: RowDraft<typeof REGISTER_COLUMNS>, { label }: RuleContext<Key>): Array<RuleIssue<Key>> {
  const issues: Array<RuleIssue<Key>> = [];
  if (row.spendingB === 0) {
    issues.push({ column: 'spendingB', message: { vi: 'Chi thường xuyên (B) phải lớn hơn 0 để tính mức tự bảo đảm.', en: 'Recurrent spending (B) must be more than 0 to compute the level.' } });
  }
  const parts = (['group', 'revenueA', 'spendingB'] as const).filter((key) => row[key] === null);
  if (parts.length > 0 && parts.length < 3) {
    const missing = parts.map((key) => `"${label(key)}"`).join(', ');
    issues.push({
      column: parts[0]!,
      message: {
        vi: `Đã nhập một phần phân loại; cần nhập đủ nhóm tự chủ, tổng thu (A) và chi thường xuyên (B) — thiếu ${missing}.`,
        en: `Classification is incomplete: the group, revenues (A) and recurrent spending (B) go together — missing ${missing}.`,
      },
    });
  } else if (parts.length === 3 && row.plannedGroup === null) {
    issues.push({ column: 'group', message: { vi: 'Dòng không có nhóm tự chủ, số liệu A, B hay nhóm theo lộ trình.', en: 'The row has no group, no figures A and B and no planned group.' } });
  }
  return issues;
}

/** A text as stored: NFC, trimmed, single spaces. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The key that identifies a unit within its managing unit: its cleaned name in lower case (diacritics kept). */
export function nameKey(name: string): string {
  return cleanText(name).toLocaleLowerCase('vi');
}
