/**
 * The demo seed (DONDOC_DEMO=1) as the server runs it: three good models (one recognised,
 * replicated and adopted), two inspections with their follow-ups, two published discipline
 * cases; a second run writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPluginHarness, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import plugin from '../src/server/plugin.ts';
import type { ModuleRouter } from '../src/server/router.ts';

describe.each(testBackends)('noi-vu demo seed on %s', (kind) => {
  let h: PluginHarness<ModuleRouter>;
  beforeAll(async () => {
    h = await createPluginHarness(plugin, kind, { moduleSeed: { sources: [fileURLToPath(new URL('../src', import.meta.url))] } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('seeds the models, the inspections with an overdue follow-up and the discipline cases', async () => {
    const ubnd = await h.as('ubnd');
    expect((await ubnd.models.list({})).counts).toEqual({ proposed: 1, recognised: 1, not_recognised: 1, total: 3, replicating: 1, adoptions: 1 });
    const inspections = await ubnd.inspections.list({});
    expect(inspections.counts).toEqual({ inspections: 2, closed: 1, followUps: { done: 1, open: 1, overdue: 1, total: 3 } });
    expect((await ubnd.inspections.discipline()).map((c) => c.unitCode).sort()).toEqual(['Q004', 'SXD']);
    // Sở Xây dựng sees its own inspection only.
    expect((await (await h.as('sxd')).inspections.list({})).items.map((i) => i.unitCode)).toEqual(['SXD']);
  });

  it('writes nothing on a second run', async () => {
    await plugin.seed!({ db: h.db, log: { info: () => {}, warn: () => {}, error: () => {} }, core: await h.core(null) });
    expect((await (await h.as('ubnd')).models.list({})).counts.total).toBe(3);
  });
});
