/**
 * Targets declared in a module's manifest: validated by `definePlugin`, and declared by the
 * harness into the module's template database before the module's seed, as the server does.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '@dondoc/db';
import { permissionProcedure, router } from '@dondoc/trpc';
import { definePlugin, type TargetDeclaration } from '../src/index.ts';
import { createPluginHarness, testBackends, type PluginHarness } from '../src/testing.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const target: TargetDeclaration = {
  code: 'DECL-CT1',
  name: 'Chỉ tiêu khai báo',
  directive: '2458/UBND-SNV',
  clause: '3.1',
  direction: 'at_least',
  targetValue: 40,
  measureUnit: '%',
  targetDate: '2025-12-31',
  baselineValue: 4,
  baselineDate: '2023-01-01',
};
const declaringRouter = router({ ping: permissionProcedure('declaring.page:read').query(() => 'pong') });
const declaring = definePlugin({
  id: 'declaring',
  name: 'Declaring',
  unit: 'SKHDT',
  version: '1.0.0',
  permissions: [{ key: 'declaring.page:read', description: 'read', grants: { unit_lead: ['own'] } }],
  targets: [target],
  router: declaringRouter,
  migrations: fileURLToPath(new URL('../../../test-fixtures/plugin-fixture/drizzle-empty', import.meta.url)),
  // The seed records on its declared target: it is there before the seed runs.
  seed: async ({ core }) => {
    await core.targets.recordMeasurement(target.code, { value: 12, asOf: '2024-12-31' });
  },
});

describe('definePlugin: targets', () => {
  it('refuses a bad direction, a non-ISO date, a code declared twice and a baseline after the target date', () => {
    expect(() => definePlugin({ ...declaring, targets: [{ ...target, direction: 'more' as 'at_least' }] })).toThrow(/targets\.0\.direction/);
    expect(() => definePlugin({ ...declaring, targets: [{ ...target, targetDate: '31/12/2025' }] })).toThrow(/dates are ISO/);
    expect(() => definePlugin({ ...declaring, targets: [target, target] })).toThrow(/target DECL-CT1 is declared twice/);
    expect(() => definePlugin({ ...declaring, targets: [{ ...target, baselineDate: '2026-01-01' }] })).toThrow(/baseline date is after the target date/);
    expect(() => definePlugin({ ...declaring, targets: undefined })).not.toThrow();
  });
});

describe.each(testBackends)('declared targets in the harness on %s', (backend) => {
  let h: PluginHarness<typeof declaringRouter>;
  beforeAll(async () => {
    h = await createPluginHarness(declaring, backend, { moduleSeed: { sources: [fileURLToPath(import.meta.url)] } });
  });
  afterAll(async () => h?.close());

  it('the module’s target exists, owned by the module’s unit, linked to its clause, with the seed’s measurement', async () => {
    const got = await (await h.core()).targets.get(target.code, '2025-01-01');
    expect(got).toMatchObject({ code: 'DECL-CT1', name: 'Chỉ tiêu khai báo', source: 'module', sourceModule: 'declaring', ownerUnit: { code: 'SKHDT' }, targetValue: 40, baselineValue: 4 });
    expect(got.measurements.map((m) => [m.value, m.source])).toEqual([[12, 'declaring']]);
    const [task] = await queryRows<{ clause: string; parent_id: string | null }>(h.db, sql`select clause, parent_id from core.tasks where id = ${got.taskId}`);
    expect(task).toEqual({ clause: '3.1', parent_id: null });
    const audit = await h.audit('core.target', got.id);
    expect(audit.map((a) => [a.action, a.actorUsername])).toContainEqual(['core.target.declare', null]);
  });
});
