/**
 * `core.scorecards`: the index scorecards (PAR INDEX, SIPAS, PAPI, PCI, PGI) — read with their
 * roll-up, estimated by the units owning each node, edited by the owning department. One write
 * path for the core's router and the department modules (khdt, noi-vu): every change is a
 * versioned write of the node with its audit row, in the caller's transaction. An estimate below
 * target needs a remediation action; saving it opens an escalation to the UBND about the node
 * (and, if asked, a core task for the action's unit); the index's projected score is recorded as
 * a measurement of the scorecard's core target, so its forecast moves with the estimates.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { coversUnit, listUnits, type Access } from '@dondoc/auth';
import type { Queryable, Tx } from '@dondoc/db';
import { localized } from '@dondoc/trpc';
import {
  formatIndexScore,
  formatScore,
  INDEX_METHODS,
  isIsoDate,
  isMiss,
  isScorecardIndex,
  rankUnits,
  rollUpScorecard,
  SCORECARD_INDICES,
  scoreProblem,
  type IndexMethod,
  type IsoDate,
  type RolledNode,
  type ScorecardIndex,
} from '../../domain/index.ts';
import { fail, notFound } from '../errors.ts';
import { peopleOf } from '../people.ts';
import { directives, escalations, parUnitScores, scorecardActions, scorecardEstimates, scorecardNodes, scorecards, targets, tasks } from '../schema.ts';
import { notifyEscalation } from '../notices.ts';
import { recordMeasurement } from '../targets.ts';
import { unitDirectory, unitRef } from '../units.ts';
import { deleteRow, updateRow } from '../versioned.ts';
import { accessOf, audit, authorOf, decideAccess, parse, queryable, type Bound } from './binding.ts';
import { moduleTasks } from './tasks.ts';
import { planSheetImport, scorecardSheet, scorecardWorkbook, type SheetNode } from '../scorecard-sheet.ts';
import { currentTransaction, scopeTransactions } from './tx-scope.ts';

type ScorecardRow = typeof scorecards.$inferSelect;
type NodeRow = typeof scorecardNodes.$inferSelect;

/** The source of the measurements a scorecard records on its core target. */
export const SCORECARD_MEASUREMENT_SOURCE = 'scorecards';

