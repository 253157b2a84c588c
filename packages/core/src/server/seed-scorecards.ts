/**
 * Loads the index scorecards (`scorecards-2023.ts`) under directive 2458: each scorecard, its
 * tree, its core target (source `module`, `scorecards`) and the demo's estimates with their
 * history and remediation actions, and the projected score as the target's first measurement.
 * Idempotent and reconciling: a scorecard already there keeps every row (the owning department
 * edits them); only nodes missing by code are added, so a later seed's criteria reach it.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@dondoc/db';
import { INDEX_METHODS, rollUpScorecard, type ScoreNodeInput } from '../domain/index.ts';
import { SCORECARD_MEASUREMENT_SOURCE } from './module-api/scorecards.ts';
import { measurements, parUnitScores, scorecardActions, scorecardEstimates, scorecardNodes, scorecards, targets, tasks } from './schema.ts';
import { PAR_UNIT_SCORES, PAR_UNIT_SCORES_SOURCE, PUBLISHED_2023 } from './par-unit-scores.ts';
import { SCORECARDS_2023, SEED_ESTIMATE_DATE, type SeedNode, type SeedScorecard } from './scorecards-2023.ts';

/** The seed's actor ("Dữ liệu mẫu (hệ thống)"). */
const SEED_ACTOR = 'du-lieu-mau';

function flatten(root: SeedNode): Array<SeedNode & { parentCode: string | null; position: number }> {
  const out: Array<SeedNode & { parentCode: string | null; position: number }> = [];
  const walk = (node: SeedNode, parentCode: string | null, position: number) => {
    out.push({ ...node, parentCode, position });
    node.children?.forEach((child, i) => walk(child, node.code, i));
  };
  walk(root, null, 0);
  return out;
}

/** The seed's tree rolled up (the first projection, and the baseline of an index with no published score). */
function seedTotal(seed: SeedScorecard) {
  const nodes: ScoreNodeInput[] = flatten(seed.root).map((n) => ({
    id: n.code,
    parentId: n.parentCode,
    maxPoints: n.maxPoints ?? null,
    weight: n.weight ?? null,
    target: n.target ?? null,
    estimate: n.children?.length ? null : (n.estimate ?? null),
    lastYearScore: n.lastYearScore ?? null,
  }));
  return rollUpScorecard(INDEX_METHODS[seed.index], nodes).get(seed.root.code)!;
}

