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

const serverUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!serverUrl)('migrations started together on one empty Postgres database', () => {
  it('several processes migrating at once all succeed, and each migration is applied once', async () => {
    const { default: postgres } = await import('postgres');
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const name = `dondoc_migrate_race_${process.pid}_${Date.now()}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const { openDatabase } = await import('../src/index.ts');
    // Eight clients, as eight replicas starting at once: before the history table was made
    // under the lock, `create table if not exists` raced and one start failed (pg_type unique violation).
    const clients = await Promise.all(Array.from({ length: 8 }, () => openDatabase({ url: url.toString(), maxConnections: 1 })));
    try {
      const results = await Promise.allSettled(clients.map((c) => migrate(c.db, [{ name: 'm1', migrationsFolder: join(fixtures, 'm1') }])));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      expect(applied.map((a) => a.tag).sort()).toEqual(['0000_init', '0001_more']);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
