/**
 * Index scorecards (PAR INDEX, SIPAS, PAPI, PCI, PGI): one tree model for every index — index →
 * field or sub-index → criterion → component criterion — and the rules that turn the owners'
 * estimates into each ancestor's score and class. Pure: no database, no clock.
 *
 * Every index declares how it aggregates (`INDEX_METHODS`); the tree, targets and estimates are
 * data (INDICES.md), kept editable by the owning department.
 */
import type { Label, Locale } from './labels.ts';

export const SCORECARD_INDICES = ['par_index', 'sipas', 'papi', 'pci', 'pgi'] as const;
export type ScorecardIndex = (typeof SCORECARD_INDICES)[number];
export const isScorecardIndex = (value: unknown): value is ScorecardIndex => typeof value === 'string' && (SCORECARD_INDICES as readonly string[]).includes(value);

/**
 * How a parent's score comes from its children's:
 * - `sum`: the children's points added (PAR INDEX, PAPI, PGI);
 * - `weighted_mean`: Σ weightᵢ·scoreᵢ ÷ Σ weightᵢ (a missing weight counts 1), and at the root
 *   times `rootFactor` (PCI: sub-indices on a 10-point scale weighted into 100).
 */
export type RollUpKind = 'sum' | 'weighted_mean';

export interface IndexMethod {
  index: ScorecardIndex;
  name: Label;
  rollUp: RollUpKind;
  /** The root's weighted mean is multiplied by this (PCI 10: ten-point sub-indices into 100); 1 otherwise. */
  rootFactor: number;
  /** The index's scale: the total is out of this (null: no fixed maximum published). */
  scaleMax: number | null;
  /** Each top-level component is out of this (PCI, PAPI: 10; SIPAS: 100 %), null: its own max points. */
  componentMax: number | null;
  /** The total is also shown as a percentage of `scaleMax` (PAR INDEX: 91,43/100 and 91,43%). */
  showPercent: boolean;
  /** Unit of the scores as shown: điểm or %. */
  unit: 'points' | 'percent';
  /** What the first level below the index is called. */
  componentLabel: Label;
}

