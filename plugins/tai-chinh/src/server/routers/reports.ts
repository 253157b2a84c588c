/** `reports.*`: the periodic report (xlsx) for a core reporting period. */
import { clampToPlanYear, FIRST_PLAN_YEAR } from '../../domain/index.ts';
import { fail, periodById, xlsxDownload } from '@dondoc/plugin-sdk';
import { router } from '@dondoc/trpc';
import { exportInput } from '../inputs.ts';
import { managingUnitRef } from '../register.ts';
import { buildReport, dmy } from '../reports.ts';
import { today } from '../service.ts';
import { consolidationOf } from './consolidation.ts';
import { exportReports } from './procedures.ts';

export const reportsRouter = router({
  /**
   * The periodic report (xlsx) for a core reporting period (`2024-Q1`, `2024-H1`, `2024-Y`…):
   * the classification of the period's year (2025's for periods after the roadmap).
   */
  export: exportReports.input(exportInput).query(async ({ ctx, input }) => {
    const period = periodById(input.periodId);
    if (period.year < FIRST_PLAN_YEAR) {
      fail('BAD_REQUEST', ctx.locale, { vi: `Lộ trình tự chủ tài chính bắt đầu từ năm ${FIRST_PLAN_YEAR}.`, en: `The financial autonomy roadmap starts in ${FIRST_PLAN_YEAR}.` });
    }
    const year = clampToPlanYear(period.year);
    const { scope, directory, units, consolidation } = await consolidationOf(ctx, year);
    const scopeLabel = scope === 'all' ? 'Toàn Thành phố' : scope.map((code) => managingUnitRef(directory, code).name).join(', ');
    const bytes = await buildReport({ period, year, scopeLabel, units, consolidation, exportedOn: dmy(today()), exportedBy: ctx.user.displayName });
    const scopeSlug = scope === 'all' ? 'toan-thanh-pho' : scope.join('-').toLowerCase();
    return xlsxDownload(bytes, `tu-chu-tai-chinh_${period.id}_${scopeSlug}.xlsx`);
  }),
});
