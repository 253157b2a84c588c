/**
 * The module's router, mounted at `/api/trpc/__PLUGIN_ID__`: thin procedures over the service,
 * each naming its permission.
 */
import { permissionProcedure, router, uploadProcedure } from '@dondoc/trpc';
import { xlsxDownload, tableWorkbook } from '@dondoc/plugin-sdk';
import { createInput, importFields, listInput, removeInput, updateInput } from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';
import { createEntry, importEntries, listEntries, removeEntry, updateEntry } from './service.ts';
import { entriesSheet } from './spreadsheet.ts';

const read = permissionProcedure(PERMISSIONS.entriesRead);
const write = permissionProcedure(PERMISSIONS.entriesWrite);

export const moduleRouter = router({
  entries: router({
    list: read.input(listInput).query(({ ctx, input }) => listEntries(ctx, input)),
    create: write.input(createInput).mutation(({ ctx, input }) => createEntry(ctx, input)),
    update: write.input(updateInput).mutation(({ ctx, input }) => updateEntry(ctx, input)),
    remove: write.input(removeInput).mutation(({ ctx, input }) => removeEntry(ctx, input)),
    /** The import template (xlsx): the columns, examples, instructions. */
    template: write.query(async ({ ctx }) => xlsxDownload(await entriesSheet.template(ctx.locale), 'mau-nhap-ket-qua.xlsx')),
    /** A spreadsheet (xlsx or csv, multipart) of a unit's entries: `dryRun` checks everything and writes nothing. */
    import: uploadProcedure(write, 'spreadsheet', importFields).mutation(({ ctx, input }) => importEntries(ctx, input)),
    /** The year's entries as an xlsx an agency can file. */
    export: read.input(listInput).query(async ({ ctx, input }) => {
      const { year, items, summary } = await listEntries(ctx, input);
      const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
      const workbook = await tableWorkbook({
        sheetName: `Năm ${year}`,
        title: ['KẾT QUẢ THỰC HIỆN', `Năm ${year} — xuất ngày ${dmy(ctx.services.core.today())} bởi ${ctx.user.displayName}`],
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Đơn vị', width: 32 },
          { header: 'Nội dung', width: 48 },
          { header: 'Số lượng', width: 12, numFmt: '#,##0' },
          { header: 'Ngày hoàn thành', width: 16 },
          { header: 'Ghi chú', width: 32 },
        ],
        rows: items.map((row, index) => [index + 1, row.unitName, row.title, row.quantity, dmy(row.doneOn), row.note]),
        footer: [`Tổng số: ${summary.entries} kết quả, số lượng ${summary.quantity}.`],
      });
      return xlsxDownload(workbook, `ket-qua-thuc-hien_${year}.xlsx`);
    }),
  }),
});

export type ModuleRouter = typeof moduleRouter;
