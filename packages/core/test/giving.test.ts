/**
 * Giving tasks (giao nhiệm vụ) through `coreRouter`: a coordinator drafts a directive and its
 * tasks, issues it, then adjusts or cancels tasks given. What each role sees before and after
 * issue, what it may do, and the refusals. The tests run in order, as the life of one directive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { listAudit, listUnits } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { directives, targets, taskCoordinators, taskDrafts, tasks } from '../src/server/schema.ts';
import { base64, createCoreHarness, person, fileForm, rejection, tinyPdf, tinyPng, today, type CoreCaller, type CoreHarness, type DemoUsername } from './harness.ts';

type SaveTask = Parameters<CoreCaller['directives']['saveTask']>[0];

const NUMBER = '125/UBND-KSTTHC';
const directiveFields = {
  number: NUMBER,
  issuedOn: '2025-03-10',
  issuer: 'UBND Thành phố Hà Nội',
  subject: 'Về việc đẩy mạnh kiểm soát thủ tục hành chính năm 2025',
  signer: 'Lê Hồng Sơn, Phó Chủ tịch',
  fullText: 'Để đẩy mạnh công tác kiểm soát thủ tục hành chính, UBND Thành phố yêu cầu…',
};
const districtTask = (directiveId: string): SaveTask => ({
  directiveId,
  clause: '1',
  title: 'Rà soát, đơn giản hóa thủ tục hành chính cấp huyện',
  content: 'Rà soát toàn bộ thủ tục hành chính thuộc thẩm quyền giải quyết cấp huyện; đề xuất cắt giảm.',
  assignees: { kind: 'group', group: 'districts' },
  followUpUnitCode: 'SNV',
  coordinatorUnitCodes: ['STTTT'],
  deadline: '2025-06-30',
  continuous: false,
  cadence: 'quarter',
  targets: [
    {
      name: 'Tỷ lệ thủ tục hành chính cấp huyện được rà soát',
      direction: 'at_least',
      targetValue: 100,
      measureUnit: '%',
      targetDate: '2025-06-30',
      baselineValue: 0,
      baselineDate: '2025-03-10',
    },
  ],
});
const departmentTask = (directiveId: string): SaveTask => ({
  directiveId,
  clause: '2',
  title: 'Chuẩn hóa quy trình cấp giấy phép xây dựng',
  content: 'Chuẩn hóa, công khai quy trình nội bộ giải quyết thủ tục cấp giấy phép xây dựng.',
  assignees: { kind: 'units', unitCodes: ['SXD'] },
  coordinatorUnitCodes: ['SNV'],
  deadline: '2025-09-30',
  continuous: false,
  cadence: 'quarter',
  targets: [],
});

const WRITERS_FORBIDDEN: DemoUsername[] = ['badinh', 'snv', 'stc.cv', 'sxd'];

describe.each(testBackends)('giving tasks on %s', (backend) => {
  let h: CoreHarness;
  let ubnd: CoreCaller;
  let districts: string[];
  let directiveId: string;
  let districtDraftId: string;
  let departmentDraftId: string;
  let fileId: string;

  beforeAll(async () => {
    h = await createCoreHarness(backend);
    ubnd = await h.as('ubnd');
    districts = (await listUnits(h.db)).filter((u) => u.kind === 'district').map((u) => u.code);
  });
  afterAll(async () => h?.close());

  const directiveVersion = async () => (await ubnd.directives.get({ id: directiveId })).version;
  const taskRow = async (code: string) => {
    const [row] = await h.db.select().from(tasks).where(eq(tasks.code, code));
    if (!row) throw new Error(`no task ${code}`);
    return row;
  };

  describe('drafting', () => {
    it('a coordinator creates a draft directive; it is listed for coordinators only', async () => {
      const created = await ubnd.directives.create(directiveFields);
      expect(created).toMatchObject({ number: NUMBER, state: 'draft', version: 1, signer: 'Lê Hồng Sơn, Phó Chủ tịch', updatedBy: 'ubnd' });
      directiveId = created.id;
      const listed = (await ubnd.directives.list()).find((d) => d.id === directiveId);
      expect(listed).toEqual({
        id: directiveId,
        number: NUMBER,
        issuedOn: '2025-03-10',
        issuer: 'UBND Thành phố Hà Nội',
        subject: directiveFields.subject,
        state: 'draft',
        signer: 'Lê Hồng Sơn, Phó Chủ tịch',
      });
      const view = await ubnd.directives.get({ id: directiveId });
      expect(view).toMatchObject({ state: 'draft', createdBy: person('ubnd'), issuedAt: null, issuedBy: null, drafts: [], tasks: [], attachment: null, references: [] });
      const [row] = await h.db.select().from(directives).where(eq(directives.id, directiveId));
      expect(row).toMatchObject({ createdBy: 'ubnd', updatedBy: 'ubnd', state: 'draft' });
      const audit = await listAudit(h.db, { entity: 'core.directive', entityId: directiveId });
      expect(audit.map((a) => a.action)).toEqual(['core.directive.create']);
    });

    it('a number already used is CONFLICT (whatever its case, in the caller’s language); a malformed number or date BAD_REQUEST', async () => {
      const duplicate = await rejection(ubnd.directives.create({ ...directiveFields, number: '125/ubnd-ksttHC' }));
      expect(duplicate.code).toBe('CONFLICT');
      expect(duplicate.message).toBe('Đã có văn bản số 125/ubnd-ksttHC trong hệ thống. Hãy kiểm tra lại số, ký hiệu văn bản.');
      const english = await rejection((await h.as('ubnd', { locale: 'en' })).directives.create(directiveFields));
      expect(english.message).toBe('A directive numbered 125/UBND-KSTTHC already exists. Check the document number.');
      // Directive 2458 of the seed is there too.
      expect((await rejection(ubnd.directives.create({ ...directiveFields, number: '2458 / UBND-SNV' }))).code).toBe('CONFLICT');
      const malformed = await rejection(ubnd.directives.create({ ...directiveFields, number: 'công văn khẩn' }));
      expect(malformed.code).toBe('BAD_REQUEST');
      expect(malformed.message).toContain('cần có dạng số/ký hiệu, ví dụ 125/UBND-KSTTHC');
      const badDate = await rejection(ubnd.directives.create({ ...directiveFields, number: '130/UBND-KSTTHC', issuedOn: '2025-02-30' }));
      expect(badDate.code).toBe('BAD_REQUEST');
      expect(badDate.message).toContain('Ngày phải có dạng YYYY-MM-DD');
      const noSubject = await rejection(ubnd.directives.create({ ...directiveFields, number: '130/UBND-KSTTHC', subject: '   ' }));
      expect(noSubject.code).toBe('BAD_REQUEST');
      expect(noSubject.message).toContain('hãy nhập trích yếu');
    });

    it('update is versioned: the right version is saved, a stale one is CONFLICT naming who changed it', async () => {
      const updated = await ubnd.directives.update({ id: directiveId, version: 1, ...directiveFields, subject: `${directiveFields.subject} (sửa)` });
      expect(updated).toMatchObject({ version: 2, subject: `${directiveFields.subject} (sửa)` });
      const stale = await rejection((await h.as('admin')).directives.update({ id: directiveId, version: 1, ...directiveFields }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toBe('Dữ liệu đã được ubnd thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.');
      await ubnd.directives.update({ id: directiveId, version: 2, ...directiveFields });
      expect(await directiveVersion()).toBe(3);
    });

    it('saveTask drafts a task for every district (a group) and one for a department', async () => {
      const district = await ubnd.directives.saveTask(districtTask(directiveId));
      districtDraftId = district.id;
      expect(district).toMatchObject({
        clause: '1',
        position: 0,
        several: true,
        assignees: { kind: 'group', group: 'districts' },
        followUpUnit: { code: 'SNV', name: 'Sở Nội vụ' },
        coordinatingUnits: [{ code: 'STTTT', name: 'Sở Thông tin và Truyền thông' }],
        deadline: '2025-06-30',
        continuous: false,
        version: 1,
        updatedBy: 'ubnd',
      });
      expect(district.units.map((u) => u.code)).toEqual(districts);
      expect(district.units).toHaveLength(30);
      expect(district.targets).toHaveLength(1);
      const department = await ubnd.directives.saveTask(departmentTask(directiveId));
      departmentDraftId = department.id;
      expect(department).toMatchObject({ clause: '2', position: 1, several: false, units: [{ code: 'SXD', name: 'Sở Xây dựng' }], followUpUnit: null });
      const view = await ubnd.directives.get({ id: directiveId });
      expect(view.drafts.map((d) => d.clause)).toEqual(['1', '2']);
    });

    it('a draft task is versioned; its clause is unique in the directive; removeTask deletes one', async () => {
      const changed = await ubnd.directives.saveTask({ ...departmentTask(directiveId), id: departmentDraftId, version: 1, title: 'Chuẩn hóa quy trình cấp phép xây dựng' });
      expect(changed).toMatchObject({ version: 2, title: 'Chuẩn hóa quy trình cấp phép xây dựng', position: 1 });
      const stale = await rejection(ubnd.directives.saveTask({ ...departmentTask(directiveId), id: departmentDraftId, version: 1 }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toContain('ubnd');
      const sameClause = await rejection(ubnd.directives.saveTask({ ...departmentTask(directiveId), clause: '1' }));
      expect(sameClause.code).toBe('CONFLICT');
      expect(sameClause.message).toBe('Mục 1 đã có nhiệm vụ trong văn bản này; mỗi mục chỉ một nhiệm vụ.');
      const extra = await ubnd.directives.saveTask({ ...departmentTask(directiveId), clause: '9', assignees: { kind: 'units', unitCodes: ['STC'] }, coordinatorUnitCodes: [] });
      expect((await rejection(ubnd.directives.removeTask({ id: extra.id, version: 2 }))).code).toBe('CONFLICT');
      expect(await ubnd.directives.removeTask({ id: extra.id, version: 1 })).toEqual({ id: extra.id, removed: true });
      expect((await ubnd.directives.get({ id: directiveId })).drafts.map((d) => d.clause)).toEqual(['1', '2']);
      expect((await rejection(ubnd.directives.removeTask({ id: extra.id, version: 1 }))).code).toBe('NOT_FOUND');
    });

    it('invalid draft tasks are BAD_REQUEST with a Vietnamese message', async () => {
      const base = { ...departmentTask(directiveId), clause: '5' };
      const cases: Array<[Partial<SaveTask>, string]> = [
        [{ assignees: { kind: 'units', unitCodes: ['SXD', 'SKHONGCO', 'Q999'] } }, 'Đơn vị được giao: không có đơn vị mã SKHONGCO, Q999.'],
        [{ assignees: { kind: 'units', unitCodes: ['SXD', 'STC', 'SXD'] } }, 'Đơn vị được giao: đơn vị SXD được chọn hơn một lần.'],
        [{ coordinatorUnitCodes: ['SKHONGCO'] }, 'Đơn vị phối hợp: không có đơn vị mã SKHONGCO.'],
        [{ coordinatorUnitCodes: ['SXD'] }, 'Đơn vị SXD chủ trì nhiệm vụ, không đồng thời là đơn vị phối hợp.'],
        [{ followUpUnitCode: 'SKHONGCO', assignees: { kind: 'group', group: 'all' } }, 'Đơn vị theo dõi, đôn đốc: không có đơn vị mã SKHONGCO.'],
        [{ followUpUnitCode: 'SNV', assignees: { kind: 'group', group: 'districts' }, coordinatorUnitCodes: ['SNV'] }, 'Đơn vị SNV chủ trì nhiệm vụ, không đồng thời là đơn vị phối hợp.'],
        [{ deadline: null, continuous: false }, 'Hãy nhập thời hạn hoặc chọn nhiệm vụ thường xuyên (chỉ một trong hai).'],
        [{ deadline: '2025-09-30', continuous: true }, 'Hãy nhập thời hạn hoặc chọn nhiệm vụ thường xuyên (chỉ một trong hai).'],
        [{ deadline: '2025-01-31' }, 'Thời hạn 31/01/2025 không được trước ngày văn bản 10/03/2025.'],
        [{ clause: '1 a' }, 'Mục "1 a" không hợp lệ: chỉ gồm chữ, số và dấu chấm, ví dụ 1, 2.3.'],
        [{ id: departmentDraftId }, 'Sửa nhiệm vụ dự thảo cần kèm phiên bản (version).'],
        [
          { targets: [{ name: 'Tỷ lệ hồ sơ đúng hạn', direction: 'at_least', targetValue: 98, measureUnit: '%', targetDate: '2025-06-30', baselineValue: 90, baselineDate: '2025-07-01' }] },
          'Chỉ tiêu 1 (Tỷ lệ hồ sơ đúng hạn): ngày cơ sở 01/07/2025 không được sau ngày mục tiêu 30/06/2025.',
        ],
      ];
      for (const [change, message] of cases) {
        const error = await rejection(ubnd.directives.saveTask({ ...base, ...change }));
        expect(error.code, message).toBe('BAD_REQUEST');
        expect(error.message).toBe(message);
      }
      // Malformed fields fail the input schema, with its Vietnamese field message.
      const badDate = await rejection(ubnd.directives.saveTask({ ...base, deadline: '2025-13-01' }));
      expect(badDate.code).toBe('BAD_REQUEST');
      expect(badDate.message).toContain('Ngày phải có dạng YYYY-MM-DD');
      const noUnit = await rejection(ubnd.directives.saveTask({ ...base, assignees: { kind: 'units', unitCodes: [] } }));
      expect(noUnit.code).toBe('BAD_REQUEST');
      expect(noUnit.message).toContain('Hãy chọn ít nhất một đơn vị');
      const badCode = await rejection(ubnd.directives.saveTask({ ...base, assignees: { kind: 'units', unitCodes: ['sxd'] } }));
      expect(badCode.message).toContain('Mã đơn vị không hợp lệ');
      const infinite = await rejection(
        ubnd.directives.saveTask({ ...base, targets: [{ name: 'x', direction: 'at_most', targetValue: Number.POSITIVE_INFINITY, measureUnit: '%', targetDate: '2025-06-30', baselineValue: 1, baselineDate: '2025-03-10' }] }),
      );
      expect(infinite.code).toBe('BAD_REQUEST');
      const tooMany = await rejection(ubnd.directives.saveTask({ ...base, targets: Array.from({ length: 21 }, () => districtTask(directiveId).targets![0]!) }));
      expect(tooMany.message).toContain('Tối đa 20 chỉ tiêu');
      // Nothing of these was saved.
      expect(await h.db.select().from(taskDrafts).where(eq(taskDrafts.directiveId, directiveId))).toHaveLength(2);
    });

    it('attach: the directive’s text as a PDF (or DOCX); a PNG is refused; a draft’s file is hidden from the units', async () => {
      const pdf = tinyPdf('Cong van 125');
      const file = await ubnd.directives.attach(fileForm('125-UBND-KSTTHC.pdf', pdf, { directiveId }));
      expect(file).toMatchObject({ filename: '125-UBND-KSTTHC.pdf', contentType: 'application/pdf', size: pdf.length, uploadedBy: 'ubnd' });
      fileId = file.id;
      const png = await rejection(ubnd.directives.attach(fileForm('anh.png', tinyPng(), { directiveId })));
      expect(png.code).toBe('BAD_REQUEST');
      expect(png.message).toBe('Văn bản đính kèm phải là tệp PDF hoặc DOCX đúng định dạng.');
      expect((await ubnd.directives.get({ id: directiveId })).attachment).toMatchObject({ id: fileId, filename: '125-UBND-KSTTHC.pdf' });
      expect((await ubnd.reports.evidence({ id: fileId })).dataBase64).toBe(base64(pdf));
      expect((await rejection((await h.as('badinh')).reports.evidence({ id: fileId }))).code).toBe('NOT_FOUND');
    });
  });

  describe('before issue', () => {
    it('units see nothing of the draft: not in directives.list, NOT_FOUND by id, no task, no notification', async () => {
      for (const username of ['badinh', 'snv', 'sxd', 'stc.cv'] as const) {
        const caller = await h.as(username);
        expect((await caller.directives.list()).map((d) => d.number)).not.toContain(NUMBER);
        expect((await caller.directives.list()).every((d) => d.state === 'issued')).toBe(true);
        const hidden = await rejection(caller.directives.get({ id: directiveId }));
        expect(hidden.code).toBe('NOT_FOUND');
        expect(hidden.message).toBe('Không tìm thấy văn bản chỉ đạo.');
        expect((await caller.tasks.list({ directiveId })).items).toEqual([]);
        expect((await caller.tasks.list({ q: '125', limit: 200 })).items.filter((t) => t.code.startsWith('125-'))).toEqual([]);
        // The draft task's id is not a task.
        expect((await rejection(caller.tasks.get({ id: districtDraftId }))).code).toBe('NOT_FOUND');
        expect((await caller.notifications.list()).filter((n) => n.kind === 'task_assigned')).toEqual([]);
      }
      expect((await ubnd.tasks.list({ directiveId })).items).toEqual([]);
      expect(await h.db.select().from(tasks).where(eq(tasks.directiveId, directiveId))).toEqual([]);
    });

    it('unit leads and officers are FORBIDDEN on every write procedure', async () => {
      const taskId = h.taskId('2458-3.1');
      for (const username of WRITERS_FORBIDDEN) {
        const caller = await h.as(username);
        const calls: Array<[string, Promise<unknown>]> = [
          ['create', caller.directives.create({ ...directiveFields, number: '999/UBND-KSTTHC' })],
          ['update', caller.directives.update({ id: directiveId, version: 3, ...directiveFields })],
          ['attach', caller.directives.attach(fileForm('x.pdf', tinyPdf(), { directiveId }))],
          ['discard', caller.directives.discard({ id: directiveId, version: 3 })],
          ['saveTask', caller.directives.saveTask({ ...departmentTask(directiveId), clause: '7' })],
          ['removeTask', caller.directives.removeTask({ id: departmentDraftId, version: 2 })],
          ['issue', caller.directives.issue({ id: directiveId, version: 3 })],
          ['tasks.edit', caller.tasks.edit({ id: taskId, version: 1, reason: 'Thử', title: 'Đổi tên' })],
          ['tasks.cancel', caller.tasks.cancel({ id: taskId, version: 1, reason: 'Thử' })],
        ];
        for (const [name, call] of calls) {
          const error = await rejection(call);
          expect(error.code, `${username} ${name}`).toBe('FORBIDDEN');
          expect(error.message).toBe('Bạn không có quyền thực hiện thao tác này (core.directives:write).');
        }
      }
      // Nothing changed.
      expect(await directiveVersion()).toBe(3);
      expect((await ubnd.directives.get({ id: directiveId })).drafts).toHaveLength(2);
    });
  });

  describe('issue', () => {
    it('refuses a directive without tasks; a draft is discarded (versioned), with its audit row', async () => {
      const empty = await ubnd.directives.create({ ...directiveFields, number: '126/UBND-KSTTHC' });
      const refused = await rejection(ubnd.directives.issue({ id: empty.id, version: 1 }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toBe('Văn bản chưa có nhiệm vụ nào để giao. Hãy thêm ít nhất một nhiệm vụ trước khi ban hành.');
      await ubnd.directives.saveTask({ ...departmentTask(empty.id) });
      expect((await rejection(ubnd.directives.discard({ id: empty.id, version: 2 }))).code).toBe('CONFLICT');
      expect(await ubnd.directives.discard({ id: empty.id, version: 1 })).toEqual({ id: empty.id, discarded: true });
      expect((await rejection(ubnd.directives.get({ id: empty.id }))).code).toBe('NOT_FOUND');
      expect(await h.db.select().from(taskDrafts).where(eq(taskDrafts.directiveId, empty.id))).toEqual([]);
      expect((await listAudit(h.db, { entity: 'core.directive', entityId: empty.id })).map((a) => a.action)).toEqual(['core.directive.discard', 'core.directive.create']);
    });

    it('a stale version is CONFLICT; issuing creates a parent with a child per district and a single task, in one go', async () => {
      expect((await rejection(ubnd.directives.issue({ id: directiveId, version: 2 }))).code).toBe('CONFLICT');
      const started = Date.now();
      const issued = await ubnd.directives.issue({ id: directiveId, version: 3 });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(20_000);
      expect(issued).toMatchObject({ id: directiveId, state: 'issued', version: 4, issuedBy: 'ubnd', taskCount: 1 + 30 + 1, targetCodes: ['125-CT1'] });
      expect(issued.tasks).toEqual([
        { id: expect.any(String), code: '125-1', clause: '1', isParent: true, leadUnitCode: 'SNV', childCount: 30 },
        { id: expect.any(String), code: '125-2', clause: '2', isParent: false, leadUnitCode: 'SXD', childCount: 0 },
      ]);
      const rows = await h.db.select().from(tasks).where(eq(tasks.directiveId, directiveId));
      expect(rows).toHaveLength(32);
      expect(rows.every((t) => t.assignedOn === today() && t.state === 'active' && t.updatedBy === 'ubnd')).toBe(true);
      const parent = rows.find((t) => t.code === '125-1')!;
      const children = rows.filter((t) => t.parentId === parent.id);
      expect(children.map((c) => c.code).sort()).toEqual(districts.map((d) => `125-1-${d}`).sort());
      expect(children.every((c) => c.deadline === '2025-06-30' && !c.isParent && c.cadence === 'quarter' && c.clause === '1')).toBe(true);
      expect(children.find((c) => c.leadUnitCode === 'Q001')?.searchText).toContain('125-1-q001 ra soat, don gian hoa thu tuc hanh chinh');
      // Coordinators on each child; on the single task.
      const coordinators = await h.db.select().from(taskCoordinators).where(eq(taskCoordinators.unitCode, 'STTTT'));
      expect(coordinators.filter((c) => children.some((child) => child.id === c.taskId))).toHaveLength(30);
      const single = rows.find((t) => t.code === '125-2')!;
      expect(await h.db.select({ unitCode: taskCoordinators.unitCode }).from(taskCoordinators).where(eq(taskCoordinators.taskId, single.id))).toEqual([{ unitCode: 'SNV' }]);
      // The draft's target, owned by the parent's lead.
      const [target] = await h.db.select().from(targets).where(eq(targets.code, '125-CT1'));
      expect(target).toMatchObject({ ownerUnitCode: 'SNV', source: 'manual', directiveId, taskId: parent.id, targetValue: 100, direction: 'at_least' });
      // The drafts are gone; the directive is issued.
      expect(await h.db.select().from(taskDrafts).where(eq(taskDrafts.directiveId, directiveId))).toEqual([]);
      const view = await ubnd.directives.get({ id: directiveId });
      expect(view).toMatchObject({ state: 'issued', issuedBy: person('ubnd'), drafts: [] });
      expect(view.issuedAt).not.toBeNull();
      expect(view.tasks.map((t) => [t.code, t.isParent, t.childCount, t.leadUnit.code, t.state])).toEqual([
        ['125-1', true, 30, 'SNV', 'active'],
        ['125-2', false, 0, 'SXD', 'active'],
      ]);
      // Audit: one row for the issue, one per task created.
      expect((await listAudit(h.db, { entity: 'core.directive', entityId: directiveId, limit: 1 }))[0]?.action).toBe('core.directive.issue');
      for (const task of [parent, single, ...children]) {
        expect((await listAudit(h.db, { entity: 'core.task', entityId: task.id })).map((a) => a.action)).toEqual(['core.task.assign']);
      }
    });

    it('an issued directive is no longer a draft: issue, update, saveTask and discard are CONFLICT', async () => {
      const again = await rejection(ubnd.directives.issue({ id: directiveId, version: 4 }));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toBe(`Văn bản ${NUMBER} đã được ban hành.`);
      expect((await rejection(ubnd.directives.update({ id: directiveId, version: 4, ...directiveFields }))).code).toBe('CONFLICT');
      expect((await rejection(ubnd.directives.saveTask({ ...departmentTask(directiveId), clause: '3' }))).code).toBe('CONFLICT');
      expect((await rejection(ubnd.directives.discard({ id: directiveId, version: 4 }))).message).toBe('Văn bản đã ban hành, không xóa được.');
    });
  });

  describe('after issue', () => {
    it('badinh sees the directive, its own child task (and not the others), and a notification', async () => {
      const badinh = await h.as('badinh');
      expect((await badinh.directives.list()).find((d) => d.id === directiveId)).toMatchObject({ number: NUMBER, state: 'issued', signer: 'Lê Hồng Sơn, Phó Chủ tịch' });
      const view = await badinh.directives.get({ id: directiveId });
      expect(view.drafts).toEqual([]);
      expect(view.tasks.map((t) => t.code)).toEqual(['125-1', '125-2']);
      expect(view.attachment?.id).toBe(fileId);
      expect((await badinh.reports.evidence({ id: fileId })).contentType).toBe('application/pdf');

      const mine = await badinh.tasks.list({ unitCode: 'Q001', directiveId, asOf: '2025-04-01' });
      expect(mine.items.map((t) => t.code)).toEqual(['125-1-Q001']);
      expect(mine.items[0]).toMatchObject({ deadline: '2025-06-30', continuous: false, status: 'in_progress', progress: 0, leadUnit: { code: 'Q001' } });
      const childId = mine.items[0]!.id;
      const task = await badinh.tasks.get({ id: childId, asOf: '2025-04-01' });
      expect(task).toMatchObject({
        code: '125-1-Q001',
        clause: '1',
        directiveId,
        title: 'Rà soát, đơn giản hóa thủ tục hành chính cấp huyện',
        parent: { code: '125-1', leadUnit: { code: 'SNV', name: 'Sở Nội vụ' } },
        coordinatingUnits: [{ code: 'STTTT', name: 'Sở Thông tin và Truyền thông' }],
        status: 'in_progress',
      });
      expect((await rejection(badinh.tasks.get({ id: (await taskRow('125-2')).id }))).code).toBe('NOT_FOUND');

      const notes = (await badinh.notifications.list()).filter((n) => n.kind === 'task_assigned');
      expect(notes).toEqual([
        expect.objectContaining({ title: 'Nhiệm vụ mới: 125-1-Q001', link: `/nhiem-vu/${childId}`, read: false }),
      ]);
      expect(notes[0]!.body).toContain('Văn bản 125/UBND-KSTTHC; thời hạn 30/06/2025');
    });

    it('the department gets its task; the coordinating and follow-up units see theirs', async () => {
      const sxd = await h.as('sxd');
      expect((await sxd.tasks.list({ directiveId })).items.map((t) => t.code)).toEqual(['125-2']);
      expect((await sxd.notifications.list()).filter((n) => n.kind === 'task_assigned').map((n) => n.title)).toEqual(['Nhiệm vụ mới: 125-2']);
      const snv = await h.as('snv');
      // SNV coordinates 125-2 and follows 125-1 up (it leads the parent, told once).
      expect((await snv.tasks.list({ directiveId })).items.map((t) => t.code)).toEqual(['125-2']);
      expect((await snv.tasks.get({ id: (await taskRow('125-1')).id })).rollUp?.children).toHaveLength(30);
      expect((await snv.notifications.list()).filter((n) => n.kind === 'task_assigned').map((n) => n.title)).toEqual(['Nhiệm vụ mới: 125-1']);
      // STTTT coordinates every child.
      expect((await (await h.as('stttt')).tasks.list({ directiveId, limit: 200 })).items).toHaveLength(30);
    });

    it('a second directive with the same number prefix gets codes of its own', async () => {
      const other = await ubnd.directives.create({ ...directiveFields, number: '125/KH-UBND', subject: 'Kế hoạch kiểm soát TTHC' });
      await ubnd.directives.saveTask({ ...departmentTask(other.id), clause: '1', targets: districtTask(other.id).targets });
      await ubnd.directives.saveTask({ ...districtTask(other.id), clause: '2', assignees: { kind: 'units', unitCodes: ['SXD', 'STC'] }, followUpUnitCode: null, targets: [] });
      const issued = await ubnd.directives.issue({ id: other.id, version: 1 });
      expect(issued.tasks.map((t) => [t.code, t.leadUnitCode, t.childCount])).toEqual([
        ['125-1-2', 'SXD', 0],
        ['125-2-2', 'UBND', 2],
      ]);
      expect(issued.targetCodes).toEqual(['125-CT2']);
      const codes = (await h.db.select({ code: tasks.code }).from(tasks).where(eq(tasks.directiveId, other.id))).map((t) => t.code).sort();
      expect(codes).toEqual(['125-1-2', '125-2-2', '125-2-2-STC', '125-2-2-SXD']);
    });
  });

  describe('tasks.edit', () => {
    it('editing the parent with a reason passes title and deadline to every child: history, audit, notification', async () => {
      const parent = await taskRow('125-1');
      const edited = await ubnd.tasks.edit({ id: parent.id, version: parent.version, reason: 'Theo đề nghị của Sở Nội vụ', deadline: '2025-07-15', title: 'Rà soát, cắt giảm thủ tục hành chính cấp huyện' });
      expect(edited).toMatchObject({ id: parent.id, version: parent.version + 1, deadline: '2025-07-15' });
      expect(edited.children).toHaveLength(30);
      expect(edited.children.every((c) => c.version === 2)).toBe(true);

      const badinh = await h.as('badinh');
      const child = await taskRow('125-1-Q001');
      const view = await badinh.tasks.get({ id: child.id, asOf: '2025-07-10' });
      expect(view).toMatchObject({ title: 'Rà soát, cắt giảm thủ tục hành chính cấp huyện', deadline: '2025-07-15', version: 2, updatedBy: person('ubnd'), status: 'in_progress' });
      expect(view.history[0]).toMatchObject({ by: person('ubnd'), progress: 0, note: 'Điều chỉnh nhiệm vụ: Theo đề nghị của Sở Nội vụ' });
      expect(view.audit.map((a) => a.action)).toEqual(['core.task.edit', 'core.task.assign']);
      // An adjustment is not an extension: no original deadline kept.
      expect(child.originalDeadline).toBeNull();
      expect(child.searchText).toContain('cat giam');
      const [audit] = await listAudit(h.db, { entity: 'core.task', entityId: parent.id, limit: 1 });
      expect(audit).toMatchObject({ action: 'core.task.edit', actorUsername: 'ubnd' });
      expect(audit!.before).toMatchObject({ deadline: '2025-06-30', title: 'Rà soát, đơn giản hóa thủ tục hành chính cấp huyện', version: 1 });
      expect(audit!.after).toMatchObject({ deadline: '2025-07-15', reason: 'Theo đề nghị của Sở Nội vụ', version: 2 });
      expect((await badinh.notifications.list()).find((n) => n.kind === 'task_edited')).toMatchObject({
        title: 'Điều chỉnh nhiệm vụ 125-1-Q001',
        body: 'Thời hạn mới: 15/07/2025. Lý do: Theo đề nghị của Sở Nội vụ',
      });
    });

    it('a stale version is CONFLICT; a reason and a change are required', async () => {
      const parent = await taskRow('125-1');
      const stale = await rejection(ubnd.tasks.edit({ id: parent.id, version: 1, reason: 'Lần hai', content: 'x' }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toContain('ubnd');
      const noReason = await rejection(ubnd.tasks.edit({ id: parent.id, version: parent.version, reason: '  ', content: 'x' }));
      expect(noReason.code).toBe('BAD_REQUEST');
      expect(noReason.message).toContain('hãy nêu lý do điều chỉnh');
      const nothing = await rejection(ubnd.tasks.edit({ id: parent.id, version: parent.version, reason: 'Không đổi gì' }));
      expect(nothing.code).toBe('BAD_REQUEST');
      expect(nothing.message).toBe('Hãy nêu điều cần điều chỉnh: tên, nội dung, thời hạn hoặc đơn vị phối hợp.');
      const badDate = await rejection(ubnd.tasks.edit({ id: parent.id, version: parent.version, reason: 'Lùi hạn', deadline: '2025-07-32' }));
      expect(badDate.code).toBe('BAD_REQUEST');
    });

    it('the coordinating units of a single task are replaced (not the lead; only existing units)', async () => {
      const single = await taskRow('125-2');
      const lead = await rejection(ubnd.tasks.edit({ id: single.id, version: single.version, reason: 'Bổ sung', coordinatorUnitCodes: ['SXD'] }));
      expect(lead.message).toBe('Đơn vị SXD chủ trì nhiệm vụ, không đồng thời là đơn vị phối hợp.');
      const unknown = await rejection(ubnd.tasks.edit({ id: single.id, version: single.version, reason: 'Bổ sung', coordinatorUnitCodes: ['SKHONGCO'] }));
      expect(unknown.message).toBe('Đơn vị phối hợp: không có đơn vị mã SKHONGCO.');
      const edited = await ubnd.tasks.edit({ id: single.id, version: single.version, reason: 'Bổ sung Sở Tài chính phối hợp', coordinatorUnitCodes: ['SNV', 'STC'] });
      expect(edited.version).toBe(single.version + 1);
      const view = await (await h.as('stc')).tasks.get({ id: single.id });
      expect(view.coordinatingUnits.map((u) => u.code).sort()).toEqual(['SNV', 'STC']);
      expect(view.history[0]?.note).toBe('Điều chỉnh nhiệm vụ: Bổ sung Sở Tài chính phối hợp');
    });
  });

  describe('tasks.cancel', () => {
    it('cancelling one child keeps the row, with who, when and why; a second cancel and an edit are CONFLICT', async () => {
      const otherDistrict = districts.find((d) => d !== 'Q001')!;
      const child = await taskRow(`125-1-${otherDistrict}`);
      const cancelled = await ubnd.tasks.cancel({ id: child.id, version: child.version, reason: 'Đơn vị không có thủ tục thuộc phạm vi' });
      expect(cancelled).toMatchObject({ id: child.id, state: 'cancelled', version: child.version + 1, children: [] });
      const row = await taskRow(child.code);
      expect(row).toMatchObject({ state: 'cancelled', cancelledBy: 'ubnd', cancelReason: 'Đơn vị không có thủ tục thuộc phạm vi' });
      expect(row.cancelledAt).toBeInstanceOf(Date);
      const view = await ubnd.tasks.get({ id: child.id });
      expect(view.history[0]?.note).toBe('Hủy nhiệm vụ: Đơn vị không có thủ tục thuộc phạm vi');
      expect(view.audit[0]?.action).toBe('core.task.cancel');
      const again = await rejection(ubnd.tasks.cancel({ id: child.id, version: row.version, reason: 'Lần hai' }));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toBe(`Nhiệm vụ ${child.code} đã được hủy trước đó.`);
      expect((await rejection(ubnd.tasks.edit({ id: child.id, version: row.version, reason: 'x', title: 'y' }))).code).toBe('CONFLICT');
      expect((await rejection(ubnd.tasks.cancel({ id: child.id, version: row.version, reason: ' ' }))).code).toBe('BAD_REQUEST');
      // An edit of the parent now passes over the cancelled child.
      const parent = await taskRow('125-1');
      const edited = await ubnd.tasks.edit({ id: parent.id, version: parent.version, reason: 'Làm rõ nội dung', content: 'Rà soát, đề xuất cắt giảm ít nhất 20% thủ tục.' });
      expect(edited.children).toHaveLength(29);
      expect((await taskRow(child.code)).content).not.toBe('Rà soát, đề xuất cắt giảm ít nhất 20% thủ tục.');
    });

    it('cancelling a parent cancels its active children; stale versions are CONFLICT', async () => {
      const directive = await ubnd.directives.create({ ...directiveFields, number: '127/UBND-KSTTHC' });
      await ubnd.directives.saveTask({
        ...districtTask(directive.id),
        assignees: { kind: 'group', group: 'all' },
        followUpUnitCode: null,
        coordinatorUnitCodes: ['VP'],
        deadline: null,
        continuous: true,
        cadence: 'month',
        targets: [],
      });
      const issued = await ubnd.directives.issue({ id: directive.id, version: 1 });
      const parent = issued.tasks[0]!;
      expect(parent).toMatchObject({ code: '127-1', isParent: true, leadUnitCode: 'UBND', childCount: 51 });
      const children = await h.db.select().from(tasks).where(eq(tasks.parentId, parent.id));
      expect(children.every((c) => c.continuous && c.deadline === null && c.cadence === 'month')).toBe(true);
      // VP leads its own child: it does not coordinate it.
      const vpChild = children.find((c) => c.leadUnitCode === 'VP')!;
      expect(await h.db.select().from(taskCoordinators).where(eq(taskCoordinators.taskId, vpChild.id))).toEqual([]);
      const deadlineOnContinuous = await rejection(ubnd.tasks.edit({ id: parent.id, version: 1, reason: 'Đặt hạn', deadline: '2025-12-31' }));
      expect(deadlineOnContinuous.message).toBe('Nhiệm vụ thường xuyên không có thời hạn.');

      expect((await rejection(ubnd.tasks.cancel({ id: parent.id, version: 2, reason: 'Trùng nhiệm vụ' }))).code).toBe('CONFLICT');
      const cancelled = await ubnd.tasks.cancel({ id: parent.id, version: 1, reason: 'Trùng nhiệm vụ của văn bản 125/UBND-KSTTHC' });
      expect(cancelled.children).toHaveLength(51);
      const rows = await h.db.select().from(tasks).where(like(tasks.code, '127-1%'));
      expect(rows).toHaveLength(52);
      expect(rows.every((t) => t.state === 'cancelled' && t.cancelReason === 'Trùng nhiệm vụ của văn bản 125/UBND-KSTTHC')).toBe(true);
      expect((await ubnd.directives.get({ id: directive.id })).tasks[0]).toMatchObject({ code: '127-1', state: 'cancelled', childCount: 51 });
      const [badinhChild] = await h.db.select().from(tasks).where(and(eq(tasks.parentId, parent.id), eq(tasks.leadUnitCode, 'Q001')));
      expect((await listAudit(h.db, { entity: 'core.task', entityId: badinhChild!.id })).map((a) => a.action)).toEqual(['core.task.cancel', 'core.task.assign']);
      expect((await (await h.as('badinh')).notifications.list()).find((n) => n.kind === 'task_cancelled')).toMatchObject({
        title: `Hủy nhiệm vụ ${badinhChild!.code}`,
        body: 'Lý do: Trùng nhiệm vụ của văn bản 125/UBND-KSTTHC',
      });
    });
  });

  describe('from the text of a directive (issue 19)', () => {
    const letter = [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      '',
      'Số: 3105/UBND-KSTTHC',
      '',
      'Hà Nội, ngày 15 tháng 10 năm 2024',
      '',
      'V/v tăng cường số hóa hồ sơ thủ tục hành chính',
      '',
      'Kính gửi: Các sở, ban, ngành Thành phố.',
      '',
      '1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Văn phòng UBND Thành phố hoàn thành kết nối hệ thống một cửa điện tử trước ngày 31/12/2024.',
      '',
      '2. Sở Nội vụ chủ trì tổng hợp kết quả, báo cáo UBND Thành phố trong tháng 1 năm 2025.',
      '',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn A',
    ].join('\n');

    it('read: the findings with their sentences and the planned draft; nothing is written', async () => {
      const ubnd = await h.as('ubnd');
      const before = (await ubnd.directives.list()).length;
      const read = await ubnd.directives.read(fileForm('3105-UBND-KSTTHC.md', new TextEncoder().encode(letter)));
      expect(read.parsed.directive).toMatchObject({ number: '3105/UBND-KSTTHC', date: '2024-10-15' });
      expect(read.problem).toBeNull();
      expect(read.plan?.tasks.map((t) => [t.clause, t.assignees, t.coordinatorUnitCodes, t.deadline])).toEqual([
        ['1', { kind: 'units', unitCodes: ['STTTT'] }, ['VP'], '2024-12-31'],
        ['2', { kind: 'units', unitCodes: ['SNV'] }, [], '2025-01-31'],
      ]);
      // Each finding keeps the sentence it came from (the page highlights it).
      expect(read.parsed.tasks[0]!.source).toContain('Giao Sở Thông tin và Truyền thông chủ trì');
      expect((await ubnd.directives.list()).length).toBe(before);
    });

    it('read refuses what is not a directive’s text, in the caller’s language; only who gives tasks may read', async () => {
      const ubnd = await h.as('ubnd');
      const pdf = await rejection(ubnd.directives.read(fileForm('quet.pdf', tinyPdf())));
      expect(pdf.code).toBe('BAD_REQUEST');
      expect(pdf.message).toMatch(/PDF/);
      expect((await rejection((await h.as('badinh')).directives.read(fileForm('x.md', new TextEncoder().encode(letter))))).code).toBe('FORBIDDEN');
    });

    it('importDraft: the reviewed draft saved whole in one transaction, or nothing when a task is refused', async () => {
      const ubnd = await h.as('ubnd');
      const read = await ubnd.directives.read(fileForm('3105-UBND-KSTTHC.md', new TextEncoder().encode(letter)));
      const plan = read.plan!;
      const before = (await ubnd.directives.list()).length;
      // A task given to a unit that does not exist: refused, and the directive is not left behind.
      const bad = await rejection(ubnd.directives.importDraft({ directive: plan.directive, tasks: [plan.tasks[0]!, { ...plan.tasks[1]!, assignees: { kind: 'units', unitCodes: ['KHONGCO'] } }] }));
      expect(bad.code).toBe('BAD_REQUEST');
      expect((await ubnd.directives.list()).length).toBe(before);
      const saved = await ubnd.directives.importDraft({ directive: plan.directive, tasks: plan.tasks });
      expect(saved).toMatchObject({ number: '3105/UBND-KSTTHC', tasks: 2 });
      const draft = await ubnd.directives.get({ id: saved.id });
      expect(draft.state).toBe('draft');
      expect(draft.drafts.map((d) => d.clause)).toEqual(['1', '2']);
    });
  });
});
