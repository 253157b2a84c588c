/**
 * The core API a department module gets (`ctx.services.core`), as a module's procedure uses
 * it: through the request context the server builds (`createRequestContext`), bound to the
 * module (here `noi-vu`, Sở Nội vụ, the test's name for one) and the caller. Each capability,
 * a refusal, its audit row, and the join of the module's own transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { listAudit, type PermissionDeclaration } from '@dondoc/auth';
import { queryRows, type Queryable } from '@dondoc/db';
import { testBackends } from '@dondoc/db/testing';
import type { Context, Locale } from '@dondoc/trpc';
import { addDays, periodOf, type IsoDate } from '../src/domain/index.ts';
import { createRequestContext } from '../src/server/index.ts';
import { notifications, reports, reportVersions, tasks } from '../src/server/schema.ts';
import { createCoreHarness, person, rejection, today, type CoreHarness, type DemoUsername } from './harness.ts';

const MODULE = 'noi-vu';
const modulePermissions: PermissionDeclaration[] = [
  // Sở Nội vụ consolidates every unit's reports; a unit's lead sees its own.
  { key: 'noi-vu.reports:consolidate', description: 'Tổng hợp báo cáo', grants: { unit_lead: ['owner', 'own'] } },
  // Remediation tasks: Sở Nội vụ opens them for any unit, a unit's lead for its own.
  { key: 'noi-vu.remediation:open', description: 'Mở nhiệm vụ khắc phục', grants: { unit_lead: ['owner', 'own'] } },
  { key: 'noi-vu.tasks:read', description: 'Xem nhiệm vụ mọi đơn vị', grants: { unit_lead: ['owner'] } },
];

describe.each(testBackends)('the module API (ctx.services.core) on %s', (backend) => {
  let h: CoreHarness;
  let badinh: string;
  const logLines: Array<{ level: string; message: string; fields: Record<string, unknown> | undefined }> = [];

  beforeAll(async () => {
    h = await createCoreHarness(backend);
    h.permissions.register(MODULE, 'SNV', modulePermissions);
    badinh = (await h.user('badinh')).unit!.code;
  });
  afterAll(async () => h?.close());

  let requests = 0;
  /** The context of one request to the module's router, as the server builds it. */
  const request = async (username: DemoUsername, options: { locale?: Locale; today?: () => IsoDate } = {}): Promise<Context> => {
    const user = await h.user(username);
    return createRequestContext({
      db: h.db,
      permissions: h.permissions,
      user,
      sessionId: `session-${username}`,
      requestId: `module-${username}-${++requests}`,
      locale: options.locale ?? 'vi',
      moduleId: MODULE,
      log: {
        info: (message, fields) => logLines.push({ level: 'info', message, fields }),
        warn: (message, fields) => logLines.push({ level: 'warn', message, fields }),
        error: (message, fields) => logLines.push({ level: 'error', message, fields }),
      },
      ...(options.today ? { today: options.today } : {}),
    });
  };
  const core = async (username: DemoUsername, options?: { locale?: Locale; today?: () => IsoDate }) => (await request(username, options)).services.core;
  const count = async (db: Queryable, query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(db, query))[0]?.n ?? 0);

  describe('joins the module’s transaction', () => {
    it('a core call inside ctx.db.transaction runs in it (no wait on PGlite’s one connection) and commits with it', { timeout: 20_000 }, async () => {
      const ctx = await request('snv');
      const opened = await ctx.db.transaction(async (tx) => {
        // The module's own change first: the connection is now the transaction's.
        await tx.execute(sql`select 1`);
        const units = await ctx.services.core.units.list();
        expect(units.some((u) => u.code === 'SNV')).toBe(true);
        const task = await ctx.services.core.tasks.open({ directiveNumber: '2458/UBND-SNV', clause: '6.1', unitCode: 'SXD', title: 'Khắc phục chỉ số CCHC (giao dịch)', permission: 'noi-vu.remediation:open' });
        // Seen inside the transaction, through the module's own handle and through the core API (nested: a savepoint).
        expect(await count(tx, sql`select count(*)::int as n from core.tasks where id = ${task.id}`)).toBe(1);
        const inner = await tx.transaction(async () => ctx.services.core.tasks.get(task.id, { permission: 'noi-vu.tasks:read' }));
        expect(inner.code).toBe(task.code);
        return task;
      });
      expect(await count(h.db, sql`select count(*)::int as n from core.tasks where id = ${opened.id}`)).toBe(1);
    });

    it('rolls back with the module’s transaction when it throws: the task, its link and their audit rows are gone', { timeout: 20_000 }, async () => {
      const ctx = await request('snv');
      let openedId = '';
      const failure = await ctx.db
        .transaction(async () => {
          const task = await ctx.services.core.tasks.open({ directiveNumber: '2458/UBND-SNV', clause: '6.1', unitCode: 'SXD', title: 'Sẽ bị hủy theo giao dịch', permission: 'noi-vu.remediation:open' });
          openedId = task.id;
          await ctx.services.core.tasks.link(task.id, { entity: 'finding', entityId: 'F-1', path: `/m/${MODULE}/phat-hien/F-1` });
          throw new Error('module step failed');
        })
        .catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(openedId).not.toBe('');
      expect(await count(h.db, sql`select count(*)::int as n from core.tasks where id = ${openedId}`)).toBe(0);
      expect(await count(h.db, sql`select count(*)::int as n from core.task_links where task_id = ${openedId}`)).toBe(0);
      expect(await listAudit(h.db, { entity: 'core.task', entityId: openedId })).toEqual([]);
    });

    it('a core refusal inside the transaction leaves it usable (the core step is a savepoint)', { timeout: 20_000 }, async () => {
      const ctx = await request('snv');
      const after = await ctx.db.transaction(async (tx) => {
        const refused = await rejection(ctx.services.core.tasks.updateProgress(h.taskId('2458-6.1'), { progress: 10 }));
        expect(refused.code).toBe('FORBIDDEN');
        return count(tx, sql`select count(*)::int as n from core.tasks`);
      });
      expect(after).toBeGreaterThan(500);
    });

    it('the deprecated { tx } option still works', { timeout: 20_000 }, async () => {
      const ctx = await request('snv');
      const unit = await ctx.db.transaction((tx) => ctx.services.core.units.get('SNV', { tx }));
      expect(unit?.code).toBe('SNV');
    });
  });

  describe('tasks', () => {
    it('clauses: the directive’s top-level tasks; an unknown directive is NOT_FOUND in the caller’s language', async () => {
      const clauses = await (await core('snv')).tasks.clauses('2458/UBND-SNV');
      expect(clauses.find((c) => c.clause === '6.1')).toMatchObject({ code: '2458-6.1', leadUnit: { code: 'SNV' }, isParent: false });
      expect(clauses.find((c) => c.clause === '1.6')).toMatchObject({ isParent: true });
      expect(clauses.every((c) => c.code.split('-').length === 2)).toBe(true);
      expect((await rejection((await core('snv')).tasks.clauses('9999/UBND-XX'))).message).toBe('Không tìm thấy văn bản chỉ đạo 9999/UBND-XX.');
      const en = await rejection((await core('snv', { locale: 'en' })).tasks.clauses('9999/UBND-XX'));
      expect(en.code).toBe('NOT_FOUND');
      expect(en.message).toContain('Directive 9999/UBND-XX');
    });

    it('list: the caller’s own unit’s tasks, every unit’s under a wider permission of the module; by clause and unit', async () => {
      const own = await (await core('snv')).tasks.list({ clause: '1.6' });
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((t) => t.leadUnit.code === 'SNV')).toBe(true);
      const all = await (await core('snv')).tasks.list({ clause: '1.6', permission: 'noi-vu.tasks:read' });
      expect(all.length).toBeGreaterThan(20);
      expect(new Set(all.map((t) => t.leadUnit.code)).has('STC')).toBe(true);
      const stc = await (await core('snv')).tasks.list({ clause: '1.6', unitCode: 'STC', permission: 'noi-vu.tasks:read' });
      expect(stc.map((t) => t.code)).toEqual(['2458-1.6-STC']);
      // A unit's lead has no `owner` scope: the module's permission is refused.
      expect((await rejection((await core('badinh')).tasks.list({ permission: 'noi-vu.tasks:read' }))).code).toBe('FORBIDDEN');
      // A module may not lean on another module's permissions.
      expect((await rejection((await core('snv')).tasks.list({ permission: 'tai-chinh.units:approve' }))).code).toBe('BAD_REQUEST');
    });

    it('get: by id or code, as the core’s tasks.get; another unit’s task is NOT_FOUND', async () => {
      const byCode = await (await core('stc')).tasks.get('2458-1.6-STC');
      expect(byCode).toMatchObject({ id: h.taskId('2458-1.6-STC'), leadUnit: { code: 'STC' }, openedByModule: null, links: [] });
      expect((await (await core('stc')).tasks.get(h.taskId('2458-1.6-STC'))).code).toBe('2458-1.6-STC');
      expect((await rejection((await core('badinh')).tasks.get('2458-1.6-STC'))).code).toBe('NOT_FOUND');
    });

    it('open: a task for a unit the caller’s permission covers, recorded as opened by the module, notified, audited', async () => {
      const { services, requestId } = await request('snv');
      const opened = await services.core.tasks.open({
        directiveNumber: '2458/UBND-SNV',
        clause: '6.2',
        unitCode: badinh,
        title: 'Khắc phục chỉ số PAR INDEX của quận',
        deadline: addDays(today(), 30),
        permission: 'noi-vu.remediation:open',
      });
      expect(opened.code).toBe(`2458-6.2-${badinh}-M1`);
      const task = await (await core('badinh')).tasks.get(opened.id);
      expect(task).toMatchObject({ title: 'Khắc phục chỉ số PAR INDEX của quận', leadUnit: { code: badinh }, clause: '6.2', status: 'in_progress', openedByModule: MODULE, assignedOn: today() });
      const mine = await (await core('snv')).tasks.list({ openedByModule: true, permission: 'noi-vu.tasks:read' });
      expect(mine.map((t) => t.id)).toContain(opened.id);
      const [audit] = await listAudit(h.db, { entity: 'core.task', entityId: opened.id });
      expect(audit).toMatchObject({ action: 'core.task.open', actorUsername: 'snv', requestId, after: expect.objectContaining({ module: MODULE, leadUnitCode: badinh }) });
      const notes = await h.db.select().from(notifications).where(sql`${notifications.link} = ${`/nhiem-vu/${opened.id}`}`);
      expect(notes).toMatchObject([{ unitCode: badinh, kind: 'task_assigned', title: `Nhiệm vụ mới: ${opened.code}` }]);
      // The next one for the same clause and unit gets the next number.
      expect((await services.core.tasks.open({ directiveNumber: '2458/UBND-SNV', clause: '6.2', unitCode: badinh, title: 'Lần 2', permission: 'noi-vu.remediation:open' })).code).toBe(`2458-6.2-${badinh}-M2`);
    });

    it('open is FORBIDDEN for a unit outside the caller’s permission, and refuses bad input in the caller’s language', async () => {
      const forBadinh = { directiveNumber: '2458/UBND-SNV', clause: '6.2', unitCode: 'STC', title: 'Không được', permission: 'noi-vu.remediation:open' };
      const refused = await rejection((await core('badinh')).tasks.open(forBadinh));
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toBe('Bạn không có quyền với đơn vị STC.');
      // Without a permission of its own the module relies on the core's: giving tasks is the coordinators'.
      expect((await rejection((await core('snv')).tasks.open({ ...forBadinh, permission: undefined }))).code).toBe('FORBIDDEN');
      expect((await (await core('ubnd')).tasks.open({ ...forBadinh, title: 'Từ lãnh đạo', permission: undefined })).code).toBe('2458-6.2-STC-M1');
      const past = await rejection((await core('snv', { locale: 'en' })).tasks.open({ ...forBadinh, deadline: '2020-01-01' }));
      expect([past.code, past.message]).toEqual(['BAD_REQUEST', 'The deadline cannot be before today.']);
      const noClause = await rejection((await core('snv')).tasks.open({ ...forBadinh, clause: '9.9' }));
      expect(noClause.message).toBe('Văn bản 2458/UBND-SNV không có mục 9.9.');
      const invalid = await rejection((await core('snv')).tasks.open({ ...forBadinh, title: '', unitCode: 'stc' }));
      expect(invalid.code).toBe('BAD_REQUEST');
      expect(invalid.message).toMatch(/^Dữ liệu phân hệ noi-vu gửi lõi không hợp lệ \(.*title.*\)/);
    });

    it('updateProgress: only on a task the module opened, with the core’s version, result and history rules', async () => {
      const snv = await core('snv');
      const opened = await snv.tasks.open({ directiveNumber: '2458/UBND-SNV', clause: '6.3', unitCode: 'SXD', title: 'Nhân rộng mô hình', permission: 'noi-vu.remediation:open' });
      const moved = await snv.tasks.updateProgress(opened.id, { progress: 40, note: 'Đã rà soát 4/10 mô hình' });
      expect(moved).toMatchObject({ id: opened.id, version: 2, progress: 40, completedOn: null });
      const stale = await rejection(snv.tasks.updateProgress(opened.id, { progress: 50, version: 1 }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toContain('snv');
      const noResult = await rejection(snv.tasks.updateProgress(opened.id, { progress: 100, completedOn: today() }));
      expect(noResult.message).toBe('Hoàn thành nhiệm vụ cần nêu kết quả: số và ngày văn bản kết quả, hoặc tệp minh chứng.');
      const done = await snv.tasks.updateProgress(opened.id, { progress: 100, completedOn: today(), resultDocNumber: '12/BC-SNV', resultDocDate: today(), version: 2 });
      expect(done).toMatchObject({ version: 3, progress: 100, completedOn: today() });
      // The core's rule holds for a module too: the completion date kept, another progress is refused, not saved as 100.
      const kept = await rejection(snv.tasks.updateProgress(opened.id, { progress: 60 }));
      const on = today().split('-').reverse().join('/');
      expect([kept.code, kept.message]).toEqual(['BAD_REQUEST', `Nhiệm vụ đã hoàn thành ngày ${on} nên tiến độ là 100%. Muốn ghi tiến độ 60%, hãy xóa ngày hoàn thành trước.`]);
      const task = await (await core('sxd')).tasks.get(opened.id);
      expect(task).toMatchObject({ status: 'done_on_time', resultDocNumber: '12/BC-SNV' });
      expect(task.history.map((e) => [e.by, e.progress, e.note])).toEqual([
        [person('snv'), 100, null],
        [person('snv'), 40, 'Đã rà soát 4/10 mô hình'],
      ]);
      const audit = await listAudit(h.db, { entity: 'core.task', entityId: opened.id });
      expect(audit.map((a) => [a.action, a.actorUsername, (a.after as { module?: string }).module])).toEqual([
        ['core.task.update', 'snv', MODULE],
        ['core.task.update', 'snv', MODULE],
        ['core.task.open', 'snv', MODULE],
      ]);
      // A directive's task is its lead unit's to update, not the module's.
      const refused = await rejection(snv.tasks.updateProgress(h.taskId('2458-6.1'), { progress: 10 }));
      expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'Phân hệ noi-vu chỉ cập nhật được nhiệm vụ do chính nó mở.']);
    });

    it('follow: the caller follows a task they may see (once), and finds it among the tasks they follow', async () => {
      const { services, requestId } = await request('stc.cv');
      const taskId = h.taskId('2458-1.6-STC');
      expect(await services.core.tasks.follow(taskId)).toEqual({ following: true, followers: 1 });
      expect(await services.core.tasks.follow(taskId)).toEqual({ following: true, followers: 1 });
      expect((await services.core.tasks.following()).map((t) => t.code)).toEqual(['2458-1.6-STC']);
      const audit = (await listAudit(h.db, { entity: 'core.task', entityId: taskId })).filter((a) => a.action === 'core.task.follow');
      expect(audit).toMatchObject([{ actorUsername: 'stc.cv', requestId, after: { follower: 'stc.cv', module: MODULE } }]);
      expect((await rejection((await core('badinh')).tasks.follow(taskId))).code).toBe('NOT_FOUND');
      expect(await (await core('stc')).tasks.following()).toEqual([]);
    });

    it('link: the module’s rows linked to a task, found from either side; a path outside the module is refused', async () => {
      const stc = await core('stc');
      const taskId = h.taskId('2458-1.6-STC');
      const outside = await rejection(stc.tasks.link(taskId, { entity: 'finding', entityId: 'F-7', path: '/m/tai-chinh/x' }));
      expect([outside.code, outside.message]).toEqual(['BAD_REQUEST', 'Đường dẫn "/m/tai-chinh/x" phải nằm trong trang của phân hệ (/m/noi-vu/…).']);
      expect((await rejection(stc.tasks.link(taskId, { entity: 'finding', entityId: 'F-7', path: '/m/noi-vu/../tai-chinh' }))).code).toBe('BAD_REQUEST');
      const link = await stc.tasks.link(taskId, { entity: 'finding', entityId: 'F-7', label: 'Phát hiện F-7', path: '/m/noi-vu/phat-hien/F-7' });
      expect(link).toEqual({ taskId, taskCode: '2458-1.6-STC', entity: 'finding', entityId: 'F-7', label: 'Phát hiện F-7', path: '/m/noi-vu/phat-hien/F-7' });
      // Linking again updates the label.
      await stc.tasks.link(taskId, { entity: 'finding', entityId: 'F-7', label: 'Phát hiện F-7 (sửa)', path: '/m/noi-vu/phat-hien/F-7' });
      expect(await stc.tasks.links({ entity: 'finding', entityId: 'F-7' })).toEqual([{ ...link, label: 'Phát hiện F-7 (sửa)' }]);
      expect((await stc.tasks.links(taskId)).map((l) => l.entityId)).toEqual(['F-7']);
      expect((await stc.tasks.get(taskId)).links.map((l) => l.label)).toEqual(['Phát hiện F-7 (sửa)']);
      expect((await stc.tasks.list({ linkedTo: { entity: 'finding', entityId: 'F-7' } })).map((t) => t.code)).toEqual(['2458-1.6-STC']);
      const audit = (await listAudit(h.db, { entity: 'core.task', entityId: taskId })).filter((a) => a.action === 'core.task.link');
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({ actorUsername: 'stc', after: { entity: 'finding', entityId: 'F-7', module: MODULE } });
      // Another unit cannot link its rows to a task it does not see.
      expect((await rejection((await core('badinh')).tasks.link(taskId, { entity: 'finding', entityId: 'F-8' }))).code).toBe('NOT_FOUND');
      // The task's page reads them through the core router, as far as the reader may see the task.
      expect(await (await h.as('stc')).tasks.links({ id: taskId })).toEqual([
        { moduleId: MODULE, entity: 'finding', entityId: 'F-7', label: 'Phát hiện F-7 (sửa)', path: '/m/noi-vu/phat-hien/F-7' },
      ]);
      expect((await rejection((await h.as('badinh')).tasks.links({ id: taskId }))).code).toBe('NOT_FOUND');
      expect(await stc.tasks.unlink(taskId, { entity: 'finding', entityId: 'F-7' })).toEqual({ removed: true });
      expect(await stc.tasks.links({ entity: 'finding', entityId: 'F-7' })).toEqual([]);
    });
  });

  describe('reports', () => {
    const period = periodOf('quarter', today());

    it('period: submitted reports (who, when) and the units that owe one, as far as the caller’s permission reaches', async () => {
      const stcUser = await h.user('stc');
      const submittedAt = new Date();
      await h.db.insert(reports).values({ unitCode: 'STC', cadence: 'quarter', periodId: period.id, state: 'submitted', submittedAt, submittedBy: stcUser.username, submissions: 1 });
      await h.db.insert(reports).values({ unitCode: 'SXD', cadence: 'quarter', periodId: period.id, state: 'returned', submittedAt, submittedBy: 'sxd', submissions: 1, returnReason: 'Thiếu số liệu' });
      const all = await (await core('snv')).reports.period(period.id, { permission: 'noi-vu.reports:consolidate' });
      expect(all.period).toMatchObject({ id: period.id, label: period.label.vi, dueDate: period.dueDate });
      expect(all.submitted).toEqual([{ unit: { code: 'STC', name: 'Sở Tài chính' }, reportId: expect.any(String), state: 'submitted', submittedAt: submittedAt.toISOString(), submittedBy: 'stc', submissions: 1 }]);
      expect(all.notSubmitted.find((r) => r.unit.code === 'SXD')).toMatchObject({ state: 'returned' });
      expect(all.notSubmitted.find((r) => r.unit.code === badinh)).toMatchObject({ state: 'none', reportId: null, lastRemindedOn: null });
      expect(all.notSubmitted.length).toBeGreaterThan(20);
      // Under the core's own reports:read a unit's lead sees its unit only.
      const own = await (await core('snv')).reports.period(period.id);
      expect([...own.submitted, ...own.notSubmitted].map((r) => r.unit.code)).toEqual(['SNV']);
      expect((await (await core('snv')).reports.period(period.id, { unitCodes: ['STC'], permission: 'noi-vu.reports:consolidate' })).submitted).toHaveLength(1);
      const refused = await rejection((await core('badinh')).reports.period(period.id, { unitCodes: ['STC'], permission: 'noi-vu.reports:consolidate' }));
      expect(refused.code).toBe('FORBIDDEN');
      expect((await rejection((await core('snv')).reports.period('2024-Q9'))).code).toBe('BAD_REQUEST');
    });

    it('frozen: each submitted report as it was submitted (its latest version), as far as the permission reaches', async () => {
      const [stc] = await h.db.select().from(reports).where(sql`${reports.unitCode} = 'STC' and ${reports.periodId} = ${period.id}`);
      const figures = (n: number) => ({ asOf: period.windowEnd, counts: { done_on_time: n, done_late: 0, in_progress: 1, overdue: 0, continuous: 0 }, completionRate: 1, dueInPeriod: 0, lines: n + 1 });
      await h.db.insert(reportVersions).values([
        { reportId: stc!.id, number: 1, state: 'returned', submittedAt: new Date(), submittedBy: 'stc', figures: figures(1), lines: [] },
        { reportId: stc!.id, number: 2, state: 'submitted', submittedAt: new Date(), submittedBy: 'stc', figures: figures(2), lines: [{ code: 'X' }] },
      ]);
      const frozen = await (await core('snv')).reports.frozen(period.id, { permission: 'noi-vu.reports:consolidate' });
      expect(frozen).toEqual([expect.objectContaining({ unit: { code: 'STC', name: 'Sở Tài chính' }, versionNumber: 2, figures: figures(2), lines: [{ code: 'X' }] })]);
      // A unit's own reach: Sở Nội vụ under the core's reports:read sees its own unit (no report in).
      expect(await (await core('snv')).reports.frozen(period.id)).toEqual([]);
    });

    it('overview: the figures of overview.summary and the targets with forecasts, under the module’s permission', async () => {
      const snv = await core('snv');
      const all = await snv.overview.summary(today(), { permission: 'noi-vu.reports:consolidate' });
      expect(all.units.length).toBeGreaterThan(20);
      expect(all.totals.total).toBe(all.units.reduce((sum, u) => sum + u.total, 0));
      const own = await snv.overview.summary(today());
      expect(own.units.map((u) => u.code)).toEqual(['SNV']);
      expect((await snv.overview.targets(today())).length).toBeGreaterThan(0);
      expect((await rejection(snv.overview.summary('2024-13-01'))).code).toBe('BAD_REQUEST');
      expect((await rejection((await core('badinh')).overview.summary(today(), { permission: 'noi-vu.remediation:nope' }))).code).toBe('FORBIDDEN');
    });

    it('remind: a notification to each unit that owes its report, never twice a unit, period and day; audited', async () => {
      const day = today();
      const { services, requestId } = await request('snv', { today: () => day });
      const first = await services.core.reports.remind(period.id, [badinh, 'STC', 'SXD'], { permission: 'noi-vu.reports:consolidate' });
      expect(first).toEqual({ sent: [badinh, 'SXD'], skipped: [{ unitCode: 'STC', reason: 'submitted' }] });
      const again = await services.core.reports.remind(period.id, [badinh], { permission: 'noi-vu.reports:consolidate' });
      expect(again).toEqual({ sent: [], skipped: [{ unitCode: badinh, reason: 'already_reminded_today' }] });
      const tomorrow = await (await core('snv', { today: () => addDays(day, 1) })).reports.remind(period.id, [badinh], { permission: 'noi-vu.reports:consolidate' });
      expect(tomorrow.sent).toEqual([badinh]);
      const notes = await h.db.select().from(notifications).where(sql`${notifications.kind} = 'report_reminder' and ${notifications.unitCode} = ${badinh}`);
      expect(notes).toHaveLength(2);
      expect(notes[0]).toMatchObject({ title: `Đôn đốc gửi báo cáo ${period.label.vi}`, link: `/bao-cao?ky=${period.id}&don-vi=${badinh}` });
      expect(notes[0]!.body).toContain(period.dueDate.split('-').reverse().join('/'));
      const [audit] = await listAudit(h.db, { entity: 'core.report', entityId: `${badinh}:${period.id}`, limit: 5 }).then((rows) => rows.reverse());
      expect(audit).toMatchObject({ action: 'core.report.remind', actorUsername: 'snv', requestId, after: { unitCode: badinh, periodId: period.id, module: MODULE } });
      expect((await (await core('snv', { today: () => addDays(day, 1) })).reports.period(period.id, { unitCodes: [badinh], permission: 'noi-vu.reports:consolidate' })).notSubmitted[0]!.lastRemindedOn).toBe(addDays(day, 1));
      // Under the core's reminders:send a unit's lead reminds only its own unit.
      expect((await rejection((await core('snv')).reports.remind(period.id, [badinh]))).code).toBe('FORBIDDEN');
    });
  });

  describe('notices', () => {
    it('send: a notice to each unit in both languages with a link into the module, once a unit, link and day; audited', async () => {
      const day = today();
      const { services, requestId } = await request('snv', { today: () => day });
      const notice = { title: { vi: 'Chưa có kế hoạch được phê duyệt', en: 'No approved plan yet' }, body: { vi: 'Đề nghị gửi kế hoạch.', en: 'Please send your plan.' }, link: '/m/noi-vu/ke-hoach' };
      const outside = await rejection(services.core.notices.send({ ...notice, unitCodes: [badinh], link: '/bao-cao', permission: 'noi-vu.reports:consolidate' }));
      expect(outside.code).toBe('BAD_REQUEST');
      const first = await services.core.notices.send({ ...notice, unitCodes: [badinh, 'SXD'], permission: 'noi-vu.reports:consolidate' });
      expect(first).toEqual({ sent: [badinh, 'SXD'], skipped: [] });
      const again = await services.core.notices.send({ ...notice, unitCodes: [badinh], permission: 'noi-vu.reports:consolidate' });
      expect(again).toEqual({ sent: [], skipped: [{ unitCode: badinh, reason: 'already_sent_today' }] });
      // Another link is another notice; the next day the same one goes again.
      expect((await services.core.notices.send({ ...notice, link: '/m/noi-vu/khac', unitCodes: [badinh], permission: 'noi-vu.reports:consolidate' })).sent).toEqual([badinh]);
      expect((await (await core('snv', { today: () => addDays(day, 1) })).notices.send({ ...notice, unitCodes: [badinh], permission: 'noi-vu.reports:consolidate' })).sent).toEqual([badinh]);
      const notes = await h.db.select().from(notifications).where(sql`${notifications.kind} = 'module_notice' and ${notifications.unitCode} = ${badinh} and ${notifications.link} = ${notice.link}`);
      expect(notes).toHaveLength(2);
      expect(notes[0]).toMatchObject({ title: notice.title.vi, titleEn: notice.title.en, body: notice.body.vi, bodyEn: notice.body.en, actor: 'snv' });
      const [audit] = await listAudit(h.db, { entity: 'core.notification', entityId: String(notes[0]!.id), limit: 1 });
      expect(audit).toMatchObject({ action: 'core.notice.send', actorUsername: 'snv', requestId, after: { unitCode: badinh, module: MODULE } });
      // Under the core's reminders:send a unit's lead tells only its own unit; an unknown unit is refused.
      expect((await rejection((await core('snv')).notices.send({ ...notice, unitCodes: [badinh] }))).code).toBe('FORBIDDEN');
      expect((await rejection(services.core.notices.send({ ...notice, unitCodes: ['ZZZ9'], permission: 'noi-vu.reports:consolidate' }))).code).toBe('BAD_REQUEST');
    });
  });

  describe('escalations', () => {
    it('raise: an escalation to the UBND from the caller’s unit with a link into the module; the coordinators see it', async () => {
      const { services, requestId } = await request('stc');
      const taskId = h.taskId('2458-1.6-STC');
      const outside = await rejection(services.core.escalations.raise({ taskId, reason: 'Vướng', link: { path: '/nhiem-vu/x', label: 'x' } }));
      expect(outside.code).toBe('BAD_REQUEST');
      const raised = await services.core.escalations.raise({ taskId, reason: 'Vượt thẩm quyền: cần UBND quyết định cơ chế', proposal: 'Ban hành cơ chế đặc thù', link: { path: '/m/noi-vu/kien-nghi/3', label: 'Kiến nghị số 3' } });
      expect(raised.state).toBe('open');
      const listed = (await (await h.as('ubnd')).escalations.list({})).find((e) => e.id === raised.id);
      expect(listed).toMatchObject({ unit: { code: 'STC' }, task: { code: '2458-1.6-STC' }, obstacle: 'Vượt thẩm quyền: cần UBND quyết định cơ chế', state: 'open', module: MODULE, link: { path: '/m/noi-vu/kien-nghi/3', label: 'Kiến nghị số 3' } });
      const rows = await queryRows<{ module_id: string; link_path: string; link_label: string }>(h.db, sql`select module_id, link_path, link_label from core.escalations where id = ${raised.id}`);
      expect(rows).toEqual([{ module_id: MODULE, link_path: '/m/noi-vu/kien-nghi/3', link_label: 'Kiến nghị số 3' }]);
      expect(await listAudit(h.db, { entity: 'core.escalation', entityId: raised.id })).toMatchObject([{ action: 'core.escalation.open', actorUsername: 'stc', requestId, after: expect.objectContaining({ module: MODULE }) }]);
      expect((await rejection((await core('badinh')).escalations.raise({ taskId, reason: 'x', link: { path: '/m/noi-vu/a', label: 'a' } }))).code).toBe('NOT_FOUND');
      // The coordinators are told, naming who raised it.
      const [told] = (await (await h.as('vp')).notifications.list()).filter((n) => n.kind === 'escalation_opened');
      expect(told).toMatchObject({ title: 'Sở Tài chính kiến nghị vượt thẩm quyền về nhiệm vụ 2458-1.6-STC', link: `/nhiem-vu/${taskId}`, actor: person('stc') });
    });
  });

  describe('people', () => {
    it('of: the people behind usernames a module stores, by name, title and unit', async () => {
      const { services } = await request('stc');
      expect(await services.core.people.of(['stc.cv', 'du-lieu-mau', null, 'stc.cv'])).toEqual({
        'stc.cv': person('stc.cv'),
        'du-lieu-mau': { username: 'du-lieu-mau', fullName: 'Dữ liệu mẫu (hệ thống)', title: null, unitCode: null, unitName: null },
      });
    });
  });

  it('log, today and locale: the request’s logger naming the module, the context’s clock, the caller’s language', async () => {
    const c = await core('snv', { locale: 'en', today: () => '2024-03-05' });
    c.log.info('consolidated', { units: 3 });
    expect(logLines.at(-1)).toEqual({ level: 'info', message: 'consolidated', fields: expect.objectContaining({ module: MODULE, units: 3, requestId: expect.stringMatching(/^module-snv-/) }) });
    expect(c.today()).toBe('2024-03-05');
    expect((await core('snv')).today()).toBe(today());
    expect(c.locale).toBe('en');
    // The clock is the one the API's rules use: a deadline before that day is refused, one after it is not.
    expect((await c.tasks.open({ directiveNumber: '2458/UBND-SNV', clause: '6.1', unitCode: 'SNV', title: 'Theo đồng hồ', deadline: '2024-03-06', permission: 'noi-vu.remediation:open' })).code).toMatch(/^2458-6\.1-SNV-M\d+$/);
    expect((await c.tasks.get('2458-6.1')).code).toBe('2458-6.1');
    const [row] = await h.db.select({ assignedOn: tasks.assignedOn }).from(tasks).where(sql`${tasks.title} = 'Theo đồng hồ'`);
    expect(row?.assignedOn).toBe('2024-03-05');
  });
});
