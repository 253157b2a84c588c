/**
 * The import format, declared once: the kit reads xlsx and csv by these columns (headers
 * matched without diacritics), checks every cell and writes the template.
 */
import { defineSpreadsheet } from '@dondoc/plugin-sdk';
import { MAX_NOTE_LENGTH, MAX_QUANTITY, MAX_TITLE_LENGTH } from '../domain/entries.ts';

export const entriesSheet = defineSpreadsheet({
  columns: [
    { key: 'title', kind: 'text', required: true, maxLength: MAX_TITLE_LENGTH, header: { vi: 'Nội dung', en: 'Content' }, aliases: ['ket qua', 'noi dung thuc hien'], width: 48 },
    { key: 'quantity', kind: 'integer', required: true, min: 0, max: MAX_QUANTITY, header: { vi: 'Số lượng', en: 'Quantity' }, aliases: ['so luong'], width: 14 },
    { key: 'doneOn', kind: 'date', required: true, header: { vi: 'Ngày hoàn thành', en: 'Done on' }, aliases: ['ngay', 'ngay thuc hien'], width: 18 },
    { key: 'note', kind: 'text', maxLength: MAX_NOTE_LENGTH, header: { vi: 'Ghi chú', en: 'Note' }, width: 36 },
  ],
  duplicateKey: {
    of: (row) => `${row.title.toLocaleLowerCase('vi')}|${row.doneOn}`,
    column: 'title',
    message: (first) => ({ vi: `Trùng nội dung và ngày với dòng ${first}.`, en: `Same content and date as row ${first}.` }),
  },
  examples: [
    { title: 'Tập huấn nghiệp vụ cho cán bộ một cửa', quantity: 2, doneOn: '15/11/2026', note: '' },
    { title: 'Rà soát thủ tục hành chính', quantity: 14, doneOn: '30/11/2026', note: 'Đợt 2' },
  ],
});
