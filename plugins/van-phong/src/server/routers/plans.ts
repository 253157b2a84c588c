/** Simplification plans and the shares of the cuts, with their export. */
import { formatDateVi, tableWorkbook, xlsxDownload } from '@dondoc/plugin-sdk';
import { router } from '@dondoc/trpc';
import { ACTION_LABELS, PLAN_STATUS_LABELS, type PlanAction, type PlanStatus } from '../../domain/index.ts';
import { implementPlanInput, listInput, proposePlanInput, returnPlanInput, reviewPlanInput, updatePlanInput } from '../inputs.ts';
import { approvePlan, implementPlan, listPlans, proposePlan, returnPlan, updatePlan } from '../service/plans.ts';
import { sharesView } from '../service/shares.ts';
import { plansReview, plansWrite, read } from './procedures.ts';

const percent = (value: number | null) => (value === null ? '—' : `${String(value).replace('.', ',')}%`);

export const plansRouter = router({
  list: read.input(listInput).query(({ ctx, input }) => listPlans(ctx, input)),
  propose: plansWrite.input(proposePlanInput).mutation(({ ctx, input }) => proposePlan(ctx, input)),
  update: plansWrite.input(updatePlanInput).mutation(({ ctx, input }) => updatePlan(ctx, input)),
  approve: plansReview.input(reviewPlanInput).mutation(({ ctx, input }) => approvePlan(ctx, input)),
  return: plansReview.input(returnPlanInput).mutation(({ ctx, input }) => returnPlan(ctx, input)),
  implement: plansReview.input(implementPlanInput).mutation(({ ctx, input }) => implementPlan(ctx, input)),
  /** The shares of internal procedures and of compliance cost cut, city-wide and per department. */
  shares: read.query(({ ctx }) => sharesView(ctx)),
  /** Plans and the shares per department, as an xlsx. */
  export: read.input(listInput).query(async ({ ctx, input }) => {
    const rows = await listPlans(ctx, input);
    const shares = await sharesView(ctx);
    const today = ctx.services.core.today();
    const workbook = await tableWorkbook([
      {
        sheetName: 'Tỷ lệ cắt giảm',
        title: ['TỶ LỆ CẮT GIẢM, ĐƠN GIẢN HÓA TTHC', `Số liệu ngày ${formatDateVi(today)}, xuất bởi ${ctx.user.displayName}`],
        columns: [
          { header: 'Đơn vị', width: 32 },
          { header: 'TTHC nội bộ', width: 12 },
          { header: 'TTHC nội bộ đã cắt giảm, đơn giản hóa', width: 16 },
          { header: 'Tỷ lệ TTHC nội bộ', width: 12 },
          { header: 'Chi phí tuân thủ (nghìn đồng/năm)', width: 16, numFmt: '#,##0' },
          { header: 'Chi phí cắt giảm (nghìn đồng/năm)', width: 16, numFmt: '#,##0' },
          { header: 'Tỷ lệ chi phí', width: 12 },
        ],
        rows: shares.byUnit.map((unit) => [unit.unitName, unit.internal.denominator, unit.internal.numerator, percent(unit.internal.percent), unit.cost.denominator, unit.cost.numerator, percent(unit.cost.percent)]),
        totals: ['Toàn Thành phố', shares.city.internal.denominator, shares.city.internal.numerator, percent(shares.city.internal.percent), shares.city.cost.denominator, shares.city.cost.numerator, percent(shares.city.cost.percent)],
        footer: ['Tỷ lệ tính trên phương án đã được Văn phòng UBND Thành phố phê duyệt hoặc đã thực thi; mục tiêu đến năm 2025: ít nhất 20%.'],
      },
      {
        sheetName: 'Phương án',
        title: ['PHƯƠNG ÁN CẮT GIẢM, ĐƠN GIẢN HÓA TTHC', `Xuất ngày ${formatDateVi(today)}`],
        columns: [
          { header: 'STT', width: 6 },
          { header: 'Đơn vị', width: 28 },
          { header: 'Mã thủ tục', width: 14 },
          { header: 'Tên thủ tục', width: 40 },
          { header: 'Phương án', width: 14 },
          { header: 'Nội dung', width: 40 },
          { header: 'Chi phí trước', width: 14, numFmt: '#,##0' },
          { header: 'Chi phí sau', width: 14, numFmt: '#,##0' },
          { header: 'Thời gian trước (ngày)', width: 12 },
          { header: 'Thời gian sau (ngày)', width: 12 },
          { header: 'Trạng thái', width: 14 },
        ],
        rows: rows.map((row, index) => [
          index + 1,
          row.ownerUnitName,
          row.procedureCode,
          row.procedureName,
          ACTION_LABELS[row.action as PlanAction].vi,
          row.content,
          row.costBefore,
          row.costAfter,
          row.daysBefore,
          row.daysAfter,
          PLAN_STATUS_LABELS[row.status as PlanStatus].vi,
        ]),
      },
    ]);
    return xlsxDownload(workbook, `phuong-an-cat-giam_${today}.xlsx`);
  }),
});
