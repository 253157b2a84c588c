/**
 * Directives and tasks through `coreRouter`, as each demo user: what they see, what they may
 * change, and the status rules in SQL against the pure ones. One seeded database per backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, like } from 'drizzle-orm';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { listProcedures } from '@dondoc/trpc';
import { addDays, matchesSearch, taskStatus, TASK_STATUSES, type IsoDate, type TaskStatus } from '../src/domain/index.ts';
import { clauses2458, coreRouter, references2458, taskStatusIsSql, taskStatusSql } from '../src/server/index.ts';
import { directives, tasks } from '../src/server/schema.ts';
import { createCoreHarness, person, fileForm, rejection, sha256, tinyPdf, today, type CoreCaller, type CoreHarness } from './harness.ts';

/** The 21 departments and 30 districts: every §1 clause has a child task for each. */
const UNITS_PER_CLAUSE = 51;
/** §1 as the text assigns it: 1.3 and 1.8 in two parts followed by different departments. */
const SECTION_1_CLAUSES = ['1.1', '1.2', '1.3a', '1.3b', '1.4', '1.5', '1.6', '1.7', '1.8a', '1.8b', '1.9'];
/** 11 clauses × 51 units + 12 single-unit duties. */
const LEAVES = SECTION_1_CLAUSES.length * UNITS_PER_CLAUSE + 12;
const isParentCode = (code: string) => /^2458-1\.\d[ab]?$/.test(code);
const codesOf = (items: Array<{ code: string }>) => items.map((item) => item.code);

/** Every page of tasks.list, following nextCursor. */
async function allPages(caller: CoreCaller, input: Parameters<CoreCaller['tasks']['list']>[0] & object) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await caller.tasks.list({ ...input, cursor });
    pages.push(codesOf(page.items));
    if (page.nextCursor === null) return pages;
    expect(page.nextCursor).toBe(page.items.at(-1)?.code);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('pagination does not end');
  }
}

