/**
 * Numeric targets (chỉ tiêu) of directive 2458: their forecasts, the measurements units
 * enter by hand, and the ones a department module computes through the core API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { addDays, FORECAST_CLASSES } from '../src/domain/index.ts';
import { declareModuleTargets } from '../src/server/index.ts';
import { measurements, targets } from '../src/server/schema.ts';
import { createCoreHarness, person, declareTestModuleTarget, rejection, TEST_MODULE_TARGET, today, type CoreHarness } from './harness.ts';

/** The module target the tests declare (the core seeds none): 2458-CT3 of `tai-chinh`. */
const AUTONOMY_TARGET_CODE = TEST_MODULE_TARGET.code;

describe.each(testBackends)('targets on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
    // The core seeds CT1 and CT2; CT3 is the module's, declared as the module does on load.
    await declareTestModuleTarget(h);
  });
  afterAll(async () => h?.close());

  it('targets.list gives the three targets of 2458 with owner, source and a forecast class', async () => {
    // The directive's own; the index scorecards' targets (CS-…) are tested in scorecards.test.ts.
    const list = (await (await h.as('stc.cv')).targets.list({ asOf: '2025-01-15' })).filter((t) => t.code.startsWith('2458-'));
    expect(list.map((t) => [t.code, t.ownerUnit.code, t.source, t.sourceModule, t.targetValue, t.targetDate])).toEqual([
      ['2458-CT1', 'VP', 'manual', null, 20, '2025-12-31'],
      ['2458-CT2', 'VP', 'manual', null, 20, '2025-12-31'],
      ['2458-CT3', 'STC', 'module', 'tai-chinh', 20, '2025-12-31'],
    ]);
    for (const target of list) expect(FORECAST_CLASSES).toContain(target.forecast.class);
    // Nothing measured yet: no trend can be drawn, "chưa đủ số liệu" rather than a guess.
    expect(list.map((t) => t.forecast)).toEqual(
      Array(3).fill({ class: 'insufficient_data', projectedValue: null, reachedOn: null, latestValue: null, latestOn: null }),
    );
    // Every target has a plausible baseline its owner can set (the demo's are not zero).
    expect(list.map((t) => [t.code, t.baselineValue, t.baselineDate])).toEqual([
      ['2458-CT1', 2.5, '2023-06-30'],
      ['2458-CT2', 1.5, '2023-06-30'],
      ['2458-CT3', 9.6, '2022-07-06'],
    ]);
    expect(list[0]!.ownerUnit).toEqual({ code: 'VP', name: 'Văn phòng UBND Thành phố' });
    expect(list[2]!.taskId).toBe(h.taskId('2458-3.1'));
    // Every role reads targets.
    expect(await (await h.as('badinh')).targets.list({ asOf: '2025-01-15' })).toHaveLength(8);
    expect(await (await h.as('ubnd')).targets.list({ asOf: '2025-01-15' })).toHaveLength(8);
  });

  it('targets.get: unknown code NOT_FOUND; bad date BAD_REQUEST', async () => {
    const ubnd = await h.as('ubnd');
    const missing = await rejection(ubnd.targets.get({ code: '2458-CT9' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('Không tìm thấy chỉ tiêu 2458-CT9.');
    expect((await rejection(ubnd.targets.get({ code: '2458-CT1', asOf: '2025-13-01' }))).code).toBe('BAD_REQUEST');
  });

  it('vp records measurements of 2458-CT1: listed, audited, and a forecast once two periods are measured', async () => {
    const { caller: vp, requestId } = await h.session('vp');
    const before = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    expect(before.forecast.class).toBe('insufficient_data');
    expect(before.measurements).toEqual([]);

    const recorded = await vp.targets.record({ code: '2458-CT1', value: 14, asOf: '2024-12-31', note: 'Đã cắt giảm 14% TTHC nội bộ' });
    expect(recorded).toEqual({ id: expect.any(Number), value: 14, asOf: '2024-12-31' });
    const one = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    expect(one.measurements).toEqual([{ id: recorded.id, value: 14, asOf: '2024-12-31', source: 'manual', note: 'Đã cắt giảm 14% TTHC nội bộ', author: person('vp'), numerator: null, denominator: null, provisional: false, basis: null }]);
    // One reading: still not enough data.
    expect(one.forecast).toMatchObject({ class: 'insufficient_data', latestValue: 14, latestOn: '2024-12-31', trend: null });

    await vp.targets.record({ code: '2458-CT1', value: 9, asOf: '2024-06-30' });
    const after = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    // Baseline 2.5 on 30/06/2023 (day 0), 9 on day 366, 14 on day 550; 31/12/2025 is day 915.
    // Least squares: x̄ = 305.3, ȳ = 8.5, slope = 3208 / 156770 = 0.020463/day, intercept 2.252;
    // day 915: 20.98 ≥ 20: on track, reaching 20 on day ⌈(20 − 2.252) / 0.020463⌉ = 868 = 14/11/2025.
    expect(after.forecast).toMatchObject({ class: 'on_track', reachedOn: '2025-11-14', latestValue: 14, latestOn: '2024-12-31' });
    expect(after.forecast.projectedValue).toBeCloseTo(20.9756, 3);
    expect(addDays('2023-06-30', 868)).toBe('2025-11-14');
    // As of a day before the December reading it is unknown: one point only.
    expect((await vp.targets.get({ code: '2458-CT1', asOf: '2024-12-30' })).forecast.class).toBe('insufficient_data');

    const audit = await listAudit(h.db, { entity: 'core.target', entityId: after.id });
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ action: 'core.target.record', actorUsername: 'vp', requestId, before: null, after: { value: 14, asOf: '2024-12-31', source: 'manual', author: 'vp' } });

    // The same date again replaces the value (a correction), it does not add a point.
    await vp.targets.record({ code: '2458-CT1', value: 13, asOf: '2024-12-31' });
    const corrected = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    expect(corrected.measurements.map((m) => [m.value, m.asOf])).toEqual([[9, '2024-06-30'], [13, '2024-12-31']]);
    // Through (0, 2.5), (366, 9), (550, 13): day 915 → 19.69, short of 20 by 0.31 ≤ 0.1 × 17.5: at risk.
    expect(corrected.forecast.class).toBe('at_risk');
    const audits = await listAudit(h.db, { entity: 'core.target', entityId: after.id });
    expect(audits[0]).toMatchObject({ before: { value: 14 }, after: { value: 13 } });
  });

  it('the owner unit’s lead sets the baseline: versioned, audited, and the forecast starts from it', async () => {
    const { caller: vp, requestId } = await h.session('vp');
    const target = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    expect(target).toMatchObject({ baselineValue: 2.5, baselineDate: '2023-06-30', version: 1 });
    const set = await vp.targets.setBaseline({ code: '2458-CT1', version: 1, baselineValue: 5, baselineDate: '2024-01-15' });
    expect(set).toEqual({ code: '2458-CT1', version: 2, baselineValue: 5, baselineDate: '2024-01-15' });
    const moved = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    // Through (0, 5) on 15/01/2024, 9 on 30/06/2024, 13 on 31/12/2024: a steeper line, on track.
    expect(moved).toMatchObject({ baselineValue: 5, baselineDate: '2024-01-15', version: 2, updatedBy: person('vp') });
    expect(moved.forecast.class).toBe('on_track');
    const audit = await listAudit(h.db, { entity: 'core.target', entityId: moved.id });
    expect(audit[0]).toMatchObject({ action: 'core.target.baseline', requestId, before: { baselineValue: 2.5, baselineDate: '2023-06-30' }, after: { baselineValue: 5, baselineDate: '2024-01-15' } });
    // A stale version names who changed it; a date after the target date is refused.
    const stale = await rejection(vp.targets.setBaseline({ code: '2458-CT1', version: 1, baselineValue: 3, baselineDate: '2023-06-30' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('vp');
    const late = await rejection(vp.targets.setBaseline({ code: '2458-CT1', version: 2, baselineValue: 3, baselineDate: '2026-01-01' }));
    expect(late).toMatchObject({ code: 'BAD_REQUEST', message: 'Ngày cơ sở không được sau ngày phải đạt chỉ tiêu.' });
    // Another unit's lead may not; officers and coordinators hold no such permission.
    const other = await rejection((await h.as('stc')).targets.setBaseline({ code: '2458-CT1', version: 2, baselineValue: 3, baselineDate: '2023-06-30' }));
    expect(other).toMatchObject({ code: 'FORBIDDEN', message: 'Chỉ đơn vị chủ quản chỉ tiêu được đặt giá trị cơ sở.' });
    // STC sets its own module target's baseline.
    expect(await (await h.as('stc')).targets.setBaseline({ code: AUTONOMY_TARGET_CODE, version: 1, baselineValue: 10.2, baselineDate: '2022-07-06' })).toMatchObject({ version: 2, baselineValue: 10.2 });
  });

  it('only the owner unit records: stc and stc.cv are FORBIDDEN on VP’s target, ubnd has no permission', async () => {
    const stc = await rejection((await h.as('stc')).targets.record({ code: '2458-CT2', value: 5, asOf: '2024-12-31' }));
    expect(stc.code).toBe('FORBIDDEN');
    expect(stc.message).toBe('Chỉ đơn vị chủ quản chỉ tiêu được nhập số liệu.');
    expect((await rejection((await h.as('stc.cv')).targets.record({ code: '2458-CT2', value: 5, asOf: '2024-12-31' }))).code).toBe('FORBIDDEN');
    expect((await rejection((await h.as('ubnd')).targets.record({ code: '2458-CT2', value: 5, asOf: '2024-12-31' }))).code).toBe('FORBIDDEN');
    expect((await (await h.as('vp')).targets.get({ code: '2458-CT2' })).measurements).toEqual([]);
  });

  it('a measurement dated in the future, of an unknown target or not a finite number is refused', async () => {
    const vp = await h.as('vp');
    const future = await rejection(vp.targets.record({ code: '2458-CT2', value: 5, asOf: addDays(today(), 1) }));
    expect(future.code).toBe('BAD_REQUEST');
    expect(future.message).toBe('Ngày số liệu không được sau hôm nay.');
    expect((await rejection(vp.targets.record({ code: '2458-CT9', value: 5, asOf: '2024-12-31' }))).code).toBe('NOT_FOUND');
    expect((await rejection(vp.targets.record({ code: '2458-CT2', value: Number.POSITIVE_INFINITY, asOf: '2024-12-31' }))).code).toBe('BAD_REQUEST');
  });

  it('the module target 2458-CT3 is not entered by hand, even by its owner STC', async () => {
    const error = await rejection((await h.as('stc')).targets.record({ code: AUTONOMY_TARGET_CODE, value: 15, asOf: '2024-12-31' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('Chỉ tiêu 2458-CT3 do mô-đun tai-chinh tính, không nhập tay.');
    expect((await (await h.as('stc')).targets.get({ code: AUTONOMY_TARGET_CODE })).measurements).toEqual([]);
  });

  it('the tai-chinh module records 2458-CT3 through the core API, audited under the user’s name', async () => {
    const api = await h.coreApi('tai-chinh', 'stc');
    const recorded = await api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 18.5, asOf: '2025-06-30', note: '37/200 đơn vị nhóm 1, 2' });
    expect(recorded).toEqual({ id: expect.any(Number), value: 18.5, asOf: '2025-06-30' });

    const target = await api.targets.get(AUTONOMY_TARGET_CODE, '2025-07-01');
    expect(target.measurements).toEqual([{ id: recorded.id, value: 18.5, asOf: '2025-06-30', source: 'tai-chinh', note: '37/200 đơn vị nhóm 1, 2', author: person('stc'), numerator: null, denominator: null, provisional: false, basis: null }]);
    // One reading after the baseline: not enough data for a trend yet.
    expect(target.forecast.class).toBe('insufficient_data');
    // (The earlier audit row of this target is its baseline, set in the test above.)
    const audit = (await listAudit(h.db, { entity: 'core.target', entityId: target.id })).filter((a) => a.action === 'core.target.record');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'core.target.record', actorUsername: 'stc', requestId: expect.stringMatching(/^test-tai-chinh-/), after: { value: 18.5, source: 'tai-chinh' } });

    // Without a user (a scheduled job of the module), the module is the author and the audit has no actor.
    const system = await h.coreApi('tai-chinh', null);
    await system.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 20.5, asOf: '2025-09-30' });
    const latest = await system.targets.get(AUTONOMY_TARGET_CODE, '2025-10-01');
    expect(latest.measurements.at(-1)).toMatchObject({ value: 20.5, source: 'tai-chinh', author: expect.objectContaining({ username: 'tai-chinh', title: null }) });
    expect(latest.forecast).toMatchObject({ class: 'met', latestValue: 20.5 });
    expect((await listAudit(h.db, { entity: 'core.target', entityId: target.id }))[0]).toMatchObject({ actorUsername: null, actorId: null });
    // The routers see the module's figures too.
    expect((await (await h.as('ubnd')).targets.list({ asOf: '2025-10-01' })).find((t) => t.code === AUTONOMY_TARGET_CODE)?.forecast.class).toBe('met');
  });

  it('another module may not record 2458-CT3 (FORBIDDEN); the core API’s units and unknown targets', async () => {
    const khdt = await h.coreApi('khdt', 'skhdt');
    const error = await rejection(khdt.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 50, asOf: '2025-06-30' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Mô-đun khdt không được ghi số liệu cho chỉ tiêu 2458-CT3.');
    // Nor a manual target.
    expect((await rejection(khdt.targets.recordMeasurement('2458-CT1', { value: 50, asOf: '2025-06-30' }))).code).toBe('FORBIDDEN');
    expect((await rejection(khdt.targets.recordMeasurement('2458-CT9', { value: 50, asOf: '2025-06-30' }))).code).toBe('NOT_FOUND');
    expect((await khdt.targets.get(AUTONOMY_TARGET_CODE)).measurements.map((m) => m.value)).toEqual([18.5, 20.5]);
    expect(await khdt.units.get('SKHDT')).toMatchObject({ code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', kind: 'department' });
    expect(await khdt.units.get('NOPE')).toBeNull();
    expect(await khdt.units.list()).toHaveLength(1 + 21 + 30);
  });

  it('a module’s share keeps its numerator, denominator, provisional flag and basis; inconsistent figures are refused', async () => {
    const api = await h.coreApi('tai-chinh', 'stc');
    // 16 autonomous units of 600 registered: 16 ÷ 600 × 100 = 2.666… → 2.67.
    const recorded = await api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, {
      value: 2.67,
      asOf: '2024-12-31',
      numerator: 16,
      denominator: 600,
      provisional: true,
      basis: '  đã duyệt 4/17 đơn vị chủ quản ',
    });
    const measured = () => api.targets.get(AUTONOMY_TARGET_CODE, '2025-12-31').then((t) => t.measurements.find((m) => m.id === recorded.id));
    expect(await measured()).toEqual({
      id: recorded.id,
      value: 2.67,
      asOf: '2024-12-31',
      source: 'tai-chinh',
      note: null,
      author: person('stc'),
      numerator: 16,
      denominator: 600,
      provisional: true,
      basis: 'đã duyệt 4/17 đơn vị chủ quản',
    });
    // The audit keeps the figures too.
    const audit = (await listAudit(h.db, { entity: 'core.target' })).find((a) => a.action === 'core.target.record');
    expect(audit?.after).toMatchObject({ value: 2.67, numerator: 16, denominator: 600, provisional: true });

    // Once every managing unit is approved, the same date is replaced: final, 150/600 = 25%.
    await api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 25, asOf: '2024-12-31', numerator: 150, denominator: 600, basis: 'đã duyệt 17/17 đơn vị chủ quản' });
    expect(await measured()).toMatchObject({ value: 25, numerator: 150, denominator: 600, provisional: false, basis: 'đã duyệt 17/17 đơn vị chủ quản' });
    // Recording again without figures clears them (the row is the module's whole statement for that date).
    await api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 25, asOf: '2024-12-31' });
    expect(await measured()).toMatchObject({ value: 25, numerator: null, denominator: null, provisional: false, basis: null });

    const refused = async (input: Parameters<typeof api.targets.recordMeasurement>[1]) => rejection(api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, input));
    // 16 ÷ 600 is 2.67%, not 40% (the share over the approved units only).
    expect(await refused({ value: 40, asOf: '2024-12-31', numerator: 16, denominator: 600 })).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Giá trị 40 không khớp với 16/600 = 2.67%.',
    });
    // 2.666… is not rounded to two decimals.
    expect((await refused({ value: 16 / 6, asOf: '2024-12-31', numerator: 16, denominator: 600 })).code).toBe('BAD_REQUEST');
    expect(await refused({ value: 0, asOf: '2024-12-31', numerator: 0, denominator: 0 })).toMatchObject({ code: 'BAD_REQUEST', message: 'Mẫu số phải lớn hơn 0.' });
    expect((await refused({ value: 0, asOf: '2024-12-31', numerator: 0, denominator: -5 })).code).toBe('BAD_REQUEST');
    expect(await refused({ value: 150, asOf: '2024-12-31', numerator: 3, denominator: 2 })).toMatchObject({ message: 'Tử số phải từ 0 đến mẫu số.' });
    expect((await refused({ value: -50, asOf: '2024-12-31', numerator: -1, denominator: 2 })).code).toBe('BAD_REQUEST');
    expect(await refused({ value: 50, asOf: '2024-12-31', numerator: 1 })).toMatchObject({ message: 'Tử số và mẫu số phải có cùng nhau.' });
    expect((await refused({ value: 50, asOf: '2024-12-31', denominator: 2 })).code).toBe('BAD_REQUEST');
    expect((await refused({ value: Number.NaN, asOf: '2024-12-31' })).code).toBe('BAD_REQUEST');
    expect(await refused({ value: 25, asOf: '2024-12-31', basis: 'x'.repeat(201) })).toMatchObject({ message: 'Căn cứ tối đa 200 ký tự.' });
    // Exactly 0, exactly the whole, and a share of amounts rather than counts.
    await api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 0, asOf: '2024-12-31', numerator: 0, denominator: 600 });
    await api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 100, asOf: '2024-12-31', numerator: 600, denominator: 600 });
    // 1 ÷ 3 = 33.333… → 33.33; 2 ÷ 3 = 66.666… → 66.67.
    await api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 66.67, asOf: '2024-12-31', numerator: 2.5, denominator: 3.75 });
    expect(await measured()).toMatchObject({ value: 66.67, numerator: 2.5, denominator: 3.75 });
    // The database refuses inconsistent figures written around the API.
    const targetId = (await api.targets.get(AUTONOMY_TARGET_CODE)).id;
    await expect(h.db.insert(measurements).values({ targetId, value: 1, asOf: '2024-01-01', source: 'x', author: 'x', numerator: 5, denominator: 2 })).rejects.toThrow();
    // A manual target recorded by hand keeps the old input and answers no figures.
    const vp = await h.as('vp');
    await vp.targets.record({ code: '2458-CT2', value: 7, asOf: '2024-12-31' });
    expect((await vp.targets.get({ code: '2458-CT2' })).measurements).toEqual([
      expect.objectContaining({ value: 7, numerator: null, denominator: null, provisional: false, basis: null }),
    ]);
    // Leave the module target as the next test expects it: 18.5 and 20.5 only.
    await h.db.delete(measurements).where(eq(measurements.id, recorded.id));
    await h.db.delete(measurements).where(eq(measurements.value, 7));
  });

  it('a measurement recorded in the module’s own transaction rolls back with it', async () => {
    const api = await h.coreApi('tai-chinh', 'stc');
    const failure = new Error('the module’s own write failed');
    await expect(
      h.db.transaction(async (tx) => {
        await api.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 99, asOf: '2025-12-01' }, { tx });
        throw failure;
      }),
    ).rejects.toBe(failure);
    const values = (await h.db.select({ value: measurements.value }).from(measurements)).map((m) => m.value);
    expect(values).not.toContain(99);
    const target = await api.targets.get(AUTONOMY_TARGET_CODE, '2025-12-02');
    expect(target.measurements.map((m) => m.value)).toEqual([18.5, 20.5]);
  });

  it('a module declares its targets on load: created, then updated in place keeping measurements and an owner’s baseline', async () => {
    const { module, moduleUnit, ...ct3 } = TEST_MODULE_TARGET;
    const kept = await h.db.select().from(targets).where(eq(targets.code, AUTONOMY_TARGET_CODE));
    expect(kept[0]).toMatchObject({ source: 'module', sourceModule: module, ownerUnitCode: 'STC', taskId: h.taskId('2458-3.1'), baselineValue: 10.2, version: 2 });
    // The same declaration again changes nothing (and writes no audit row).
    const auditCount = async (id: string) => (await listAudit(h.db, { entity: 'core.target', entityId: id, limit: 1000 })).filter((a) => a.action === 'core.target.declare').length;
    const declaredBefore = await auditCount(kept[0]!.id);
    expect(await declareModuleTargets(h.db, module, moduleUnit, [ct3])).toEqual({ created: [], updated: [] });
    // A changed name and baseline: the row is updated in place; the owner’s baseline (version 2) stays.
    const renamed = { ...ct3, name: 'Tối thiểu 20% đơn vị tự chủ tài chính (sửa)', baselineValue: 1, targetValue: 25 };
    expect(await declareModuleTargets(h.db, module, moduleUnit, [renamed])).toEqual({ created: [], updated: [AUTONOMY_TARGET_CODE] });
    const [after] = await h.db.select().from(targets).where(eq(targets.code, AUTONOMY_TARGET_CODE));
    expect(after).toMatchObject({ id: kept[0]!.id, name: renamed.name, targetValue: 25, baselineValue: 10.2, baselineDate: '2022-07-06', version: 2 });
    expect((await h.db.select().from(measurements).where(eq(measurements.targetId, after!.id))).map((m) => m.value).sort()).toEqual([18.5, 20.5]);
    expect(await auditCount(after!.id)).toBe(declaredBefore + 1);
    const [audit] = await listAudit(h.db, { entity: 'core.target', entityId: after!.id });
    expect(audit).toMatchObject({ action: 'core.target.declare', actorUsername: null, before: { name: ct3.name, targetValue: 20 }, after: { name: renamed.name, targetValue: 25 } });
    await declareModuleTargets(h.db, module, moduleUnit, [ct3]);

    // A new target: source module, owner the module's unit, linked to its clause's top-level task.
    const fresh = { ...ct3, code: '2458-CT9', name: 'Chỉ tiêu thử', clause: '5.2', ownerUnitCode: undefined, baselineValue: 1 };
    expect(await declareModuleTargets(h.db, 'khdt', 'SKHDT', [fresh])).toEqual({ created: ['2458-CT9'], updated: [] });
    const [created] = await h.db.select().from(targets).where(eq(targets.code, '2458-CT9'));
    expect(created).toMatchObject({ source: 'module', sourceModule: 'khdt', ownerUnitCode: 'SKHDT', taskId: h.taskId('2458-5.2'), directiveId: expect.any(String), baselineValue: 1, version: 1 });
    expect((await listAudit(h.db, { entity: 'core.target', entityId: created!.id }))[0]).toMatchObject({ action: 'core.target.declare', actorUsername: null, before: null });
    // Never set by its owner (version 1): the declared baseline follows the declaration.
    await declareModuleTargets(h.db, 'khdt', 'SKHDT', [{ ...fresh, baselineValue: 2 }]);
    expect((await h.db.select().from(targets).where(eq(targets.code, '2458-CT9')))[0]).toMatchObject({ id: created!.id, baselineValue: 2 });
    // Unknown directive: created without a link.
    await declareModuleTargets(h.db, 'khdt', 'SKHDT', [{ ...fresh, code: 'X-1', directive: '1/UBND-XX' }]);
    expect((await h.db.select().from(targets).where(eq(targets.code, 'X-1')))[0]).toMatchObject({ directiveId: null, taskId: null });
    await h.db.delete(targets).where(eq(targets.code, 'X-1'));
    await h.db.delete(targets).where(eq(targets.code, '2458-CT9'));
  });

  it('a module may not declare another module’s target; nothing of the refused declaration is kept', async () => {
    const { module, ...ct3 } = TEST_MODULE_TARGET;
    await expect(declareModuleTargets(h.db, 'khdt', 'SKHDT', [{ ...ct3, code: 'NEW-1' }, ct3])).rejects.toThrow('module "khdt" declares target 2458-CT3, which is held by module "tai-chinh"');
    // One transaction: the target declared before the refused one is not created either.
    expect(await h.db.select().from(targets).where(eq(targets.code, 'NEW-1'))).toEqual([]);
    expect((await h.db.select().from(targets).where(eq(targets.code, AUTONOMY_TARGET_CODE)))[0]).toMatchObject({ source: 'module', sourceModule: module });
  });

  it('a module adopts a manual target by declaring its code: measurements kept, audited, no longer entered by hand, refused to another module', async () => {
    const [manual] = await h.db.select().from(targets).where(eq(targets.code, '2458-CT2'));
    expect(manual).toMatchObject({ source: 'manual', sourceModule: null });
    // A value entered by hand before the module came.
    await (await h.as('vp')).targets.record({ code: '2458-CT2', value: 4, asOf: '2024-06-30' });
    const ct2 = {
      code: '2458-CT2', name: manual!.name, directive: '2458/UBND-SNV', clause: '2.2', direction: 'at_least' as const, targetValue: 20, measureUnit: '%',
      targetDate: '2025-12-31', baselineValue: manual!.baselineValue, baselineDate: manual!.baselineDate,
    };
    expect(await declareModuleTargets(h.db, 'van-phong', 'VP', [ct2])).toEqual({ created: [], updated: ['2458-CT2'] });
    const [adopted] = await h.db.select().from(targets).where(eq(targets.code, '2458-CT2'));
    expect(adopted).toMatchObject({ id: manual!.id, source: 'module', sourceModule: 'van-phong', ownerUnitCode: 'VP', baselineValue: manual!.baselineValue, version: manual!.version });
    expect((await h.db.select().from(measurements).where(eq(measurements.targetId, manual!.id))).map((m) => [m.value, m.source])).toContainEqual([4, 'manual']);
    const audit = (await listAudit(h.db, { entity: 'core.target', entityId: manual!.id })).filter((a) => a.action === 'core.target.adopt');
    expect(audit).toEqual([expect.objectContaining({ actorUsername: null, before: { source: 'manual', sourceModule: null }, after: { source: 'module', sourceModule: 'van-phong' } })]);
    // Declared again: nothing changes, nothing audited.
    expect(await declareModuleTargets(h.db, 'van-phong', 'VP', [ct2])).toEqual({ created: [], updated: [] });
    // The Văn phòng no longer enters it by hand; the module records it.
    expect(await rejection((await h.as('vp')).targets.record({ code: '2458-CT2', value: 5, asOf: '2024-09-30' }))).toMatchObject({ code: 'BAD_REQUEST' });
    const api = await h.coreApi('van-phong', 'vp');
    await api.targets.recordMeasurement('2458-CT2', { value: 6, asOf: '2024-09-30' });
    expect((await api.targets.get('2458-CT2', '2024-10-01')).measurements.map((m) => [m.value, m.source])).toEqual([[4, 'manual'], [6, 'van-phong']]);
    // Another module may not take it over.
    await expect(declareModuleTargets(h.db, 'tai-chinh', 'STC', [ct2])).rejects.toThrow('module "tai-chinh" declares target 2458-CT2, which is held by module "van-phong"');
  });
});
