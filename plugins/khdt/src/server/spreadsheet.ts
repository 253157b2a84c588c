/**
 * The schemes' import format, declared once: the kit reads xlsx and csv by these columns (headers
 * matched without diacritics), checks every cell and the row's figures together, and writes the
 * template. A scheme is known by its approving decision's number and its name.
 */
import { defineSpreadsheet, type SpreadsheetRow } from '@dondoc/plugin-sdk';
import { MAX_BENEFICIARIES, MAX_BUDGET, MAX_NAME, MAX_TEXT, schemeProblems } from '../domain/index.ts';

const SCHEME_COLUMNS = [
  { key: 'name', kind: 'text', required: true, maxLength: MAX_NAME, header: { vi: 'Tên Đề án, Kế hoạch', en: 'Scheme' }, aliases: ['de an', 'ke hoach', 'ten de an'], width: 48 },
  { key: 'unitCode', kind: 'text', required: true, maxLength: 30, header: { vi: 'Mã đơn vị chủ trì', en: 'Lead unit code' }, aliases: ['don vi chu tri', 'ma don vi'], width: 16 },
  { key: 'decisionNumber', kind: 'text', required: true, maxLength: 100, header: { vi: 'Số quyết định phê duyệt', en: 'Approving decision' }, aliases: ['so quyet dinh', 'quyet dinh'], width: 22 },
  { key: 'decisionDate', kind: 'date', required: true, header: { vi: 'Ngày quyết định', en: 'Decision date' }, aliases: ['ngay phe duyet'], width: 16 },
  { key: 'startOn', kind: 'date', required: true, header: { vi: 'Từ ngày', en: 'From' }, aliases: ['bat dau', 'ngay bat dau'], width: 14 },
  { key: 'endOn', kind: 'date', required: true, header: { vi: 'Đến ngày', en: 'To' }, aliases: ['ket thuc', 'ngay ket thuc'], width: 14 },
  {
    key: 'status',
    kind: 'oneOf',
    required: true,
    header: { vi: 'Trạng thái', en: 'Status' },
    values: [
      { value: 'preparing', aliases: ['Chuẩn bị', 'Đang chuẩn bị'] },
      { value: 'in_progress', aliases: ['Đang triển khai', 'Đang thực hiện'] },
      { value: 'completed', aliases: ['Hoàn thành', 'Đã hoàn thành'] },
      { value: 'suspended', aliases: ['Tạm dừng', 'Dừng'] },
    ],
    help: { vi: 'Chuẩn bị, Đang triển khai, Hoàn thành hoặc Tạm dừng.', en: 'preparing, in_progress, completed or suspended.' },
    width: 18,
  },
  { key: 'budgetAllocated', kind: 'amount', required: true, min: 0, max: MAX_BUDGET, header: { vi: 'Kinh phí được giao (triệu đồng)', en: 'Budget allocated (million VND)' }, aliases: ['kinh phi', 'kinh phi duoc giao'], width: 18 },
  { key: 'budgetDisbursed', kind: 'amount', required: true, min: 0, max: MAX_BUDGET, header: { vi: 'Đã giải ngân (triệu đồng)', en: 'Disbursed (million VND)' }, aliases: ['giai ngan', 'da giai ngan'], width: 18 },
  { key: 'beneficiaryTarget', kind: 'integer', min: 0, max: MAX_BENEFICIARIES, header: { vi: 'Chỉ tiêu đối tượng thụ hưởng', en: 'Beneficiaries targeted' }, aliases: ['chi tieu doanh nghiep', 'so doanh nghiep chi tieu'], width: 16 },
  { key: 'beneficiaryActual', kind: 'integer', min: 0, max: MAX_BENEFICIARIES, header: { vi: 'Đối tượng đã thụ hưởng', en: 'Beneficiaries reached' }, aliases: ['thuc te', 'da ho tro'], width: 16 },
  { key: 'note', kind: 'text', maxLength: MAX_TEXT, header: { vi: 'Ghi chú', en: 'Note' }, width: 32 },
] as const;

export type SchemeSheetRow = SpreadsheetRow<typeof SCHEME_COLUMNS>;

/** The key a scheme is matched by: its decision number and name, case and spacing ignored. */
export const schemeKey = (row: { decisionNumber: string; name: string }) => `${row.decisionNumber.trim().toLocaleLowerCase('vi')}|${row.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi')}`;

export const schemesSheet = defineSpreadsheet({
  columns: SCHEME_COLUMNS,
  duplicateKey: {
    of: schemeKey,
    column: 'name',
    message: (first) => ({ vi: `Trùng quyết định và tên Đề án với dòng ${first}.`, en: `Same decision and scheme as row ${first}.` }),
  },
  rowRule: (row) => {
    if (!row.startOn || !row.endOn || row.budgetAllocated == null || row.budgetDisbursed == null) return [];
    return schemeProblems({
      startOn: row.startOn,
      endOn: row.endOn,
      budgetAllocated: row.budgetAllocated,
      budgetDisbursed: row.budgetDisbursed,
      beneficiaryTarget: row.beneficiaryTarget ?? null,
      beneficiaryActual: row.beneficiaryActual ?? null,
    }).map((problem) => ({ column: problem.field, message: problem.message }));
  },
  examples: [
    { name: 'Đề án hỗ trợ doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo', unitCode: 'SKHDT', decisionNumber: '1234/QĐ-UBND', decisionDate: '15/01/2026', startOn: '01/02/2026', endOn: '31/12/2026', status: 'Đang triển khai', budgetAllocated: 12000, budgetDisbursed: 5400, beneficiaryTarget: 300, beneficiaryActual: 120, note: '' },
  ],
});