describe.each(testBackends)('directives and tasks on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  describe('directives', () => {
    it('list names directive 2458 for any signed-in role', async () => {
      for (const username of ['stc.cv', 'ubnd', 'badinh'] as const) {
        const list = await (await h.as(username)).directives.list();
        expect(list).toEqual([
          expect.objectContaining({
            id: expect.any(String),
            number: '2458/UBND-SNV',
            issuedOn: '2023-08-08',
            issuer: 'UBND Thành phố Hà Nội',
            subject: 'Tập trung triển khai thực hiện một số nhiệm vụ cải cách hành chính trong thời gian tới',
          }),
        ]);
      }
    });

    it('get gives the full text and the 15 referenced documents in the order the letter cites them', async () => {
      const stcCv = await h.as('stc.cv');
      const [listed] = await stcCv.directives.list();
      const directive = await stcCv.directives.get({ id: listed!.id });
      expect(directive.number).toBe('2458/UBND-SNV');
      expect(directive.fullText).toContain('Số: 2458 /UBND-SNV');
      expect(directive.fullText).toContain('cải cách hành chính');
      expect(directive.references).toHaveLength(15);
      expect(directive.references.map((r) => r.number)).toEqual(references2458.map((r) => r.number));
      expect(directive.references.map((r) => r.position)).toEqual([...Array(15).keys()]);
      expect(directive.references[0]).toMatchObject({ kind: 'Công văn', number: '3668/BNV-CCHC', issuedOn: '2023-07-13' });
      expect(directive.references.find((r) => r.number === '189/KH-UBND')).toMatchObject({
        kind: 'Kế hoạch',
        issuedOn: '2022-07-06',
        title: 'Chuyển đơn vị sự nghiệp công lập sang tự chủ tài chính giai đoạn 2022-2025',
      });
      // Decision 280/QĐ-UBND is cited without a date.
      expect(directive.references.find((r) => r.number === '280/QĐ-UBND')?.issuedOn).toBeNull();
    });

    it('get of an unknown directive is NOT_FOUND; a malformed id BAD_REQUEST; no session UNAUTHORIZED', async () => {
      const ubnd = await h.as('ubnd');
      const missing = await rejection(ubnd.directives.get({ id: '00000000-0000-4000-8000-000000000000' }));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.message).toBe('Không tìm thấy văn bản chỉ đạo.');
      expect((await rejection(ubnd.directives.get({ id: '2458' }))).code).toBe('BAD_REQUEST');
      expect((await rejection(h.anonymous().directives.list())).code).toBe('UNAUTHORIZED');
    });
  });

  describe('units.list', () => {
    it('names the UBND, the 21 departments and the 30 districts with their kinds, in the directory’s order', async () => {
      const units = await (await h.as('ubnd')).units.list();
      expect(units).toHaveLength(52);
      expect(units[0]).toEqual({ code: 'UBND', name: 'UBND Thành phố Hà Nội', kind: 'ubnd' });
      expect(units.filter((u) => u.kind === 'department')).toHaveLength(21);
      expect(units.filter((u) => u.kind === 'district')).toHaveLength(30);
      expect(units).toContainEqual({ code: 'Q001', name: 'Quận Ba Đình', kind: 'district' });
      expect(await (await h.as('badinh')).units.list()).toEqual(units);
    });
  });

  describe('tasks.list', () => {
    it('an officer without unitCode gets the tasks their unit leads or coordinates (stc.cv: 11 children of §1, 3.1 and 3.2)', async () => {
      const page = await (await h.as('stc.cv')).tasks.list({ asOf: '2023-10-15' });
      expect(codesOf(page.items)).toEqual([...SECTION_1_CLAUSES.map((c) => `2458-${c}-STC`), '2458-3.1', '2458-3.2']);
      expect(page.nextCursor).toBeNull();
      const reengineering = page.items.find((t) => t.code === '2458-1.6-STC');
      expect(reengineering).toMatchObject({
        clause: '1.6',
        title: 'Tái cấu trúc quy trình TTHC, dịch vụ công trên Cổng DVCQG',
        leadUnit: { code: 'STC', name: 'Sở Tài chính' },
        parentId: h.taskId('2458-1.6'),
        deadline: '2023-09-30',
        continuous: false,
        status: 'overdue',
        progress: 0,
        completedOn: null,
        // never updated: "chưa cập nhật tiến độ"
        noProgressUpdate: true,
        version: 1,
      });
      expect(page.items.find((t) => t.code === '2458-3.2')).toMatchObject({ deadline: null, continuous: true, status: 'continuous' });
    });

    it('a coordinating unit sees the task it coordinates (snv: 3.2 of STC; vp: 4.2 of STTTT)', async () => {
      const snv = await (await h.as('snv')).tasks.list({ asOf: '2023-10-15' });
      expect(codesOf(snv.items)).toEqual([...SECTION_1_CLAUSES.map((c) => `2458-${c}-SNV`), '2458-3.2', '2458-6.1', '2458-6.2', '2458-6.3']);
      expect(snv.items.find((t) => t.code === '2458-3.2')?.leadUnit).toEqual({ code: 'STC', name: 'Sở Tài chính' });
      // vp is also a coordinator (it reads every unit's tasks): its own unit's, filtered.
      const vp = await (await h.as('vp')).tasks.list({ asOf: '2023-10-15', unitCode: 'VP' });
      expect(codesOf(vp.items)).toEqual([...SECTION_1_CLAUSES.map((c) => `2458-${c}-VP`), '2458-2.1', '2458-2.2', '2458-2.3', '2458-4.2']);
      // A district sees only its eleven §1 tasks.
      const badinh = await (await h.as('badinh')).tasks.list({ asOf: '2023-10-15' });
      expect(codesOf(badinh.items)).toEqual(SECTION_1_CLAUSES.map((c) => `2458-${c}-Q001`));
    });

    it('a unit asking for another unit’s tasks gets nothing; the coordinator may filter by any unit', async () => {
      const other = await (await h.as('stc.cv')).tasks.list({ unitCode: 'SXD' });
      expect(other.items).toEqual([]);
      const byUnit = await (await h.as('ubnd')).tasks.list({ unitCode: 'SNV', asOf: '2023-10-15' });
      expect(codesOf(byUnit.items)).toEqual(codesOf((await (await h.as('snv')).tasks.list({ asOf: '2023-10-15' })).items));
    });

    it('the coordinator gets every leaf task: 11 clauses × 51 units + 12 single-unit duties = 573, each once across pages', async () => {
      const ubnd = await h.as('ubnd');
      const pages = await allPages(ubnd, { limit: 200 });
      expect(pages.map((p) => p.length)).toEqual([200, 200, 173]);
      const codes = pages.flat();
      expect(codes).toHaveLength(LEAVES);
      expect(new Set(codes).size).toBe(573);
      // Parents roll up their children and are not listed.
      for (const clause of SECTION_1_CLAUSES) expect(codes).not.toContain(`2458-${clause}`);
      expect(codes.filter((c) => c.startsWith('2458-1.6-'))).toHaveLength(UNITS_PER_CLAUSE);
      // The seed's codes are the list, exactly.
      const leafCodes = [...h.taskIds.keys()].filter((code) => !isParentCode(code));
      expect([...codes].sort()).toEqual(leafCodes.sort());

      // Smaller pages give the same tasks in the same order, each exactly once.
      const small = await allPages(ubnd, { limit: 50 });
      expect(small).toHaveLength(12);
      expect(small.slice(0, 11).every((p) => p.length === 50)).toBe(true);
      expect(small.flat()).toEqual(codes);
      const admin = await allPages(await h.as('admin'), { limit: 200 });
      expect(admin.flat()).toEqual(codes);
    });

    it('cursor pagination over a unit’s filtered list', async () => {
      const pages = await allPages(await h.as('stc.cv'), { limit: 4 });
      expect(pages).toEqual([
        ['2458-1.1-STC', '2458-1.2-STC', '2458-1.3a-STC', '2458-1.3b-STC'],
        ['2458-1.4-STC', '2458-1.5-STC', '2458-1.6-STC', '2458-1.7-STC'],
        ['2458-1.8a-STC', '2458-1.8b-STC', '2458-1.9-STC', '2458-3.1'],
        ['2458-3.2'],
      ]);
    });

    it('status filter as of 2023-10-15: the 51 children of 1.6 (due 30/9/2023) are the only overdue tasks', async () => {
      const ubnd = await h.as('ubnd');
      const overdue = await ubnd.tasks.list({ asOf: '2023-10-15', status: 'overdue', limit: 200 });
      expect(overdue.items).toHaveLength(UNITS_PER_CLAUSE);
      expect(overdue.items.every((t) => t.code.startsWith('2458-1.6-') && t.status === 'overdue' && t.deadline === '2023-09-30')).toBe(true);
      // On the deadline day itself the task is still within its deadline.
      const onTheDay = (await allPages(ubnd, { asOf: '2023-09-30', status: 'in_progress', limit: 200 })).flat();
      expect(onTheDay.filter((c) => c.startsWith('2458-1.6-'))).toEqual(codesOf(overdue.items));
      expect((await ubnd.tasks.list({ asOf: '2023-09-30', status: 'overdue' })).items).toEqual([]);
    });

    it('status filter: every unfinished task with a later deadline is within deadline, whatever the data window', async () => {
      const ubnd = await h.as('ubnd');
      // As of 14/12/2023 (the last day of Q4's data window) and 15/12/2023 (Q1 2024's first):
      // the same 106 tasks are within deadline — 1.1 × 51, 5.2, 6.2 (31/12/2023), 1.4 × 51, 2.2, 3.1 (2025).
      for (const asOf of ['2023-12-14', '2023-12-15']) {
        const codes = (await allPages(ubnd, { asOf, status: 'in_progress', limit: 200 })).flat();
        expect(codes, asOf).toHaveLength(2 * UNITS_PER_CLAUSE + 4);
        expect(codes.filter((c) => c.startsWith('2458-1.1-'))).toHaveLength(UNITS_PER_CLAUSE);
        expect(codes.filter((c) => c.startsWith('2458-1.4-'))).toHaveLength(UNITS_PER_CLAUSE);
        expect(codes.filter((c) => !c.startsWith('2458-1.1-') && !c.startsWith('2458-1.4-'))).toEqual(['2458-2.2', '2458-3.1', '2458-5.2', '2458-6.2']);
      }
      // The stc.cv view filtered the same way: 1.6 overdue; 1.1, 1.4 and 3.1 within deadline.
      const stcCv = await h.as('stc.cv');
      const byStatus = async (status: TaskStatus) => codesOf((await stcCv.tasks.list({ asOf: '2023-12-15', status })).items);
      expect(await byStatus('overdue')).toEqual(['2458-1.6-STC']);
      expect(await byStatus('in_progress')).toEqual(['2458-1.1-STC', '2458-1.4-STC', '2458-3.1']);
      expect(await byStatus('continuous')).toEqual(['2458-1.2-STC', '2458-1.3a-STC', '2458-1.3b-STC', '2458-1.5-STC', '2458-1.7-STC', '2458-1.8a-STC', '2458-1.8b-STC', '2458-1.9-STC', '2458-3.2']);
      expect(await byStatus('done_on_time')).toEqual([]);
    });

    it('"chưa cập nhật tiến độ" flags a task not yet due that nobody updated this period', async () => {
      // As of 20/12/2024, 1.4-STC (due 31/12/2025) was given on 08/08/2023 and never updated:
      // nothing inside the quarter's data window (15/12/2024–14/03/2025).
      const stcCv = await h.as('stc.cv');
      const page = await stcCv.tasks.list({ asOf: '2024-12-20', q: '2458-1.4-STC' });
      expect(page.items).toEqual([expect.objectContaining({ code: '2458-1.4-STC', status: 'in_progress', noProgressUpdate: true })]);
      const detail = await stcCv.tasks.get({ id: h.taskId('2458-1.4-STC'), asOf: '2024-12-20' });
      expect(detail).toMatchObject({ status: 'in_progress', noProgressUpdate: true, assignedOn: '2023-08-08' });
      // A done task is never flagged.
      expect((await stcCv.tasks.list({ asOf: '2024-12-20', q: '2458-1.2-STC' })).items[0]).toMatchObject({ status: 'continuous', noProgressUpdate: true });
    });

    it('search is blind to diacritics and case: "cai cach" finds "cải cách", "DVCQG" finds 1.6', async () => {
      const stcCv = await h.as('stc.cv');
      // "cải cách hành chính" is in the titles of 1.1, 1.8a, 1.8b (every unit) and of 6.1 (SNV's).
      const cchc = ['2458-1.1-STC', '2458-1.8a-STC', '2458-1.8b-STC'];
      expect(codesOf((await stcCv.tasks.list({ q: 'cai cach' })).items)).toEqual(cchc);
      expect(codesOf((await stcCv.tasks.list({ q: '  CẢI   CÁCH ' })).items)).toEqual(cchc);
      expect(codesOf((await stcCv.tasks.list({ q: 'DVCQG' })).items)).toEqual(['2458-1.6-STC']);
      expect(codesOf((await stcCv.tasks.list({ q: 'luong dac thu' })).items)).toEqual(['2458-3.2']); // "tiền lương đặc thù"
      const ubnd = await h.as('ubnd');
      const all = codesOf((await ubnd.tasks.list({ q: 'cai cach', limit: 200 })).items);
      expect(all).toHaveLength(3 * UNITS_PER_CLAUSE + 1);
      expect(all).toContain('2458-6.1');
      // The code is searched too.
      expect(codesOf((await ubnd.tasks.list({ q: '2458-3.2' })).items)).toEqual(['2458-3.2']);
    });

    it('search: every word, in any order, as matchesSearch in the domain rules says', async () => {
      const stcCv = await h.as('stc.cv');
      expect(codesOf((await stcCv.tasks.list({ q: 'hanh chinh cai cach' })).items)).toEqual(['2458-1.1-STC', '2458-1.8a-STC', '2458-1.8b-STC']);
      expect(codesOf((await stcCv.tasks.list({ q: 'dac thu tien luong' })).items)).toEqual(['2458-3.2']);
      // Over all 573 leaf tasks, the SQL finds exactly what the pure rule matches in "code title content".
      const clauses = new Map(clauses2458.map((c) => [c.clause, c]));
      const leafText = [...h.taskIds.keys()]
        .filter((code) => !isParentCode(code))
        .map((code) => {
          const clause = clauses.get(code.split('-')[1]!)!;
          return { code, text: `${code} ${clause.title} ${clause.content}` };
        });
      const ubnd = await h.as('ubnd');
      for (const q of ['cai cach hanh chinh', 'chinh hanh', 'PAR INDEX sipas', 'ke hoach 286', 'tai chinh tu chu', 'Q001 dvcqg', 'UBND thanh pho bao cao']) {
        const found = (await allPages(ubnd, { q, limit: 200 })).flat();
        const expected = leafText.filter((t) => matchesSearch(t.text, q)).map((t) => t.code);
        expect(expected.length, q).toBeGreaterThan(0);
        expect([...found].sort(), q).toEqual(expected.sort());
      }
    });

    it('search treats % and _ as the characters they are, not as LIKE wildcards', async () => {
      const stcCv = await h.as('stc.cv');
      // "ít nhất 20% TTHC nội bộ" (1.4), "tối thiểu 20% đơn vị" (3.1)
      expect(codesOf((await stcCv.tasks.list({ q: '20%' })).items)).toEqual(['2458-1.4-STC', '2458-3.1']);
      expect((await stcCv.tasks.list({ q: '_' })).items).toEqual([]);
      expect((await stcCv.tasks.list({ q: '%' })).items.map((t) => t.code)).toEqual(['2458-1.4-STC', '2458-3.1']);
    });

    it('validation errors are BAD_REQUEST: impossible date, limit 0 or 201, unknown status, malformed unit code', async () => {
      const ubnd = await h.as('ubnd');
      for (const input of [
        { asOf: '2023-02-29' },
        { asOf: '15/10/2023' },
        { limit: 0 },
        { limit: 201 },
        { limit: 2.5 },
        { status: 'late' as TaskStatus },
        { unitCode: 'stc' },
        { directiveId: '2458' },
      ]) {
        const error = await rejection(ubnd.tasks.list(input));
        expect(error.code, JSON.stringify(input)).toBe('BAD_REQUEST');
      }
    });
  });

  describe('taskStatusSql agrees with taskStatus', () => {
    it('on a grid of deadlines, completions and as-of dates', async () => {
      const [directive] = await h.db.select({ id: directives.id }).from(directives);
      const deadlines: Array<IsoDate | null> = [null, '2023-09-30', '2023-10-14', '2023-10-15', '2023-10-16', '2023-12-14', '2023-12-15', '2023-12-31', '2024-02-29', '2024-03-14', '2024-03-15', '2025-12-31'];
      const rows: Array<{ code: string; deadline: IsoDate | null; continuous: boolean; completedOn: IsoDate | null }> = [];
      for (const deadline of deadlines) {
        const completions = new Set<IsoDate | null>([null, '2023-10-15', '2024-01-10']);
        if (deadline) for (const d of [-1, 0, 1]) completions.add(addDays(deadline, d));
        for (const completedOn of completions) {
          for (const continuous of [false, true]) rows.push({ code: `grid-${String(rows.length).padStart(3, '0')}`, deadline, continuous, completedOn });
        }
      }
      const asOfs: IsoDate[] = ['2023-09-29', '2023-09-30', '2023-10-01', '2023-10-14', '2023-10-15', '2023-10-16', '2023-12-14', '2023-12-15', '2023-12-31', '2024-01-10', '2024-02-29', '2024-03-14', '2024-03-15', '2026-01-15'];

      const sqlStatus = new Map<string, TaskStatus>();
      let filtered = 0;
      const rollback = new Error('rollback: the grid is not kept');
      await expect(
        h.db.transaction(async (tx) => {
          await tx.insert(tasks).values(rows.map((row) => ({ ...row, directiveId: directive!.id, clause: 'grid', title: row.code, content: '', leadUnitCode: 'STC', searchText: row.code })));
          for (const asOf of asOfs) {
            const found = await tx.select({ code: tasks.code, status: taskStatusSql(asOf) }).from(tasks).where(like(tasks.code, 'grid-%'));
            expect(found).toHaveLength(rows.length);
            for (const row of found) sqlStatus.set(`${row.code}@${asOf}`, row.status as TaskStatus);
            // The filter over the columns (taskStatusIsSql) picks exactly the rows of each status.
            for (const status of TASK_STATUSES) {
              const picked = await tx.select({ code: tasks.code }).from(tasks).where(and(like(tasks.code, 'grid-%'), taskStatusIsSql(status, asOf)));
              const expected = rows.filter((row) => taskStatus(row, asOf) === status).map((row) => row.code);
              expect(picked.map((row) => row.code).sort(), `${status} as of ${asOf}`).toEqual(expected.sort());
              filtered += picked.length;
            }
          }
          throw rollback;
        }),
      ).rejects.toBe(rollback);

      let compared = 0;
      const seen = new Set<TaskStatus>();
      for (const asOf of asOfs) {
        for (const row of rows) {
          const expected = taskStatus(row, asOf);
          expect(sqlStatus.get(`${row.code}@${asOf}`), `${JSON.stringify(row)} as of ${asOf}`).toBe(expected);
          seen.add(expected);
          compared += 1;
        }
      }
      expect(compared).toBe(rows.length * asOfs.length);
      // Each row is picked by exactly one status's filter, as of each date.
      expect(filtered).toBe(rows.length * asOfs.length);
      expect([...seen].sort()).toEqual([...TASK_STATUSES].sort());

      // The cases a user would name, read back from the SQL.
      const at = (deadline: IsoDate | null, completedOn: IsoDate | null, asOf: IsoDate, continuous = false) => {
        const row = rows.find((r) => r.deadline === deadline && r.completedOn === completedOn && r.continuous === continuous);
        return sqlStatus.get(`${row!.code}@${asOf}`);
      };
      expect(at('2023-10-15', null, '2023-10-15')).toBe('in_progress'); // deadline today
      expect(at('2023-10-14', null, '2023-10-15')).toBe('overdue'); // deadline yesterday
      expect(at('2023-09-30', '2023-09-30', '2023-10-15')).toBe('done_on_time'); // done on the deadline day
      expect(at('2023-09-30', '2023-10-01', '2023-10-15')).toBe('done_late'); // done a day late
      expect(at('2023-09-30', '2023-10-01', '2023-09-30')).toBe('in_progress'); // completion after asOf: not done yet
      expect(at('2023-09-30', '2023-10-15', '2023-10-14')).toBe('overdue'); // ... and overdue until it is
      expect(at('2023-12-31', '2024-01-10', '2023-10-15')).toBe('in_progress'); // completion not yet, deadline later
      expect(at(null, null, '2023-10-15', true)).toBe('continuous');
      expect(at(null, '2023-10-15', '2023-10-15', true)).toBe('continuous'); // continuous whatever is recorded
      expect(at(null, '2023-10-15', '2023-10-15')).toBe('done_on_time'); // no deadline: cannot be late
      expect(at(null, null, '2023-10-15')).toBe('in_progress'); // no deadline: never overdue
      // No data window in the rule: a later deadline is within deadline on either side of the 15th.
      expect(at('2024-03-14', null, '2023-12-15')).toBe('in_progress');
      expect(at('2024-03-15', null, '2023-12-15')).toBe('in_progress');
      expect(at('2023-12-15', null, '2023-12-14')).toBe('in_progress');
      expect(at('2024-02-29', null, '2024-02-29')).toBe('in_progress');
    });
  });

  describe('tasks.get', () => {
    it('a parent’s detail rolls up its 51 children (1.6 as of 2023-10-15: all overdue)', async () => {
      const task = await (await h.as('ubnd')).tasks.get({ id: h.taskId('2458-1.6'), asOf: '2023-10-15' });
      expect(task).toMatchObject({
        code: '2458-1.6',
        isParent: true,
        parentId: null,
        parent: null,
        leadUnit: { code: 'VP', name: 'Văn phòng UBND Thành phố' },
        deadline: '2023-09-30',
        cadence: 'month',
        status: 'overdue',
      });
      expect(task.rollUp).toMatchObject({ total: 51, status: 'overdue', meanProgress: 0, completionRate: 0 });
      expect(task.rollUp?.counts).toEqual({ in_progress: 0, overdue: 51, done_on_time: 0, done_late: 0, continuous: 0 });
      expect(task.rollUp?.children).toHaveLength(51);
      expect(task.rollUp?.children.find((c) => c.code === '2458-1.6-Q001')).toEqual({
        id: h.taskId('2458-1.6-Q001'),
        code: '2458-1.6-Q001',
        leadUnit: { code: 'Q001', name: expect.stringContaining('Ba Đình') },
        status: 'overdue',
        progress: 0,
      });
      // A continuous clause rolls up as continuous, with nothing due.
      const continuous = await (await h.as('ubnd')).tasks.get({ id: h.taskId('2458-1.2'), asOf: '2023-10-15' });
      expect(continuous.rollUp).toMatchObject({ total: 51, status: 'continuous', completionRate: null });
      expect(continuous.rollUp?.counts.continuous).toBe(51);
    });

    it('a leaf’s detail names its parent and its coordinating units', async () => {
      const stcCv = await h.as('stc.cv');
      const child = await stcCv.tasks.get({ id: h.taskId('2458-1.6-STC'), asOf: '2023-10-15' });
      expect(child).toMatchObject({
        code: '2458-1.6-STC',
        isParent: false,
        parent: { id: h.taskId('2458-1.6'), code: '2458-1.6', leadUnit: { code: 'VP', name: 'Văn phòng UBND Thành phố' } },
        leadUnit: { code: 'STC', name: 'Sở Tài chính' },
        coordinatingUnits: [],
        status: 'overdue',
        reminderCount: 0,
        flaggedForLeadership: false,
        rollUp: null,
        history: [],
        reminders: [],
        reports: [],
        escalations: [],
        audit: [],
      });
      const salary = await stcCv.tasks.get({ id: h.taskId('2458-3.2') });
      // The text names no coordinating unit for 3.2: the seed's choice is marked as inferred.
      expect(salary).toMatchObject({ leadUnit: { code: 'STC' }, coordinatingUnits: [{ code: 'SNV', name: 'Sở Nội vụ', inferred: true }], continuous: true, cadence: 'half', status: 'continuous' });
      expect(await stcCv.tasks.get({ id: h.taskId('2458-1.6-STC') })).toMatchObject({ deadline: '2023-09-30', deadlineInferred: false });
      // 1.6's follow-up unit is not named by the text; 2.2's deadline is not stated.
      expect(await (await h.as('vp')).tasks.get({ id: h.taskId('2458-1.6') })).toMatchObject({ leadUnit: { code: 'VP' }, leadInferred: true, deadlineInferred: false });
      expect(await (await h.as('vp')).tasks.get({ id: h.taskId('2458-2.2') })).toMatchObject({ deadline: '2025-12-31', deadlineInferred: true });
      // 1.3b (PCI, PGI) is followed up by Sở KH&ĐT as §5 assigns; 1.3a by Sở Nội vụ (§6).
      expect(await (await h.as('skhdt')).tasks.get({ id: h.taskId('2458-1.3b') })).toMatchObject({ title: expect.stringContaining('PCI'), leadUnit: { code: 'SKHDT' }, leadInferred: false });
      expect(await (await h.as('snv')).tasks.get({ id: h.taskId('2458-1.3a') })).toMatchObject({ title: expect.stringContaining('PAR INDEX'), leadUnit: { code: 'SNV' } });
    });

    it('a unit opens its own task, its parent and what it coordinates; another unit’s task is NOT_FOUND', async () => {
      const stcCv = await h.as('stc.cv');
      expect((await stcCv.tasks.get({ id: h.taskId('2458-1.6-STC') })).code).toBe('2458-1.6-STC');
      expect((await stcCv.tasks.get({ id: h.taskId('2458-1.6') })).code).toBe('2458-1.6');
      const hidden = await rejection(stcCv.tasks.get({ id: h.taskId('2458-1.6-SXD') }));
      expect(hidden.code).toBe('NOT_FOUND');
      expect(hidden.message).toBe('Không tìm thấy nhiệm vụ.');
      expect((await rejection(stcCv.tasks.get({ id: h.taskId('2458-2.1') }))).code).toBe('NOT_FOUND');
      // The same answer as for a task that does not exist: nothing leaks.
      const missing = await rejection(stcCv.tasks.get({ id: '00000000-0000-4000-8000-000000000000' }));
      expect(missing.message).toBe(hidden.message);

      const snv = await h.as('snv');
      expect((await snv.tasks.get({ id: h.taskId('2458-3.2') })).code).toBe('2458-3.2'); // coordinates it
      expect((await snv.tasks.get({ id: h.taskId('2458-1.1-STC') })).code).toBe('2458-1.1-STC'); // leads the parent 1.1
      expect((await rejection(snv.tasks.get({ id: h.taskId('2458-1.6-STC') }))).code).toBe('NOT_FOUND'); // VP leads 1.6
      const vp = await h.as('vp');
      expect((await vp.tasks.get({ id: h.taskId('2458-1.6-Q001') })).code).toBe('2458-1.6-Q001');
      expect((await vp.tasks.get({ id: h.taskId('2458-4.2') })).code).toBe('2458-4.2');
      const badinh = await h.as('badinh');
      expect((await badinh.tasks.get({ id: h.taskId('2458-1.9') })).rollUp?.total).toBe(51);
      expect((await rejection(badinh.tasks.get({ id: h.taskId('2458-1.9-Q002') }))).code).toBe('NOT_FOUND');
      expect((await rejection(badinh.tasks.get({ id: h.taskId('2458-3.1') }))).code).toBe('NOT_FOUND');
    });
  });

  describe('tasks.update', () => {
    it('stc.cv updates STC’s task: new version, history and an audit row with the request id', async () => {
      const { caller, requestId } = await h.session('stc.cv');
      const id = h.taskId('2458-1.6-STC');
      const updated = await caller.tasks.update({ id, version: 1, progress: 40, note: 'Đã rà soát 12/30 quy trình' });
      expect(updated).toEqual({ id, version: 2, progress: 40, completedOn: null, completionEnteredOn: null, unchanged: false });

      const task = await caller.tasks.get({ id });
      expect(task).toMatchObject({ progress: 40, version: 2, updatedBy: person('stc.cv'), lastProgressOn: today(), status: 'overdue', noProgressUpdate: false });
      expect(task.history).toEqual([{ at: expect.any(String), by: person('stc.cv'), progress: 40, completedOn: null, note: 'Đã rà soát 12/30 quy trình' }]);
      expect(task.audit).toEqual([{ at: expect.any(String), actor: person('stc.cv'), action: 'core.task.update' }]);

      const audit = await listAudit(h.db, { entity: 'core.task', entityId: id });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorUsername: 'stc.cv',
        action: 'core.task.update',
        requestId,
        before: { progress: 0, completedOn: null, result: null, version: 1 },
        after: { progress: 40, completedOn: null, result: null, version: 2 },
      });
    });

    it('a stale version is CONFLICT naming who changed the task, in the caller’s language; nothing is written', async () => {
      const id = h.taskId('2458-1.6-STC');
      const stale = await rejection((await h.as('stc')).tasks.update({ id, version: 1, progress: 10 }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toBe('Dữ liệu đã được stc.cv thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.');
      const english = await rejection((await h.as('stc', { locale: 'en' })).tasks.update({ id, version: 1, progress: 10 }));
      expect(english.message).toBe('stc.cv changed this after you opened it. Reload and try again.');
      const task = await (await h.as('stc')).tasks.get({ id });
      expect(task).toMatchObject({ version: 2, progress: 40 });
      expect(await listAudit(h.db, { entity: 'core.task', entityId: id })).toHaveLength(1);
    });

    it('only the lead unit updates: sxd, a coordinating unit and the coordinator are FORBIDDEN', async () => {
      const id = h.taskId('2458-1.6-STC');
      const sxd = await rejection((await h.as('sxd')).tasks.update({ id, version: 2, progress: 90 }));
      expect(sxd.code).toBe('FORBIDDEN');
      expect(sxd.message).toBe('Chỉ đơn vị chủ trì được cập nhật nhiệm vụ này.');
      // The parent's lead follows the children up but does not report for them.
      expect((await rejection((await h.as('vp')).tasks.update({ id, version: 2, progress: 90 }))).code).toBe('FORBIDDEN');
      // SNV coordinates 3.2; STC leads it.
      expect((await rejection((await h.as('snv')).tasks.update({ id: h.taskId('2458-3.2'), version: 1, progress: 90 }))).code).toBe('FORBIDDEN');
      const ubnd = await rejection((await h.as('ubnd')).tasks.update({ id, version: 2, progress: 90 }));
      expect(ubnd.code).toBe('FORBIDDEN');
      expect(ubnd.message).toBe('Bạn không có quyền thực hiện thao tác này (core.tasks:update).');
      expect((await (await h.as('stc')).tasks.get({ id })).progress).toBe(40);
    });

    it('a parent is not updated directly; a completion date in the future or progress over 100 is refused', async () => {
      const vp = await h.as('vp');
      const parent = await rejection(vp.tasks.update({ id: h.taskId('2458-1.6'), version: 1, progress: 50 }));
      expect(parent.code).toBe('BAD_REQUEST');
      const stcCv = await h.as('stc.cv');
      const id = h.taskId('2458-1.6-STC');
      const future = await rejection(stcCv.tasks.update({ id, version: 2, progress: 100, completedOn: addDays(today(), 1) }));
      expect(future.code).toBe('BAD_REQUEST');
      expect(future.message).toBe('Ngày hoàn thành không được sau ngày hôm nay.');
      expect((await rejection(stcCv.tasks.update({ id, version: 2, progress: 101 }))).code).toBe('BAD_REQUEST');
      expect((await rejection(stcCv.tasks.update({ id, version: 2, progress: 50, completedOn: '2023-09-31' }))).code).toBe('BAD_REQUEST');
    });

    it('completing sets progress 100 and the status by date: on the deadline day on time, after it late', async () => {
      const stcCv = await h.as('stc.cv');
      const stcTask = h.taskId('2458-1.6-STC');
      // Completing asks for the result: without a document or a file it is refused, nothing written.
      const bare = await rejection(stcCv.tasks.update({ id: stcTask, version: 2, progress: 100, completedOn: '2023-09-30' }));
      expect(bare.code).toBe('BAD_REQUEST');
      expect(bare.message).toBe('Hoàn thành nhiệm vụ cần nêu kết quả: số và ngày văn bản kết quả, hoặc tệp minh chứng.');
      const halfDoc = await rejection(stcCv.tasks.update({ id: stcTask, version: 2, progress: 100, completedOn: '2023-09-30', resultDocNumber: '412/STC-QLNS' }));
      expect(halfDoc.message).toBe('Văn bản kết quả cần có cả số và ngày.');
      // A completion date with a progress under 100 is refused, not saved as 100: nothing is written.
      const under = await rejection(
        stcCv.tasks.update({ id: stcTask, version: 2, progress: 90, completedOn: '2023-09-30', resultDocNumber: '412/STC-QLNS', resultDocDate: '2023-09-29' }),
      );
      expect([under.code, under.message]).toEqual(['BAD_REQUEST', 'Ghi ngày hoàn thành 30/09/2023 thì tiến độ là 100%, không phải 90%. Hãy ghi tiến độ 100% hoặc bỏ ngày hoàn thành.']);
      expect(await stcCv.tasks.get({ id: stcTask })).toMatchObject({ version: 2, completedOn: null });
      const done = await stcCv.tasks.update({
        id: stcTask,
        version: 2,
        progress: 100,
        completedOn: '2023-09-30',
        resultDocNumber: '412/STC-QLNS',
        resultDocDate: '2023-09-29',
        result: 'Đã trình phê duyệt 30 quy trình',
      });
      // The completion states 30/09/2023; it is entered today: both are kept.
      expect(done).toEqual({ id: stcTask, version: 3, progress: 100, completedOn: '2023-09-30', completionEnteredOn: today(), unchanged: false });
      expect(await stcCv.tasks.get({ id: stcTask })).toMatchObject({
        status: 'done_on_time',
        progress: 100,
        result: 'Đã trình phê duyệt 30 quy trình',
        resultDocNumber: '412/STC-QLNS',
        resultDocDate: '2023-09-29',
        completionEnteredOn: today(),
        noProgressUpdate: false,
      });

      // Sở Xây dựng completes with an evidence file instead of a document number.
      const sxd = await h.as('sxd');
      const sxdTask = h.taskId('2458-1.6-SXD');
      const file = await sxd.tasks.attachResult(fileForm('bao-cao-ket-qua.pdf', tinyPdf('Ket qua'), { taskId: sxdTask }));
      expect(file).toMatchObject({ filename: 'bao-cao-ket-qua.pdf', contentType: 'application/pdf' });
      // Another unit may not file this task's result, nor name a file of another task.
      expect((await rejection((await h.as('badinh')).tasks.attachResult(fileForm('x.pdf', tinyPdf(), { taskId: sxdTask })))).code).toBe('FORBIDDEN');
      expect((await rejection(stcCv.tasks.update({ id: stcTask, version: 3, progress: 100, resultFileId: file.id }))).message).toBe('Tệp minh chứng không thuộc nhiệm vụ này.');
      await sxd.tasks.update({ id: sxdTask, version: 1, progress: 100, completedOn: '2023-10-05', resultFileId: file.id });
      const sxdDetail = await sxd.tasks.get({ id: sxdTask });
      expect(sxdDetail).toMatchObject({ status: 'done_late', resultFile: { id: file.id, filename: 'bao-cao-ket-qua.pdf' } });
      // The file reads back for the unit, not for another unit.
      expect((await sxd.reports.evidence({ id: file.id })).sha256).toBe(sha256(tinyPdf('Ket qua')));
      expect((await rejection((await h.as('badinh')).reports.evidence({ id: file.id }))).code).toBe('NOT_FOUND');
      expect((await sxd.tasks.get({ id: sxdTask })).status).toBe('done_late');
      // Before the completion date it had not happened yet: overdue since 1/10.
      expect((await sxd.tasks.get({ id: sxdTask, asOf: '2023-10-04' })).status).toBe('overdue');

      // The list filter and the parent's roll-up see the same.
      const ubnd = await h.as('ubnd');
      expect((await ubnd.tasks.list({ asOf: '2023-10-15', status: 'overdue', limit: 200 })).items).toHaveLength(49);
      expect(codesOf((await ubnd.tasks.list({ asOf: '2023-10-15', status: 'done_on_time' })).items)).toEqual(['2458-1.6-STC']);
      expect(codesOf((await ubnd.tasks.list({ asOf: '2023-10-15', status: 'done_late' })).items)).toEqual(['2458-1.6-SXD']);
      const parent = await ubnd.tasks.get({ id: h.taskId('2458-1.6'), asOf: '2023-10-15' });
      expect(parent.rollUp).toMatchObject({ total: 51, status: 'overdue', meanProgress: 3.9, completionRate: 2 / 51 });
      expect(parent.rollUp?.counts).toMatchObject({ overdue: 49, done_on_time: 1, done_late: 1 });
      expect(parent.rollUp?.children.find((c) => c.code === '2458-1.6-STC')).toMatchObject({ status: 'done_on_time', progress: 100 });

      // The completion date kept, the progress is 100%: another figure is refused in the caller's
      // language (never saved as 100), whether the date is sent again or left out; nothing is written.
      const kept = await rejection(stcCv.tasks.update({ id: stcTask, version: 3, progress: 35 }));
      expect([kept.code, kept.message]).toEqual([
        'BAD_REQUEST',
        'Nhiệm vụ đã hoàn thành ngày 30/09/2023 nên tiến độ là 100%. Muốn ghi tiến độ 35%, hãy xóa ngày hoàn thành trước.',
      ]);
      const keptEn = await rejection((await h.as('stc.cv', { locale: 'en' })).tasks.update({ id: stcTask, version: 3, progress: 35, completedOn: '2023-09-30' }));
      expect([keptEn.code, keptEn.message]).toEqual(['BAD_REQUEST', 'This task was completed on 30/09/2023, so its progress is 100%. To record 35%, clear the completion date first.']);
      expect(await stcCv.tasks.get({ id: stcTask })).toMatchObject({ version: 3, progress: 100, completedOn: '2023-09-30', history: [expect.anything(), expect.anything()] });
      expect(await listAudit(h.db, { entity: 'core.task', entityId: stcTask })).toHaveLength(2);
      // 100 with the date kept still saves (here with a note), the completion as entered before.
      const noted = await stcCv.tasks.update({ id: stcTask, version: 3, progress: 100, completedOn: '2023-09-30', note: 'Bổ sung báo cáo kết quả' });
      expect(noted).toEqual({ id: stcTask, version: 4, progress: 100, completedOn: '2023-09-30', completionEnteredOn: today(), unchanged: false });

      // Un-completing keeps the progress given.
      const reopened = await stcCv.tasks.update({ id: stcTask, version: 4, progress: 70, completedOn: null, note: 'Bộ yêu cầu làm lại' });
      expect(reopened).toEqual({ id: stcTask, version: 5, progress: 70, completedOn: null, completionEnteredOn: null, unchanged: false });
      const task = await stcCv.tasks.get({ id: stcTask });
      expect(task.status).toBe('overdue');
      expect(task.history.map((u) => [u.by, u.progress, u.completedOn])).toEqual([
        [person('stc.cv'), 70, null],
        [person('stc.cv'), 100, '2023-09-30'],
        [person('stc.cv'), 100, '2023-09-30'],
        [person('stc.cv'), 40, null],
      ]);
      expect((await listAudit(h.db, { entity: 'core.task', entityId: stcTask })).map((a) => (a.after as { version: number }).version)).toEqual([5, 4, 3, 2]);
    });

    it('the audit row is written in the update’s transaction: when it fails, the update is rolled back', async () => {
      const id = h.taskId('2458-1.4-STC');
      const broken = await h.as('stc.cv', {
        audit: async () => {
          throw new Error('audit store unavailable');
        },
      });
      const error = await rejection(broken.tasks.update({ id, version: 1, progress: 25 }));
      expect(error.code).toBe('INTERNAL_SERVER_ERROR');
      const task = await (await h.as('stc.cv')).tasks.get({ id });
      expect(task).toMatchObject({ version: 1, progress: 0, lastProgressOn: null, updatedBy: null, history: [] });
      expect(await listAudit(h.db, { entity: 'core.task', entityId: id })).toEqual([]);
    });
  });

  describe('permissions of every procedure', () => {
    it('every core procedure refuses a caller without a session (UNAUTHORIZED)', async () => {
      const procedures = listProcedures(coreRouter);
      expect(procedures.map((p) => p.path).sort()).toEqual(
        [
          'coordination.waiting',
          'directives.attach',
          'directives.create',
          'directives.discard',
          'directives.get',
          'directives.importDraft',
          'directives.issue',
          'directives.list',
          'directives.read',
          'directives.removeTask',
          'directives.saveTask',
          'directives.update',
          'escalations.giveTask',
          'escalations.list',
          'escalations.respond',
          'extensions.decide',
          'extensions.list',
          'extensions.request',
          'notifications.list',
          'notifications.markRead',
          'overview.export',
          'overview.summary',
          'overview.trend',
          'reminders.send',
          'reports.attach',
          'reports.evidence',
          'reports.get',
          'reports.list',
          'reports.remind',
          'reports.returnToOfficer',
          'reports.review',
          'reports.save',
          'reports.sendToLead',
          'reports.status',
          'reports.submit',
          'reports.version',
          'scorecards.addNode',
          'scorecards.atRisk',
          'scorecards.export',
          'scorecards.get',
          'scorecards.history',
          'scorecards.import',
          'scorecards.list',
          'scorecards.ranking',
          'scorecards.removeNode',
          'scorecards.saveEstimate',
          'scorecards.updateNode',
          'targets.get',
          'targets.list',
          'targets.record',
          'targets.setBaseline',
          'tasks.attachResult',
          'tasks.cancel',
          'tasks.decideCompletion',
          'tasks.edit',
          'tasks.flagged',
          'tasks.flaggedExport',
          'tasks.get',
          'tasks.links',
          'tasks.list',
          'tasks.update',
          'units.list',
        ].sort(),
      );
      const anonymous = h.anonymous() as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
      for (const { path } of procedures) {
        const [group, name] = path.split('.') as [string, string];
        const error = await rejection(anonymous[group]![name]!(undefined));
        expect(error.code, path).toBe('UNAUTHORIZED');
        expect(error.message).toBe('Bạn cần đăng nhập để thực hiện thao tác này.');
      }
    });

    it('roles without a permission are FORBIDDEN and told which permission they lack', async () => {
      const task = h.taskId('2458-3.1');
      const someId = '00000000-0000-4000-8000-000000000000';
      const cases: Array<[string, (c: CoreCaller) => Promise<unknown>, Array<Parameters<CoreHarness['as']>[0]>]> = [
        ['core.tasks:update', (c) => c.tasks.update({ id: task, version: 1, progress: 1 }), ['ubnd']],
        ['core.targets:record', (c) => c.targets.record({ code: '2458-CT1', value: 1, asOf: '2024-01-01' }), ['ubnd']],
        ['core.reports:write', (c) => c.reports.save({ unitCode: 'STC', periodId: '2024-Q1', version: null, items: [] }), ['ubnd']],
        ['core.reports:write', (c) => c.reports.attach(fileForm('a.pdf', new TextEncoder().encode('%PDF'), { reportId: someId })), ['ubnd']],
        ['core.reports:submit', (c) => c.reports.submit({ id: someId, version: 1 }), ['stc.cv', 'ubnd']],
        ['core.reports:submit', (c) => c.reports.returnToOfficer({ id: someId, version: 1, note: 'Bổ sung' }), ['stc.cv', 'ubnd']],
        ['core.tasks:confirm', (c) => c.tasks.decideCompletion({ id: task, version: 1, decision: 'confirm' }), ['stc.cv', 'ubnd']],
        ['core.reports:review', (c) => c.reports.review({ id: someId, version: 1, decision: 'accept' }), ['stc', 'stc.cv', 'snv']],
        ['core.escalations:respond', (c) => c.escalations.respond({ id: someId, response: 'Đồng ý' }), ['stc', 'stc.cv', 'snv']],
        ['core.reminders:send', (c) => c.reminders.send({ taskId: task, message: 'Đề nghị khẩn trương' }), ['stc.cv']],
        ['core.tasks:update', (c) => c.tasks.attachResult(fileForm('a.pdf', new TextEncoder().encode('%PDF'), { taskId: task })), ['ubnd']],
        ['core.targets:baseline', (c) => c.targets.setBaseline({ code: '2458-CT1', version: 1, baselineValue: 1, baselineDate: '2023-06-30' }), ['ubnd', 'stc.cv']],
      ];
      for (const [permission, call, usernames] of cases) {
        for (const username of usernames) {
          const error = await rejection(call(await h.as(username)));
          expect(error.code, `${username} ${permission}`).toBe('FORBIDDEN');
          expect(error.message).toBe(`Bạn không có quyền thực hiện thao tác này (${permission}).`);
        }
      }
      // The administrator passes every permission: the same calls fail later, on the data.
      const admin = await h.as('admin');
      expect((await rejection(admin.reports.submit({ id: someId, version: 1 }))).code).toBe('NOT_FOUND');
      expect((await rejection(admin.escalations.respond({ id: someId, response: 'Đồng ý' }))).code).toBe('NOT_FOUND');
    });
  });
});