export const INDEX_METHODS: Readonly<Record<ScorecardIndex, IndexMethod>> = {
  par_index: {
    index: 'par_index',
    name: { vi: 'Chỉ số cải cách hành chính (PAR INDEX)', en: 'Public Administration Reform Index (PAR INDEX)' },
    rollUp: 'sum',
    rootFactor: 1,
    scaleMax: 100,
    componentMax: null,
    showPercent: true,
    unit: 'points',
    componentLabel: { vi: 'Lĩnh vực', en: 'Field' },
  },
  sipas: {
    index: 'sipas',
    name: { vi: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', en: 'Satisfaction Index of Public Administrative Services (SIPAS)' },
    rollUp: 'weighted_mean',
    rootFactor: 1,
    scaleMax: 100,
    componentMax: 100,
    showPercent: false,
    unit: 'percent',
    componentLabel: { vi: 'Yếu tố', en: 'Factor' },
  },
  papi: {
    index: 'papi',
    name: { vi: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)', en: 'Provincial Governance and Public Administration Performance Index (PAPI)' },
    rollUp: 'sum',
    rootFactor: 1,
    scaleMax: 80,
    componentMax: 10,
    showPercent: false,
    unit: 'points',
    componentLabel: { vi: 'Chỉ số nội dung', en: 'Dimension' },
  },
  pci: {
    index: 'pci',
    name: { vi: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', en: 'Provincial Competitiveness Index (PCI)' },
    rollUp: 'weighted_mean',
    rootFactor: 10,
    scaleMax: 100,
    componentMax: 10,
    showPercent: false,
    unit: 'points',
    componentLabel: { vi: 'Chỉ số thành phần', en: 'Sub-index' },
  },
  pgi: {
    index: 'pgi',
    name: { vi: 'Chỉ số xanh cấp tỉnh (PGI)', en: 'Provincial Green Index (PGI)' },
    rollUp: 'sum',
    rootFactor: 1,
    scaleMax: null,
    componentMax: null,
    showPercent: false,
    unit: 'points',
    componentLabel: { vi: 'Chỉ số thành phần', en: 'Sub-index' },
  },
};

/** What each level of the tree is called: the index, its components, tiêu chí, tiêu chí thành phần. */
export function levelLabel(index: ScorecardIndex, depth: number, locale: Locale = 'vi'): string {
  if (depth <= 0) return locale === 'vi' ? 'Chỉ số' : 'Index';
  if (depth === 1) return INDEX_METHODS[index].componentLabel[locale];
  if (depth === 2) return locale === 'vi' ? 'Tiêu chí' : 'Criterion';
  return locale === 'vi' ? 'Tiêu chí thành phần' : 'Component criterion';
}

/** One node of a scorecard as the rules need it. */
export interface ScoreNodeInput {
  id: string;
  parentId: string | null;
  /** Maximum points (sum kinds; a parent without one has its children's total). */
  maxPoints?: number | null;
  /** Weight in its parent's weighted mean (missing: 1). */
  weight?: number | null;
  /** This year's target (a parent without one has its children's targets rolled up). */
  target?: number | null;
  /** The owner's current estimate (leaves; a parent's own estimate is replaced by its children's roll-up). */
  estimate?: number | null;
  lastYearScore?: number | null;
  /** Short by more than this → off track (the owner sets it; null: a shortfall is only at risk). */
  margin?: number | null;
}

/** met: estimate ≥ target; at_risk: short of it (by at most the margin); off_track: short by more; no_target; missing: no estimate. */
export const SCORE_CLASSES = ['met', 'at_risk', 'off_track', 'no_target', 'missing'] as const;
export type ScoreClass = (typeof SCORE_CLASSES)[number];

export const SCORE_CLASS_LABELS: Readonly<Record<ScoreClass, Label>> = {
  met: { vi: 'Đạt mục tiêu', en: 'On target' },
  at_risk: { vi: 'Có nguy cơ không đạt', en: 'At risk' },
  off_track: { vi: 'Dự báo không đạt', en: 'Off track' },
  no_target: { vi: 'Chưa đặt mục tiêu', en: 'No target' },
  missing: { vi: 'Chưa có ước tính', en: 'No estimate' },
};

export interface RolledNode {
  id: string;
  depth: number;
  isLeaf: boolean;
  /** The leaf's own estimate, or the roll-up of its children's (null while a leaf below has none). */
  estimate: number | null;
  target: number | null;
  lastYearScore: number | null;
  /** Out of what the node's score is (null: not known). */
  max: number | null;
  /** estimate ÷ max × 100 (null without either). */
  percent: number | null;
  /** The node's own comparison of estimate and target. */
  ownClass: ScoreClass;
  /** Its own class, or at risk when a node below it is at risk or off track (a shortfall below shows on its whole path). */
  class: ScoreClass;
  /** Leaves below it (itself for a leaf) with no estimate. */
  missingLeaves: number;
  /** target − estimate when short, else 0 (null without either). */
  shortfall: number | null;
}

/** Scores are kept to 4 decimals (PAPI publishes 47,8763): no float dust from adding. */
export function roundScore(value: number): number {
  return Math.round((value + Number.EPSILON) * 10_000) / 10_000;
}

/** The class of a node's estimate against its target and margin (higher is better for every index). */
export function scoreClass(estimate: number | null, target: number | null, margin: number | null = null): ScoreClass {
  if (estimate === null) return 'missing';
  if (target === null) return 'no_target';
  if (estimate >= target - 1e-9) return 'met';
  if (margin !== null && target - estimate > margin + 1e-9) return 'off_track';
  return 'at_risk';
}

/** The estimate falls short of the target: it cannot be saved without a remediation action. */
export function isMiss(estimate: number | null, target: number | null): boolean {
  return estimate !== null && target !== null && estimate < target - 1e-9;
}

function childrenOf(nodes: readonly ScoreNodeInput[]): Map<string | null, ScoreNodeInput[]> {
  const byParent = new Map<string | null, ScoreNodeInput[]>();
  for (const node of nodes) {
    const list = byParent.get(node.parentId);
    if (list) list.push(node);
    else byParent.set(node.parentId, [node]);
  }
  return byParent;
}

/** A tree's problems, or [] — one root, every parent there, no cycle (the tree every rule below expects). */
export function treeProblems(nodes: readonly ScoreNodeInput[]): Label[] {
  const problems: Label[] = [];
  const ids = new Set(nodes.map((n) => n.id));
  if (ids.size !== nodes.length) problems.push({ vi: 'Có hai nút trùng mã.', en: 'Two nodes share an id.' });
  const roots = nodes.filter((n) => n.parentId === null);
  if (roots.length !== 1) problems.push({ vi: `Bảng điểm phải có đúng một gốc (chỉ số), đang có ${roots.length}.`, en: `A scorecard has exactly one root (the index); it has ${roots.length}.` });
  for (const node of nodes) {
    if (node.parentId !== null && !ids.has(node.parentId)) problems.push({ vi: `Nút ${node.id} có nút cha không tồn tại.`, en: `Node ${node.id} has a parent that does not exist.` });
  }
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  for (const node of nodes) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = node.id; at; at = parentOf.get(at)) {
      if (seen.has(at)) {
        problems.push({ vi: `Nút ${node.id} nằm trong một vòng lặp.`, en: `Node ${node.id} is in a cycle.` });
        break;
      }
      seen.add(at);
    }
  }
  return problems;
}

