/**
 * Numeric targets (chỉ tiêu) of directive 2458: their forecasts, the measurements units
 * enter by hand, and the ones a department module computes through the core API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { addDays, FORECAST_CLASSES } from '../src/domain/index.ts';
import { AUTONOMY_TARGET_CODE } from '../src/server/index.ts';
import { measurements } from '../src/server/schema.ts';
import { createCoreHarness, rejection, today, type CoreHarness } from './harness.ts';

describe.each(testBackends)('targets on %s', (backend) => {
  let h: CoreHarness;
  beforeAll(async () => {
    h = await createCoreHarness(backend);
  });
  afterAll(async () => h?.close());

  it('targets.list gives the three targets of 2458 with owner, source and a forecast class', async () => {
    const list = await (await h.as('stc.cv')).targets.list({ asOf: '2025-01-15' });
    expect(list.map((t) => [t.code, t.ownerUnit.code, t.source, t.sourceModule, t.targetValue, t.targetDate])).toEqual([
      ['2458-CT1', 'VP', 'manual', null, 20, '2025-12-31'],
      ['2458-CT2', 'VP', 'manual', null, 20, '2025-12-31'],
      ['2458-CT3', 'STC', 'module', 'tai-chinh', 20, '2025-12-31'],
    ]);
    for (const target of list) expect(FORECAST_CLASSES).toContain(target.forecast.class);
    // Nothing measured yet: the projection stays at the baseline 0, far below 20.
    expect(list.map((t) => t.forecast)).toEqual(
      Array(3).fill({ class: 'off_track', projectedValue: 0, reachedOn: null, latestValue: null, latestOn: null }),
    );
    expect(list[0]!.ownerUnit).toEqual({ code: 'VP', name: 'Văn phòng UBND Thành phố' });
    expect(list[2]!.taskId).toBe(h.taskId('2458-3.1'));
    // Every role reads targets.
    expect(await (await h.as('badinh')).targets.list({ asOf: '2025-01-15' })).toHaveLength(3);
    expect(await (await h.as('ubnd')).targets.list({ asOf: '2025-01-15' })).toHaveLength(3);
  });

  it('targets.get: unknown code NOT_FOUND; bad date BAD_REQUEST', async () => {
    const ubnd = await h.as('ubnd');
    const missing = await rejection(ubnd.targets.get({ code: '2458-CT9' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('Không tìm thấy chỉ tiêu 2458-CT9.');
    expect((await rejection(ubnd.targets.get({ code: '2458-CT1', asOf: '2025-13-01' }))).code).toBe('BAD_REQUEST');
  });

  it('vp records a measurement of 2458-CT1: it is listed, audited, and moves the forecast from off track to on track', async () => {
    const { caller: vp, requestId } = await h.session('vp');
    const before = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    expect(before.forecast.class).toBe('off_track');
    expect(before.measurements).toEqual([]);

    const recorded = await vp.targets.record({ code: '2458-CT1', value: 12, asOf: '2024-12-31', note: 'Đã cắt giảm 12% TTHC nội bộ' });
    expect(recorded).toEqual({ id: expect.any(Number), value: 12, asOf: '2024-12-31' });

    const after = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    expect(after.measurements).toEqual([{ id: recorded.id, value: 12, asOf: '2024-12-31', source: 'manual', note: 'Đã cắt giảm 12% TTHC nội bộ', author: 'vp' }]);
    // One measurement: the line from the baseline (0 on 8/8/2023) to 12 on 31/12/2024, 511 days
    // later, reaches 12 × 876 / 511 ≈ 20.57 on 31/12/2025 (876 days): on track, reaching 20 on
    // day ⌈20 × 511 / 12⌉ = 852, i.e. 7/12/2025.
    expect(after.forecast).toMatchObject({ class: 'on_track', reachedOn: '2025-12-07', latestValue: 12, latestOn: '2024-12-31' });
    expect(after.forecast.projectedValue).toBeCloseTo((12 * 876) / 511, 9);
    expect(addDays('2023-08-08', 852)).toBe('2025-12-07');
    // As of a day before the measurement it is unknown: still off track.
    expect((await vp.targets.get({ code: '2458-CT1', asOf: '2024-12-30' })).forecast.class).toBe('off_track');

    const audit = await listAudit(h.db, { entity: 'core.target', entityId: after.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'core.target.record', actorUsername: 'vp', requestId, before: null, after: { value: 12, asOf: '2024-12-31', source: 'manual', author: 'vp' } });

    // The same date again replaces the value (a correction), it does not add a second point.
    await vp.targets.record({ code: '2458-CT1', value: 11, asOf: '2024-12-31' });
    const corrected = await vp.targets.get({ code: '2458-CT1', asOf: '2025-01-15' });
    expect(corrected.measurements.map((m) => [m.value, m.asOf])).toEqual([[11, '2024-12-31']]);
    // 11 × 876 / 511 ≈ 18.86: short of 20 by 1.14, within 10% of the distance 0 → 20: at risk.
    expect(corrected.forecast.class).toBe('at_risk');
    const audits = await listAudit(h.db, { entity: 'core.target', entityId: after.id });
    expect(audits[0]).toMatchObject({ before: { value: 12 }, after: { value: 11 } });
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
    expect(target.measurements).toEqual([{ id: recorded.id, value: 18.5, asOf: '2025-06-30', source: 'tai-chinh', note: '37/200 đơn vị nhóm 1, 2', author: 'stc' }]);
    // 18.5 after 1090 days from the baseline (6/7/2022) projects to ≈ 21.6 on 31/12/2025.
    expect(target.forecast.class).toBe('on_track');
    const audit = await listAudit(h.db, { entity: 'core.target', entityId: target.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'core.target.record', actorUsername: 'stc', requestId: expect.stringMatching(/^test-tai-chinh-/), after: { value: 18.5, source: 'tai-chinh' } });

    // Without a user (a scheduled job of the module), the module is the author and the audit has no actor.
    const system = await h.coreApi('tai-chinh', null);
    await system.targets.recordMeasurement(AUTONOMY_TARGET_CODE, { value: 20.5, asOf: '2025-09-30' });
    const latest = await system.targets.get(AUTONOMY_TARGET_CODE, '2025-10-01');
    expect(latest.measurements.at(-1)).toMatchObject({ value: 20.5, source: 'tai-chinh', author: 'tai-chinh' });
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
});
