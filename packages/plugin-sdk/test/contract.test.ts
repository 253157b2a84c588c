import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionProcedure, publicProcedure, router } from '@dondoc/trpc';
import { definePlugin, PluginDefinitionError } from '../src/index.ts';
import { checkPluginContract, createPluginHarness, type PluginHarness } from '../src/testing.ts';

/** A module that breaks the contract three ways: an unguarded procedure, a foreign schema, a table in public. */
const leakyRouter = router({
  guarded: permissionProcedure('leaky.things:read').query(() => 'ok'),
  // Built on the public procedure but not declared public: an anonymous caller gets in.
  leak: publicProcedure.meta({ public: false }).query(() => 'secret'),
  open: publicProcedure.query(() => 'declared public'),
});
const leaky = definePlugin({
  id: 'leaky',
  name: 'Leaky',
  unit: 'STC',
  version: '1.0.0',
  permissions: [{ key: 'leaky.things:read', description: 'read', grants: { officer: ['own'] } }],
  router: leakyRouter,
  migrations: fileURLToPath(new URL('./fixtures/leaky', import.meta.url)),
});

describe('the module contract check', () => {
  let harness: PluginHarness<typeof leakyRouter>;
  beforeAll(async () => {
    harness = await createPluginHarness(leaky, 'pglite');
  });
  afterAll(async () => harness?.close());

  it('names each breach', async () => {
    expect(await checkPluginContract(leaky, harness)).toEqual([
      'leaky.leak is reachable without a session (answered)',
      'leaky created schema "someone_else"; its tables belong in "leaky"',
      'leaky created table public.leak; its tables belong in "leaky"',
    ]);
  });
});

describe('definePlugin', () => {
  it('refuses a bad manifest with a message that says what is wrong', () => {
    expect(() => definePlugin({ ...leaky, id: 'Tai_Chinh' })).toThrow(PluginDefinitionError);
    expect(() => definePlugin({ ...leaky, id: 'Tai_Chinh' })).toThrow(/id must be kebab-case/);
    expect(() => definePlugin({ ...leaky, version: 'one' })).toThrow(/version is semver/);
    expect(() =>
      definePlugin({ ...leaky, permissions: [{ key: 'khdt.x:read', description: 'x', grants: {} }] }),
    ).toThrow(/start with "leaky\."/);
  });
});