export async function seedScorecards(tx: Queryable, directiveId: string, seeds: readonly SeedScorecard[] = SCORECARDS_2023): Promise<{ scorecards: number; nodes: number }> {
  let createdCards = 0;
  let createdNodes = 0;
  for (const seed of seeds) {
    const [task] = await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.directiveId, directiveId), eq(tasks.clause, seed.clause), isNull(tasks.parentId)))
      .orderBy(asc(tasks.code))
      .limit(1);
    const total = seedTotal(seed);
    let [target] = await tx.select().from(targets).where(eq(targets.code, seed.targetCode));
    let newTarget = false;
    if (!target) {
      [target] = await tx
        .insert(targets)
        .values({
          code: seed.targetCode,
          name: seed.targetName,
          measureUnit: seed.measureUnit,
          direction: 'at_least',
          baselineValue: seed.root.lastYearScore ?? total.estimate ?? 0,
          baselineDate: `${seed.year - 1}-12-31`,
          targetValue: total.target ?? 0,
          targetDate: `${seed.year}-12-31`,
          ownerUnitCode: seed.ownerUnitCode,
          source: 'module',
          sourceModule: SCORECARD_MEASUREMENT_SOURCE,
          directiveId,
          taskId: task?.id ?? null,
        })
        .returning();
      newTarget = true;
    }
    if (!target) throw new Error(`target ${seed.targetCode} insert returned nothing`);
    let [card] = await tx.select().from(scorecards).where(and(eq(scorecards.indexKind, seed.index), eq(scorecards.year, seed.year)));
    if (!card) {
      [card] = await tx
        .insert(scorecards)
        .values({
          indexKind: seed.index,
          year: seed.year,
          name: seed.name,
          ownerUnitCode: seed.ownerUnitCode,
          taskId: task?.id ?? null,
          targetId: target.id,
          lastYearRank: seed.lastYearRank,
          sources: seed.sources,
          unverifiedNote: seed.unverifiedNote,
          updatedBy: SEED_ACTOR,
        })
        .returning();
      createdCards++;
    }
    if (!card) throw new Error(`scorecard ${seed.index} ${seed.year} insert returned nothing`);
    const existing = new Map((await tx.select({ id: scorecardNodes.id, code: scorecardNodes.code }).from(scorecardNodes).where(eq(scorecardNodes.scorecardId, card.id))).map((n) => [n.code, n.id]));
    for (const node of flatten(seed.root)) {
      if (existing.has(node.code)) continue;
      const isLeaf = !node.children?.length;
      const estimate = isLeaf ? (node.estimate ?? null) : null;
      const [row] = await tx
        .insert(scorecardNodes)
        .values({
          scorecardId: card.id,
          parentId: node.parentCode === null ? null : (existing.get(node.parentCode) ?? null),
          code: node.code,
          name: node.name,
          position: node.position,
          maxPoints: node.maxPoints ?? null,
          weight: node.weight ?? null,
          lastYearScore: node.lastYearScore ?? null,
          target: node.target ?? null,
          margin: node.margin ?? null,
          ownerUnitCodes: node.owners ?? [],
          estimate,
          estimateEvidence: estimate === null ? null : (node.evidence ?? null),
          estimateOn: estimate === null ? null : SEED_ESTIMATE_DATE,
          estimatedBy: estimate === null ? null : SEED_ACTOR,
          source: node.source ?? null,
          unverified: node.unverified ?? false,
          updatedBy: SEED_ACTOR,
        })
        .returning({ id: scorecardNodes.id });
      if (!row) throw new Error(`scorecard node ${node.code} insert returned nothing`);
      existing.set(node.code, row.id);
      createdNodes++;
      if (estimate !== null) {
        await tx.insert(scorecardEstimates).values({ nodeId: row.id, value: estimate, evidence: node.evidence ?? '', asOf: SEED_ESTIMATE_DATE, byUsername: SEED_ACTOR });
      }
      if (node.action) {
        await tx.insert(scorecardActions).values({ nodeId: row.id, what: node.action.what, ownerUnitCode: node.action.ownerUnitCode, dueOn: node.action.dueOn, createdBy: SEED_ACTOR });
      }
    }
    if (newTarget && total.estimate !== null) {
      await tx
        .insert(measurements)
        .values({ targetId: target.id, value: total.estimate, asOf: SEED_ESTIMATE_DATE, source: SCORECARD_MEASUREMENT_SOURCE, note: 'Dữ liệu mẫu', author: SEED_ACTOR, provisional: true, basis: `Dự báo từ bảng điểm ${seed.name} ${seed.year}` })
        .onConflictDoNothing();
    }
  }
  await seedParUnitScores(tx);
  return { scorecards: createdCards, nodes: createdNodes };
}

/** The units' internal PAR results (`par-unit-scores.ts`): the missing (year, unit) rows only, so an edited figure stays. */
async function seedParUnitScores(tx: Queryable): Promise<void> {
  const rows = Object.entries(PAR_UNIT_SCORES).flatMap(([year, scores]) =>
    Object.entries(scores).map(([unitCode, score]) => ({
      year: Number(year),
      unitCode,
      score,
      source: Number(year) === 2023 && PUBLISHED_2023.has(unitCode) ? PAR_UNIT_SCORES_SOURCE : null,
      updatedBy: SEED_ACTOR,
    })),
  );
  await tx.insert(parUnitScores).values(rows).onConflictDoNothing();
}
