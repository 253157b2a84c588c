/**
 * PAR INDEX, SIPAS and PAPI on the core's scorecards (`ctx.services.core.scorecards`): the
 * trees Sở Nội vụ leads, each node's owners estimating it with their evidence (below target:
 * a remediation action, and the core opens an escalation to the UBND — the coordinators'
 * queue — and records the index's projection on the scorecard's target), and the city's yearly
 * ranking of departments and districts by internal PAR score. Nothing is copied here: the core
 * computes the roll-up, the classes and the ranking.
 */
import type { z } from 'zod';
import { SNV_INDICES } from '../domain/target.ts';
import type { ModuleContext } from './context.ts';
import type { estimateInput, rankingInput, scorecardsInput } from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';

const isSnvIndex = (index: string) => (SNV_INDICES as readonly string[]).includes(index);

/** The scorecards of Sở Nội vụ's indices (of a year), each with its total, class and nodes short of target. */
export async function listScorecards(ctx: ModuleContext, input: z.output<typeof scorecardsInput>) {
  const cards = await ctx.services.core.scorecards.list({ ...input, permission: PERMISSIONS.scorecardsRead });
  return cards.filter((card) => isSnvIndex(card.index));
}

export async function getScorecard(ctx: ModuleContext, id: string) {
  const card = await ctx.services.core.scorecards.get(id, { permission: PERMISSIONS.scorecardsRead });
  // Who may estimate here is decided by the module's permission (its own units; Sở Nội vụ every unit).
  const access = ctx.permissions.decide(ctx.user, PERMISSIONS.scorecardsEstimate);
  const covers = (code: string) => access.allowed && (access.unitCodes === 'all' || access.unitCodes.includes(code));
  return { ...card, nodes: card.nodes.map((n) => ({ ...n, mayEstimate: n.isLeaf && n.ownerUnits.some((u) => covers(u.code)) })) };
}

/** An owner's self-assessed estimate of a criterion (the core decides who owns it, checks the score, escalates a miss). */
export async function saveEstimate(ctx: ModuleContext, input: z.output<typeof estimateInput>) {
  return ctx.services.core.scorecards.saveEstimate({ ...input, permission: PERMISSIONS.scorecardsEstimate });
}

export async function ranking(ctx: ModuleContext, input: z.output<typeof rankingInput>) {
  return ctx.services.core.scorecards.ranking({ ...input, permission: PERMISSIONS.scorecardsRead });
}
