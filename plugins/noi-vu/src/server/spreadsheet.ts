/**
 * The inspection plan's import format, declared once: the kit reads xlsx and csv by these
 * columns (headers matched without diacritics), checks every cell and writes the template.
 */
import { defineSpreadsheet } from '@dondoc/plugin-sdk';
import { MAX_TEXT, MAX_TITLE } from './inputs.ts';

export const inspectionsSheet = defineSpreadsheet({
  columns: [
    {
      key: 'kind',
      kind: 'oneOf',
      required: true,
      values: [
        { value: 'cchc', aliases: ['kiem tra cchc', 'cai cach hanh chinh', 'kiem tra cong tac cchc'] },
        { value: 'discipline', aliases: ['ky luat', 'ky cuong', 'kiem tra ky luat, ky cuong hanh chinh', 'ky luat ky cuong'] },
      ],
      header: { vi: 'Loại kiểm tra', en: 'Kind' },
      aliases: ['loai'],
      width: 30,
    },
    { key: 'plan', kind: 'text', required: true, maxLength: MAX_TITLE, header: { vi: 'Kế hoạch', en: 'Plan' }, aliases: ['ke hoach kiem tra'], width: 40 },
    { key: 'unitCode', kind: 'text', required: true, maxLength: 20, header: { vi: 'Mã đơn vị được kiểm tra', en: 'Inspected unit code' }, aliases: ['ma don vi', 'don vi'], width: 16 },
    { key: 'inspectedOn', kind: 'date', required: true, header: { vi: 'Ngày kiểm tra', en: 'Date' }, aliases: ['ngay'], width: 16 },
    { key: 'findings', kind: 'text', maxLength: MAX_TEXT, header: { vi: 'Kết quả, phát hiện', en: 'Findings' }, aliases: ['ket qua', 'phat hien'], width: 48 },
  ],
  duplicateKey: {
    of: (row) => `${row.unitCode}|${row.inspectedOn}|${row.kind}`,
    column: 'unitCode',
    message: (first) => ({ vi: `Trùng đơn vị, ngày và loại kiểm tra với dòng ${first}.`, en: `Same unit, date and kind as row ${first}.` }),
  },
  examples: [
    { kind: 'Kiểm tra công tác CCHC', plan: 'Kế hoạch kiểm tra CCHC năm 2027', unitCode: 'Q001', inspectedOn: '15/03/2027', findings: '' },
    { kind: 'Kỷ luật, kỷ cương', plan: 'Kế hoạch kiểm tra CCHC năm 2027', unitCode: 'SXD', inspectedOn: '20/04/2027', findings: '' },
  ],
});