/**
 * Rolls the leaves' estimates (and targets, last year's scores and maxima where a parent has
 * none of its own) up to every ancestor, by the index's method. A parent's estimate is null
 * while any leaf below it has none (`missingLeaves` counts them, so the path from a missing leaf
 * to the index shows it) — a partial sum would read as a fall. Throws on a malformed tree.
 */
export function rollUpScorecard(method: IndexMethod, nodes: readonly ScoreNodeInput[]): Map<string, RolledNode> {
  const problems = treeProblems(nodes);
  if (problems.length > 0) throw new Error(problems.map((p) => p.en).join(' '));
  const byParent = childrenOf(nodes);
  const out = new Map<string, RolledNode>();

  const combine = (children: ScoreNodeInput[], values: (number | null)[], depth: number): number | null => {
    if (values.some((v) => v === null)) return null;
    const numbers = values as number[];
    if (method.rollUp === 'sum') return roundScore(numbers.reduce((a, b) => a + b, 0));
    const weights = children.map((c) => c.weight ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) return null;
    const mean = numbers.reduce((sum, v, i) => sum + v * (weights[i] as number), 0) / total;
    return roundScore(depth === 0 ? mean * method.rootFactor : mean);
  };

  const visit = (node: ScoreNodeInput, depth: number): RolledNode => {
    const children = byParent.get(node.id) ?? [];
    const rolled = children.map((child) => visit(child, depth + 1));
    const isLeaf = children.length === 0;
    const estimate = isLeaf ? (node.estimate ?? null) : combine(children, rolled.map((r) => r.estimate), depth);
    const target = node.target ?? (isLeaf ? null : combine(children, rolled.map((r) => r.target), depth));
    const lastYearScore = node.lastYearScore ?? (isLeaf ? null : combine(children, rolled.map((r) => r.lastYearScore), depth));
    const max = nodeMax(method, node, depth, rolled);
    const ownClass = scoreClass(estimate, target, node.margin ?? null);
    const worstBelow = rolled.some((r) => r.class === 'at_risk' || r.class === 'off_track');
    const klass: ScoreClass = worstBelow && (ownClass === 'met' || ownClass === 'no_target' || ownClass === 'missing') ? 'at_risk' : ownClass;
    const result: RolledNode = {
      id: node.id,
      depth,
      isLeaf,
      estimate,
      target,
      lastYearScore,
      max,
      percent: estimate !== null && max !== null && max > 0 ? Math.round((estimate / max) * 10_000) / 100 : null,
      ownClass,
      class: klass,
      missingLeaves: isLeaf ? (estimate === null ? 1 : 0) : rolled.reduce((n, r) => n + r.missingLeaves, 0),
      shortfall: estimate !== null && target !== null ? roundScore(Math.max(0, target - estimate)) : null,
    };
    out.set(node.id, result);
    return result;
  };

  const root = nodes.find((n) => n.parentId === null);
  if (root) visit(root, 0);
  return out;
}

function nodeMax(method: IndexMethod, node: ScoreNodeInput, depth: number, rolled: RolledNode[]): number | null {
  if (depth === 0 && method.scaleMax !== null) return method.scaleMax;
  if (method.rollUp === 'weighted_mean') return method.componentMax;
  if (node.maxPoints !== null && node.maxPoints !== undefined) return node.maxPoints;
  if (depth === 1 && method.componentMax !== null) return method.componentMax;
  if (rolled.length === 0 || rolled.some((r) => r.max === null)) return null;
  return roundScore(rolled.reduce((sum, r) => sum + (r.max as number), 0));
}

