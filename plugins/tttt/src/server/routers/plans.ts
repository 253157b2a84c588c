/** Digital-transformation plans: each unit its own; Sở TT&TT reviews, reminds and follows; coordinators read. */
import { permissionProcedure, router, uploadProcedure } from '@dondoc/trpc';
import { tableWorkbook, xlsxDownload } from '@dondoc/plugin-sdk';
import { attachDocumentFields, openItemTaskInput, planIdInput, planRef, remindInput, reviewPlanInput, savePlanInput, saveContentInput, submitPlanInput, yearInput } from '../inputs.ts';
import { PERMISSIONS } from '../permissions.ts';
import { attachDocument, getPlan, listPlans, openItemTask, planDocument, remindUnits, requiredList, reviewPlan, saveContent, savePlan, submitPlan } from '../service.ts';
import { dmy } from './format.ts';

const read = permissionProcedure(PERMISSIONS.plansRead);
const write = permissionProcedure(PERMISSIONS.plansWrite);
const submit = permissionProcedure(PERMISSIONS.plansSubmit);
const review = permissionProcedure(PERMISSIONS.plansReview);
const contents = permissionProcedure(PERMISSIONS.contentsWrite);

const STATE_VI = { draft: 'Đang soạn', submitted: 'Chờ xem xét', returned: 'Bị trả lại', approved: 'Đã phê duyệt' } as const;

export const plansRouter = router({
  /** Every unit's plan for the year within the caller's reach; the share for those who see every unit. */
  list: read.input(yearInput).query(({ ctx, input }) => listPlans(ctx, input.year)),
  get: read.input(planRef).query(({ ctx, input }) => getPlan(ctx, input)),
  save: write.input(savePlanInput).mutation(({ ctx, input }) => savePlan(ctx, input)),
  submit: submit.input(submitPlanInput).mutation(({ ctx, input }) => submitPlan(ctx, input)),
  /** The plan's document (pdf or docx, multipart: a `file` part and `{ id, version }`). */
  attach: uploadProcedure(write, 'document', attachDocumentFields).mutation(({ ctx, input }) => attachDocument(ctx, input)),
  document: read.input(planIdInput).query(({ ctx, input }) => planDocument(ctx, input.id)),
  review: review.input(reviewPlanInput).mutation(({ ctx, input }) => reviewPlan(ctx, input)),
  remind: review.input(remindInput).mutation(({ ctx, input }) => remindUnits(ctx, input)),
  openItemTask: review.input(openItemTaskInput).mutation(({ ctx, input }) => openItemTask(ctx, input)),
  /** The year's plans, one row a unit, as an xlsx an agency can file. */
  export: read.input(yearInput).query(async ({ ctx, input }) => {
    const { year, units, share } = await listPlans(ctx, input.year);
    const workbook = await tableWorkbook({
      sheetName: `Năm ${year}`,
      title: ['TÌNH HÌNH XÂY DỰNG KẾ HOẠCH CHUYỂN ĐỔI SỐ', `Năm ${year} — xuất ngày ${dmy(ctx.services.core.today())} bởi ${ctx.user.displayName}`],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Đơn vị', width: 36 },
        { header: 'Tên kế hoạch', width: 44 },
        { header: 'Trạng thái', width: 16 },
        { header: 'Số lần gửi', width: 10, numFmt: '0' },
        { header: 'Nội dung còn thiếu', width: 28 },
      ],
      rows: units.map((row, index) => [
        index + 1,
        row.unit.name,
        row.plan?.title ?? '',
        row.plan ? STATE_VI[row.plan.state] : 'Chưa có',
        row.plan?.submissions ?? 0,
        row.plan ? row.plan.check.missing.join(', ') : '',
      ]),
      footer: share ? [`Đã phê duyệt ${share.approved}/${share.owing} đơn vị (${share.percent ?? 0}%).`] : [],
    });
    return xlsxDownload(workbook, `ke-hoach-chuyen-doi-so_${year}.xlsx`);
  }),
});

export const contentsRouter = router({
  /** The contents Plan 64 requires (the list Sở TT&TT edits). */
  list: read.query(({ ctx }) => requiredList(ctx.db)),
  save: contents.input(saveContentInput).mutation(({ ctx, input }) => saveContent(ctx, input)),
});
