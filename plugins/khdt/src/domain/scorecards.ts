/**
 * Sở KH&ĐT's reading of the PCI and PGI scorecards (the core holds the tree and rolls it up):
 * which owner units still owe this quarter's estimate, which criteria miss their target and
 * whether each has its remediation action, and the index's trend over the years. Pure.
 */
import type { IsoDate, ScoreClass } from '@dondoc/plugin-sdk/web';

/** The indices the module leads (Plan 167/KH-UBND on PCI, which also covers PGI). */
export const KHDT_INDICES = ['pci', 'pgi'] as const;
export type KhdtIndex = (typeof KHDT_INDICES)[number];

export interface UnitRefLite {
  code: string;
  name: string;
}

/** A node as the core's `scorecards.get` answers it (the fields these rules read). */
export interface CardNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  isLeaf: boolean;
  ownEstimate: number | null;
  estimateOn: string | null;
  estimate: number | null;
  target: number | null;
  shortfall: number | null;
  ownClass: ScoreClass;
  class: ScoreClass;
  ownerUnits: UnitRefLite[];
  actions: ReadonlyArray<{ what: string; dueOn: string; ownerUnit: UnitRefLite }>;
  escalation: { id: string; state: string } | null;
}

/** The first day of the quarter `date` falls in. */
export function quarterStart(date: IsoDate): IsoDate {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01` as IsoDate;
}

/**
 * The day estimates are owed for: today, or the last day of the index's year once it is over
 * (the year's final projection is made in its last quarter).
 */
export function estimateDay(year: number, today: IsoDate): IsoDate {
  const yearEnd = `${year}-12-31` as IsoDate;
  return today > yearEnd ? yearEnd : today;
}

export interface OwedNode {
  id: string;
  code: string;
  name: string;
  /** missing: never estimated; stale: estimated before this quarter. */
  reason: 'missing' | 'stale';
  estimateOn: string | null;
}

/**
 * The owner units that owe an estimate: for every leaf with none, or one made before the quarter
 * of `asOf`, each of its owner units owes it. Units in code order, their criteria in tree order.
 */
export function owingUnits(nodes: readonly CardNode[], asOf: IsoDate): Array<{ unit: UnitRefLite; nodes: OwedNode[] }> {
  const since = quarterStart(asOf);
  const byUnit = new Map<string, { unit: UnitRefLite; nodes: OwedNode[] }>();
  for (const node of nodes) {
    if (!node.isLeaf) continue;
    const reason = node.ownEstimate === null ? 'missing' : node.estimateOn === null || node.estimateOn < since ? 'stale' : null;
    if (!reason) continue;
    for (const unit of node.ownerUnits) {
      const entry = byUnit.get(unit.code) ?? { unit, nodes: [] };
      entry.nodes.push({ id: node.id, code: node.code, name: node.name, reason, estimateOn: node.estimateOn });
      byUnit.set(unit.code, entry);
    }
  }
  return [...byUnit.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}

export interface Miss {
  id: string;
  code: string;
  name: string;
  estimate: number;
  target: number;
  shortfall: number;
  class: ScoreClass;
  ownerUnits: UnitRefLite[];
  actions: CardNode['actions'];
  /** An action still due on `asOf` (none: the owner must give one). */
  hasDueAction: boolean;
  escalated: boolean;
}

/** The leaves estimated below their target, the largest shortfall first. */
export function missesOf(nodes: readonly CardNode[], asOf: IsoDate): Miss[] {
  return nodes
    .filter((n) => n.isLeaf && n.estimate !== null && n.target !== null && (n.ownClass === 'at_risk' || n.ownClass === 'off_track'))
    .map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      estimate: n.estimate!,
      target: n.target!,
      shortfall: n.shortfall ?? n.target! - n.estimate!,
      class: n.ownClass,
      ownerUnits: n.ownerUnits,
      actions: n.actions,
      hasDueAction: n.actions.some((a) => a.dueOn >= asOf),
      escalated: n.escalation !== null,
    }))
    .sort((a, b) => b.shortfall - a.shortfall || a.code.localeCompare(b.code, 'vi', { numeric: true }));
}

export interface YearTotal {
  year: number;
  estimate: number | null;
  target: number | null;
  lastYearScore: number | null;
}

export interface TrendPoint {
  year: number;
  /** The published score (a year before the first scorecard, from its last year's score) or the projection. */
  score: number | null;
  target: number | null;
  kind: 'published' | 'projected';
}

/**
 * The index over the years: each scorecard's projection and target, each year's published score
 * where a later scorecard holds it as its last year's score (the published figure wins).
 */
export function trendOf(cards: readonly YearTotal[]): TrendPoint[] {
  const points = new Map<number, TrendPoint>();
  for (const card of cards) points.set(card.year, { year: card.year, score: card.estimate, target: card.target, kind: 'projected' });
  for (const card of cards) {
    if (card.lastYearScore === null) continue;
    const before = points.get(card.year - 1);
    points.set(card.year - 1, { year: card.year - 1, score: card.lastYearScore, target: before?.target ?? null, kind: 'published' });
  }
  return [...points.values()].sort((a, b) => a.year - b.year);
}