/** The ids from `nodeId` up to the index (the node first, the root last): where a missing or short leaf shows. */
export function pathToIndex(nodes: readonly Pick<ScoreNodeInput, 'id' | 'parentId'>[], nodeId: string): string[] {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  if (!parentOf.has(nodeId)) return [];
  const path: string[] = [];
  for (let at: string | null | undefined = nodeId; at && !path.includes(at); at = parentOf.get(at)) path.push(at);
  return path;
}

/** An estimate (or target, or last year's score) a node may hold: a number from 0 to its maximum. */
export function scoreProblem(value: number, max: number | null): Label | null {
  if (!Number.isFinite(value) || value < 0) return { vi: 'Điểm phải là một số không âm.', en: 'A score must be a number of at least 0.' };
  if (max !== null && value > max + 1e-9) return { vi: `Điểm ${formatScore(value, 'vi')} vượt điểm tối đa ${formatScore(max, 'vi')}.`, en: `The score ${formatScore(value, 'en')} exceeds the maximum ${formatScore(max, 'en')}.` };
  return null;
}

/** A score as Vietnamese write it (91,43) or English (91.43), up to 4 decimals, no trailing zeros. */
export function formatScore(value: number, locale: Locale = 'vi'): string {
  return value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 4, useGrouping: false });
}

/**
 * The index's total as it is published: PAR INDEX "91,43/100 (91,43%)", PAPI "47,8763/80",
 * SIPAS "82,66%", PCI "68,8/100", PGI "26 điểm".
 */
export function formatIndexScore(method: IndexMethod, value: number | null, locale: Locale = 'vi'): string {
  if (value === null) return locale === 'vi' ? 'Chưa đủ ước tính' : 'Not all estimated';
  const shown = formatScore(value, locale);
  if (method.unit === 'percent') return `${shown}%`;
  if (method.scaleMax === null) return `${shown} ${locale === 'vi' ? 'điểm' : 'points'}`;
  const out = `${shown}/${method.scaleMax}`;
  return method.showPercent ? `${out} (${formatScore(Math.round((value / method.scaleMax) * 10_000) / 100, locale)}%)` : out;
}

/** A unit's internal PAR INDEX result of a year (Hà Nội ranks its departments and its districts). */
export interface UnitScore {
  unitCode: string;
  /** Percent of the maximum, e.g. 94 (Sở Nội vụ, 2023). */
  score: number;
}

export interface RankedUnit extends UnitScore {
  /** 1 for the best; units with the same score share a rank (1, 2, 2, 4). */
  rank: number;
  /** Last year's rank among the same units' results of that year (null: not ranked then). */
  lastRank: number | null;
  /** lastRank − rank: positive moved up, negative down, 0 kept, null new. */
  change: number | null;
}

/** Competition ranks of `scores`, best first (ties share a rank; ties ordered by unit code). */
function competitionRanks(scores: readonly UnitScore[]): Array<UnitScore & { rank: number }> {
  const sorted = [...scores].sort((a, b) => b.score - a.score || a.unitCode.localeCompare(b.unitCode));
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || Math.abs(sorted[i - 1]!.score - row.score) >= 1e-9) rank = i + 1;
    return { ...row, rank };
  });
}

/**
 * The city's ranking of its units by internal PAR score, with each unit's move since last year
 * and the mean (to two decimals): Hà Nội 2023, departments' mean 88,4%, Sở Nội vụ first at 94%.
 */
export function rankUnits(scores: readonly UnitScore[], lastYear: readonly UnitScore[] = []): { ranked: RankedUnit[]; mean: number | null } {
  const before = new Map(competitionRanks(lastYear).map((r) => [r.unitCode, r.rank]));
  const ranked = competitionRanks(scores).map((row) => {
    const lastRank = before.get(row.unitCode) ?? null;
    return { ...row, lastRank, change: lastRank === null ? null : lastRank - row.rank };
  });
  const mean = scores.length > 0 ? Math.round((scores.reduce((sum, s) => sum + s.score, 0) / scores.length) * 100) / 100 : null;
  return { ranked, mean };
}