const isoDate = z.string().refine(isIsoDate, localized({ vi: 'Ngày phải có dạng YYYY-MM-DD và là một ngày có thật.', en: 'Date must be YYYY-MM-DD, a real day.' }));
const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, localized({ vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit code.' }));
const score = z.number(localized({ vi: 'Điểm phải là một số.', en: 'A score must be a number.' })).finite();
const permission = z.string().max(200).optional();
const version = z.number().int().min(1);
const text = (max: number, vi: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, localized({ vi, en }))
    .max(max, localized({ vi: `Nội dung dài quá ${max} ký tự.`, en: `The text is longer than ${max} characters.` }));

export const remediationInput = z.object({
  /** What will be done to close the gap. */
  what: text(2000, 'Hãy nêu giải pháp khắc phục (việc cần làm).', 'Say what will be done (the remediation).'),
  /** Who does it (default: the caller's unit). */
  ownerUnitCode: unitCode.optional(),
  /** By when. */
  dueOn: isoDate,
  /** Also give the unit a core task for it, followed like any task. */
  openTask: z.boolean().default(false),
});

export const saveEstimateInput = z.object({
  nodeId: z.uuid(),
  version,
  value: score,
  evidence: text(2000, 'Hãy nêu căn cứ, minh chứng của ước tính.', 'Give the evidence the estimate rests on.'),
  /** The estimate's date (default today; never after today). */
  asOf: isoDate.optional(),
  /** Short of the target by more than this → off track (the owner sets it). */
  margin: score.min(0).nullable().optional(),
  action: remediationInput.optional(),
  permission,
});

const nodeFields = {
  name: text(500, 'Hãy nhập tên tiêu chí.', 'Give the criterion a name.').optional(),
  maxPoints: score.min(0).nullable().optional(),
  weight: score.min(0).nullable().optional(),
  lastYearScore: score.min(0).nullable().optional(),
  target: score.min(0).nullable().optional(),
  margin: score.min(0).nullable().optional(),
  ownerUnitCodes: z.array(unitCode).max(60).optional(),
  source: z.string().trim().max(1000).nullable().optional(),
  unverified: z.boolean().optional(),
};

export const updateNodeInput = z.object({ id: z.uuid(), version, ...nodeFields, permission });
export const addNodeInput = z.object({
  scorecardId: z.uuid(),
  parentId: z.uuid(),
  code: z.string().trim().min(1).max(30).regex(/^[0-9A-Za-z.]+$/, localized({ vi: 'Mã tiêu chí chỉ gồm chữ, số và dấu chấm, ví dụ 3.2.1.', en: 'A criterion code has letters, digits and dots only, e.g. 3.2.1.' })),
  ...nodeFields,
  name: text(500, 'Hãy nhập tên tiêu chí.', 'Give the criterion a name.'),
  permission,
});
export const removeNodeInput = z.object({ id: z.uuid(), version, permission });
export const importSheetInput = z.object({ id: z.uuid(), bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array), fileName: z.string().min(1).max(300), dryRun: z.boolean(), permission });
export const listScorecardsFilter = z.object({ year: z.number().int().min(2000).max(2999).optional(), index: z.enum(SCORECARD_INDICES).optional(), permission });
const listScorecardsInput = listScorecardsFilter.default({});

export const atRiskInput = z.object({ year: z.number().int().min(2000).max(2999).optional(), permission });
export type AtRiskInput = z.input<typeof atRiskInput>;
export const rankingInput = z.object({ year: z.number().int().min(2000).max(2999), kind: z.enum(['department', 'district']), permission });
export type RankingInput = z.input<typeof rankingInput>;

/** The owning department's module has the index's projected score recorded on a target it declares. */
export const useTargetInput = z.object({ id: z.uuid(), targetCode: z.string().trim().min(1).max(60), permission });
export type UseTargetInput = z.input<typeof useTargetInput>;

export type SaveEstimateInput = z.input<typeof saveEstimateInput>;
export type UpdateNodeInput = z.input<typeof updateNodeInput>;
export type AddNodeInput = z.input<typeof addNodeInput>;
export type RemoveNodeInput = z.input<typeof removeNodeInput>;
export type ListScorecardsInput = z.input<typeof listScorecardsInput>;
export type ImportSheetInput = z.input<typeof importSheetInput>;

/** The page of a scorecard in the portal, and of one node in it. */
export const scorecardPath = (scorecardId: string, nodeId?: string) => `/chi-so/${scorecardId}${nodeId ? `?nut=${nodeId}` : ''}`;

function methodOf(row: ScorecardRow): IndexMethod {
  if (!isScorecardIndex(row.indexKind)) throw new Error(`scorecard ${row.id} has an unknown index ${row.indexKind}`);
  return INDEX_METHODS[row.indexKind];
}

function rollUp(row: ScorecardRow, nodes: NodeRow[]): Map<string, RolledNode> {
  return rollUpScorecard(methodOf(row), nodes);
}

/** The units that estimate a node: its own, else the scorecard's owner. */
export const nodeOwners = (card: Pick<ScorecardRow, 'ownerUnitCode'>, node: Pick<NodeRow, 'ownerUnitCodes'>) => (node.ownerUnitCodes.length > 0 ? node.ownerUnitCodes : [card.ownerUnitCode]);

const coversAny = (access: Access, codes: string[]) => codes.some((code) => coversUnit(access, code));

async function nodesOf(db: Queryable, scorecardId: string): Promise<NodeRow[]> {
  return db.select().from(scorecardNodes).where(eq(scorecardNodes.scorecardId, scorecardId)).orderBy(asc(scorecardNodes.position), asc(scorecardNodes.code));
}

/** A write in the caller's transaction (a savepoint of it) or a transaction of its own, recorded so the core's other calls inside join it. */
function writeJoined<T>(b: Bound, work: (tx: Tx) => Promise<T>): Promise<T> {
  const open = currentTransaction(b.db);
  return open ? open.transaction(work) : b.db.transaction(work);
}

export function moduleScorecards(binding: Bound) {
  const b: Bound = { ...binding, db: scopeTransactions(binding.db) };
  const { locale } = b;
  const writer = { locale, user: { username: authorOf(b) }, audit: (tx: Queryable, entry: Parameters<typeof audit>[2]) => audit(b, tx, entry) };
  const nodeWhat = (node: Pick<NodeRow, 'code' | 'name'>) => ({ vi: `tiêu chí ${node.code} ${node.name}`, en: `Criterion ${node.code} ${node.name}` });

  const lockNode = async (tx: Queryable, id: string) => {
    const [node] = await tx.select().from(scorecardNodes).where(eq(scorecardNodes.id, id)).for('update');
    if (!node) notFound(locale, { vi: 'tiêu chí của bảng điểm', en: 'Scorecard node' });
    const [card] = await tx.select().from(scorecards).where(eq(scorecards.id, node.scorecardId));
    if (!card) throw new Error(`node ${id} has no scorecard`);
    return { node, card };
  };

  const assertEditor = (card: ScorecardRow, key: string | undefined) => {
    const access = accessOf(b, key, 'core.scorecards:edit');
    if (!coversUnit(access, card.ownerUnitCode)) {
      fail('FORBIDDEN', locale, { vi: 'Chỉ đơn vị chủ trì Chỉ số được sửa cấu trúc và mục tiêu của bảng điểm.', en: 'Only the department leading the index may edit the scorecard’s structure and targets.' });
    }
  };

  const assertUnits = async (tx: Queryable, codes: string[]) => {
    if (codes.length === 0) return;
    const known = new Set((await listUnits(tx)).map((u) => u.code));
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length > 0) fail('BAD_REQUEST', locale, { vi: `Không có đơn vị ${unknown.join(', ')}.`, en: `There is no unit ${unknown.join(', ')}.` });
  };

  /** Keeps the scorecard's core target on the index's rolled-up target (the owning department changed a target). */
  const syncTargetValue = async (tx: Queryable, card: ScorecardRow) => {
    if (!card.targetId) return;
    const nodes = await nodesOf(tx, card.id);
    const root = nodes.find((n) => n.parentId === null);
    const value = root ? rollUp(card, nodes).get(root.id)?.target : null;
    const [target] = await tx.select().from(targets).where(eq(targets.id, card.targetId)).for('update');
    // A target a module declares keeps the value of its declaration (the core re-declares it at every start).
    if (!target || target.sourceModule !== SCORECARD_MEASUREMENT_SOURCE) return;
    if (value === null || value === undefined || target.targetValue === value) return;
    await updateRow(writer, tx as Tx, targets, {
      row: target,
      version: target.version,
      set: { targetValue: value },
      what: { vi: `chỉ tiêu ${target.code}`, en: `Target ${target.code}` },
      action: 'core.target.scorecard',
      entity: 'core.target',
      auditView: (before, after) => ({ before: { targetValue: before.targetValue }, after: { targetValue: after.targetValue, scorecardId: card.id } }),
    });
  };

  const api = {
    /** The scorecards (of a year, of an index), each with its index's total, target, class and how many nodes are short. */
    async list(raw: ListScorecardsInput = {}) {
      const input = parse(b, listScorecardsInput, raw);
      accessOf(b, input.permission, 'core.scorecards:read');
      const db = queryable(b);
      const conditions = [];
      if (input.year) conditions.push(eq(scorecards.year, input.year));
      if (input.index) conditions.push(eq(scorecards.indexKind, input.index));
      const rows = await db.select().from(scorecards).where(and(...conditions)).orderBy(desc(scorecards.year), asc(scorecards.indexKind));
      const allNodes = rows.length > 0 ? await db.select().from(scorecardNodes).where(inArray(scorecardNodes.scorecardId, rows.map((r) => r.id))) : [];
      const directory = await unitDirectory(db);
      return rows.map((card) => {
        const nodes = allNodes.filter((n) => n.scorecardId === card.id);
        const rolled = rollUp(card, nodes);
        const root = nodes.find((n) => n.parentId === null);
        const total = root ? rolled.get(root.id)! : null;
        const method = methodOf(card);
        return {
          id: card.id,
          index: card.indexKind as ScorecardIndex,
          year: card.year,
          name: card.name,
          ownerUnit: unitRef(directory, card.ownerUnitCode),
          lastYearRank: card.lastYearRank,
          total: total && {
            estimate: total.estimate,
            target: total.target,
            lastYearScore: total.lastYearScore,
            class: total.class,
            missingLeaves: total.missingLeaves,
            shown: formatIndexScore(method, total.estimate, locale),
          },
          shortNodes: [...rolled.values()].filter((r) => r.isLeaf && (r.ownClass === 'at_risk' || r.ownClass === 'off_track')).length,
          unverified: card.unverifiedNote !== null || nodes.some((n) => n.unverified),
          version: card.version,
        };
      });
    },

    /**
     * The criteria forecast to miss (leaves whose own estimate is at risk or off track), across
     * the scorecards of `year` (the latest year with a scorecard by default): the coordinators'
     * watch list (scorecards are read city-wide, as the seed's test of `list` shows).
     */
    async atRisk(raw: AtRiskInput = {}) {
      const input = parse(b, atRiskInput, raw);
      accessOf(b, input.permission, 'core.scorecards:read');
      const db = queryable(b);
      const year = input.year ?? (await db.select({ year: scorecards.year }).from(scorecards).orderBy(desc(scorecards.year)).limit(1))[0]?.year;
      if (year === undefined) return { year: null, items: [] };
      const cards = await db.select().from(scorecards).where(eq(scorecards.year, year)).orderBy(asc(scorecards.indexKind));
      const allNodes = cards.length > 0 ? await db.select().from(scorecardNodes).where(inArray(scorecardNodes.scorecardId, cards.map((c) => c.id))).orderBy(asc(scorecardNodes.position), asc(scorecardNodes.code)) : [];
      const short = cards.flatMap((card) => {
        const nodes = allNodes.filter((n) => n.scorecardId === card.id);
        const rolled = rollUp(card, nodes);
        return nodes.flatMap((node) => {
          const r = rolled.get(node.id)!;
          const owners = nodeOwners(card, node);
          if (!r.isLeaf || (r.ownClass !== 'at_risk' && r.ownClass !== 'off_track')) return [];
          return [{ card, node, rolled: r, owners }];
        });
      });
      const ids = short.map((s) => s.node.id);
      const [actionCounts, open] = ids.length === 0 ? [[], []] : await Promise.all([
        db.select({ nodeId: scorecardActions.nodeId, id: scorecardActions.id }).from(scorecardActions).where(inArray(scorecardActions.nodeId, ids)),
        db.select({ nodeId: escalations.scorecardNodeId, id: escalations.id }).from(escalations).where(and(inArray(escalations.scorecardNodeId, ids), inArray(escalations.state, ['open', 'answered']))),
      ]);
      const directory = await unitDirectory(db);
      return {
        year,
        items: short.map(({ card, node, rolled, owners }) => ({
          scorecardId: card.id,
          index: card.indexKind as ScorecardIndex,
          scorecardName: card.name,
          nodeId: node.id,
          code: node.code,
          name: node.name,
          estimate: rolled.estimate,
          target: rolled.target,
          class: rolled.ownClass,
          ownerUnits: owners.map((code) => unitRef(directory, code)),
          actions: actionCounts.filter((a) => a.nodeId === node.id).length,
          escalationId: open.find((e) => e.nodeId === node.id)?.id ?? null,
          path: scorecardPath(card.id, node.id),
        })),
      };
    },

    /** One scorecard: its tree with each node's roll-up and class, owners, estimate, actions and open escalation; what the caller may do. */
    async get(id: string, options: { permission?: string } = {}) {
      accessOf(b, options.permission, 'core.scorecards:read');
      const db = queryable(b);
      const [card] = await db.select().from(scorecards).where(eq(scorecards.id, parse(b, z.uuid(), id)));
      if (!card) notFound(locale, { vi: 'bảng điểm', en: 'Scorecard' });
      return scorecardView(db, card);
    },

    /**
     * The city's ranking of its departments or districts by internal PAR score in `year`, best
     * first, with last year's rank and the move (ties share a rank), and the mean.
     */
    async ranking(raw: RankingInput) {
      const input = parse(b, rankingInput, raw);
      accessOf(b, input.permission, 'core.scorecards:read');
      const db = queryable(b);
      const units = new Map((await listUnits(db)).filter((u) => u.kind === input.kind).map((u) => [u.code, u.name]));
      const rows = await db.select().from(parUnitScores).where(inArray(parUnitScores.year, [input.year, input.year - 1]));
      const of = (year: number) => rows.filter((r) => r.year === year && units.has(r.unitCode));
      const { ranked, mean } = rankUnits(of(input.year), of(input.year - 1));
      const sourceOf = new Map(of(input.year).map((r) => [r.unitCode, r.source]));
      return {
        year: input.year,
        kind: input.kind,
        mean,
        units: ranked.map((r) => ({ rank: r.rank, unitCode: r.unitCode, unitName: units.get(r.unitCode)!, score: r.score, lastRank: r.lastRank, change: r.change, source: sourceOf.get(r.unitCode) ?? null })),
      };
    },

    /** Every estimate saved on a node, newest first. */
    async history(nodeId: string, options: { permission?: string } = {}) {
      accessOf(b, options.permission, 'core.scorecards:read');
      const db = queryable(b);
      const rows = await db.select().from(scorecardEstimates).where(eq(scorecardEstimates.nodeId, parse(b, z.uuid(), nodeId))).orderBy(desc(scorecardEstimates.createdAt), desc(scorecardEstimates.id));
      const person = await peopleOf(db, rows.map((r) => r.byUsername), locale);
      return rows.map((r) => ({ id: r.id, value: r.value, evidence: r.evidence, asOf: r.asOf, by: person(r.byUsername), at: r.createdAt.toISOString() }));
    },

    /**
     * The owner unit's estimate of a leaf, with its evidence: below the node's target it needs a
     * remediation action (`action`, or one still due on the node), and it opens an escalation to
     * the UBND about the node (one open at a time); the index's projected score is then recorded
     * on the scorecard's core target.
     */
    async saveEstimate(raw: SaveEstimateInput) {
      const input = parse(b, saveEstimateInput, raw);
      const access = accessOf(b, input.permission, 'core.scorecards:estimate');
      const today = b.today();
      const asOf = input.asOf ?? today;
      if (asOf > today) fail('BAD_REQUEST', locale, { vi: 'Ngày ước tính không được sau hôm nay.', en: 'An estimate cannot be dated in the future.' });
      return writeJoined(b, async (tx) => {
        const { node, card } = await lockNode(tx, input.nodeId);
        const owners = nodeOwners(card, node);
        if (!coversAny(access, owners)) {
          fail('FORBIDDEN', locale, { vi: `Chỉ đơn vị phụ trách tiêu chí ${node.code} được ước tính điểm.`, en: `Only the unit owning criterion ${node.code} may estimate it.` });
        }
        const nodes = await nodesOf(tx, card.id);
        if (nodes.some((n) => n.parentId === node.id)) {
          fail('BAD_REQUEST', locale, { vi: `Điểm của ${node.code} là tổng hợp từ các tiêu chí con: hãy ước tính từng tiêu chí con.`, en: `The score of ${node.code} rolls up from its children: estimate each of them.` });
        }
        const max = rollUp(card, nodes).get(node.id)?.max ?? null;
        const problem = scoreProblem(input.value, max);
        if (problem) fail('BAD_REQUEST', locale, problem);
        const miss = isMiss(input.value, node.target);
        const pending = miss ? await tx.select().from(scorecardActions).where(eq(scorecardActions.nodeId, node.id)) : [];
        if (miss && !input.action && !pending.some((a) => a.dueOn >= asOf)) {
          fail('BAD_REQUEST', locale, {
            vi: `Ước tính ${formatScore(input.value, 'vi')} thấp hơn mục tiêu ${formatScore(node.target!, 'vi')} của tiêu chí ${node.code}: hãy nêu giải pháp khắc phục (việc cần làm, đơn vị thực hiện, thời hạn) trước khi lưu.`,
            en: `The estimate ${formatScore(input.value, 'en')} is below criterion ${node.code}'s target of ${formatScore(node.target!, 'en')}: give a remediation action (what, who, by when) before saving.`,
          });
        }
        if (input.action && input.action.dueOn < asOf) fail('BAD_REQUEST', locale, { vi: 'Thời hạn của giải pháp không được trước ngày ước tính.', en: 'The remediation’s due date cannot be before the estimate’s.' });
        const actionUnit = input.action ? (input.action.ownerUnitCode ?? b.actor?.unit?.code ?? owners[0]!) : null;
        if (actionUnit) await assertUnits(tx, [actionUnit]);

        const updated = await updateRow(writer, tx, scorecardNodes, {
          row: node,
          version: input.version,
          set: {
            estimate: input.value,
            estimateEvidence: input.evidence,
            estimateOn: asOf,
            estimatedBy: authorOf(b),
            ...(input.margin !== undefined ? { margin: input.margin } : {}),
          },
          what: nodeWhat(node),
          action: 'core.scorecard.estimate',
          entity: 'core.scorecard_node',
          auditView: (before, after) => ({
            before: { estimate: before.estimate, estimateOn: before.estimateOn, margin: before.margin },
            after: { estimate: after.estimate, estimateOn: after.estimateOn, evidence: after.estimateEvidence, margin: after.margin, scorecardId: card.id },
          }),
        });
        await tx.insert(scorecardEstimates).values({ nodeId: node.id, value: input.value, evidence: input.evidence, asOf, byUsername: authorOf(b) });

        let escalationId: string | null = null;
        let actionId: string | null = null;
        let taskId: string | null = null;
        if (miss) {
          const [open] = await tx.select({ id: escalations.id }).from(escalations).where(and(eq(escalations.scorecardNodeId, node.id), eq(escalations.state, 'open')));
          escalationId = open?.id ?? (await openEscalation(tx, card, node, input.value, input.action?.what ?? null, owners[0]!));
        }
        if (input.action && actionUnit) {
          if (input.action.openTask) taskId = await openRemediationTask(tx, card, node, input.action.what, actionUnit, input.action.dueOn);
          const [action] = await tx
            .insert(scorecardActions)
            .values({ nodeId: node.id, what: input.action.what, ownerUnitCode: actionUnit, dueOn: input.action.dueOn, taskId, escalationId, createdBy: authorOf(b) })
            .returning();
          if (!action) throw new Error('scorecard action insert returned nothing');
          actionId = action.id;
          await audit(b, tx, { action: 'core.scorecard.action', entity: 'core.scorecard_node', entityId: node.id, after: action });
        }

        const after = nodes.map((n) => (n.id === node.id ? updated : n));
        const rolled = rollUp(card, after);
        const root = after.find((n) => n.parentId === null)!;
        const total = rolled.get(root.id)!;
        const measurement = total.estimate !== null ? await recordProjection(tx, card, total.estimate, asOf) : null;
        return {
          node: { id: updated.id, version: updated.version, estimate: updated.estimate, class: rolled.get(node.id)!.class },
          total: { estimate: total.estimate, target: total.target, class: total.class, shown: formatIndexScore(methodOf(card), total.estimate, locale) },
          escalationId,
          actionId,
          taskId,
          measurement,
        };
      });
    },

    /**
     * The owning department has the index's projected score recorded on a target its module
     * declares in its manifest (the module's own, held by it): the scorecard points at it from
     * now on, and the current projection is recorded there at once (dated today, or 31/12 of a
     * past index year). Idempotent.
     */
    async useTarget(raw: UseTargetInput) {
      const input = parse(b, useTargetInput, raw);
      return writeJoined(b, async (tx) => {
        const [card] = await tx.select().from(scorecards).where(eq(scorecards.id, input.id)).for('update');
        if (!card) notFound(locale, { vi: 'bảng điểm', en: 'Scorecard' });
        assertEditor(card, input.permission);
        const [target] = await tx.select().from(targets).where(eq(targets.code, input.targetCode));
        if (!target) notFound(locale, { vi: `chỉ tiêu ${input.targetCode}`, en: `Target ${input.targetCode}` });
        if (target.source !== 'module' || target.sourceModule !== b.moduleId) {
          fail('FORBIDDEN', locale, { vi: `Chỉ tiêu ${target.code} không do phân hệ ${b.moduleId} khai báo.`, en: `Target ${target.code} is not declared by module ${b.moduleId}.` });
        }
        let row = card;
        if (card.targetId !== target.id) {
          row = await updateRow(writer, tx as Tx, scorecards, {
            row: card,
            version: card.version,
            set: { targetId: target.id },
            what: { vi: `bảng điểm ${card.name} ${card.year}`, en: `Scorecard ${card.name} ${card.year}` },
            action: 'core.scorecard.target',
            entity: 'core.scorecard',
            auditView: (before, after) => ({ before: { targetId: before.targetId }, after: { targetId: after.targetId, targetCode: target.code } }),
          });
        }
        const nodes = await nodesOf(tx, card.id);
        const root = nodes.find((n) => n.parentId === null);
        const estimate = root ? (rollUp(card, nodes).get(root.id)?.estimate ?? null) : null;
        const measurement = estimate !== null ? await recordProjection(tx as Tx, row, estimate, b.today()) : null;
        return { id: card.id, version: row.version, target: target.code, measurement };
      });
    },

    /** The owning department edits a node: name, max points, weight, last year's score, target, margin, owners, source, verified. */
    async updateNode(raw: UpdateNodeInput) {
      const { id, version: expected, permission: key, ...change } = parse(b, updateNodeInput, raw);
      return writeJoined(b, async (tx) => {
        const { node, card } = await lockNode(tx, id);
        assertEditor(card, key);
        if (change.ownerUnitCodes) await assertUnits(tx, change.ownerUnitCodes);
        const set = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<NodeRow>;
        const updated = await updateRow(writer, tx, scorecardNodes, {
          row: node,
          version: expected,
          set,
          what: nodeWhat(node),
          action: 'core.scorecard.node.update',
          entity: 'core.scorecard_node',
          auditView: (before, after) => ({
            before: Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof NodeRow]])),
            after: { ...Object.fromEntries(Object.keys(set).map((k) => [k, after[k as keyof NodeRow]])), scorecardId: card.id },
          }),
        });
        const max = rollUp(card, await nodesOf(tx, card.id)).get(node.id)?.max ?? null;
        for (const [field, value] of [['estimate', updated.estimate], ['target', updated.target], ['lastYearScore', updated.lastYearScore]] as const) {
          const problem = value === null ? null : scoreProblem(value, max);
          if (problem) fail('BAD_REQUEST', locale, { vi: `${field === 'target' ? 'Mục tiêu' : field === 'estimate' ? 'Ước tính' : 'Điểm năm trước'}: ${problem.vi}`, en: `${field}: ${problem.en}` });
        }
        if (change.target !== undefined || change.weight !== undefined) await syncTargetValue(tx, card);
        return { id: updated.id, version: updated.version };
      });
    },

    /** The owning department adds a node (a criterion, a component criterion) under another. */
    async addNode(raw: AddNodeInput) {
      const { scorecardId, parentId, code, permission: key, ...fields } = parse(b, addNodeInput, raw);
      return writeJoined(b, async (tx) => {
        const [card] = await tx.select().from(scorecards).where(eq(scorecards.id, scorecardId)).for('update');
        if (!card) notFound(locale, { vi: 'bảng điểm', en: 'Scorecard' });
        assertEditor(card, key);
        const nodes = await nodesOf(tx, card.id);
        const parent = nodes.find((n) => n.id === parentId);
        if (!parent) notFound(locale, { vi: 'tiêu chí cha', en: 'Parent node' });
        if (nodes.some((n) => n.code === code)) fail('CONFLICT', locale, { vi: `Bảng điểm đã có tiêu chí mã ${code}.`, en: `The scorecard already has a node coded ${code}.` });
        if (fields.ownerUnitCodes) await assertUnits(tx, fields.ownerUnitCodes);
        const values = { ...(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<NodeRow>), name: fields.name };
        const position = Math.max(0, ...nodes.filter((n) => n.parentId === parentId).map((n) => n.position + 1));
        const [row] = await tx.insert(scorecardNodes).values({ ...values, scorecardId, parentId, code, position, updatedBy: authorOf(b) }).returning();
        if (!row) throw new Error('scorecard node insert returned nothing');
        await audit(b, tx, { action: 'core.scorecard.node.add', entity: 'core.scorecard_node', entityId: row.id, after: row });
        if (fields.target !== undefined) await syncTargetValue(tx, card);
        return { id: row.id, version: row.version };
      });
    },

    /** The owning department removes a node without children (its history and actions go with it). */
    async removeNode(raw: RemoveNodeInput) {
      const input = parse(b, removeNodeInput, raw);
      return writeJoined(b, async (tx) => {
        const { node, card } = await lockNode(tx, input.id);
        assertEditor(card, input.permission);
        if (node.parentId === null) fail('BAD_REQUEST', locale, { vi: 'Không xóa được gốc của bảng điểm.', en: 'The scorecard’s root cannot be removed.' });
        const [child] = await tx.select({ id: scorecardNodes.id }).from(scorecardNodes).where(eq(scorecardNodes.parentId, node.id)).limit(1);
        if (child) fail('BAD_REQUEST', locale, { vi: `Tiêu chí ${node.code} còn tiêu chí con: hãy xóa các tiêu chí con trước.`, en: `Node ${node.code} has children: remove them first.` });
        await tx.update(escalations).set({ scorecardNodeId: null }).where(eq(escalations.scorecardNodeId, node.id));
        await deleteRow(writer, tx, scorecardNodes, { row: node, version: input.version, what: nodeWhat(node), action: 'core.scorecard.node.remove', entity: 'core.scorecard_node' });
        await syncTargetValue(tx, card);
        return { id: node.id, removed: true as const };
      });
    },
  };

  const sheetNodes = (nodes: NodeRow[]): SheetNode[] => {
    const codeOf = new Map(nodes.map((n) => [n.id, n.code]));
    return nodes.map((n) => ({
      code: n.code,
      parentCode: n.parentId ? (codeOf.get(n.parentId) ?? null) : null,
      name: n.name,
      maxPoints: n.maxPoints,
      weight: n.weight,
      lastYearScore: n.lastYearScore,
      target: n.target,
      margin: n.margin,
      ownerUnitCodes: n.ownerUnitCodes,
      source: n.source,
      unverified: n.unverified,
    }));
  };

  const sheetApi = {
    /** The scorecard as an xlsx an agency can file (and the owning department can import back). */
    async exportSheet(id: string, options: { permission?: string } = {}) {
      accessOf(b, options.permission, 'core.scorecards:read');
      const db = queryable(b);
      const [card] = await db.select().from(scorecards).where(eq(scorecards.id, parse(b, z.uuid(), id)));
      if (!card) notFound(locale, { vi: 'bảng điểm', en: 'Scorecard' });
      const nodes = await nodesOf(db, card.id);
      const rolled = rollUp(card, nodes);
      const ordered = depthFirst(nodes);
      const sheet = sheetNodes(ordered);
      const root = ordered[0];
      const directory = await unitDirectory(db);
      const bytes = await scorecardWorkbook(
        {
          name: card.name,
          year: card.year,
          ownerUnitName: unitRef(directory, card.ownerUnitCode).name,
          shown: formatIndexScore(methodOf(card), root ? (rolled.get(root.id)?.estimate ?? null) : null, locale),
          sources: card.sources as Array<{ label: string; url: string }>,
          unverifiedNote: card.unverifiedNote,
        },
        ordered.map((n, i) => {
          const r = rolled.get(n.id)!;
          return { ...sheet[i]!, depth: r.depth, ownEstimate: r.isLeaf ? n.estimate : null, evidence: r.isLeaf ? n.estimateEvidence : null, estimateOn: r.isLeaf ? n.estimateOn : null, rolled: r.estimate, class: r.class };
        }),
        locale,
        b.actor?.displayName ?? 'dondoc',
      );
      return { fileName: `bang-diem-${card.indexKind.replace('_', '-')}-${card.year}.xlsx`, bytes };
    },

    /**
     * The owning department imports a scorecard's structure and targets from a file (the export's
     * layout): nodes by code added, changed or removed, all or nothing; `dryRun` writes nothing.
     */
    async importSheet(raw: ImportSheetInput) {
      const input = parse(b, importSheetInput, raw);
      const read = await scorecardSheet.read(input.bytes, input.fileName, locale);
      const known = new Set((await listUnits(queryable(b))).map((u) => u.code));
      const apply = async (tx: Queryable) => {
        const [card] = await tx.select().from(scorecards).where(eq(scorecards.id, input.id)).for('update');
        if (!card) notFound(locale, { vi: 'bảng điểm', en: 'Scorecard' });
        assertEditor(card, input.permission);
        const nodes = await nodesOf(tx, card.id);
        const plan = planSheetImport(sheetNodes(nodes), read.rows, known, locale);
        return { card, nodes, plan, errors: [...read.errors, ...plan.errors] };
      };
      const answer = (written: boolean, plan: { add: unknown[]; change: unknown[]; remove: unknown[] }, errors: typeof read.errors) => ({
        dryRun: input.dryRun,
        written,
        fileKind: read.fileKind,
        sheetName: read.sheetName,
        dataRows: read.dataRows,
        ignoredColumns: read.ignoredColumns,
        errors,
        summary: { added: plan.add.length, changed: plan.change.length, removed: plan.remove.length },
      });
      if (input.dryRun) {
        const { plan, errors } = await apply(queryable(b));
        return answer(false, plan, errors);
      }
      return writeJoined(b, async (tx) => {
        const { card, nodes, plan, errors } = await apply(tx);
        if (errors.length > 0) return answer(false, plan, errors);
        const idOf = new Map(nodes.map((n) => [n.code, n.id]));
        const rowOf = new Map(nodes.map((n) => [n.code, n]));
        const toRow = (node: Partial<SheetNode>) => {
          const { parentCode, ...rest } = node;
          return { ...rest, ...(parentCode !== undefined ? { parentId: parentCode === null ? null : idOf.get(parentCode)! } : {}) };
        };
        // Parents first: a node is added once its parent is there.
        const pending = [...plan.add];
        for (let guard = 0; pending.length > 0 && guard < 10_000; guard++) {
          const index = pending.findIndex((n) => n.parentCode === null || idOf.has(n.parentCode));
          const node = pending.splice(index, 1)[0]!;
          const position = plan.add.indexOf(node);
          const [row] = await tx.insert(scorecardNodes).values({ ...toRow(node), name: node.name, code: node.code, scorecardId: card.id, position, updatedBy: authorOf(b) }).returning();
          if (!row) throw new Error('scorecard node insert returned nothing');
          idOf.set(row.code, row.id);
          await audit(b, tx, { action: 'core.scorecard.node.add', entity: 'core.scorecard_node', entityId: row.id, after: row });
        }
        for (const { code, set } of plan.change) {
          const row = rowOf.get(code)!;
          await updateRow(writer, tx, scorecardNodes, { row, version: row.version, set: toRow(set), what: nodeWhat(row), action: 'core.scorecard.node.update', entity: 'core.scorecard_node' });
        }
        for (const code of plan.remove) {
          const row = rowOf.get(code)!;
          await tx.update(escalations).set({ scorecardNodeId: null }).where(eq(escalations.scorecardNodeId, row.id));
          await deleteRow(writer, tx, scorecardNodes, { row, version: row.version, what: nodeWhat(row), action: 'core.scorecard.node.remove', entity: 'core.scorecard_node' });
        }
        await audit(b, tx, { action: 'core.scorecard.import', entity: 'core.scorecard', entityId: card.id, after: { fileName: input.fileName, added: plan.add.length, changed: plan.change.length, removed: plan.remove.length } });
        await syncTargetValue(tx, card);
        return answer(true, plan, []);
      });
    },
  };

  async function scorecardView(db: Queryable, card: ScorecardRow) {
    const nodes = await nodesOf(db, card.id);
    const rolled = rollUp(card, nodes);
    const method = methodOf(card);
    const directory = await unitDirectory(db);
    const ids = nodes.map((n) => n.id);
    const actions = ids.length > 0 ? await db.select().from(scorecardActions).where(inArray(scorecardActions.nodeId, ids)).orderBy(asc(scorecardActions.createdAt)) : [];
    const openEscalations = ids.length > 0 ? await db.select({ id: escalations.id, nodeId: escalations.scorecardNodeId, state: escalations.state }).from(escalations).where(inArray(escalations.scorecardNodeId, ids)) : [];
    const actionTasks = actions.some((a) => a.taskId) ? await db.select({ id: tasks.id, code: tasks.code }).from(tasks).where(inArray(tasks.id, actions.flatMap((a) => (a.taskId ? [a.taskId] : [])))) : [];
    const person = await peopleOf(db, [card.updatedBy, ...nodes.map((n) => n.estimatedBy), ...actions.map((a) => a.createdBy)], locale);
    const [task] = card.taskId ? await db.select({ id: tasks.id, code: tasks.code, title: tasks.title }).from(tasks).where(eq(tasks.id, card.taskId)) : [];
    const [target] = card.targetId ? await db.select({ code: targets.code, targetValue: targets.targetValue }).from(targets).where(eq(targets.id, card.targetId)) : [];
    const estimateAccess = decideAccess(b, 'core.scorecards:estimate');
    const editAccess = decideAccess(b, 'core.scorecards:edit');
    const root = nodes.find((n) => n.parentId === null);
    const total = root ? rolled.get(root.id)! : null;
    return {
      id: card.id,
      index: card.indexKind as ScorecardIndex,
      year: card.year,
      name: card.name,
      method: { rollUp: method.rollUp, scaleMax: method.scaleMax, unit: method.unit, showPercent: method.showPercent, componentMax: method.componentMax },
      ownerUnit: unitRef(directory, card.ownerUnitCode),
      task: task ?? null,
      target: target ?? null,
      lastYearRank: card.lastYearRank,
      sources: card.sources as Array<{ label: string; url: string }>,
      unverifiedNote: card.unverifiedNote,
      version: card.version,
      updatedBy: person(card.updatedBy),
      total: total && { ...total, shown: formatIndexScore(method, total.estimate, locale), lastYearShown: total.lastYearScore === null ? null : formatIndexScore(method, total.lastYearScore, locale) },
      mayEdit: editAccess.allowed && coversUnit(editAccess, card.ownerUnitCode),
      nodes: nodes.map((n) => {
        const r = rolled.get(n.id)!;
        const owners = nodeOwners(card, n);
        return {
          id: n.id,
          parentId: n.parentId,
          code: n.code,
          name: n.name,
          position: n.position,
          depth: r.depth,
          isLeaf: r.isLeaf,
          maxPoints: n.maxPoints,
          weight: n.weight,
          margin: n.margin,
          ownEstimate: n.estimate,
          evidence: n.estimateEvidence,
          estimateOn: n.estimateOn,
          estimatedBy: person(n.estimatedBy),
          ownerUnits: owners.map((code) => unitRef(directory, code)),
          source: n.source,
          unverified: n.unverified,
          version: n.version,
          estimate: r.estimate,
          target: r.target,
          lastYearScore: r.lastYearScore,
          max: r.max,
          percent: r.percent,
          class: r.class,
          ownClass: r.ownClass,
          missingLeaves: r.missingLeaves,
          shortfall: r.shortfall,
          mayEstimate: r.isLeaf && estimateAccess.allowed && coversAny(estimateAccess, owners),
          actions: actions
            .filter((a) => a.nodeId === n.id)
            .map((a) => ({ id: a.id, what: a.what, ownerUnit: unitRef(directory, a.ownerUnitCode), dueOn: a.dueOn, task: actionTasks.find((t) => t.id === a.taskId) ?? null, createdBy: person(a.createdBy) })),
          escalation: openEscalations.find((e) => e.nodeId === n.id && e.state !== 'closed') ?? null,
        };
      }),
    };
  }

  async function openEscalation(tx: Tx, card: ScorecardRow, node: NodeRow, value: number, what: string | null, ownerUnit: string): Promise<string | null> {
    if (!card.taskId) return null;
    const [task] = await tx.select({ id: tasks.id, code: tasks.code }).from(tasks).where(eq(tasks.id, card.taskId));
    if (!task) return null;
    const unitCode = b.actor?.unit?.code ?? ownerUnit;
    const obstacle = `${card.name} năm ${card.year}, tiêu chí ${node.code} ${node.name}: ước tính ${formatScore(value, 'vi')}, thấp hơn mục tiêu ${formatScore(node.target!, 'vi')} — dự báo không đạt.`;
    const [row] = await tx
      .insert(escalations)
      .values({
        taskId: task.id,
        unitCode,
        obstacle,
        proposal: what,
        moduleId: b.moduleId === 'core' ? null : b.moduleId,
        linkPath: scorecardPath(card.id, node.id),
        linkLabel: `${card.name} ${card.year} · ${node.code} ${node.name}`,
        scorecardNodeId: node.id,
      })
      .returning();
    if (!row) throw new Error('escalation insert returned nothing');
    await audit(b, tx, { action: 'core.escalation.open', entity: 'core.escalation', entityId: row.id, after: row });
    const directory = await unitDirectory(tx);
    await notifyEscalation(tx, { taskId: task.id, taskCode: task.code, unitName: unitRef(directory, unitCode).name, obstacle, actor: b.actor?.username ?? null });
    return row.id;
  }

  async function openRemediationTask(tx: Tx, card: ScorecardRow, node: NodeRow, what: string, unitCode: string, dueOn: IsoDate): Promise<string> {
    const [served] = card.taskId
      ? await tx.select({ clause: tasks.clause, number: directives.number }).from(tasks).innerJoin(directives, eq(directives.id, tasks.directiveId)).where(eq(tasks.id, card.taskId))
      : [];
    if (!served) fail('BAD_REQUEST', locale, { vi: 'Bảng điểm chưa gắn với nhiệm vụ của văn bản chỉ đạo: chưa giao nhiệm vụ khắc phục được.', en: 'The scorecard serves no directive task: no remediation task can be given.' });
    const opened = await moduleTasks(b).open({
      directiveNumber: served.number,
      clause: served.clause,
      unitCode,
      title: `Khắc phục ${card.name} ${card.year}, tiêu chí ${node.code}: ${what}`.slice(0, 500),
      content: `${what}\n(Tiêu chí ${node.code} ${node.name}; mục tiêu ${formatScore(node.target ?? 0, 'vi')}.)`,
      deadline: dueOn,
      permission: 'core.scorecards:estimate',
    });
    return opened.id;
  }

  /**
   * Records the index's projected score on the scorecard's core target (replacing that day's). An
   * estimate made after the index's year (its result still to be published) is that year's final
   * projection: dated 31/12 of the year, where the target's forecast reads it.
   */
  async function recordProjection(tx: Tx, card: ScorecardRow, value: number, estimatedOn: IsoDate) {
    if (!card.targetId) return null;
    const yearEnd = `${card.year}-12-31` as IsoDate;
    const asOf = estimatedOn > yearEnd ? yearEnd : estimatedOn;
    const [target] = await tx.select().from(targets).where(eq(targets.id, card.targetId));
    if (!target) return null;
    const { before, after } = await recordMeasurement(
      tx,
      target,
      // The seed's targets are the core's own (`scorecards`); a module's is recorded under its name.
      { value, asOf, source: target.sourceModule ?? SCORECARD_MEASUREMENT_SOURCE, author: authorOf(b), provisional: true, basis: `Dự báo từ bảng điểm ${card.name} ${card.year}`.slice(0, 200) },
      locale,
    );
    await audit(b, tx, { action: 'core.target.record', entity: 'core.target', entityId: target.id, before, after });
    return { code: target.code, value: after.value, asOf: after.asOf };
  }

  return { ...api, ...sheetApi };
}

/** The nodes in reading order: each parent followed by its children (by position, then code). */
function depthFirst(nodes: NodeRow[]): NodeRow[] {
  const byParent = new Map<string | null, NodeRow[]>();
  for (const node of nodes) byParent.set(node.parentId, [...(byParent.get(node.parentId) ?? []), node]);
  const out: NodeRow[] = [];
  const walk = (parentId: string | null) => {
    for (const node of byParent.get(parentId) ?? []) {
      out.push(node);
      walk(node.id);
    }
  };
  walk(null);
  return out;
}

export type ScorecardsApi = ReturnType<typeof moduleScorecards>;
