/**
 * No lost updates (issue 10, suite property 3): many clients, through the core router's
 * callers, update the same tasks and targets while the unit's report is saved, submitted and
 * returned again and again, for a few seconds. Then every acknowledged write is in the audit
 * log, each row holds its last acknowledged write, no version number was written twice, and
 * every write sent on a version known to be stale got CONFLICT.
 *
 * `NO_LOST_UPDATES_MS` (default 4000) and `NO_LOST_UPDATES_CLIENTS` (default 24) scale it
 * (the reliability suite runs it longer). It prints the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { TRPCError } from '@dondoc/trpc';
import { periodForData, type Period } from '../src/domain/index.ts';
import { reports, targets, tasks } from '../src/server/schema.ts';
import { createCoreHarness, type CoreCaller, type CoreHarness } from './harness.ts';

const DURATION_MS = Number(process.env.NO_LOST_UPDATES_MS ?? 4000);
const CLIENTS = Math.max(8, Number(process.env.NO_LOST_UPDATES_CLIENTS ?? 24));
/** STC's tasks the clients update (all three in STC's quarterly report too). */
const TASK_CODES = ['2458-1.1-STC', '2458-1.2-STC', '2458-3.1'];
const TARGET_CODES = ['2458-CT1', '2458-CT2'];

type Entity = 'task' | 'report' | 'target';
/** One acknowledged write: the row, the version the answer gave, and what it wrote. */
interface Ack {
  entity: Entity;
  id: string;
  version: number;
  value: number | string;
}

interface Figures {
  acknowledged: number;
  conflicts: number;
  staleSent: number;
  staleAccepted: number;
  unexpected: string[];
}

const isConflict = (error: unknown) => error instanceof TRPCError && error.code === 'CONFLICT';
const random = (n: number) => Math.floor(Math.random() * n);

