import { cp, mkdtemp, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationHistory, MigrationError, queryRows } from '../src/index.ts';
import { createTestDatabase, testBackends, type TestDatabase } from '../src/testing.ts';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

describe.each(testBackends)('migrations on %s', (backend) => {
  let t: TestDatabase;
  let m1Folder: string;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    // A private copy, so that the "edited migration" case can change it.
    m1Folder = join(await mkdtemp(join(tmpdir(), 'dondoc-mig-')), 'm1');
    await cp(join(fixtures, 'm1'), m1Folder, { recursive: true });
  });
  afterAll(async () => t?.close());

  it('applies a module’s migrations in order and records each in its history', async () => {
    const applied = await migrate(t.db, [{ name: 'm1', migrationsFolder: m1Folder }]);
    expect(applied).toEqual([
      { module: 'm1', tag: '0000_init' },
      { module: 'm1', tag: '0001_more' },
    ]);
    await t.db.execute(sql`insert into m1.things (name, note) values ('a', 'b')`);
    const rows = await queryRows<{ s: string }>(t.db, sql`select m1.shout(name) as s from m1.things`);
    expect(rows).toEqual([{ s: 'A' }]);
    const history = await migrationHistory(t.db);
    expect(history.map((h) => `${h.module}/${h.tag}`)).toEqual(['m1/0000_init', 'm1/0001_more']);
  });

  it('applies nothing the second time', async () => {
    expect(await migrate(t.db, [{ name: 'm1', migrationsFolder: m1Folder }])).toEqual([]);
  });

  it('rolls back a module whose migration fails, leaving no trace of it', async () => {
    await expect(migrate(t.db, [{ name: 'm2', migrationsFolder: join(fixtures, 'm2') }])).rejects.toThrow();
    const schemas = await queryRows(t.db, sql`select 1 from information_schema.schemata where schema_name = 'm2'`);
    expect(schemas).toHaveLength(0);
    const history = await migrationHistory(t.db);
    expect(history.some((h) => h.module === 'm2')).toBe(false);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    await appendFile(join(m1Folder, '0001_more.sql'), '\n-- edited\n');
    await expect(migrate(t.db, [{ name: 'm1', migrationsFolder: m1Folder }])).rejects.toBeInstanceOf(MigrationError);
  });
});
