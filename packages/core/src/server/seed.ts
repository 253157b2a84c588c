import { readFileSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { listUnits } from '@dondoc/auth';
import type { Db, Queryable } from '@dondoc/db';
import { normalizeForSearch } from '../domain/index.ts';
import { clauses2458, DIRECTIVE_2458, FIRST_SEED_BASELINES, references2458, SPLIT_CLAUSES_2458, targets2458, type ClauseSeed } from './directive-2458.ts';
import { directiveReferences, directives, targets, taskCoordinators, tasks } from './schema.ts';
import { seedScorecards } from './seed-scorecards.ts';

const directiveText = () => readFileSync(new URL('../../data/2458-UBND-SNV-2023.md', import.meta.url), 'utf8');

export function searchTextOf(code: string, title: string, content: string): string {
  return normalizeForSearch(`${code} ${title} ${content}`);
}

type NewTask = typeof tasks.$inferInsert;

const clauseCode = (clause: ClauseSeed) => `${DIRECTIVE_2458.codePrefix}-${clause.clause}`;

function taskRow(directiveId: string, clause: ClauseSeed, code: string, leadUnitCode: string, extra: Partial<NewTask> = {}): NewTask {
  return {
    code,
    directiveId,
    clause: clause.clause,
    title: clause.title,
    content: clause.content,
    leadUnitCode,
    deadline: clause.deadline,
    deadlineInferred: clause.inferred?.deadline ?? false,
    continuous: clause.deadline === null,
    cadence: clause.cadence,
    assignedOn: DIRECTIVE_2458.issuedOn,
    searchText: searchTextOf(code, clause.title, clause.content),
    ...extra,
  };
}

/** Creates a clause's tasks: a parent with a child per department and district, or the one unit's task. */
async function insertClause(tx: Queryable, directiveId: string, clause: ClauseSeed, units: Array<{ code: string }>): Promise<{ id: string; count: number }> {
  const code = clauseCode(clause);
  if (clause.assignee === 'every-unit') {
    const [parent] = await tx
      .insert(tasks)
      .values(taskRow(directiveId, clause, code, clause.parentLead ?? 'UBND', { isParent: true, leadInferred: clause.inferred?.parentLead ?? false }))
      .returning({ id: tasks.id });
    if (!parent) throw new Error('task insert returned nothing');
    await tx.insert(tasks).values(units.map((unit) => taskRow(directiveId, clause, `${code}-${unit.code}`, unit.code, { parentId: parent.id })));
    return { id: parent.id, count: 1 + units.length };
  }
  const [task] = await tx.insert(tasks).values(taskRow(directiveId, clause, code, clause.assignee)).returning({ id: tasks.id });
  if (!task) throw new Error('task insert returned nothing');
  if (clause.coordinators?.length) {
    await tx.insert(taskCoordinators).values(clause.coordinators.map((unitCode) => ({ taskId: task.id, unitCode, inferred: clause.inferred?.coordinators ?? false })));
  }
  return { id: task.id, count: 1 };
}

const assignedUnits = async (db: Queryable) => (await listUnits(db)).filter((unit) => unit.kind === 'department' || unit.kind === 'district');

/**
 * Loads directive 2458 (the demo's directive): its text, references, tasks — each §1 clause
 * as a parent with a child per department and district — and its targets. Idempotent: a
 * directive already there is reconciled with the seed instead (see `reconcileDirective2458`).
 */
export async function seedDirective2458(db: Db): Promise<{ created: boolean; tasks: number; targets: number }> {
  const units = await assignedUnits(db);
  const seeded = await db.transaction(async (tx) => {
    // Looked for under the seed's lock: of two server processes starting together on one
    // Postgres, one loads the directive and the other finds it loaded (it failed to start on
    // the directive's unique number before).
    await lockSeed(tx);
    const [existing] = await tx.select({ id: directives.id }).from(directives).where(eq(directives.number, DIRECTIVE_2458.number));
    if (existing) return null;
    const [directive] = await tx
      .insert(directives)
      .values({
        number: DIRECTIVE_2458.number,
        issuedOn: DIRECTIVE_2458.issuedOn,
        issuer: DIRECTIVE_2458.issuer,
        subject: DIRECTIVE_2458.subject,
        signer: DIRECTIVE_2458.signer,
        fullText: directiveText(),
        state: 'issued',
        issuedAt: new Date(`${DIRECTIVE_2458.issuedOn}T08:00:00+07:00`),
      })
      .returning({ id: directives.id });
    if (!directive) throw new Error('directive insert returned nothing');
    await tx.insert(directiveReferences).values(references2458.map((ref, position) => ({ ...ref, directiveId: directive.id, position })));
    let taskCount = 0;
    const taskIdByClause = new Map<string, string>();
    for (const clause of clauses2458) {
      const created = await insertClause(tx, directive.id, clause, units);
      taskIdByClause.set(clause.clause, created.id);
      taskCount += created.count;
    }
    await tx.insert(targets).values(
      targets2458.map((target) => ({
        code: target.code,
        name: target.name,
        measureUnit: target.measureUnit,
        direction: target.direction,
        baselineValue: target.baselineValue,
        baselineDate: target.baselineDate,
        targetValue: target.targetValue,
        targetDate: target.targetDate,
        ownerUnitCode: target.ownerUnitCode,
        source: target.source,
        sourceModule: target.sourceModule ?? null,
        directiveId: directive.id,
        taskId: taskIdByClause.get(target.clause) ?? null,
      })),
    );
    // The index scorecards the directive's §5 and §6 follow (their targets are not the directive's own).
    await seedScorecards(tx, directive.id);
    return { created: true, tasks: taskCount, targets: targets2458.length };
  });
  if (seeded) return seeded;
  await reconcileDirective2458(db);
  return { created: false, tasks: 0, targets: 0 };
}

/** Fixed key of the advisory lock that serialises the seed and its reconciliation across server processes. */
const SEED_LOCK_KEY = 7_245_802;
const lockSeed = (tx: Queryable) => tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);

