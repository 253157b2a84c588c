/**
 * The router's rules: permissions on every procedure, row access by unit (own / owner / all),
 * edits with versions (stale → CONFLICT), audit in the same transaction, the demo seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { checkPluginContract, queryRows, testBackends } from '@dondoc/plugin-sdk/testing';
import { listProcedures } from '@dondoc/trpc';
import { AUTONOMY_TARGET_CODE } from '../src/domain/index.ts';
import { taiChinhRouter } from '../src/server/router.ts';
import { PERMISSIONS } from '../src/server/permissions.ts';
import { demoUnits, seedDemoRegister } from '../src/server/seed.ts';
import plugin from '../src/server/plugin.ts';
import { createHarness, rejection, type Caller, type Harness } from './harness.ts';

/** A valid input for every procedure, so that only the permission decides. */
const sampleInputs: Record<string, unknown> = {
  access: undefined,
  'units.list': {},
  'units.get': { id: '00000000-0000-4000-8000-000000000000' },
  'units.create': { name: 'Đơn vị thử', sector: 'Y tế - Dân số' },
  'units.update': { id: '00000000-0000-4000-8000-000000000000', version: 1, name: 'Đơn vị thử', sector: 'Y tế - Dân số' },
  'units.remove': { id: '00000000-0000-4000-8000-000000000000', version: 1 },
  'units.template': undefined,
  'units.import': { fileName: 'a.csv', contentBase64: 'YQ==', dryRun: true },
  'years.save': { unitId: '00000000-0000-4000-8000-000000000000', year: 2024, version: null, group: null, revenueA: null, spendingB: null, plannedGroup: 2 },
  'years.clear': { unitId: '00000000-0000-4000-8000-000000000000', year: 2024, version: 1 },
  'consolidation.summary': {},
  'consolidation.target': undefined,
  'consolidation.approve': { year: 2024 },
  'consolidation.reopen': { year: 2024, managingUnitCode: 'Q001', version: 1, note: 'x' },
  'reports.export': { periodId: '2024-Y' },
};

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn(input);
}

