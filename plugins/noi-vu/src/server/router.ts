/**
 * The module's router, mounted at `/api/trpc/noi-vu`: thin procedures over the services, one
 * router per resource, each procedure naming its permission.
 */
import { permissionProcedure, router, uploadProcedure } from '@dondoc/trpc';
import { MODEL_FIELD_LABELS, MODEL_STATE_LABELS } from '../domain/models.ts';
import { DISCIPLINE_MEASURE_LABELS, FOLLOW_UP_STATUS_LABELS, INSPECTION_KIND_LABELS, type DisciplineMeasure } from '../domain/inspections.ts';
import { tableWorkbook, xlsxDownload } from '@dondoc/plugin-sdk';
import {
  adoptInput,
  closeInspectionInput,
  createInspectionInput,
  disciplineInput,
  estimateInput,
  evaluateInput,
  followUpDoneInput,
  followUpInput,
  importInput,
  inspectionsInput,
  modelsInput,
  periodInput,
  proposeInput,
  rankingInput,
  remindInput,
  replicateInput,
  saveReportInput,
  scorecardInput,
  scorecardsInput,
  updateInspectionInput,
} from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';
import { consolidation, dmy, remindUnits, saveReport } from './reports.ts';
import { reportAnnexes, reportDocx } from './report-document.ts';
import { getScorecard, listScorecards, ranking, saveEstimate } from './scorecards.ts';
import { adoptModel, evaluateModel, listModels, markReplication, proposeModel } from './models.ts';
import { addDiscipline, addFollowUp, closeInspection, createInspection, importInspections, listDiscipline, listInspections, markFollowUp, updateInspection } from './inspections.ts';
import { inspectionsSheet } from './spreadsheet.ts';
import { REPORT_TARGET_CODE } from '../domain/target.ts';

const p = {
  reportsRead: permissionProcedure(PERMISSIONS.reportsRead),
  consolidate: permissionProcedure(PERMISSIONS.reportsConsolidate),
  scorecardsRead: permissionProcedure(PERMISSIONS.scorecardsRead),
  estimate: permissionProcedure(PERMISSIONS.scorecardsEstimate),
  modelsRead: permissionProcedure(PERMISSIONS.modelsRead),
  propose: permissionProcedure(PERMISSIONS.modelsPropose),
  evaluate: permissionProcedure(PERMISSIONS.modelsEvaluate),
  inspectionsRead: permissionProcedure(PERMISSIONS.inspectionsRead),
  inspect: permissionProcedure(PERMISSIONS.inspectionsWrite),
};

export const reportsRouter = router({
  /** The period's consolidation: submitted (frozen) and missing reports, the overview's figures, the narrative. */
  get: p.reportsRead.input(periodInput).query(({ ctx, input }) => consolidation(ctx, input.periodId)),
  save: p.consolidate.input(saveReportInput).mutation(({ ctx, input }) => saveReport(ctx, input)),
  /** Reminds the units that have not submitted (or those named), through the core. */
  remind: p.consolidate.input(remindInput).mutation(({ ctx, input }) => remindUnits(ctx, input)),
  /** The consolidated report (.docx, Decree 30/2020). */
  document: p.reportsRead.input(periodInput).query(async ({ ctx, input }) => reportDocx(await consolidation(ctx, input.periodId))),
  /** Its annexes as an xlsx workbook. */
  annexes: p.reportsRead.input(periodInput).query(async ({ ctx, input }) => reportAnnexes(await consolidation(ctx, input.periodId))),
});

export const scorecardsRouter = router({
  list: p.scorecardsRead.input(scorecardsInput).query(({ ctx, input }) => listScorecards(ctx, input)),
  get: p.scorecardsRead.input(scorecardInput).query(({ ctx, input }) => getScorecard(ctx, input.id)),
  estimate: p.estimate.input(estimateInput).mutation(({ ctx, input }) => saveEstimate(ctx, input)),
  ranking: p.scorecardsRead.input(rankingInput).query(({ ctx, input }) => ranking(ctx, input)),
});

export const modelsRouter = router({
  list: p.modelsRead.input(modelsInput).query(({ ctx, input }) => listModels(ctx, input)),
  propose: p.propose.input(proposeInput).mutation(({ ctx, input }) => proposeModel(ctx, input)),
  adopt: p.propose.input(adoptInput).mutation(({ ctx, input }) => adoptModel(ctx, input)),
  evaluate: p.evaluate.input(evaluateInput).mutation(({ ctx, input }) => evaluateModel(ctx, input)),
  replicate: p.evaluate.input(replicateInput).mutation(({ ctx, input }) => markReplication(ctx, input)),
  export: p.modelsRead.input(modelsInput).query(async ({ ctx, input }) => {
    const { items } = await listModels(ctx, input);
    const workbook = await tableWorkbook({
      sheetName: 'Mô hình',
      title: ['MÔ HÌNH, CÁCH LÀM HAY TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', `Xuất ngày ${dmy(ctx.services.core.today())}`],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Đơn vị đề xuất', width: 32 },
        { header: 'Năm', width: 8 },
        { header: 'Lĩnh vực', width: 26 },
        { header: 'Tên mô hình', width: 44 },
        { header: 'Kết quả', width: 44 },
        { header: 'Đánh giá', width: 18 },
        { header: 'Nhân rộng', width: 12 },
        { header: 'Đơn vị áp dụng', width: 44 },
      ],
      rows: items.map((m, i) => [i + 1, m.unitName, m.year, MODEL_FIELD_LABELS[m.field as keyof typeof MODEL_FIELD_LABELS]?.vi ?? m.field, m.title, m.results, MODEL_STATE_LABELS[m.state].vi, m.replicate ? 'Có' : '', m.adoptions.map((a) => `${a.unitName} (${dmy(a.adoptedOn)}): ${a.result}`).join('; ')]),
    });
    return xlsxDownload(workbook, 'mo-hinh-cach-lam-hay.xlsx');
  }),
});

