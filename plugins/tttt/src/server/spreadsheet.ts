/**
 * The import formats of the registers Sở TT&TT keeps of the system (its connections, its features
 * still to complete), declared once: the kit reads xlsx and csv by these columns (headers matched
 * without diacritics), checks every cell and writes the template.
 */
import { defineSpreadsheet, type SpreadsheetRow } from '@dondoc/plugin-sdk';
import { MAX_TEXT, MAX_TITLE } from './inputs.ts';

/** A register is imported by name (imports.ts): a name twice in one file is an error on its second row. */
function oneRowPerName(what: { vi: string; en: string }) {
  return {
    of: (row: { name: string }) => row.name.toLocaleLowerCase('vi'),
    column: 'name' as const,
    message: (first: number) => ({ vi: `Trùng tên ${what.vi} với dòng ${first}.`, en: `Same ${what.en} as row ${first}.` }),
  };
}

const CONNECTION_COLUMNS = [
  { key: 'name', kind: 'text', required: true, maxLength: MAX_TITLE, header: { vi: 'Tên kết nối', en: 'Connection' }, aliases: ['ket noi', 'he thong', 'co so du lieu'], width: 48 },
  {
    key: 'kind',
    kind: 'oneOf',
    required: true,
    header: { vi: 'Loại', en: 'Kind' },
    values: [
      { value: 'population', aliases: ['CSDLQG về dân cư', 'dân cư', 'dan cu'] },
      { value: 'sector', aliases: ['CSDL chuyên ngành', 'chuyên ngành'] },
      { value: 'ministry', aliases: ['Hệ thống của Bộ, ngành', 'bộ ngành', 'bộ, ngành'] },
    ],
    help: { vi: 'Dân cư, Chuyên ngành hoặc Bộ ngành.', en: 'population, sector or ministry.' },
    width: 22,
  },
  {
    key: 'status',
    kind: 'oneOf',
    required: true,
    header: { vi: 'Trạng thái', en: 'Status' },
    values: [
      { value: 'planned', aliases: ['Kế hoạch', 'Chưa kết nối'] },
      { value: 'testing', aliases: ['Thử nghiệm'] },
      { value: 'live', aliases: ['Đang chạy', 'Chính thức', 'Hoạt động'] },
      { value: 'broken', aliases: ['Gián đoạn', 'Lỗi', 'Mất kết nối'] },
    ],
    help: { vi: 'Kế hoạch, Thử nghiệm, Đang chạy hoặc Gián đoạn.', en: 'planned, testing, live or broken.' },
    width: 18,
  },
  { key: 'lastSuccessOn', kind: 'date', header: { vi: 'Trao đổi thành công gần nhất', en: 'Last successful exchange' }, aliases: ['lan trao doi gan nhat', 'ngay trao doi'], width: 22 },
  { key: 'note', kind: 'text', maxLength: MAX_TEXT, header: { vi: 'Ghi chú', en: 'Note' }, width: 36 },
] as const;

export const connectionsSheet = defineSpreadsheet({
  columns: CONNECTION_COLUMNS,
  duplicateKey: oneRowPerName({ vi: 'kết nối', en: 'connection' }),
  examples: [
    { name: 'CSDL quốc gia về dân cư', kind: 'Dân cư', status: 'Đang chạy', lastSuccessOn: '30/11/2026', note: '' },
    { name: 'CSDL đất đai', kind: 'Chuyên ngành', status: 'Thử nghiệm', lastSuccessOn: '', note: 'Chờ Sở Tài nguyên và Môi trường' },
  ],
});

const FEATURE_COLUMNS = [
  { key: 'name', kind: 'text', required: true, maxLength: MAX_TITLE, header: { vi: 'Tính năng, chức năng', en: 'Feature' }, aliases: ['tinh nang', 'chuc nang', 'ten tinh nang'], width: 48 },
  { key: 'owner', kind: 'text', required: true, maxLength: 300, header: { vi: 'Phụ trách', en: 'Owner' }, aliases: ['don vi phu trach', 'nguoi phu trach'], width: 32 },
  { key: 'deadline', kind: 'date', header: { vi: 'Hạn hoàn thành', en: 'Deadline' }, aliases: ['han', 'thoi han'], width: 16 },
  {
    key: 'status',
    kind: 'oneOf',
    required: true,
    header: { vi: 'Trạng thái', en: 'Status' },
    values: [
      { value: 'planned', aliases: ['Chưa làm', 'Kế hoạch'] },
      { value: 'in_progress', aliases: ['Đang làm', 'Đang triển khai'] },
      { value: 'done', aliases: ['Hoàn thành', 'Đã xong'] },
    ],
    help: { vi: 'Chưa làm, Đang làm hoặc Hoàn thành.', en: 'planned, in_progress or done.' },
    width: 16,
  },
  { key: 'note', kind: 'text', maxLength: MAX_TEXT, header: { vi: 'Ghi chú', en: 'Note' }, width: 36 },
] as const;

export type ConnectionSheetRow = SpreadsheetRow<typeof CONNECTION_COLUMNS>;
export type FeatureSheetRow = SpreadsheetRow<typeof FEATURE_COLUMNS>;

export const featuresSheet = defineSpreadsheet({
  columns: FEATURE_COLUMNS,
  duplicateKey: oneRowPerName({ vi: 'tính năng', en: 'feature' }),
  examples: [
    { name: 'Thanh toán trực tuyến phí, lệ phí', owner: 'Trung tâm Công nghệ thông tin', deadline: '31/12/2026', status: 'Đang làm', note: '' },
    { name: 'Ký số kết quả giải quyết TTHC', owner: 'Trung tâm Công nghệ thông tin', deadline: '31/03/2027', status: 'Chưa làm', note: '' },
  ],
});
