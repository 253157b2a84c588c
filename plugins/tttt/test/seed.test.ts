/**
 * The demo seed (DONDOC_DEMO=1) as the server runs it: the system's rows and two plans under way
 * appear, the target holds the 01/9/2026 reading (0 of 51), and a second run writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPluginHarness, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import plugin from '../src/server/plugin.ts';
import type { ModuleRouter } from '../src/server/router.ts';
import { PLAN_TARGET_CODE } from '../src/domain/target.ts';

describe.each(testBackends)('tttt demo seed on %s', (kind) => {
  let h: PluginHarness<ModuleRouter>;
  beforeAll(async () => {
    h = await createPluginHarness(plugin, kind, { moduleSeed: { sources: [fileURLToPath(new URL('../src', import.meta.url))] } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('seeds the system, two plans under way and the earlier reading; Quận Ba Đình has no plan', async () => {
    const ubnd = await h.as('ubnd');
    expect((await ubnd.features.list()).counts).toEqual({ total: 4, done: 1, open: 3, overdue: 1 });
    expect((await ubnd.connections.list()).counts).toEqual({ total: 5, byStatus: { planned: 1, testing: 1, live: 2, broken: 1 }, stale: 1 });
    expect((await ubnd.security.get()).counts).toMatchObject({ open: 2, overdue: 1 });
    const plans = await ubnd.plans.list({ year: 2027 });
    expect(plans.units.filter((row) => row.plan).map((row) => [row.unit.code, row.plan!.state])).toEqual([['SXD', 'draft'], ['Q002', 'submitted']]);
    expect(plans.share).toMatchObject({ approved: 0, owing: 51 });
    const target = await (await h.core('ubnd')).targets.get(PLAN_TARGET_CODE);
    expect(target.measurements).toEqual([expect.objectContaining({ value: 0, asOf: '2026-09-01', numerator: 0, denominator: 51 })]);
    expect(target.forecast.class).toBe('insufficient_data');
  });

  it('writes nothing on a second run', async () => {
    await plugin.seed!({ db: h.db, log: { info: () => {}, warn: () => {}, error: () => {} }, core: await h.core(null) });
    expect((await (await h.as('ubnd')).connections.list()).counts.total).toBe(5);
  });
});
