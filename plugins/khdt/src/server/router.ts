/**
 * The module's router, mounted at `/api/trpc/khdt`: thin procedures over the services, each
 * naming its permission.
 */
import { permissionProcedure, router, uploadProcedure } from '@dondoc/trpc';
import { tableWorkbook, xlsxDownload } from '@dondoc/plugin-sdk';
import { KHDT_INDICES } from '../domain/index.ts';
import { importSchemes } from './imports.ts';
import { addObstacleInput, createSchemeInput, estimateInput, idInput, importFields, indexInput, listSchemesInput, nodeInput, refInput, setTargetInput, updateObstacleInput, updateSchemeInput } from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';
import { history, indexPage, listCards, remindOwing, saveEstimate, setTarget } from './scorecards.ts';
import { useDeclaredTargets } from './seed.ts';
import { addObstacle, createScheme, escalateObstacle, getScheme, listSchemes, removeObstacle, removeScheme, updateObstacle, updateScheme } from './service.ts';
import { schemesSheet } from './spreadsheet.ts';

const read = permissionProcedure(PERMISSIONS.schemesRead);
const write = permissionProcedure(PERMISSIONS.schemesWrite);
const review = permissionProcedure(PERMISSIONS.schemesReview);
const cardsRead = permissionProcedure(PERMISSIONS.scorecardsRead);
const cardsEstimate = permissionProcedure(PERMISSIONS.scorecardsEstimate);
const cardsEdit = permissionProcedure(PERMISSIONS.scorecardsEdit);

const STATUS_VI = { preparing: 'Chuẩn bị', in_progress: 'Đang triển khai', completed: 'Hoàn thành', suspended: 'Tạm dừng' } as const;
const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

