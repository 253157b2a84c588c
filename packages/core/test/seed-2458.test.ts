/**
 * Directive 2458 as its text says, on a fresh database and on one seeded by the first
 * version of the seed (clauses 1.3 and 1.8 whole, nothing marked as inferred, zero
 * baselines): the corrections come without losing any progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, or, sql } from 'drizzle-orm';
import { testBackends } from '@dondoc/db/testing';
import { reconcileDirective2458, searchTextOf } from '../src/server/index.ts';
import { scorecardNodes, scorecards, targets, taskCoordinators, tasks } from '../src/server/schema.ts';
import { createCoreHarness, type CoreHarness } from './harness.ts';

describe.each(testBackends)('directive 2458 seed on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  it('a fresh seed has the split clauses, the inferred values marked, and nothing to reconcile', async () => {
    expect(h.taskIds.has('2458-1.3')).toBe(false);
    for (const code of ['2458-1.3a', '2458-1.3b', '2458-1.8a', '2458-1.8b', '2458-1.3b-Q001', '2458-1.8b-SXD']) expect(h.taskIds.has(code), code).toBe(true);
    const leads = await h.db.select({ code: tasks.code, lead: tasks.leadUnitCode, inferred: tasks.leadInferred }).from(tasks).where(sql`${tasks.code} in ('2458-1.3a', '2458-1.3b', '2458-1.8a', '2458-1.8b')`);
    expect(leads.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: '2458-1.3a', lead: 'SNV', inferred: false },
      { code: '2458-1.3b', lead: 'SKHDT', inferred: false },
      { code: '2458-1.8a', lead: 'STTTT', inferred: true },
      { code: '2458-1.8b', lead: 'SNV', inferred: true },
    ]);
    expect(await reconcileDirective2458(h.db)).toEqual({ renamed: 0, created: 0, flagged: 0, baselines: 0, scorecards: 0, scorecardNodes: 0 });
  });

  it('a database seeded by the first version gets the corrections; the progress of 1.3 stays with its units', async () => {
    // Make the database look like the first seed's: 1.3 and 1.8 whole, no 1.3b/1.8b, no inferred marks, zero baselines.
    const stcTask = h.taskId('2458-1.3a-STC');
    await h.db.transaction(async (tx) => {
      for (const part of ['1.3b', '1.8b']) {
        await tx.delete(tasks).where(and(like(tasks.code, `2458-${part}-%`)));
        await tx.delete(tasks).where(eq(tasks.code, `2458-${part}`));
      }
      for (const [from, to] of [['1.3a', '1.3'], ['1.8a', '1.8']] as const) {
        await tx.execute(sql`update "core"."tasks" set "code" = replace("code", ${`2458-${from}`}, ${`2458-${to}`}), "clause" = ${to}, "title" = 'Tiêu đề cũ' where "code" = ${`2458-${from}`} or "code" like ${`2458-${from}-%`}`);
      }
      await tx.update(tasks).set({ leadUnitCode: 'SNV' }).where(eq(tasks.code, '2458-1.3'));
      await tx.update(tasks).set({ deadlineInferred: false, leadInferred: false });
      await tx.update(taskCoordinators).set({ inferred: false });
      await tx.update(targets).set({ baselineValue: 0, baselineDate: '2023-08-08' }).where(or(eq(targets.code, '2458-CT1'), eq(targets.code, '2458-CT2')));
      // Sở Tài chính had reported progress on the old 1.3.
      await tx.update(tasks).set({ progress: 60, lastProgressOn: '2025-11-20', version: 3, searchText: searchTextOf('2458-1.3-STC', 'x', 'y') }).where(eq(tasks.id, stcTask));
    });
    expect((await h.db.select().from(tasks).where(eq(tasks.code, '2458-1.3-STC')))[0]?.id).toBe(stcTask);

    const result = await reconcileDirective2458(h.db);
    // Renamed: 1.3 and 1.8, each a parent and 51 children; created: 1.3b and 1.8b, 52 each;
    // flagged: the follow-up leads of 1.6 and 1.8a + the deadlines of 2.2, 5.2, 6.2 + the
    // coordinators of 3.2 and 4.2 = 7 (1.8b is created already marked); baselines: 2 (CT1 and CT2,
    // the core's own targets: a module's target gets its baseline from the module's declaration).
    expect(result).toEqual({ renamed: 104, created: 104, flagged: 7, baselines: 2, scorecards: 0, scorecardNodes: 0 });
    const [kept] = await h.db.select().from(tasks).where(eq(tasks.id, stcTask));
    expect(kept).toMatchObject({ code: '2458-1.3a-STC', clause: '1.3a', progress: 60, lastProgressOn: '2025-11-20', version: 3, title: 'Khắc phục, nâng cao các Chỉ số PAR INDEX, SIPAS, PAPI' });
    expect(kept?.searchText).toContain('par index');
    const [pci] = await h.db.select().from(tasks).where(eq(tasks.code, '2458-1.3b'));
    expect(pci).toMatchObject({ leadUnitCode: 'SKHDT', isParent: true, assignedOn: '2023-08-08', continuous: true });
    expect(await h.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.parentId, pci!.id))).toHaveLength(51);
    const stcView = await (await h.as('stc.cv')).tasks.get({ id: stcTask });
    expect(stcView).toMatchObject({ code: '2458-1.3a-STC', progress: 60, parent: { code: '2458-1.3a', leadUnit: { code: 'SNV' } } });
    expect((await (await h.as('ubnd')).targets.list()).filter((t) => t.code.startsWith('2458-')).map((t) => [t.code, t.baselineValue])).toEqual([['2458-CT1', 2.5], ['2458-CT2', 1.5]]);
    // A second run changes nothing.
    expect(await reconcileDirective2458(h.db)).toEqual({ renamed: 0, created: 0, flagged: 0, baselines: 0, scorecards: 0, scorecardNodes: 0 });
  });

  it('a baseline its owner set is never overwritten', async () => {
    await (await h.as('vp')).targets.setBaseline({ code: '2458-CT2', version: 1, baselineValue: 0, baselineDate: '2023-08-08' });
    await reconcileDirective2458(h.db);
    expect((await (await h.as('vp')).targets.get({ code: '2458-CT2' })).baselineValue).toBe(0);
  });

  it('index scorecards: a database without them gets them; one missing a node gets the node; what the department edited stays', async () => {
    const snv = await h.as('snv');
    const [par] = await snv.scorecards.list({ index: 'par_index' });
    const tree = await snv.scorecards.get({ id: par!.id });
    const field4 = tree.nodes.find((n) => n.code === '4')!;
    await snv.scorecards.updateNode({ id: field4.id, version: field4.version, name: 'Cải cách tổ chức bộ máy (tên do Sở sửa)', target: 7.2 });
    await h.db.delete(scorecardNodes).where(and(eq(scorecardNodes.scorecardId, par!.id), eq(scorecardNodes.code, '3.4')));
    await h.db.delete(scorecards).where(eq(scorecards.indexKind, 'pgi'));
    expect(await reconcileDirective2458(h.db)).toMatchObject({ scorecards: 1, scorecardNodes: 1 + 5 });
    const again = await snv.scorecards.get({ id: par!.id });
    expect(again.nodes.find((n) => n.code === '4')).toMatchObject({ name: 'Cải cách tổ chức bộ máy (tên do Sở sửa)', target: 7.2 });
    expect(again.nodes.find((n) => n.code === '3.4')).toMatchObject({ ownEstimate: 2.35, parentId: tree.nodes.find((n) => n.code === '3')!.id });
    expect((await snv.scorecards.list({})).map((c) => c.index).sort()).toEqual(['papi', 'par_index', 'pci', 'pgi', 'sipas']);
    expect(await reconcileDirective2458(h.db)).toMatchObject({ scorecards: 0, scorecardNodes: 0 });
  });
});
