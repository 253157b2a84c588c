/**
 * The demo seed (DONDOC_DEMO=1) as the server runs it: three schemes (one on plan, Sở Công
 * Thương's behind plan with an obstacle beyond authority awaiting Sở KH&ĐT, one completed), the
 * PCI and PGI scorecards linked to the module's targets with their projections; a second run
 * writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPluginHarness, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import plugin from '../src/server/plugin.ts';
import type { ModuleRouter } from '../src/server/router.ts';
import { PROJECTION_TARGETS } from '../src/domain/index.ts';

describe.each(testBackends)('khdt demo seed on %s', (kind) => {
  let h: PluginHarness<ModuleRouter>;
  beforeAll(async () => {
    h = await createPluginHarness(plugin, kind, { moduleSeed: { sources: [fileURLToPath(new URL('../src', import.meta.url))] } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('seeds three schemes, one behind plan with an obstacle awaiting the UBND, and links the scorecards to the module’s targets', async () => {
    const ubnd = await h.as('ubnd');
    const { items, summary } = await ubnd.schemes.list();
    expect(items.map((r) => [r.unitCode, r.status, r.progress.behind])).toEqual([
      ['SCT', 'in_progress', ['disbursement', 'beneficiaries']],
      ['SKHDT', 'in_progress', []],
      ['SKHCN', 'completed', []],
    ]);
    expect(summary).toMatchObject({ total: 3, behind: 1, openObstacles: 2, escalated: 0 });
    expect(items[0]!.awaitingEscalation).toBe(1);
    const pci = await ubnd.scorecards.page({ index: 'pci' });
    expect(pci.projection).toMatchObject({ code: PROJECTION_TARGETS.pci, measurements: [expect.objectContaining({ value: 69.1, asOf: '2023-12-31', source: 'khdt' })] });
    expect((await ubnd.scorecards.page({ index: 'pgi' })).projection).toMatchObject({ code: PROJECTION_TARGETS.pgi, measurements: [expect.objectContaining({ value: 23.5 })] });
  });

  it('writes nothing on a second run', async () => {
    const before = (await h.audit('core.scorecard')).length;
    expect(before).toBe(2); // PCI's and PGI's link, made once
    await plugin.seed!({ db: h.db, log: { info: () => {}, warn: () => {}, error: () => {} }, core: await h.core(null) });
    expect((await (await h.as('ubnd')).schemes.list()).items).toHaveLength(3);
    expect((await h.audit('core.scorecard')).length).toBe(before);
  });
});