describe.each(testBackends)('no lost updates on %s', (backend) => {
  let h: CoreHarness;
  let period: Period;
  let reportId: string;
  const taskIds = new Map<string, string>();
  const targetIds = new Map<string, string>();

  beforeAll(async () => {
    h = await createCoreHarness(backend);
    period = periodForData('quarter', new Date().toISOString().slice(0, 10) as never);
    for (const code of TASK_CODES) taskIds.set(code, h.taskId(code));
    for (const row of await h.db.select({ id: targets.id, code: targets.code }).from(targets).where(inArray(targets.code, TARGET_CODES))) targetIds.set(row.code, row.id);
    // The report exists (a first save) before the clients start.
    const stc = await h.as('stc');
    const view = await stc.reports.get({ periodId: period.id });
    expect(view.items.map((i) => i.task.code)).toEqual(expect.arrayContaining(TASK_CODES));
    reportId = (await stc.reports.save({ periodId: period.id, version: null, items: [] })).id;
  });
  afterAll(async () => h?.close());

  it(`${CLIENTS} clients for ${DURATION_MS} ms: every acknowledged write audited and last, stale versions refused, no version twice`, { timeout: DURATION_MS * 4 + 60_000 }, async () => {
    const acks: Ack[] = [];
    const figures: Figures = { acknowledged: 0, conflicts: 0, staleSent: 0, staleAccepted: 0, unexpected: [] };
    const ack = (a: Ack) => {
      acks.push(a);
      figures.acknowledged += 1;
    };
    const until = Date.now() + DURATION_MS;
    /** Runs one client's step; CONFLICT is counted, anything else is a failure. */
    const attempt = async (step: () => Promise<void>) => {
      try {
        await step();
      } catch (error) {
        if (isConflict(error)) figures.conflicts += 1;
        else figures.unexpected.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    };
    /** Sends a write on a version known to be stale: it must be refused with CONFLICT. */
    const stale = async (write: () => Promise<unknown>) => {
      figures.staleSent += 1;
      try {
        await write();
        figures.staleAccepted += 1;
      } catch (error) {
        if (!isConflict(error)) figures.unexpected.push(`stale write: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const versionOf = async (table: typeof tasks | typeof targets | typeof reports, id: string) => {
      const [row] = await h.db.select({ version: table.version }).from(table).where(eq(table.id, id));
      return row!.version;
    };

    const taskClient = async (caller: CoreCaller) => {
      while (Date.now() < until) {
        const code = TASK_CODES[random(TASK_CODES.length)]!;
        const id = taskIds.get(code)!;
        const version = await versionOf(tasks, id);
        const progress = random(100);
        if (version > 1 && random(8) === 0) {
          await stale(() => caller.tasks.update({ id, version: version - 1, progress }));
          continue;
        }
        await attempt(async () => {
          const written = await caller.tasks.update({ id, version, progress, note: 'tải đồng thời' });
          if (!written.unchanged) ack({ entity: 'task', id, version: written.version, value: written.progress });
        });
      }
    };

    const targetClient = async (caller: CoreCaller) => {
      while (Date.now() < until) {
        const code = TARGET_CODES[random(TARGET_CODES.length)]!;
        const version = await versionOf(targets, targetIds.get(code)!);
        const baselineValue = random(1000) / 100;
        if (version > 1 && random(8) === 0) {
          await stale(() => caller.targets.setBaseline({ code, version: version - 1, baselineValue, baselineDate: '2024-01-15' }));
          continue;
        }
        await attempt(async () => {
          const written = await caller.targets.setBaseline({ code, version, baselineValue, baselineDate: '2024-01-15' });
          ack({ entity: 'target', id: targetIds.get(code)!, version: written.version, value: written.baselineValue });
        });
      }
    };

    /** The unit's lead: fills the report in and submits it whenever it is a draft or returned. */
    const reportClient = async (caller: CoreCaller) => {
      while (Date.now() < until) {
        await attempt(async () => {
          const view = await caller.reports.get({ periodId: period.id });
          const report = view.report!;
          if (report.state !== 'draft' && report.state !== 'returned') return;
          if (random(6) === 0 && report.version > 1) {
            await stale(() => caller.reports.submit({ id: report.id, version: report.version - 1 }));
            return;
          }
          const progress = random(100);
          const saved = await caller.reports.save({ periodId: period.id, version: report.version, items: view.items.map((i) => ({ taskId: i.task.id, progress, result: 'Đang triển khai' })) });
          // A save equal to what is stored writes nothing (no version, no audit row): nothing to find.
          if (!saved.unchanged) ack({ entity: 'report', id: saved.id, version: saved.version, value: saved.state });
          const submitted = await caller.reports.submit({ id: saved.id, version: saved.version });
          ack({ entity: 'report', id: submitted.id, version: submitted.version, value: submitted.state });
          for (const task of submitted.tasks) ack({ entity: 'task', id: task.id, version: task.version, value: task.progress });
        });
      }
    };

    /** The coordinator: returns the submitted report so it comes back. */
    const reviewer = async (caller: CoreCaller) => {
      while (Date.now() < until) {
        await attempt(async () => {
          const [row] = await h.db.select({ state: reports.state, version: reports.version }).from(reports).where(eq(reports.id, reportId));
          if (row!.state !== 'submitted') return;
          const returned = await caller.reports.review({ id: reportId, version: row!.version, decision: 'return', reason: 'Bổ sung số liệu' });
          ack({ entity: 'report', id: returned.id, version: returned.version, value: returned.state });
        });
      }
    };

    const officers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => h.as(i % 2 === 0 ? 'stc.cv' : 'stc')));
    const [vp, stc, ubnd] = await Promise.all([h.as('vp'), h.as('stc'), h.as('ubnd')]);
    // Of the clients: two reviewers, three report clients, two target clients, the rest on tasks.
    const clients = [
      reviewer(ubnd),
      reviewer(ubnd),
      reportClient(stc),
      reportClient(stc),
      reportClient(stc),
      targetClient(vp),
      targetClient(vp),
      ...officers.slice(7).map((caller) => taskClient(caller)),
    ];
    await Promise.all(clients);

    // What the database holds.
    // The rows written: the tasks the clients update, and every task a submission wrote to.
    const writtenTasks = [...new Set([...taskIds.values(), ...acks.filter((a) => a.entity === 'task').map((a) => a.id)])];
    const ids = [...writtenTasks, ...targetIds.values(), reportId];
    const trail = await h.db
      .select({ action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, after: auditLog.after })
      .from(auditLog)
      .where(and(inArray(auditLog.entityId, ids), inArray(auditLog.action, ['core.task.update', 'core.task.report', 'core.target.baseline', 'core.report.save', 'core.report.submit', 'core.report.return'])));
    const audited = new Map<string, number>();
    for (const row of trail) {
      const version = (row.after as { version?: number } | null)?.version;
      const key = `${row.entityId}@${version ?? `#${audited.size}`}`;
      audited.set(key, (audited.get(key) ?? 0) + 1);
    }
    const rows = new Map<string, { version: number; value: number | string }>();
    for (const t of await h.db.select().from(tasks).where(inArray(tasks.id, writtenTasks))) rows.set(t.id, { version: t.version, value: t.progress });
    for (const t of await h.db.select().from(targets).where(inArray(targets.id, [...targetIds.values()]))) rows.set(t.id, { version: t.version, value: t.baselineValue });
    for (const r of await h.db.select().from(reports).where(eq(reports.id, reportId))) rows.set(r.id, { version: r.version, value: r.state });

    // Each acknowledged version once; the audit has a row for each (tasks and targets carry their version in it).
    const ackKeys = acks.map((a) => `${a.id}@${a.version}`);
    const twice = ackKeys.filter((key, i) => ackKeys.indexOf(key) !== i);
    const versionedAcks = acks.filter((a) => a.entity !== 'report');
    const missing = versionedAcks.filter((a) => audited.get(`${a.id}@${a.version}`) !== 1).map((a) => `${a.entity} ${a.id}@${a.version}`);
    const auditedTwice = [...audited.entries()].filter(([, n]) => n > 1).map(([key]) => key);
    const reportAudits = trail.filter((row) => row.entity === 'core.report').length;
    const reportAcks = acks.filter((a) => a.entity === 'report').length;
    // The last acknowledged write of each row is what it holds.
    const wrong: string[] = [];
    for (const [id, row] of rows) {
      const mine = acks.filter((a) => a.id === id);
      const last = mine.reduce<Ack | undefined>((best, a) => (!best || a.version > best.version ? a : best), undefined);
      if (last && (last.version !== row.version || last.value !== row.value)) wrong.push(`${id}: holds v${row.version}=${row.value}, last acknowledged v${last.version}=${last.value}`);
    }
    const found = versionedAcks.length - missing.length + Math.min(reportAudits - 1, reportAcks);
    console.log(
      `[no lost updates, ${backend}] ${CLIENTS} clients, ${DURATION_MS} ms: ${figures.acknowledged} writes acknowledged (${acks.filter((a) => a.entity === 'task').length} task, ${reportAcks} report, ${acks.filter((a) => a.entity === 'target').length} target), ${found} found in the audit log and as the rows' last state; ${figures.conflicts} CONFLICT on racing writes; ${figures.staleSent} stale writes sent, ${figures.staleAccepted} accepted`,
    );
    expect(figures.unexpected).toEqual([]);
    expect(twice).toEqual([]);
    expect(auditedTwice).toEqual([]);
    expect(missing).toEqual([]);
    // (and the first save, made before the clients started)
    expect(reportAudits).toBe(reportAcks + 1);
    expect(wrong).toEqual([]);
    expect(figures.staleAccepted).toBe(0);
    // The load did race: stale writes were tried, and the report was submitted meanwhile.
    expect(figures.staleSent).toBeGreaterThan(0);
    expect(acks.filter((a) => a.entity === 'report' && a.value === 'submitted').length).toBeGreaterThan(0);
    expect(found).toBe(figures.acknowledged);
  });

  it('eight first saves of one report at once: one creates it, the others get CONFLICT (never a 500)', async () => {
    const callers = await Promise.all(Array.from({ length: 8 }, () => h.as('badinh')));
    const results = await Promise.allSettled(callers.map((caller) => caller.reports.save({ periodId: '2024-Q2', version: null, items: [] })));
    const saved = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(saved).toHaveLength(1);
    expect(refused.map((e: unknown) => (e instanceof TRPCError ? e.code : String(e)))).toEqual(Array(7).fill('CONFLICT'));
    const rows = await h.db.select().from(reports).where(and(eq(reports.unitCode, 'Q001'), eq(reports.periodId, '2024-Q2')));
    expect(rows).toHaveLength(1);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, rows[0]!.id), eq(auditLog.action, 'core.report.save')))).toHaveLength(1);
  });
});
