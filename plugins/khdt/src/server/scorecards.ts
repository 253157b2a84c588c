/**
 * The PCI and PGI scorecards (Plan 167/KH-UBND) on the core model: Sở KH&ĐT sets each sub-index's
 * and indicator's target, margin and owner units; the owner units estimate with evidence, a miss
 * with a remediation action (the core refuses it without one, escalates it to the UBND and records
 * the projected score on the scorecard's target — the one this module declares). Each call names
 * the module's permission, decided by the one policy.
 */
import { fail } from '@dondoc/plugin-sdk';
import type { z } from 'zod';
import { estimateDay, missesOf, owingUnits, PROJECTION_TARGETS, trendOf, type KhdtIndex } from '../domain/index.ts';
import type { ModuleContext } from './context.ts';
import type { estimateInput, indexInput, setTargetInput } from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';

const read = { permission: PERMISSIONS.scorecardsRead };

/** The index's scorecards, newest year first, each with its total. */
export function listCards(ctx: ModuleContext, index: KhdtIndex) {
  return ctx.services.core.scorecards.list({ index, ...read });
}

async function cardOf(ctx: ModuleContext, index: KhdtIndex, year?: number) {
  const cards = await listCards(ctx, index);
  const card = year === undefined ? cards[0] : cards.find((c) => c.year === year);
  if (!card) fail('NOT_FOUND', ctx.locale, { vi: `Chưa có bảng điểm ${index.toUpperCase()}${year ? ` năm ${year}` : ''}.`, en: `There is no ${index.toUpperCase()} scorecard${year ? ` for ${year}` : ''}.` });
  return { cards, card };
}

/** A page per index: the tree (rolled up by the core), the units owing estimates, the misses and their actions, the trend, the projection's target. */
export async function indexPage(ctx: ModuleContext, input: z.output<typeof indexInput>) {
  const { cards, card } = await cardOf(ctx, input.index, input.year);
  const detail = await ctx.services.core.scorecards.get(card.id, read);
  const asOf = estimateDay(detail.year, ctx.services.core.today());
  const projection = detail.target ? await ctx.services.core.targets.get(detail.target.code) : null;
  return {
    asOf,
    years: cards.map((c) => c.year),
    card: detail,
    owing: owingUnits(detail.nodes, asOf),
    misses: missesOf(detail.nodes, asOf),
    trend: trendOf(cards.map((c) => ({ year: c.year, estimate: c.total?.estimate ?? null, target: c.total?.target ?? null, lastYearScore: c.total?.lastYearScore ?? null }))),
    projection: projection && {
      code: projection.code,
      name: projection.name,
      targetValue: projection.targetValue,
      measureUnit: projection.measureUnit,
      declaredByModule: projection.code === PROJECTION_TARGETS[input.index],
      measurements: projection.measurements.map((m) => ({ value: m.value, asOf: m.asOf, source: m.source })),
      forecast: projection.forecast,
    },
  };
}

/** Sở KH&ĐT sets a node's target, margin, owner units. */
export function setTarget(ctx: ModuleContext, input: z.output<typeof setTargetInput>) {
  const { nodeId, ...change } = input;
  return ctx.services.core.scorecards.updateNode({ id: nodeId, ...change, permission: PERMISSIONS.scorecardsEdit });
}

/** An owner unit's estimate with its evidence (below target: with a remediation action). */
export function saveEstimate(ctx: ModuleContext, input: z.output<typeof estimateInput>) {
  return ctx.services.core.scorecards.saveEstimate({ ...input, permission: PERMISSIONS.scorecardsEstimate });
}

export function history(ctx: ModuleContext, nodeId: string) {
  return ctx.services.core.scorecards.history(nodeId, read);
}

/** Sở KH&ĐT reminds the owner units that still owe the quarter's estimate (a notice with a link to the index's page; once a unit a day). */
export async function remindOwing(ctx: ModuleContext, input: z.output<typeof indexInput>) {
  const page = await indexPage(ctx, input);
  const unitCodes = page.owing.map((o) => o.unit.code);
  if (unitCodes.length === 0) return { sent: [], skipped: [] };
  const name = input.index.toUpperCase();
  return ctx.services.core.notices.send({
    unitCodes,
    title: { vi: `Cập nhật ước tính Chỉ số ${name} năm ${page.card.year}`, en: `Update your ${name} ${page.card.year} estimates` },
    body: {
      vi: `Sở Kế hoạch và Đầu tư đề nghị đơn vị cập nhật ước tính kèm minh chứng các chỉ số thành phần ${name} đơn vị phụ trách (tính đến ${page.asOf.split('-').reverse().join('/')}); chỉ tiêu dự báo không đạt cần nêu giải pháp khắc phục.`,
      en: `The Department of Planning and Investment asks your unit to update, with evidence, its estimates of the ${name} sub-indices it owns (as of ${page.asOf}); a criterion forecast to miss needs a remediation action.`,
    },
    link: `/m/khdt/chi-so/${input.index}`,
    permission: PERMISSIONS.scorecardsEdit,
  });
}