export const inspectionsRouter = router({
  list: p.inspectionsRead.input(inspectionsInput).query(({ ctx, input }) => listInspections(ctx, input)),
  create: p.inspect.input(createInspectionInput).mutation(({ ctx, input }) => createInspection(ctx, input)),
  update: p.inspect.input(updateInspectionInput).mutation(({ ctx, input }) => updateInspection(ctx, input)),
  close: p.inspect.input(closeInspectionInput).mutation(({ ctx, input }) => closeInspection(ctx, input)),
  addFollowUp: p.inspect.input(followUpInput).mutation(({ ctx, input }) => addFollowUp(ctx, input)),
  markFollowUp: p.inspect.input(followUpDoneInput).mutation(({ ctx, input }) => markFollowUp(ctx, input)),
  discipline: p.inspectionsRead.query(({ ctx }) => listDiscipline(ctx)),
  addDiscipline: p.inspect.input(disciplineInput).mutation(({ ctx, input }) => addDiscipline(ctx, input)),
  template: p.inspect.query(async ({ ctx }) => xlsxDownload(await inspectionsSheet.template(ctx.locale), 'mau-nhap-ke-hoach-kiem-tra.xlsx')),
  /** A plan's inspections from a spreadsheet (xlsx or csv, multipart): `dryRun` checks and writes nothing. */
  import: uploadProcedure(p.inspect, 'spreadsheet', importInput).mutation(({ ctx, input }) => importInspections(ctx, input)),
  export: p.inspectionsRead.input(inspectionsInput).query(async ({ ctx, input }) => {
    const { items } = await listInspections(ctx, input);
    const cases = await listDiscipline(ctx);
    const workbook = await tableWorkbook([
      {
        sheetName: 'Kiểm tra',
        title: ['KẾT QUẢ KIỂM TRA CÔNG TÁC CCHC, KỶ LUẬT, KỶ CƯƠNG HÀNH CHÍNH', `Xuất ngày ${dmy(ctx.services.core.today())}`],
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Loại', width: 28 },
          { header: 'Kế hoạch', width: 36 },
          { header: 'Đơn vị được kiểm tra', width: 32 },
          { header: 'Ngày kiểm tra', width: 14 },
          { header: 'Kết quả, phát hiện', width: 44 },
          { header: 'Yêu cầu khắc phục', width: 56 },
          { header: 'Kết thúc', width: 12 },
        ],
        rows: items.map((it, i) => [
          i + 1,
          INSPECTION_KIND_LABELS[it.kind].vi,
          it.plan,
          it.unitName,
          dmy(it.inspectedOn),
          it.findings,
          it.followUps.map((f) => `${f.what} (hạn ${dmy(f.dueOn)}: ${FOLLOW_UP_STATUS_LABELS[f.status].vi})`).join('; '),
          it.closed ? `Đã kết thúc ${dmy(it.closedOn)}` : 'Chưa',
        ]),
      },
      {
        sheetName: 'Kỷ luật',
        title: ['DANH SÁCH VỤ VIỆC VI PHẠM KỶ LUẬT, KỶ CƯƠNG HÀNH CHÍNH'],
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Đơn vị', width: 32 },
          { header: 'Đối tượng', width: 32 },
          { header: 'Hành vi vi phạm', width: 48 },
          { header: 'Hình thức xử lý', width: 18 },
          { header: 'Quyết định', width: 24 },
        ],
        rows: cases.map((c, i) => [i + 1, c.unitName, c.subject, c.violation, DISCIPLINE_MEASURE_LABELS[c.measure as DisciplineMeasure]?.vi ?? c.measure, `${c.decisionNumber ?? ''} ngày ${dmy(c.decidedOn)}`.trim()]),
      },
    ]);
    return xlsxDownload(workbook, 'kiem-tra-cchc.xlsx');
  }),
});

export const overviewRouter = router({
  /** The overview widget's figures: the latest period's submissions, models, open follow-ups. */
  get: p.modelsRead.query(async ({ ctx }) => {
    const models = await listModels(ctx, {});
    const target = await ctx.services.core.targets.get(REPORT_TARGET_CODE);
    return { models: models.counts, reportShare: target.measurements.at(-1)?.value ?? null, targetCode: REPORT_TARGET_CODE };
  }),
});

export const moduleRouter = router({
  reports: reportsRouter,
  scorecards: scorecardsRouter,
  models: modelsRouter,
  inspections: inspectionsRouter,
  overview: overviewRouter,
});

export type ModuleRouter = typeof moduleRouter;