/**
 * Brings a database seeded by an earlier version up to the seed, keeping every task's
 * progress, history and reports (rows keep their ids; only codes, texts and flags change):
 * - clauses 1.3 and 1.8 were one task each; the text assigns their parts to different
 *   follow-up units, so the old task becomes the first part (1.3a, 1.8a: its children keep
 *   their progress) and the second part (1.3b, 1.8b) is created;
 * - inferred deadlines, coordinating units and follow-up units are marked as such;
 * - targets still on the first seed's zero baselines, never set by their owner, get the
 *   seed's baselines;
 * - the index scorecards missing are loaded, and nodes missing by code added to the others
 *   (`seedScorecards`: what the owning department edited stays).
 * Idempotent: a second run changes nothing. Does nothing without directive 2458.
 */
export async function reconcileDirective2458(db: Db): Promise<{ renamed: number; created: number; flagged: number; baselines: number; scorecards: number; scorecardNodes: number }> {
  const [directive] = await db.select({ id: directives.id }).from(directives).where(eq(directives.number, DIRECTIVE_2458.number));
  if (!directive) return { renamed: 0, created: 0, flagged: 0, baselines: 0, scorecards: 0, scorecardNodes: 0 };
  const units = await assignedUnits(db);
  return db.transaction(async (tx) => {
    // One process at a time: each step below looks before it writes.
    await lockSeed(tx);
    let renamed = 0;
    for (const [oldClause, newClause] of Object.entries(SPLIT_CLAUSES_2458)) {
      const clause = clauses2458.find((c) => c.clause === newClause);
      if (!clause) continue;
      const oldCode = `${DIRECTIVE_2458.codePrefix}-${oldClause}`;
      const newCode = clauseCode(clause);
      const [old] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.directiveId, directive.id), eq(tasks.code, oldCode)));
      const [already] = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.code, newCode));
      if (!old || already) continue;
      const rows = await tx
        .select({ id: tasks.id, code: tasks.code })
        .from(tasks)
        .where(and(eq(tasks.directiveId, directive.id), sql`(${tasks.code} = ${oldCode} or ${tasks.code} like ${`${oldCode}-%`})`));
      for (const row of rows) {
        const code = newCode + row.code.slice(oldCode.length);
        await tx
          .update(tasks)
          .set({ code, clause: clause.clause, title: clause.title, content: clause.content, searchText: searchTextOf(code, clause.title, clause.content) })
          .where(eq(tasks.id, row.id));
        renamed++;
      }
      await tx.update(tasks).set({ leadUnitCode: clause.parentLead ?? 'UBND' }).where(eq(tasks.id, old.id));
    }
    let created = 0;
    for (const clause of clauses2458) {
      const [existing] = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.code, clauseCode(clause)));
      if (existing) continue;
      const result = await insertClause(tx, directive.id, clause, units);
      created += result.count;
    }
    // Flags: only those not yet set, so that a run with nothing to mark writes nothing.
    let flagged = 0;
    for (const clause of clauses2458) {
      const code = clauseCode(clause);
      if (clause.inferred?.deadline) {
        const rows = await tx
          .update(tasks)
          .set({ deadlineInferred: true })
          .where(and(eq(tasks.directiveId, directive.id), eq(tasks.deadlineInferred, false), sql`(${tasks.code} = ${code} or ${tasks.code} like ${`${code}-%`})`))
          .returning({ id: tasks.id });
        flagged += rows.length;
      }
      if (clause.inferred?.parentLead) {
        const rows = await tx.update(tasks).set({ leadInferred: true }).where(and(eq(tasks.code, code), eq(tasks.leadInferred, false))).returning({ id: tasks.id });
        flagged += rows.length;
      }
      if (clause.inferred?.coordinators && clause.coordinators?.length) {
        const [task] = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.code, code));
        if (task) {
          const rows = await tx
            .update(taskCoordinators)
            .set({ inferred: true })
            .where(and(eq(taskCoordinators.taskId, task.id), inArray(taskCoordinators.unitCode, clause.coordinators), eq(taskCoordinators.inferred, false)))
            .returning({ unitCode: taskCoordinators.unitCode });
          flagged += rows.length;
        }
      }
    }
    let baselines = 0;
    for (const target of targets2458) {
      const first = FIRST_SEED_BASELINES[target.code];
      if (!first) continue;
      const rows = await tx
        .update(targets)
        .set({ baselineValue: target.baselineValue, baselineDate: target.baselineDate, updatedAt: new Date() })
        .where(and(eq(targets.code, target.code), eq(targets.version, 1), eq(targets.baselineValue, first.value), eq(targets.baselineDate, first.date)))
        .returning({ id: targets.id });
      baselines += rows.length;
    }
    // Index scorecards: the missing ones (a database seeded before them), and the missing nodes of the others.
    const cards = await seedScorecards(tx, directive.id);
    return { renamed, created, flagged, baselines, scorecards: cards.scorecards, scorecardNodes: cards.nodes };
  });
}
