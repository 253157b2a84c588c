import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPluginContract, createPluginHarness, rejection, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import plugin from '../src/server/plugin.ts';
import type { FixtureRouter } from '../src/server/router.ts';

describe.each(testBackends)('fixture module on %s', (kind) => {
  let harness: PluginHarness<FixtureRouter>;
  beforeAll(async () => {
    harness = await createPluginHarness(plugin, kind);
  }, 120_000);
  afterAll(async () => harness?.close());

  it('keeps the module contract', async () => {
    expect(await checkPluginContract(plugin, harness)).toEqual([]);
  });

  it('an officer adds an item of their unit, audited; the coordinator may read but not write', async () => {
    const officer = await harness.as('stc.cv');
    const item = await officer.add({ title: 'Hồ sơ' });
    expect(item).toMatchObject({ unitCode: 'STC', createdBy: 'stc.cv' });
    expect(await harness.audit('fixture.item', String(item.id))).toHaveLength(1);
    const coordinator = await harness.as('ubnd');
    expect((await coordinator.list()).map((row) => row.title)).toContain('Hồ sơ');
    expect((await rejection(coordinator.add({ title: 'x' }))).code).toBe('FORBIDDEN');
  });
});
