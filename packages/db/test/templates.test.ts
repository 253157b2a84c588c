import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrationHistory, queryRows, type Db } from '../src/index.ts';
import { createTestDatabaseFromTemplate, templateKey, testBackends, type TestDatabase, type TestTemplate } from '../src/testing.ts';

// Several PGlite instances and a template build per backend: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const m1 = { name: 'm1', migrationsFolder: fileURLToPath(new URL('./fixtures/m1', import.meta.url)) };

const names = async (db: Db) => (await queryRows<{ name: string }>(db, sql`select name from m1.things order by id`)).map((r) => r.name);

async function serverDatabases(prefix: string): Promise<string[]> {
  const admin = postgres(process.env.TEST_DATABASE_URL as string, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ datname: string }[]>`select datname from pg_database order by datname`;
    return rows.map((row) => row.datname).filter((name) => name.startsWith(prefix));
  } finally {
    await admin.end();
  }
}

describe.each(testBackends)('test databases from a template on %s', (backend) => {
  const opened: TestDatabase[] = [];
  let seeds = 0;
  let template: TestTemplate;
  beforeAll(async () => {
    // A private cache and a key no earlier run built: this file sees the template built.
    process.env.DONDOC_TEST_TEMPLATE_DIR = await mkdtemp(join(tmpdir(), 'dondoc-templates-'));
    template = {
      name: 'db_test',
      modules: [m1],
      seedKey: randomBytes(8).toString('hex'),
      seed: async (db) => {
        seeds++;
        await db.execute(sql`insert into m1.things (name) values ('from the seed')`);
      },
    };
  });
  afterAll(async () => {
    for (const database of opened) await database.close();
    delete process.env.DONDOC_TEST_TEMPLATE_DIR;
    if (backend === 'postgres') {
      // This file's templates are of no use to another run (their key is random).
      const admin = postgres(process.env.TEST_DATABASE_URL as string, { max: 1, onnotice: () => {} });
      for (const name of await serverDatabases('dondoc_tpl_db_test_')) {
        await admin.unsafe(`alter database ${name} with is_template false`);
        await admin.unsafe(`drop database ${name} with (force)`);
      }
      await admin.end();
    }
  });
  const open = async (t: TestTemplate) => {
    const database = await createTestDatabaseFromTemplate(backend, t);
    opened.push(database);
    return database;
  };

  it('builds the template once, even for callers racing, and gives each its own database', async () => {
    const [a, b] = await Promise.all([open(template), open(template)]);
    const c = await open(template);
    expect(seeds).toBe(1);
    for (const database of [a, b, c]) expect(await names(database.db)).toEqual(['from the seed']);
    expect((await migrationHistory(a.db)).map((h) => `${h.module}/${h.tag}`)).toEqual(['m1/0000_init', 'm1/0001_more']);

    await a.db.execute(sql`insert into m1.things (name) values ('only in a')`);
    expect(await names(a.db)).toEqual(['from the seed', 'only in a']);
    expect(await names(b.db)).toEqual(['from the seed']);
    expect(await names(c.db)).toEqual(['from the seed']);
    if (backend === 'postgres') {
      expect(new Set([a.url, b.url, c.url]).size).toBe(3);
      expect(a.url).toMatch(/\/dondoc_t_[0-9a-f]{12}$/);
    }
  });

  it('a new key builds a new template and removes the old one of the same name', async () => {
    const oldKey = await templateKey(template);
    const next = { ...template, seedKey: `${template.seedKey}-2` };
    const newKey = await templateKey(next);
    expect(newKey).not.toBe(oldKey);
    await open(next);
    expect(seeds).toBe(2);
    if (backend === 'pglite') {
      expect(await readdir(process.env.DONDOC_TEST_TEMPLATE_DIR as string)).toEqual([`db_test-${newKey}.tgz`]);
    } else {
      expect(await serverDatabases('dondoc_tpl_db_test_')).toEqual([`dondoc_tpl_db_test_${newKey}`]);
    }
  });

  it('DONDOC_TEST_TEMPLATES=off migrates and seeds from scratch', async () => {
    process.env.DONDOC_TEST_TEMPLATES = 'off';
    try {
      const database = await open(template);
      expect(seeds).toBe(3);
      expect(await names(database.db)).toEqual(['from the seed']);
    } finally {
      delete process.env.DONDOC_TEST_TEMPLATES;
    }
  });
});

describe('template keys', () => {
  it('change with a migration file, a seed source or the seed key, not with a test file beside the sources', async () => {
    const sources = await mkdtemp(join(tmpdir(), 'dondoc-seed-src-'));
    await writeFile(join(sources, 'seed.ts'), 'export const a = 1;');
    const template: TestTemplate = { name: 'k', modules: [m1], seedSources: [sources], seedKey: 'v1' };
    const first = await templateKey(template);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(await templateKey(template)).toBe(first);

    await writeFile(join(sources, 'seed.test.ts'), 'it()');
    expect(await templateKey(template)).toBe(first);

    await writeFile(join(sources, 'seed.ts'), 'export const a = 2;');
    const second = await templateKey(template);
    expect(second).not.toBe(first);
    expect(await templateKey({ ...template, seedKey: 'v2' })).not.toBe(second);
    expect(await templateKey({ ...template, modules: [] })).not.toBe(second);
    await expect(templateKey({ ...template, seedSources: [join(sources, 'missing.ts')] })).rejects.toThrow(/no file or folder/);
  });
});
