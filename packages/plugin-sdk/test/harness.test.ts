import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@dondoc/db';
import { permissionProcedure, router } from '@dondoc/trpc';
import { definePlugin } from '../src/index.ts';
import { createPluginHarness, testBackends, type PluginHarness } from '../src/testing.ts';

// Harnesses on PGlite and a template build per backend: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let seeds = 0;
const notesRouter = router({
  list: permissionProcedure('seeded.notes:read').query(async ({ ctx }) =>
    (await queryRows<{ text: string }>(ctx.db, sql`select text from seeded.notes order by id`)).map((row) => row.text),
  ),
});
const seeded = definePlugin({
  id: 'seeded',
  name: 'Seeded',
  unit: 'STC',
  version: '1.0.0',
  permissions: [{ key: 'seeded.notes:read', description: 'read', grants: { officer: ['own'], unit_lead: ['own'] } }],
  router: notesRouter,
  migrations: fileURLToPath(new URL('./fixtures/seeded', import.meta.url)),
  seed: async ({ db, core }) => {
    seeds++;
    const units = await core.units.list();
    await db.execute(sql`insert into seeded.notes (text) values (${`seeded with ${units.length > 0 ? 'units' : 'no units'}`})`);
  },
});
const notes = async (db: Db) => (await queryRows<{ text: string }>(db, sql`select text from seeded.notes order by id`)).map((r) => r.text);

describe.each(testBackends)('harness databases from a template on %s', (backend) => {
  const harnesses: Array<PluginHarness<typeof notesRouter>> = [];
  let options: Parameters<typeof createPluginHarness>[2];
  let seedsBefore = 0;
  beforeAll(async () => {
    seedsBefore = seeds;
    // A seed source no earlier run had: the template is built in this file, once.
    const source = join(await mkdtemp(join(tmpdir(), 'dondoc-seed-')), 'seed-source.ts');
    await writeFile(source, `// ${randomBytes(8).toString('hex')}\n`);
    options = {
      accounts: [{ username: 'extra', displayName: 'Extra', unitCode: 'STC', roles: ['officer'], password: 'mat-khau-thu-nghiem' }],
      moduleSeed: { sources: [source] },
    };
    harnesses.push(await createPluginHarness(seeded, backend, options), await createPluginHarness(seeded, backend, options));
  });
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
  });

  it('runs the demo seed, the extra accounts and the module’s seed once, into the template', async () => {
    expect(seeds - seedsBefore).toBe(1);
    const [a, b] = harnesses as [PluginHarness<typeof notesRouter>, PluginHarness<typeof notesRouter>];
    for (const harness of [a, b]) {
      expect(await (await harness.as('extra')).list()).toEqual(['seeded with units']);
      expect((await harness.user('stc')).username).toBe('stc');
    }
  });

  it('gives each harness a database of its own', async () => {
    const [a, b] = harnesses as [PluginHarness<typeof notesRouter>, PluginHarness<typeof notesRouter>];
    await a.db.execute(sql`insert into seeded.notes (text) values ('only in a')`);
    expect(await notes(a.db)).toEqual(['seeded with units', 'only in a']);
    expect(await notes(b.db)).toEqual(['seeded with units']);
  });

  it('refuses to run a seed the module does not have', async () => {
    const { seed: _seed, ...unseeded } = seeded;
    await expect(createPluginHarness(unseeded, backend, { moduleSeed: { sources: [] } })).rejects.toThrow(/has no seed/);
  });
});
