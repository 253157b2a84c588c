/** The delegation register, its inspections and evaluations, the late-handling threshold, the export. */
import { formatDateVi, tableWorkbook, xlsxDownload } from '@dondoc/plugin-sdk';
import { router } from '@dondoc/trpc';
import { FLAG_LABELS, RECOMMENDATION_LABELS, type Recommendation } from '../../domain/index.ts';
import { asOfInput, createDelegationInput, dossiersInput, evaluateInput, thresholdInput, updateDelegationInput } from '../inputs.ts';
import { createDelegation, evaluateDelegation, listDelegations, reportDossiers, setLateThreshold, updateDelegation } from '../service/delegations.ts';
import { delegationsReport, delegationsWrite, read } from './procedures.ts';

export const delegationsRouter = router({
  list: read.input(asOfInput).query(({ ctx, input }) => listDelegations(ctx, input)),
  /** The units a procedure may be delegated to (the register's form offers them). */
  units: delegationsWrite.query(async ({ ctx }) => (await ctx.services.core.units.list()).map((unit) => ({ code: unit.code, name: unit.name }))),
  create: delegationsWrite.input(createDelegationInput).mutation(({ ctx, input }) => createDelegation(ctx, input)),
  update: delegationsWrite.input(updateDelegationInput).mutation(({ ctx, input }) => updateDelegation(ctx, input)),
  evaluate: delegationsWrite.input(evaluateInput).mutation(({ ctx, input }) => evaluateDelegation(ctx, input)),
  setThreshold: delegationsWrite.input(thresholdInput).mutation(({ ctx, input }) => setLateThreshold(ctx, input)),
  reportDossiers: delegationsReport.input(dossiersInput).mutation(({ ctx, input }) => reportDossiers(ctx, input)),
  export: read.input(asOfInput).query(async ({ ctx, input }) => {
    const { asOf, threshold, items } = await listDelegations(ctx, input);
    const workbook = await tableWorkbook({
      sheetName: 'Ủy quyền',
      title: ['THEO DÕI ỦY QUYỀN GIẢI QUYẾT TTHC (Quyết định 4610/QĐ-UBND)', `Số liệu ngày ${formatDateVi(asOf)}; ngưỡng trễ hạn ${threshold.lateThreshold}%`],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Mã thủ tục', width: 14 },
        { header: 'Tên thủ tục', width: 40 },
        { header: 'Cơ quan ủy quyền', width: 24 },
        { header: 'Đơn vị được ủy quyền', width: 28 },
        { header: 'Quyết định', width: 18 },
        { header: 'Từ ngày', width: 12 },
        { header: 'Đến ngày', width: 12 },
        { header: 'Đúng hạn', width: 10, numFmt: '#,##0' },
        { header: 'Trễ hạn', width: 10, numFmt: '#,##0' },
        { header: 'Tỷ lệ trễ hạn (%)', width: 12, numFmt: '0.00' },
        { header: 'Cảnh báo', width: 24 },
        { header: 'Kiến nghị gần nhất', width: 16 },
      ],
      rows: items.map((item, index) => [
        index + 1,
        item.procedureCode,
        item.procedureName,
        item.delegatingAuthority,
        item.delegateUnitName,
        item.decisionNumber,
        formatDateVi(item.startsOn),
        item.endsOn ? formatDateVi(item.endsOn) : 'Không thời hạn',
        item.onTime,
        item.late,
        item.lateRate,
        item.flags.length > 0 ? { value: item.flags.map((flag) => FLAG_LABELS[flag].vi).join('; '), emphasis: true } : '',
        item.evaluations[0] ? RECOMMENDATION_LABELS[item.evaluations[0].recommendation as Recommendation].vi : '',
      ]),
    });
    return xlsxDownload(workbook, `uy-quyen-tthc_${asOf}.xlsx`);
  }),
});
