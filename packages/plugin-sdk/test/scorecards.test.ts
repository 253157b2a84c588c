/**
 * A department module on the core's index scorecards (`ctx.services.core.scorecards`), as khdt
 * (PCI, PGI) and noi-vu (PAR INDEX, SIPAS, PAPI) will be: reads the tree, saves its units'
 * estimates under a permission of its own, inside its own transaction, with the core's rules.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { permissionProcedure, router } from '@dondoc/trpc';
import { rejection } from '@dondoc/trpc/testing';
import { definePlugin } from '../src/index.ts';
import { createPluginHarness, testBackends, type PluginHarness } from '../src/testing.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const scoresRouter = router({
  cards: permissionProcedure('chiso.scores:read').query(({ ctx }) => ctx.services.core.scorecards.list({ year: 2023, permission: 'chiso.scores:read' })),
  card: permissionProcedure('chiso.scores:read')
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => ctx.services.core.scorecards.get(input.id, { permission: 'chiso.scores:read' })),
  estimate: permissionProcedure('chiso.scores:write')
    .input(z.object({ nodeId: z.uuid(), version: z.number().int(), value: z.number(), evidence: z.string(), asOf: z.string() }))
    // The module's own writes would go in the same transaction: the core's joins it.
    .mutation(({ ctx, input }) => ctx.db.transaction(() => ctx.services.core.scorecards.saveEstimate({ ...input, permission: 'chiso.scores:write' }))),
});

const chiso = definePlugin({
  id: 'chiso',
  name: 'Chỉ số (kiểm thử)',
  unit: 'SNV',
  version: '1.0.0',
  permissions: [
    { key: 'chiso.scores:read', description: 'Xem bảng điểm', grants: { officer: ['all'], unit_lead: ['all'], coordinator: ['all'] } },
    { key: 'chiso.scores:write', description: 'Ước tính điểm', grants: { unit_lead: ['own'] } },
  ],
  router: scoresRouter,
  migrations: fileURLToPath(new URL('../../../test-fixtures/plugin-fixture/drizzle-empty', import.meta.url)),
});

describe.each(testBackends)('a module on the core’s scorecards on %s', (backend) => {
  let h: PluginHarness<typeof scoresRouter>;
  beforeAll(async () => {
    h = await createPluginHarness(chiso, backend);
  });
  afterAll(async () => h?.close());

  it('reads the seeded scorecards, saves its unit’s estimate, and meets the core’s rules and audit', async () => {
    const cards = await (await h.as('ubnd')).cards();
    expect(cards.map((c) => c.index)).toEqual(['papi', 'par_index', 'pci', 'pgi', 'sipas']);
    const par = await (await h.as('snv')).card({ id: cards[1]!.id });
    const field5 = par.nodes.find((n) => n.code === '5')!;
    expect(field5).toMatchObject({ ownEstimate: 13.2, target: 13, mayEstimate: true });

    const saved = await (await h.as('snv')).estimate({ nodeId: field5.id, version: field5.version, value: 13.5, evidence: 'Kết quả thi tuyển công chức', asOf: '2023-10-05' });
    expect(saved.total.estimate).toBe(91.7); // 91,4 − 13,2 + 13,5
    expect((await h.audit('core.scorecard_node', field5.id)).map((a) => [a.action, a.actorUsername, (a.after as { module?: string }).module])).toEqual([['core.scorecard.estimate', 'snv', 'chiso']]);

    // Below target without an action: the core's message, in the module's answer.
    const miss = await rejection((await h.as('snv')).estimate({ nodeId: field5.id, version: saved.node.version, value: 12, evidence: 'x', asOf: '2023-10-05' }));
    expect(miss.message).toBe('Ước tính 12 thấp hơn mục tiêu 13 của tiêu chí 5: hãy nêu giải pháp khắc phục (việc cần làm, đơn vị thực hiện, thời hạn) trước khi lưu.');
    // Another department's lead holds the module's permission, but not over Sở Nội vụ's node.
    const other = await rejection((await h.as('stc')).estimate({ nodeId: field5.id, version: saved.node.version, value: 13.4, evidence: 'x', asOf: '2023-10-05' }));
    expect([other.code, other.message]).toEqual(['FORBIDDEN', 'Chỉ đơn vị phụ trách tiêu chí 5 được ước tính điểm.']);
    // The harness's core API is the same one.
    expect((await (await h.core('snv')).scorecards.history(field5.id)).map((e) => e.value)).toEqual([13.5, 13.2]);
  });
});
