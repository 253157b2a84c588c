/**
 * Issue 19, Done when: importing directive 2458 from its text and issuing it through the
 * core's giving-tasks flow creates the tasks the demo seed holds (packages/core's
 * directive-2458.ts, what `seedDirective2458` writes): clause, units, role, deadline.
 * Where the seed reads more than the text states (it splits one bullet, infers a deadline or
 * a coordinating unit), the difference is listed here, each with the seed's own reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hanoiDirectory, seedDemoDirectory } from '@dondoc/auth';
import { createTestDatabaseFromTemplate, testBackends, type TestDatabase } from '@dondoc/db/testing';
import { clauses2458, coreTables } from '@dondoc/core/server';
import { parseDirective } from '@dondoc/directive-parser';
import { coreCallerAs, planDraft, saveDraft, type CoreCaller } from '../src/directive-draft.ts';
import { platformMigrations } from '../src/runtime.ts';

const text2458 = readFileSync(new URL('../../../packages/core/data/2458-UBND-SNV-2023.md', import.meta.url), 'utf8');
const authSources = fileURLToPath(new URL('../../../packages/auth/', import.meta.url));
const everyUnit = hanoiDirectory().filter((u) => u.kind === 'department' || u.kind === 'district').map((u) => u.code).sort();

/** The seed's clause → the text's: the seed splits bullet 1.3 in two (PAR INDEX, SIPAS, PAPI | PCI) and numbers bullets 8-10 as 1.8a, 1.8b, 1.9. */
const textClauseOf: Record<string, string> = { '1.3a': '1.3', '1.3b': '1.3', '1.8a': '1.8', '1.8b': '1.9', '1.9': '1.10' };

/** What the seed infers and the text does not state (directive-2458.ts, `inferred` and `reading`): what the import gives instead. */
const beyondTheText: Record<string, { deadline?: string | null; coordinators?: string[] }> = {
  '2.2': { deadline: null }, // the seed takes the "đến năm 2025" of §1
  '3.2': { coordinators: [] }, // the seed adds Sở Nội vụ (salaries)
  '4.2': { coordinators: [] }, // the seed adds the Văn phòng (TTHC)
};

interface Given {
  clause: string;
  leads: string[];
  coordinators: string[];
  deadline: string | null;
  continuous: boolean;
}

describe.each(testBackends)('importing and issuing 2458 on %s', (kind) => {
  let database: TestDatabase;
  let caller: CoreCaller;
  let directiveId = '';
  let given: Given[] = [];

  beforeAll(async () => {
    database = await createTestDatabaseFromTemplate(kind, {
      name: 'server_directory_only',
      modules: platformMigrations,
      seed: async (db) => void (await seedDemoDirectory(db)),
      seedSources: [`${authSources}src`, `${authSources}data`],
    });
    caller = (await coreCallerAs(database.db, 'vp'))!;
    const parsed = parseDirective(text2458, { units: hanoiDirectory() });
    if (!parsed.ok) throw new Error(parsed.error.message.en);
    const plan = planDraft(parsed, text2458);
    if ('problem' in plan) throw new Error(plan.problem.en);
    const saved = await saveDraft(caller, plan);
    directiveId = saved.id;
    // Saved, not issued: nothing reaches the units before a person issues it.
    expect(await database.db.select().from(coreTables.tasks)).toEqual([]);
    const draft = await caller.directives.get({ id: saved.id });
    expect(draft.state).toBe('draft');
    await caller.directives.issue({ id: saved.id, version: draft.version });

    const rows = await database.db.select().from(coreTables.tasks).where(eq(coreTables.tasks.directiveId, directiveId));
    const coordinators = await database.db.select().from(coreTables.taskCoordinators).where(inArray(coreTables.taskCoordinators.taskId, rows.map((r) => r.id)));
    given = rows
      .filter((row) => row.parentId === null)
      .map((top) => {
        const children = rows.filter((row) => row.parentId === top.id);
        return {
          clause: top.clause,
          leads: (top.isParent ? children.map((c) => c.leadUnitCode) : [top.leadUnitCode]).sort(),
          coordinators: coordinators.filter((c) => c.taskId === top.id).map((c) => c.unitCode).sort(),
          deadline: top.deadline,
          continuous: top.continuous,
        };
      });
  }, 180_000);

  afterAll(async () => {
    await database?.close();
  });

  it('gives each clause of the seed to the same units, as lead, with the same coordinating units and deadline', () => {
    const byClause = new Map(given.map((g) => [g.clause, g]));
    for (const seed of clauses2458) {
      const task = byClause.get(textClauseOf[seed.clause] ?? seed.clause);
      expect(task, seed.clause).toBeDefined();
      const expected = {
        leads: seed.assignee === 'every-unit' ? everyUnit : [seed.assignee],
        coordinators: beyondTheText[seed.clause]?.coordinators ?? [...(seed.coordinators ?? [])].sort(),
        deadline: beyondTheText[seed.clause] && 'deadline' in beyondTheText[seed.clause]! ? beyondTheText[seed.clause]!.deadline : seed.deadline,
      };
      expect({ leads: task!.leads, coordinators: task!.coordinators, deadline: task!.deadline }, seed.clause).toEqual(expected);
      expect(task!.continuous, seed.clause).toBe(task!.deadline === null);
    }
  });

  it('creates as many tasks as the seed, less the one bullet the seed splits in two (52 tasks)', async () => {
    const count = (await database.db.select().from(coreTables.tasks).where(eq(coreTables.tasks.directiveId, directiveId))).length;
    expect(count).toBe(584 - (1 + everyUnit.length));
    const clauses = [...Array.from({ length: 10 }, (_, i) => `1.${i + 1}`), '2.1', '2.2', '2.3', '3.1', '3.2', '4.1', '4.2', '5.1', '5.2', '6.1', '6.2', '6.3'];
    expect(given.map((g) => g.clause).sort()).toEqual(clauses.sort());
  });

  it('creates the three 20% targets of the text, due by 2025', async () => {
    const rows = await database.db
      .select({ name: coreTables.targets.name, direction: coreTables.targets.direction, value: coreTables.targets.targetValue, unit: coreTables.targets.measureUnit, date: coreTables.targets.targetDate })
      .from(coreTables.targets)
      .where(and(eq(coreTables.targets.directiveId, directiveId)));
    expect(rows.map((r) => ({ ...r, value: Number(r.value) })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Giảm ít nhất 20% chi phí tuân thủ', direction: 'at_least', value: 20, unit: '%', date: '2025-12-31' },
      { name: 'Ít nhất 20% TTHC nội bộ', direction: 'at_least', value: 20, unit: '%', date: '2025-12-31' },
      { name: 'Tối thiểu 20% đơn vị tự chủ tài chính', direction: 'at_least', value: 20, unit: '%', date: '2025-12-31' },
    ]);
  });
});
