/** The procedure catalogue, its publication backlog, its import and its export. */
import { formatDateVi, tableWorkbook, xlsxDownload } from '@dondoc/plugin-sdk';
import { router, uploadProcedure } from '@dondoc/trpc';
import { KIND_LABELS, LEVEL_LABELS, ONLINE_LABELS, type OnlineService, type ProcedureKind, type ProcedureLevel } from '../../domain/index.ts';
import { asOfInput, createProcedureInput, importFields, listInput, publishInput, removeInput, updateProcedureInput } from '../inputs.ts';
import { backlog, createProcedure, importProcedures, listProcedures, publishProcedure, removeProcedure, updateProcedure } from '../service/procedures.ts';
import { proceduresSheet } from '../spreadsheet.ts';
import { proceduresPublish, proceduresWrite, read } from './procedures.ts';

const dmy = (date: string | null) => (date ? formatDateVi(date) : '');

export const catalogueRouter = router({
  list: read.input(listInput).query(({ ctx, input }) => listProcedures(ctx, input)),
  create: proceduresWrite.input(createProcedureInput).mutation(({ ctx, input }) => createProcedure(ctx, input)),
  update: proceduresWrite.input(updateProcedureInput).mutation(({ ctx, input }) => updateProcedure(ctx, input)),
  remove: proceduresWrite.input(removeInput).mutation(({ ctx, input }) => removeProcedure(ctx, input)),
  publish: proceduresPublish.input(publishInput).mutation(({ ctx, input }) => publishProcedure(ctx, input)),
  backlog: read.input(asOfInput).query(({ ctx, input }) => backlog(ctx, input.asOf)),
  /** The import template (xlsx): the columns, examples, instructions. */
  template: proceduresWrite.query(async ({ ctx }) => xlsxDownload(await proceduresSheet.template(ctx.locale), 'mau-danh-muc-tthc.xlsx')),
  /** A procedure list (xlsx or csv, multipart): `dryRun` checks everything and writes nothing. */
  import: uploadProcedure(proceduresWrite, 'spreadsheet', importFields).mutation(({ ctx, input }) => importProcedures(ctx, input)),
  /** The catalogue the caller reads, as an xlsx an agency can file. */
  export: read.input(listInput).query(async ({ ctx, input }) => {
    const rows = await listProcedures(ctx, input);
    const today = ctx.services.core.today();
    const workbook = await tableWorkbook({
      sheetName: 'Danh mục TTHC',
      title: ['DANH MỤC THỦ TỤC HÀNH CHÍNH', `Xuất ngày ${formatDateVi(today)} bởi ${ctx.user.displayName}`],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Mã thủ tục', width: 14 },
        { header: 'Tên thủ tục', width: 48 },
        { header: 'Lĩnh vực', width: 22 },
        { header: 'Cấp thực hiện', width: 12 },
        { header: 'Loại thủ tục', width: 20 },
        { header: 'Đơn vị chủ quản', width: 28 },
        { header: 'Quyết định công bố', width: 18 },
        { header: 'Ngày công bố', width: 13 },
        { header: 'Ngày đăng tải CSDLQG', width: 14 },
        { header: 'Dịch vụ công trực tuyến', width: 14 },
        { header: 'Chi phí tuân thủ (nghìn đồng/năm)', width: 16, numFmt: '#,##0' },
      ],
      rows: rows.map((row, index) => [
        index + 1,
        row.code,
        row.name,
        row.field,
        LEVEL_LABELS[row.level as ProcedureLevel].vi,
        KIND_LABELS[row.kind as ProcedureKind].vi,
        row.ownerUnitName,
        row.decisionNumber,
        dmy(row.announcedOn),
        row.announcedOn && !row.publishedOn ? { value: 'Chưa đăng tải', emphasis: true } : dmy(row.publishedOn),
        ONLINE_LABELS[row.onlineService as OnlineService].vi,
        row.complianceCost,
      ]),
      footer: [`Tổng số: ${rows.length} thủ tục, trong đó ${rows.filter((row) => row.kind === 'internal').length} thủ tục nội bộ.`],
    });
    return xlsxDownload(workbook, `danh-muc-tthc_${today}.xlsx`);
  }),
});
