/**
 * The shares of internal procedures and of compliance cost cut (rules and their definition:
 * src/domain/simplification.ts), over the whole catalogue, and their record on the two 2458
 * targets the module declares — in the transaction of the change that moved them.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '@dondoc/plugin-sdk';
import { COST_CUT_TARGET, cutShares, cutSharesByUnit, INTERNAL_CUT_TARGET, type CatalogueEntry, type CutShares, type PlanFacts } from '../../domain/index.ts';
import { plans, procedures } from '../schema.ts';
import { unitNames, type ModuleContext } from './context.ts';

async function loadFacts(db: Queryable): Promise<{ catalogue: CatalogueEntry[]; plans: PlanFacts[] }> {
  const catalogue = await db.select({ code: procedures.code, ownerUnitCode: procedures.ownerUnitCode, kind: procedures.kind, complianceCost: procedures.complianceCost }).from(procedures);
  const planRows = await db
    .select({ procedureCode: procedures.code, status: plans.status, action: plans.action, costBefore: plans.costBefore, costAfter: plans.costAfter })
    .from(plans)
    .innerJoin(procedures, eq(procedures.id, plans.procedureId));
  return { catalogue: catalogue as CatalogueEntry[], plans: planRows as PlanFacts[] };
}

function basisOf(shares: CutShares, locale: 'vi' | 'en'): string {
  const implemented = shares.counted - shares.pendingImplementation;
  return locale === 'vi'
    ? `${shares.counted} phương án đã duyệt, ${implemented} đã thực thi`
    : `${shares.counted} plans approved, ${implemented} implemented`;
}

/** Whether the module has recorded a share already (then a share that fell to 0 is recorded too). */
async function recordedBefore(ctx: ModuleContext): Promise<boolean> {
  const target = await ctx.services.core.targets.get(INTERNAL_CUT_TARGET);
  return target.measurements.some((measurement) => measurement.source === 'van-phong');
}

/**
 * Records today's city-wide shares on 2458-CT1 (internal procedures cut) and 2458-CT2
 * (compliance cost cut), with numerator, denominator and whether they are provisional. Before
 * any plan counts the module has no figure of its own and records nothing (the measurements
 * entered by hand stay the target's history); once it has recorded, a share that falls back
 * to 0 (the last counted plan returned) is recorded as such; a share with a zero denominator is not recorded.
 */
export async function recordCutShares(ctx: ModuleContext, db: Queryable): Promise<CutShares | null> {
  const facts = await loadFacts(db);
  const shares = cutShares(facts.catalogue, facts.plans);
  if (shares.counted === 0 && !(await recordedBefore(ctx))) return null;
  const asOf = ctx.services.core.today();
  const basis = basisOf(shares, ctx.locale);
  const { internal, cost } = shares;
  if (internal.percent !== null) {
    await ctx.services.core.targets.recordMeasurement(INTERNAL_CUT_TARGET, {
      value: internal.percent,
      asOf,
      numerator: internal.numerator,
      denominator: internal.denominator,
      provisional: shares.provisional,
      basis,
      note:
        ctx.locale === 'vi'
          ? `${internal.numerator}/${internal.denominator} TTHC nội bộ có phương án cắt giảm, đơn giản hóa đã được Văn phòng UBND Thành phố phê duyệt.`
          : `${internal.numerator}/${internal.denominator} internal procedures with a cut or simplification approved by the Văn phòng.`,
    });
  }
  if (cost.percent !== null) {
    await ctx.services.core.targets.recordMeasurement(COST_CUT_TARGET, {
      value: cost.percent,
      asOf,
      numerator: cost.numerator,
      denominator: cost.denominator,
      provisional: shares.provisional,
      basis,
      note:
        ctx.locale === 'vi'
          ? `Chi phí tuân thủ cắt giảm ${cost.numerator} trên tổng ${cost.denominator} nghìn đồng/năm.`
          : `Compliance cost cut by ${cost.numerator} of ${cost.denominator} thousand VND a year.`,
    });
  }
  return shares;
}

/** The shares city-wide and per department (the departments the caller reads). */
export async function sharesView(ctx: ModuleContext) {
  const facts = await loadFacts(ctx.db);
  const units = await unitNames(ctx);
  const visible = (code: string) => ctx.access.unitCodes === 'all' || ctx.access.unitCodes.includes(code);
  return {
    city: cutShares(facts.catalogue, facts.plans),
    byUnit: [...cutSharesByUnit(facts.catalogue, facts.plans).entries()]
      .filter(([code]) => visible(code))
      .map(([unitCode, shares]) => ({ unitCode, unitName: units.get(unitCode) ?? unitCode, ...shares })),
  };
}
