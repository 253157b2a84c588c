/**
 * The consolidated periodic CCHC report (§6 of directive 2458): for a core reporting period,
 * every unit's report as it was submitted (the core's frozen versions), the units that have not
 * submitted and their reminders (through the core), the narrative Sở Nội vụ writes (a versioned
 * row, audited), and the figures — always the core's overview as of the period's data window
 * end, never stored here — for the document and its annexes.
 */
import { eq } from 'drizzle-orm';
import { conflict, insertAudited, periodById, ratioPercent, updateVersioned, type CoreApi, type IsoDate } from '@dondoc/plugin-sdk';
import type { z } from 'zod';
import { cleanNarrative, missingSections, reportAsOf, unitProposals, type Narrative } from '../domain/report.ts';
import { REPORT_TARGET_CODE } from '../domain/target.ts';
import type { ModuleContext } from './context.ts';
import type { remindInput, saveReportInput } from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';
import { consolidatedReports } from './schema.ts';

export type OverviewSummary = Awaited<ReturnType<CoreApi['overview']['summary']>>;
export type OverviewTarget = Awaited<ReturnType<CoreApi['overview']['targets']>>[number];

const REPORT = { vi: 'báo cáo tổng hợp', en: 'Consolidated report' };

/** Everything the page, the document and the annexes show of a period. */
export async function consolidation(ctx: ModuleContext, periodId: string) {
  const core = ctx.services.core;
  const period = periodById(periodId);
  const today = core.today();
  const asOf = reportAsOf(period, today);
  const permission = PERMISSIONS.reportsRead;
  const [reports, frozen, summary, targets, rows] = await Promise.all([
    core.reports.period(period.id, { permission }),
    core.reports.frozen(period.id, { permission }),
    core.overview.summary(asOf, { permission }),
    core.overview.targets(asOf, { permission }),
    ctx.db.select().from(consolidatedReports).where(eq(consolidatedReports.periodId, period.id)),
  ]);
  const row = rows[0] ?? null;
  const narrative = cleanNarrative((row?.narrative ?? {}) as Narrative);
  const people = await core.people.of([row?.updatedBy, ctx.user.username]);
  const frozenBy = new Map(frozen.map((r) => [r.reportId, r]));
  return {
    period: reports.period,
    periodLabel: period.label,
    asOf,
    today,
    submitted: reports.submitted.map((r) => {
      const version = frozenBy.get(r.reportId);
      return { ...r, versionNumber: version?.versionNumber ?? null, figures: version?.figures ?? null };
    }),
    notSubmitted: reports.notSubmitted,
    /** The obstacles and proposals the units' frozen reports raise, in the units' order. */
    proposals: unitProposals(reports.submitted.flatMap((r) => { const version = frozenBy.get(r.reportId); return version ? [{ unit: r.unit, lines: version.lines }] : []; })),
    summary,
    targets,
    report: row && { id: row.id, version: row.version, number: row.number, signerName: row.signerName, signerTitle: row.signerTitle, updatedBy: people[row.updatedBy] ?? null, updatedAt: row.updatedAt.toISOString() },
    narrative,
    missingSections: missingSections(narrative),
    /** Who signs when no name is set: the caller. */
    defaultSigner: people[ctx.user.username] ?? null,
  };
}
export type Consolidation = Awaited<ReturnType<typeof consolidation>>;

/** Records the share of units that submitted the period's report on the module's target, in the caller's transaction. */
async function recordShare(ctx: ModuleContext, periodId: string) {
  const core = ctx.services.core;
  const { submitted, notSubmitted, period } = await core.reports.period(periodId, { permission: PERMISSIONS.reportsRead });
  const owing = submitted.length + notSubmitted.length;
  if (owing === 0) return;
  await core.targets.recordMeasurement(REPORT_TARGET_CODE, {
    value: ratioPercent(submitted.length, owing),
    numerator: submitted.length,
    denominator: owing,
    asOf: core.today(),
    basis: `${submitted.length}/${owing} đơn vị đã gửi báo cáo ${period.label}`,
  });
}

/** Sở Nội vụ writes the narrative sections (and the number, the signer): a versioned write, audited. */
export async function saveReport(ctx: ModuleContext, input: z.output<typeof saveReportInput>) {
  const period = periodById(input.periodId);
  const narrative = cleanNarrative(input.narrative);
  const fields = { narrative, number: input.number, signerName: input.signerName, signerTitle: input.signerTitle };
  const actor = ctx.user.username;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(consolidatedReports).where(eq(consolidatedReports.periodId, period.id));
    let row;
    if (!current || input.version === null) {
      if (current) conflict(ctx.locale, current.updatedBy);
      row = await insertAudited(tx, consolidatedReports, {
        values: { periodId: period.id, ...fields, createdBy: actor, updatedBy: actor },
        audit: { action: 'noi-vu.report.create', entity: 'noi-vu.consolidated_report', entityId: (r) => r.id },
        auditWrite: ctx.audit,
        locale: ctx.locale,
      });
    } else {
      row = await updateVersioned(tx, consolidatedReports, {
        id: eq(consolidatedReports.id, current.id),
        version: input.version,
        current,
        set: fields,
        actor,
        locale: ctx.locale,
        what: REPORT,
        audit: { action: 'noi-vu.report.update', entity: 'noi-vu.consolidated_report', entityId: current.id },
        auditWrite: ctx.audit,
        auditView: (before, after) => ({ before: { narrative: before.narrative, number: before.number, version: before.version }, after: { narrative: after.narrative, number: after.number, version: after.version, periodId: after.periodId } }),
      });
    }
    await recordShare(ctx, period.id);
    return { id: row.id, version: row.version, periodId: row.periodId };
  });
}

/** Reminds the units that have not submitted the period's report (or those named) through the core: once a unit and day. */
export async function remindUnits(ctx: ModuleContext, input: z.output<typeof remindInput>) {
  const core = ctx.services.core;
  return ctx.db.transaction(async () => {
    const codes = input.unitCodes ?? (await core.reports.period(input.periodId, { permission: PERMISSIONS.reportsConsolidate })).notSubmitted.map((r) => r.unit.code);
    if (codes.length === 0) return { sent: [], skipped: [] };
    const result = await core.reports.remind(input.periodId, codes, { permission: PERMISSIONS.reportsConsolidate });
    await recordShare(ctx, input.periodId);
    return result;
  });
}

export const dmy = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
export type { IsoDate };
