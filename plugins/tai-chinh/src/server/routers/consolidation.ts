/** `consolidation.*`: shares per year and managing unit, the core target 2458-CT3, Sở Tài chính's approval and its return. */
import { and, eq } from 'drizzle-orm';
import { fail, updateVersioned } from '@dondoc/plugin-sdk';
import { router } from '@dondoc/trpc';
import { AUTONOMY_TARGET_CODE, autonomousShare, LAST_PLAN_YEAR, PLAN_YEARS } from '../../domain/index.ts';
import { approveYear, consolidate, loadShareRecords } from '../consolidation.ts';
import { approveInput, reopenInput, summaryInput } from '../inputs.ts';
import { approvalView, loadApprovals, loadRegister, lockYears, managingUnitDirectory } from '../register.ts';
import { yearApprovals } from '../schema.ts';
import { currentYear, scopeOf, type ModuleContext } from '../service.ts';
import { approve, read } from './procedures.ts';

/** The consolidation of `year` over the caller's scope, with the register it is made of. */
export async function consolidationOf(ctx: ModuleContext, year: number) {
  const scope = scopeOf(ctx.access);
  const directory = await managingUnitDirectory(ctx.services.core);
  const units = await loadRegister(ctx.db, directory, scope);
  const approvals = new Map([...(await loadApprovals(ctx.db, scope))].map(([key, row]) => [key, approvalView(row)]));
  return { scope, directory, units, consolidation: consolidate(units, year, scope, approvals, await loadShareRecords(ctx.db)) };
}

function onlyFinance(ctx: ModuleContext, text: { vi: string; en: string }): void {
  if (scopeOf(ctx.access) !== 'all') fail('FORBIDDEN', ctx.locale, text);
}

export const consolidationRouter = router({
  /** Shares per year and per managing unit, approvals, units behind their roadmap (over the caller's scope). */
  summary: read.input(summaryInput).query(async ({ ctx, input }) => (await consolidationOf(ctx, input.year ?? currentYear())).consolidation),

  /**
   * The core target 2458-CT3 (≥ 20% autonomous by 2025) with its trend forecast, the shares
   * recorded per year, and beside them what the roadmap promises (city-wide aggregates).
   */
  target: read.query(async ({ ctx }) => {
    const target = await ctx.services.core.targets.get(AUTONOMY_TARGET_CODE);
    const units = await loadRegister(ctx.db, await managingUnitDirectory(ctx.services.core), 'all');
    const roadmap = PLAN_YEARS.map((y) => {
      const rows = units.flatMap((unit) => unit.years.filter((row) => row.year === y));
      return { year: y, planned: autonomousShare(rows.map((row) => row.plannedGroup)), entered: autonomousShare(rows.map((row) => row.group)) };
    });
    const { code, name, measureUnit, baselineValue, baselineDate, targetValue, targetDate, measurements, forecast } = target;
    return {
      target: {
        code, name, measureUnit, baselineValue, baselineDate, targetValue, targetDate, measurements,
        forecast: { class: forecast.class, projectedValue: forecast.projectedValue, reachedOn: forecast.reachedOn, latestValue: forecast.latestValue, latestOn: forecast.latestOn },
      },
      recorded: await loadShareRecords(ctx.db),
      roadmap,
      /** The share the roadmap promises for the target year. */
      promise: roadmap.find((r) => r.year === LAST_PLAN_YEAR)?.planned ?? null,
    };
  }),

  /**
   * Sở Tài chính approves a year's classification (every managing unit with classified units,
   * or those listed) and records the city-wide share on the core target in the same transaction.
   */
  approve: approve.input(approveInput).mutation(async ({ ctx, input }) => {
    onlyFinance(ctx, { vi: 'Chỉ Sở Tài chính phê duyệt phân loại.', en: 'Only the Department of Finance approves classifications.' });
    const directory = await managingUnitDirectory(ctx.services.core);
    const result = await ctx.db.transaction((tx) =>
      approveYear(tx, {
        year: input.year,
        managingUnitCodes: input.managingUnitCodes,
        note: input.note || null,
        actor: ctx.user.username,
        core: ctx.services.core,
        directory,
        locale: ctx.locale,
        audit: (entry) => ctx.audit(tx, entry),
      }),
    );
    if ('error' in result) fail('BAD_REQUEST', ctx.locale, result.error);
    return result;
  }),

  /** Returns an approved year of one managing unit for changes (its rows unlock). */
  reopen: approve.input(reopenInput).mutation(async ({ ctx, input }) => {
    onlyFinance(ctx, { vi: 'Chỉ Sở Tài chính trả lại phân loại.', en: 'Only the Department of Finance returns classifications.' });
    return ctx.db.transaction(async (tx) => {
      await lockYears(tx, [input.year], 'exclusive');
      const id = and(eq(yearApprovals.year, input.year), eq(yearApprovals.managingUnitCode, input.managingUnitCode));
      const [current] = await tx.select().from(yearApprovals).where(id);
      if (!current || current.status !== 'approved') {
        fail('BAD_REQUEST', ctx.locale, {
          vi: `Phân loại năm ${input.year} của đơn vị ${input.managingUnitCode} chưa được phê duyệt.`,
          en: `The ${input.year} classification of ${input.managingUnitCode} is not approved.`,
        });
      }
      const after = await updateVersioned(tx, yearApprovals, {
        id,
        current,
        version: input.version,
        set: { status: 'returned', note: input.note, decidedBy: ctx.user.username, decidedAt: new Date() },
        actor: ctx.user.username,
        changedBy: 'decidedBy',
        locale: ctx.locale,
        audit: { action: 'tai-chinh.classification.reopen', entity: 'tai-chinh.year', entityId: `${input.year}:${input.managingUnitCode}` },
        auditWrite: ctx.audit,
      });
      return approvalView(after);
    });
  }),
});
