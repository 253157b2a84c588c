import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionProcedure, publicProcedure, router } from '@dondoc/trpc';
import { definePlugin, PluginDefinitionError } from '../src/index.ts';
import { checkPluginContract, createPluginHarness, type PluginHarness } from '../src/testing.ts';

/**
 * A module that breaks the contract: an unguarded procedure; migrations that create a foreign
 * schema, a table and a function in public, and add a column and an index to a core table.
 */
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
  }, 180_000);
  afterAll(async () => harness?.close());

  it('names each breach', async () => {
    expect(await checkPluginContract(leaky, harness)).toEqual([
      'leaky.leak is reachable without a session (answered)',
      'leaky changed the database outside its schema "leaky": added column core.tasks.x integer',
      'leaky changed the database outside its schema "leaky": added function public.leaky_now()',
      'leaky changed the database outside its schema "leaky": added index CREATE INDEX leaky_x ON core.tasks USING btree (x)',
      'leaky changed the database outside its schema "leaky": added schema someone_else',
      'leaky changed the database outside its schema "leaky": added table public.leak',
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