describe.each(testBackends)('tai-chinh router on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the module contract (SDK test kit): no anonymous access, own schema only, migrations apply once', async () => {
    expect(await checkPluginContract(plugin, h)).toEqual([]);
  });

  describe('permissions', () => {
    it('declares its four permissions with STC as owner', () => {
      const declared = h.permissions.list().filter((p) => p.module === 'tai-chinh');
      expect(declared.map((p) => p.key).sort()).toEqual(Object.values(PERMISSIONS).sort());
      expect(new Set(declared.map((p) => p.ownerUnitCode))).toEqual(new Set(['STC']));
    });

    it('has a sample input for every procedure (keep this list complete)', () => {
      expect(listProcedures(taiChinhRouter).map((p) => p.path).sort()).toEqual(Object.keys(sampleInputs).sort());
    });

    it('refuses every procedure to anonymous callers and to users with no unit', async () => {
      for (const path of Object.keys(sampleInputs)) {
        expect((await rejection(call(h.anonymous(), path, sampleInputs[path]))).code, path).toBe('UNAUTHORIZED');
        const nounit = await h.as('nounit');
        expect((await rejection(call(nounit, path, sampleInputs[path]))).code, path).toBe('FORBIDDEN');
      }
    });

    it('decides by role and scope: district own, Sở Tài chính owner, coordinators all', async () => {
      const decide = async (username: Parameters<Harness['user']>[0], key: string) => h.permissions.decide(await h.user(username), key);
      expect(await decide('badinh', PERMISSIONS.unitsWrite)).toEqual({ allowed: true, unitCodes: ['Q001'] });
      expect(await decide('badinh.cv', PERMISSIONS.unitsWrite)).toEqual({ allowed: true, unitCodes: ['Q001'] });
      expect(await decide('badinh', PERMISSIONS.unitsRead)).toEqual({ allowed: true, unitCodes: ['Q001'] });
      expect(await decide('stc', PERMISSIONS.unitsRead)).toEqual({ allowed: true, unitCodes: 'all' });
      expect(await decide('stc.cv', PERMISSIONS.unitsRead)).toEqual({ allowed: true, unitCodes: 'all' });
      expect(await decide('stc', PERMISSIONS.classificationApprove)).toEqual({ allowed: true, unitCodes: 'all' });
      expect((await decide('stc.cv', PERMISSIONS.classificationApprove)).allowed).toBe(false);
      expect((await decide('badinh', PERMISSIONS.classificationApprove)).allowed).toBe(false);
      expect(await decide('ubnd', PERMISSIONS.unitsRead)).toEqual({ allowed: true, unitCodes: 'all' });
      expect((await decide('ubnd', PERMISSIONS.unitsWrite)).allowed).toBe(false);
      expect(await decide('ubnd', PERMISSIONS.reportsExport)).toEqual({ allowed: true, unitCodes: 'all' });
      expect(await decide('sxd', PERMISSIONS.unitsRead)).toEqual({ allowed: true, unitCodes: ['SXD'] });
    });

    it('tells the pages what the caller may do', async () => {
      expect(await (await h.as('badinh')).access()).toMatchObject({ scope: 'own', unitCodes: ['Q001'], canWrite: true, canApprove: false, canExport: true });
      expect(await (await h.as('stc')).access()).toMatchObject({ scope: 'all', canWrite: true, canApprove: true, canExport: true });
      expect(await (await h.as('ubnd')).access()).toMatchObject({ scope: 'all', canWrite: false, canApprove: false, canExport: true, years: [2022, 2023, 2024, 2025] });
    });

    it('refuses approval to districts, coordinators and Sở Tài chính officers, in the caller language', async () => {
      for (const username of ['badinh', 'ubnd', 'stc.cv'] as const) {
        const error = await rejection((await h.as(username)).consolidation.approve({ year: 2024 }));
        expect(error.code, username).toBe('FORBIDDEN');
      }
      const english = await rejection((await h.as('badinh', { locale: 'en' })).consolidation.approve({ year: 2024 }));
      expect(english.message).toBe('You are not allowed to do this (tai-chinh.classification:approve).');
      const vietnamese = await rejection((await h.as('badinh')).consolidation.approve({ year: 2024 }));
      expect(vietnamese.message).toBe('Bạn không có quyền thực hiện thao tác này (tai-chinh.classification:approve).');
    });
  });

  describe('units of a district', () => {
    let badinh: Caller;
    let hoankiem: Caller;
    let unitId: string;
    beforeAll(async () => {
      badinh = await h.as('badinh');
      hoankiem = await h.as('hoankiem');
    });

    it('creates a unit for its own district by default, audited', async () => {
      const unit = await badinh.units.create({ name: '  Trường Mầm non   Ngọc Hà ', sector: 'Giáo dục và đào tạo' });
      unitId = unit.id;
      expect(unit).toMatchObject({ name: 'Trường Mầm non Ngọc Hà', sector: 'Giáo dục và đào tạo', version: 1, managingUnit: { code: 'Q001', name: 'Quận Ba Đình' }, years: [] });
      const audit = await h.audit('tai-chinh.unit', unit.id);
      expect(audit).toMatchObject([{ action: 'tai-chinh.unit.create', actorUsername: 'badinh' }]);
    });

    it('refuses a second unit of the same name (case and spacing ignored)', async () => {
      const error = await rejection(badinh.units.create({ name: 'trường mầm non ngọc hà', sector: 'Giáo dục và đào tạo' }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toBe('Quận Ba Đình đã có đơn vị "trường mầm non ngọc hà" trong danh sách.');
      // Another district may have a unit of the same name.
      await hoankiem.units.create({ name: 'Trường Mầm non Ngọc Hà', sector: 'Giáo dục và đào tạo' });
    });

    it("cannot create for, read or change another district's units", async () => {
      expect((await rejection(badinh.units.create({ managingUnitCode: 'Q002', name: 'X', sector: 'Y' }))).code).toBe('FORBIDDEN');
      const other = (await hoankiem.units.list({})).items[0]!;
      expect((await rejection(badinh.units.get({ id: other.id }))).code).toBe('FORBIDDEN');
      expect((await rejection(badinh.units.update({ id: other.id, version: other.version, name: 'Đổi tên', sector: 'X' }))).code).toBe('FORBIDDEN');
      expect(
        (await rejection(badinh.years.save({ unitId: other.id, year: 2024, version: null, group: 3, revenueA: 1, spendingB: 2, investmentCovered: false, plannedGroup: null }))).code,
      ).toBe('FORBIDDEN');
      expect((await rejection(badinh.units.list({ managingUnitCode: 'Q002' }))).code).toBe('FORBIDDEN');
      // Its list shows its own units only; Sở Tài chính and the coordinators see both.
      expect((await badinh.units.list({})).items.map((u) => u.managingUnit.code)).toEqual(['Q001']);
      expect((await (await h.as('stc.cv')).units.list({})).items.map((u) => u.managingUnit.code)).toEqual(['Q001', 'Q002']);
      expect((await (await h.as('ubnd')).units.list({})).total).toBe(2);
    });

    it('refuses a managing unit that is neither a department nor a district', async () => {
      const error = await rejection((await h.as('admin')).units.create({ managingUnitCode: 'UBND', name: 'X', sector: 'Y' }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/phải là một sở, ngành hoặc quận, huyện, thị xã/);
    });

    it('saves a year with its classification and plan, computing the level and the implied group', async () => {
      const unit = await badinh.years.save({ unitId, year: 2024, version: null, group: 3, revenueA: 1_000_000, spendingB: 3_000_000, investmentCovered: false, plannedGroup: 2 });
      expect(unit.years).toEqual([
        expect.objectContaining({ year: 2024, group: 3, level: 33.33, impliedGroup: 3, status: 'ok', roadmap: 'behind', approval: 'pending', locked: false, version: 1, updatedBy: 'badinh' }),
      ]);
      // Who saved it, as the editor names them (the core API's people.of): name, title, unit — not the login.
      expect(unit.people?.badinh).toEqual({ username: 'badinh', fullName: 'Nguyễn Văn An', title: 'Trưởng phòng Nội vụ', unitCode: 'Q001', unitName: 'Quận Ba Đình' });
      const planOnly = await badinh.years.save({ unitId, year: 2025, version: null, group: null, revenueA: null, spendingB: null, investmentCovered: false, plannedGroup: 2 });
      expect(planOnly.years.find((y) => y.year === 2025)).toMatchObject({ group: null, level: null, status: 'unclassified', roadmap: 'no_data' });
    });

    it('flags a group the figures do not imply', async () => {
      const unit = await badinh.years.save({ unitId, year: 2024, version: 1, group: 2, revenueA: 1_000_000, spendingB: 3_000_000, investmentCovered: false, plannedGroup: 2 });
      expect(unit.years.find((y) => y.year === 2024)).toMatchObject({ group: 2, impliedGroup: 3, status: 'mismatch', version: 2 });
      const flagged = await badinh.units.list({ year: 2024, flag: 'mismatch' });
      expect(flagged.items.map((u) => u.id)).toEqual([unitId]);
    });

    it('refuses a stale edit (CONFLICT), naming who changed it', async () => {
      const officer = await h.as('badinh.cv');
      await officer.years.save({ unitId, year: 2024, version: 2, group: 3, revenueA: 1_000_000, spendingB: 3_000_000, investmentCovered: false, plannedGroup: 2 });
      const stale = await rejection(badinh.years.save({ unitId, year: 2024, version: 2, group: 4, revenueA: 1, spendingB: 3_000_000, investmentCovered: false, plannedGroup: 2 }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toBe('Dữ liệu đã được badinh.cv thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.');
      // A "new" row that someone created meanwhile is a conflict too.
      const created = await rejection(badinh.years.save({ unitId, year: 2024, version: null, group: 4, revenueA: 1, spendingB: 3, investmentCovered: false, plannedGroup: null }));
      expect(created.code).toBe('CONFLICT');
      const unit = await badinh.units.get({ id: unitId });
      const staleUnit = await rejection(badinh.units.update({ id: unitId, version: unit.version + 1, name: 'X', sector: 'Y' }));
      expect(staleUnit.code).toBe('CONFLICT');
      const renamed = await badinh.units.update({ id: unitId, version: unit.version, name: 'Trường Mầm non Ngọc Hà (cơ sở 1)', sector: 'Giáo dục và đào tạo' });
      expect(renamed.version).toBe(unit.version + 1);
      const audit = await h.audit('tai-chinh.unit-year', `${unitId}:2024`);
      expect(audit.map((a) => a.actorUsername)).toEqual(['badinh.cv', 'badinh', 'badinh']);
    });

    it('validates inputs with field errors', async () => {
      const partial = await rejection(badinh.years.save({ unitId, year: 2023, version: null, group: 3, revenueA: null, spendingB: 5, investmentCovered: false, plannedGroup: null }));
      expect(partial.code).toBe('BAD_REQUEST');
      const zero = await rejection(badinh.years.save({ unitId, year: 2023, version: null, group: 3, revenueA: 1, spendingB: 0, investmentCovered: false, plannedGroup: null }));
      expect(zero.code).toBe('BAD_REQUEST');
      const outside = await rejection(badinh.years.save({ unitId, year: 2026, version: null, group: 3, revenueA: 1, spendingB: 1, investmentCovered: false, plannedGroup: null }));
      expect(outside.code).toBe('BAD_REQUEST');
      const roundsToZero = await rejection(badinh.years.save({ unitId, year: 2023, version: null, group: 3, revenueA: 1, spendingB: 0.004, investmentCovered: false, plannedGroup: null }));
      expect(roundsToZero.code).toBe('BAD_REQUEST');
      // Amounts are stored with two decimals, and the check is made on what is stored.
      const other = await badinh.units.create({ name: 'Trung tâm làm tròn', sector: 'Khác' });
      const rounded = await badinh.years.save({ unitId: other.id, year: 2025, version: null, group: 2, revenueA: 999.999, spendingB: 1000, investmentCovered: false, plannedGroup: null });
      expect(rounded.years).toMatchObject([{ year: 2025, revenueA: 1000, level: 100, impliedGroup: 2, status: 'ok' }]);
    });

    it('rolls the change back with its audit row when the audit fails', async () => {
      const failing = await h.as('badinh', {
        audit: async () => {
          throw new Error('audit store down');
        },
      });
      const before = await badinh.units.get({ id: unitId });
      await expect(failing.years.save({ unitId, year: 2023, version: null, group: 4, revenueA: 1, spendingB: 100, investmentCovered: false, plannedGroup: null })).rejects.toThrow();
      expect((await badinh.units.get({ id: unitId })).years).toEqual(before.years);
    });

    it('clears a year and removes a unit, audited; refuses both once the year is approved', async () => {
      const unit = await badinh.units.get({ id: unitId });
      const y2025 = unit.years.find((y) => y.year === 2025)!;
      const cleared = await badinh.years.clear({ unitId, year: 2025, version: y2025.version });
      expect(cleared.years.map((y) => y.year)).toEqual([2024]);

      await (await h.as('stc')).consolidation.approve({ year: 2024, managingUnitCodes: ['Q001'] });
      const fresh = await badinh.units.get({ id: unitId });
      expect((await rejection(badinh.years.clear({ unitId, year: 2024, version: fresh.years[0]!.version }))).code).toBe('PRECONDITION_FAILED');
      expect((await rejection(badinh.units.remove({ id: unitId, version: fresh.version }))).code).toBe('PRECONDITION_FAILED');

      const spare = await badinh.units.create({ name: 'Đơn vị nhập nhầm', sector: 'Khác' });
      expect(await badinh.units.remove({ id: spare.id, version: spare.version })).toEqual({ id: spare.id });
      expect((await h.audit('tai-chinh.unit', spare.id)).map((a) => a.action)).toEqual(['tai-chinh.unit.remove', 'tai-chinh.unit.create']);
      expect((await rejection(badinh.units.get({ id: spare.id }))).code).toBe('NOT_FOUND');
    });
  });

  describe('approval', () => {
    it('refuses a year nobody classified, and a managing unit with nothing classified', async () => {
      const stc = await h.as('stc');
      const empty = await rejection(stc.consolidation.approve({ year: 2022 }));
      expect(empty.code).toBe('BAD_REQUEST');
      expect(empty.message).toBe('Chưa có đơn vị nào được phân loại năm 2022.');
      const none = await rejection(stc.consolidation.approve({ year: 2024, managingUnitCodes: ['Q002'] }));
      expect(none.message).toBe('Chưa có đơn vị nào được phân loại năm 2024 ở: Quận Hoàn Kiếm.');
    });

    it('records nothing when the approval fails: approval, measurement and audit roll back together', async () => {
      const target = async () => (await h.core()).targets.get(AUTONOMY_TARGET_CODE);
      const before = await target();
      const badinh = await h.as('badinh');
      const unit = await badinh.units.create({ name: 'Trường Tiểu học Ba Đình', sector: 'Giáo dục và đào tạo' });
      await badinh.years.save({ unitId: unit.id, year: 2023, version: null, group: 2, revenueA: 10, spendingB: 10, investmentCovered: false, plannedGroup: null });
      const failing = await h.as('stc', {
        audit: async () => {
          throw new Error('audit store down');
        },
      });
      await expect(failing.consolidation.approve({ year: 2023 })).rejects.toThrow();
      const after = await target();
      expect(after.measurements).toEqual(before.measurements);
      const approvals = await queryRows(h.db, sql`select * from tai_chinh.year_approvals where year = 2023`);
      expect(approvals).toEqual([]);
      const recorded = await (await h.as('stc')).consolidation.approve({ year: 2023 });
      expect(recorded.measurement).toMatchObject({ value: 100, asOf: '2023-12-31' });
    });
  });

  describe('demo seed', () => {
    it('writes its units once, through the module tables only, and is idempotent', async () => {
      await h.db.execute(sql`delete from tai_chinh.service_units`);
      await h.db.execute(sql`delete from tai_chinh.year_approvals`);
      const context = { db: h.db, core: await h.core() };
      expect(await seedDemoRegister(context)).toBe(demoUnits.length);
      expect(await seedDemoRegister(context)).toBe(0);
      const stc = await h.as('stc');
      const list = await stc.units.list({ pageSize: 200 });
      expect(list.total).toBe(demoUnits.length);
      expect(new Set(list.items.map((u) => u.managingUnit.code))).toEqual(new Set(['Q001', 'Q002', 'SYT', 'SGDDT', 'SVHTT']));
      // The demo shows a flagged unit and units behind their roadmap.
      expect((await stc.units.list({ year: 2024, flag: 'mismatch' })).items.map((u) => u.name)).toEqual(['Trường THCS Phan Chu Trinh']);
      const summary = await stc.consolidation.summary({ year: 2025 });
      expect(summary.years.map((y) => y.entered.share)).toEqual([18.75, 25, 37.5, 33.33]);
      expect(summary.behind.length).toBeGreaterThan(0);
      expect((await (await h.as('badinh')).units.list({})).total).toBe(4);
    });
  });
});