export const moduleRouter = router({
  schemes: router({
    list: read.input(listSchemesInput).query(({ ctx, input }) => listSchemes(ctx, input)),
    get: read.input(idInput).query(({ ctx, input }) => getScheme(ctx, input.id)),
    create: write.input(createSchemeInput).mutation(({ ctx, input }) => createScheme(ctx, input)),
    update: write.input(updateSchemeInput).mutation(({ ctx, input }) => updateScheme(ctx, input)),
    remove: write.input(refInput).mutation(({ ctx, input }) => removeScheme(ctx, input)),
    /** The import template (xlsx): the columns, an example, instructions. */
    template: write.query(async ({ ctx }) => xlsxDownload(await schemesSheet.template(ctx.locale), 'mau-nhap-de-an-ho-tro-doanh-nghiep.xlsx')),
    /** The schemes (xlsx or csv, multipart): `dryRun` checks every row and writes nothing. */
    import: uploadProcedure(write, 'spreadsheet', importFields).mutation(({ ctx, input }) => importSchemes(ctx, input)),
    /** The schemes within the caller's reach, with their flags, as an xlsx an agency can file. */
    export: read.query(async ({ ctx }) => {
      const { today, items, summary } = await listSchemes(ctx, { behindOnly: false });
      const workbook = await tableWorkbook({
        sheetName: 'Đề án hỗ trợ DN',
        title: ['TÌNH HÌNH THỰC HIỆN CÁC ĐỀ ÁN, KẾ HOẠCH HỖ TRỢ DOANH NGHIỆP', `Xuất ngày ${dmy(today)} bởi ${ctx.user.displayName}`],
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Đề án, Kế hoạch', width: 44 },
          { header: 'Quyết định phê duyệt', width: 24 },
          { header: 'Đơn vị chủ trì', width: 28 },
          { header: 'Thời gian', width: 24 },
          { header: 'Trạng thái', width: 16 },
          { header: 'Kinh phí giao (tr.đ)', width: 16, numFmt: '#,##0.##' },
          { header: 'Đã giải ngân (tr.đ)', width: 16, numFmt: '#,##0.##' },
          { header: 'Giải ngân (%)', width: 12, numFmt: '0.##' },
          { header: 'Thời gian đã qua (%)', width: 12, numFmt: '0.##' },
          { header: 'Thụ hưởng / chỉ tiêu', width: 18 },
          { header: 'Chậm tiến độ', width: 22 },
          { header: 'Khó khăn chưa giải quyết', width: 12, numFmt: '0' },
        ],
        rows: items.map((row, index) => [
          index + 1,
          row.name,
          `${row.decisionNumber} ngày ${dmy(row.decisionDate)}`,
          row.unitName,
          `${dmy(row.startOn)} – ${dmy(row.endOn)}`,
          STATUS_VI[row.status],
          row.budgetAllocated,
          row.budgetDisbursed,
          row.progress.disbursedPercent ?? '',
          row.progress.elapsedPercent,
          row.beneficiaryTarget === null ? '' : `${row.beneficiaryActual ?? 0}/${row.beneficiaryTarget} ${row.beneficiaryLabel}`,
          row.progress.behind.map((r) => (r === 'disbursement' ? 'Giải ngân' : 'Đối tượng thụ hưởng')).join(', '),
          row.openObstacles,
        ]),
        footer: [`Tổng số ${summary.total} Đề án, chậm tiến độ ${summary.behind}; kinh phí ${summary.budgetAllocated} triệu đồng, đã giải ngân ${summary.budgetDisbursed} (${summary.disbursedPercent ?? 0}%).`],
      });
      return xlsxDownload(workbook, 'de-an-ho-tro-doanh-nghiep.xlsx');
    }),
  }),
  obstacles: router({
    add: write.input(addObstacleInput).mutation(({ ctx, input }) => addObstacle(ctx, input)),
    update: write.input(updateObstacleInput).mutation(({ ctx, input }) => updateObstacle(ctx, input)),
    remove: write.input(refInput).mutation(({ ctx, input }) => removeObstacle(ctx, input)),
    /** Sở KH&ĐT raises an obstacle beyond the department's authority to the UBND. */
    escalate: review.input(refInput).mutation(({ ctx, input }) => escalateObstacle(ctx, input)),
  }),
  scorecards: router({
    /** The PCI and PGI scorecards of every year, with their totals. */
    list: cardsRead.query(async ({ ctx }) => (await Promise.all(KHDT_INDICES.map((index) => listCards(ctx, index)))).flat()),
    page: cardsRead.input(indexInput).query(({ ctx, input }) => indexPage(ctx, input)),
    history: cardsRead.input(nodeInput).query(({ ctx, input }) => history(ctx, input.nodeId)),
    estimate: cardsEstimate.input(estimateInput).mutation(({ ctx, input }) => saveEstimate(ctx, input)),
    setTarget: cardsEdit.input(setTargetInput).mutation(({ ctx, input }) => setTarget(ctx, input)),
    /** Sở KH&ĐT reminds the units owing the quarter's estimate. */
    remind: cardsEdit.input(indexInput).mutation(({ ctx, input }) => remindOwing(ctx, input)),
    /** The indices' projected scores recorded on the targets the module declares. */
    useTargets: cardsEdit.mutation(({ ctx }) => useDeclaredTargets(ctx.services.core, PERMISSIONS.scorecardsEdit)),
  }),
  overview: router({
    get: read.query(async ({ ctx }) => {
      const [{ summary }, cards] = await Promise.all([listSchemes(ctx, { behindOnly: false }), ctx.services.core.scorecards.list({ permission: PERMISSIONS.schemesRead })]);
      const latest = KHDT_INDICES.map((index) => cards.find((c) => c.index === index)).filter((c) => c !== undefined);
      return { schemes: summary, indices: latest.map((c) => ({ index: c.index, year: c.year, shown: c.total?.shown ?? null, class: c.total?.class ?? null, shortNodes: c.shortNodes })) };
    }),
  }),
});

export type ModuleRouter = typeof moduleRouter;
