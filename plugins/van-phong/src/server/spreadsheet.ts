/**
 * The procedure list a department keeps (danh mục TTHC), as an import format declared once:
 * the kit reads xlsx and csv by these columns (headers matched without diacritics, aliases the
 * departments' own sheets use), checks every cell and writes the template.
 */
import { defineSpreadsheet } from '@dondoc/plugin-sdk';
import { MAX_CODE_LENGTH, MAX_COST, MAX_NAME_LENGTH, publicationProblem } from '../domain/index.ts';

export const proceduresSheet = defineSpreadsheet({
  columns: [
    { key: 'code', kind: 'text', required: true, maxLength: MAX_CODE_LENGTH, header: { vi: 'Mã thủ tục', en: 'Code' }, aliases: ['ma tthc', 'ma so', 'ma'], width: 14 },
    { key: 'name', kind: 'text', required: true, maxLength: MAX_NAME_LENGTH, header: { vi: 'Tên thủ tục', en: 'Name' }, aliases: ['ten tthc', 'ten thu tuc hanh chinh'], width: 48 },
    { key: 'field', kind: 'text', required: true, maxLength: 200, header: { vi: 'Lĩnh vực', en: 'Field' }, width: 24 },
    {
      key: 'level',
      kind: 'oneOf',
      required: true,
      header: { vi: 'Cấp thực hiện', en: 'Level' },
      aliases: ['cap'],
      values: [
        { value: 'city', aliases: ['thanh pho', 'cap thanh pho', 'tinh', 'cap tinh'] },
        { value: 'district', aliases: ['huyen', 'cap huyen', 'quan'] },
        { value: 'commune', aliases: ['xa', 'cap xa', 'phuong'] },
      ],
      help: { vi: 'Thành phố, Huyện hoặc Xã.', en: 'City, District or Commune.' },
      width: 14,
    },
    {
      key: 'kind',
      kind: 'oneOf',
      required: true,
      header: { vi: 'Loại thủ tục', en: 'Kind' },
      aliases: ['loai'],
      values: [
        { value: 'external', aliases: ['nguoi dan, doanh nghiep', 'nguoi dan doanh nghiep', 'ben ngoai', 'cong dan'] },
        { value: 'internal', aliases: ['noi bo', 'tthc noi bo'] },
      ],
      help: { vi: 'Nội bộ (giữa các cơ quan) hoặc Người dân, doanh nghiệp.', en: 'Internal (between agencies) or External (citizens and businesses).' },
      width: 22,
    },
    { key: 'decisionNumber', kind: 'text', maxLength: 100, header: { vi: 'Quyết định công bố', en: 'Announcing decision' }, aliases: ['so quyet dinh', 'qd cong bo'], width: 22 },
    { key: 'announcedOn', kind: 'date', header: { vi: 'Ngày công bố', en: 'Announced on' }, aliases: ['ngay quyet dinh'], width: 14 },
    { key: 'publishedOn', kind: 'date', header: { vi: 'Ngày đăng tải CSDLQG', en: 'Published on' }, aliases: ['ngay dang tai', 'ngay cong khai'], width: 16, help: { vi: 'Để trống nếu chưa đăng tải.', en: 'Empty when not yet published.' } },
    {
      key: 'onlineService',
      kind: 'oneOf',
      required: true,
      header: { vi: 'Dịch vụ công trực tuyến', en: 'Online service' },
      aliases: ['dvc truc tuyen', 'dvctt'],
      values: [
        { value: 'full', aliases: ['toan trinh', 'muc 4'] },
        { value: 'partial', aliases: ['mot phan', 'muc 3'] },
        { value: 'none', aliases: ['khong', 'chua'] },
      ],
      help: { vi: 'Toàn trình, Một phần hoặc Không.', en: 'Full, Partial or None.' },
      width: 18,
    },
    { key: 'complianceCost', kind: 'amount', min: 0, max: MAX_COST, header: { vi: 'Chi phí tuân thủ (nghìn đồng/năm)', en: 'Compliance cost (thousand VND a year)' }, aliases: ['chi phi tuan thu'], width: 20 },
  ],
  duplicateKey: {
    of: (row) => row.code.toLocaleUpperCase('vi'),
    column: 'code',
    message: (first) => ({ vi: `Trùng mã thủ tục với dòng ${first}.`, en: `Same procedure code as row ${first}.` }),
  },
  rowRule: (row) => {
    if (row.announcedOn === undefined || row.publishedOn === undefined) return [];
    const problem = publicationProblem(row.announcedOn, row.publishedOn);
    return problem ? [{ column: 'publishedOn', message: problem }] : [];
  },
  examples: [
    { code: '1.009972', name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, II', field: 'Hoạt động xây dựng', level: 'Thành phố', kind: 'Người dân, doanh nghiệp', decisionNumber: '1234/QĐ-UBND', announcedOn: '15/03/2026', publishedOn: '20/03/2026', onlineService: 'Một phần', complianceCost: 1200 },
    { code: 'NB-XD-01', name: 'Thẩm định báo cáo nghiên cứu khả thi giữa các sở', field: 'Hoạt động xây dựng', level: 'Thành phố', kind: 'Nội bộ', decisionNumber: '2345/QĐ-UBND', announcedOn: '01/10/2026', publishedOn: '', onlineService: 'Không', complianceCost: 300 },
  ],
});
