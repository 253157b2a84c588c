/**
 * Test databases: a migrated (and seeded) database per test file, cloned from a template
 * that is built once and reused while its inputs stay the same.
 *
 * - Postgres (`TEST_DATABASE_URL`): the template is a database `dondoc_tpl_<name>_<key>` on the
 *   server, built under an advisory lock (vitest workers may race) and marked `IS_TEMPLATE`;
 *   each test file gets `CREATE DATABASE dondoc_t_<random> TEMPLATE dondoc_tpl_…`, dropped by
 *   `close()`.
 * - PGlite: the template is a dump of the data directory (`dumpDataDir()`, a .tgz) cached in
 *   `node_modules/.cache/dondoc-test-templates/<name>-<key>.tgz` of this package (or
 *   `DONDOC_TEST_TEMPLATE_DIR`), written atomically under a lock file; each test file gets its
 *   own in-memory PGlite started from it (`loadDataDir`).
 *
 * The key hashes everything the template's contents come from: each migration folder's files,
 * the seed's sources (files or folders the caller names), a seed key the caller gives, the
 * PGlite version. Change any of them and the next test run builds a new template (and drops
 * or deletes the old one of the same name). `DONDOC_TEST_TEMPLATES=off` builds every test
 * database from scratch instead (to rule the cache out).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readdir, readFile, rename, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { pidExists } from './data-dir-lock.ts';
import { openDatabase, pgliteDatabase, type Database, type DatabaseKind, type Db } from './client.ts';
import { migrate, type MigrationModule } from './migrate.ts';

/**
 * The backends integration tests run on: PGlite always, and the Postgres server too when
 * `TEST_DATABASE_URL` is set (CI sets it). Use with `describe.each(testBackends)`.
 */
export const testBackends: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** The URL of the throw-away database on the server; undefined on PGlite. */
  url: string | undefined;
}

/** What a template database holds, and what its key is made of. */
export interface TestTemplate {
  /**
   * A short name (letters, digits, `_`), e.g. `core_demo`: part of the template's database or
   * file name. A new template replaces the old ones of the same name, so give different
   * contents different names.
   */
  name: string;
  /** Migrated in this order. Every file of each folder goes into the key. */
  modules: MigrationModule[];
  /** Writes the template's data once, after the migrations. */
  seed?: (db: Db) => Promise<void>;
  /**
   * Files or folders the seed's output depends on (its code, its data files); their contents
   * go into the key (folders recursively, without `node_modules` and `*.test.*` files).
   */
  seedSources?: string[];
  /** Anything else the seed depends on (a version, its options as JSON); goes into the key. */
  seedKey?: string;
}

/**
 * A migrated, isolated database for one test file, without data: an in-memory PGlite, or a
 * fresh database on the `TEST_DATABASE_URL` server that `close()` drops. It is cloned from a
 * template of the same migrations (see {@link createTestDatabaseFromTemplate}), which saves
 * PGlite's initdb. PGlite is heavy (a second or more, hundreds of MB): make one per file in
 * `beforeAll`, not one per test.
 */
export async function createTestDatabase(kind: DatabaseKind, modules: MigrationModule[] = []): Promise<TestDatabase> {
  const name = ['migrated', ...modules.map((mod) => mod.name)].join('_');
  return createTestDatabaseFromTemplate(kind, { name, modules });
}

/**
 * A database for one test file cloned from the template `template` describes (built on first
 * use, then reused by every file and every run until its key changes). Each call gets its own
 * database: tests in different files never see each other's writes.
 */
export async function createTestDatabaseFromTemplate(kind: DatabaseKind, template: TestTemplate): Promise<TestDatabase> {
  const label = templateLabel(template.name);
  if (!templatesEnabled()) return buildFresh(kind, template);
  const key = await templateKey(template);
  return kind === 'pglite' ? clonePglite(label, key, template) : clonePostgres(label, key, template);
}

/** The key of a template: 16 hex digits of a SHA-256 over everything its contents come from. */
export async function templateKey(template: TestTemplate): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`dondoc test template v${FORMAT}\0pglite ${pgliteVersion()}\0${template.name}\0`);
  for (const mod of template.modules) {
    hash.update(`module ${mod.name}\0`);
    await hashPath(hash, mod.migrationsFolder);
  }
  for (const source of template.seedSources ?? []) {
    hash.update(`source\0`);
    await hashPath(hash, source);
  }
  hash.update(`seed ${template.seed ? 'yes' : 'no'}\0${template.seedKey ?? ''}\0`);
  return hash.digest('hex').slice(0, 16);
}

/** Bump when what a template holds changes in a way no input shows (e.g. how it is built). */
const FORMAT = 1;

function templatesEnabled(): boolean {
  const value = (process.env.DONDOC_TEST_TEMPLATES ?? '').toLowerCase();
  return !['0', 'off', 'false', 'no'].includes(value);
}

function templateLabel(name: string): string {
  const clean = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '') || 'template';
  if (clean.length <= 24) return clean;
  return `${clean.slice(0, 15)}_${createHash('sha256').update(clean).digest('hex').slice(0, 8)}`;
}

let cachedPgliteVersion: string | undefined;
function pgliteVersion(): string {
  if (cachedPgliteVersion) return cachedPgliteVersion;
  // The package's entry is dist/index.js (or .cjs); its package.json is one folder up.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  cachedPgliteVersion = manifest.version;
  return cachedPgliteVersion;
}

async function hashPath(hash: ReturnType<typeof createHash>, path: string): Promise<void> {
  const info = await stat(path).catch(() => {
    throw new Error(`test template: no file or folder ${path}`);
  });
  const files = info.isDirectory() ? await listFiles(path) : [path];
  for (const file of files) {
    hash.update(`${relative(path, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile() && !/\.test\.[cm]?[jt]sx?$/.test(entry.name)) files.push(path);
  }
  return files;
}

async function fill(database: Database, template: TestTemplate): Promise<void> {
  await migrate(database.db, template.modules);
  if (template.seed) await template.seed(database.db);
}

// ---------------------------------------------------------------------------------------
// From scratch (DONDOC_TEST_TEMPLATES=off): the old way, migrating and seeding per file.

async function buildFresh(kind: DatabaseKind, template: TestTemplate): Promise<TestDatabase> {
  const database = kind === 'pglite' ? await wrapPglite(await PGlite.create({})) : await newServerDatabase(null);
  try {
    await fill(database, template);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function wrapPglite(client: PGlite): Promise<TestDatabase> {
  return { ...pgliteDatabase(client), url: undefined };
}

// ---------------------------------------------------------------------------------------
// PGlite: a dumped data directory on disk.

const moduleRoot = fileURLToPath(new URL('..', import.meta.url));

function templateDir(): string {
  return process.env.DONDOC_TEST_TEMPLATE_DIR ?? join(moduleRoot, 'node_modules', '.cache', 'dondoc-test-templates');
}

async function clonePglite(label: string, key: string, template: TestTemplate): Promise<TestDatabase> {
  const dump = await pgliteDump(label, key, template);
  return wrapPglite(await PGlite.create({ loadDataDir: new Blob([dump]) }));
}

async function pgliteDump(label: string, key: string, template: TestTemplate): Promise<Uint8Array<ArrayBuffer>> {
  const dir = templateDir();
  const file = join(dir, `${label}-${key}.tgz`);
  const existing = await readIfThere(file);
  if (existing) return existing;
  await mkdir(dir, { recursive: true });
  return withLockFile(
    `${file}.lock`,
    () => readIfThere(file),
    async () => {
      const dump = await buildPgliteDump(template);
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temporary, dump);
      await rename(temporary, file);
      // Older dumps of this template: another key, never read again.
      for (const name of await readdir(dir)) {
        if (name !== `${label}-${key}.tgz` && new RegExp(`^${label}-[0-9a-f]{16}\\.tgz$`).test(name)) {
          await unlink(join(dir, name)).catch(() => {});
        }
      }
      return dump;
    },
  );
}

async function buildPgliteDump(template: TestTemplate): Promise<Uint8Array<ArrayBuffer>> {
  const client = await PGlite.create({});
  try {
    await fill(pgliteDatabase(client), template);
    // Everything on disk, so that a copy starts without replaying the WAL.
    await client.exec('checkpoint');
    const blob = await client.dumpDataDir('gzip');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    await client.close();
  }
}

async function readIfThere(file: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Runs `build` holding a lock file (created exclusively; it names the holder's pid), unless
 * `ready` finds the result first, which a process waiting for the lock keeps asking. A lock
 * whose process is gone, or older than ten minutes, is taken over.
 */
async function withLockFile<T>(lockPath: string, ready: () => Promise<T | undefined>, build: () => Promise<T>): Promise<T> {
  for (;;) {
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(lockPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (handle) {
      try {
        await handle.writeFile(String(process.pid));
        await handle.close();
        return (await ready()) ?? (await build());
      } finally {
        await unlink(lockPath).catch(() => {});
      }
    }
    const done = await ready();
    if (done !== undefined) return done;
    if (await lockIsStale(lockPath)) await unlink(lockPath).catch(() => {});
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function lockIsStale(lockPath: string): Promise<boolean> {
  try {
    const [info, text] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    if (Date.now() - info.mtimeMs > 10 * 60_000) return true;
    const pid = Number(text);
    // Just created, pid not written yet: not stale.
    if (!Number.isInteger(pid) || pid <= 0) return false;
    return !pidExists(pid);
  } catch {
    return false; // gone already: the next round takes it
  }
}

// ---------------------------------------------------------------------------------------
// Postgres: a template database on the server.

/** Serialises template builds across vitest workers (and checkouts) using the same server. */
const TEMPLATE_LOCK_KEY = 7_245_802;

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

function databaseUrl(name: string): string {
  const parsed = new URL(adminUrl());
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const admin = () => postgres(adminUrl(), { max: 1, onnotice: () => {} });

/** A new database on the server (a copy of `template`, or of template1), dropped by `close()`. */
async function newServerDatabase(template: string | null): Promise<TestDatabase> {
  const name = `dondoc_t_${randomBytes(6).toString('hex')}`;
  const sql = admin();
  try {
    await sql.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await sql.end();
  }
  const url = databaseUrl(name);
  const database = await openDatabase({ url, maxConnections: 5 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const dropper = admin();
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function clonePostgres(label: string, key: string, template: TestTemplate): Promise<TestDatabase> {
  const name = `dondoc_tpl_${label}_${key}`;
  for (let attempt = 1; ; attempt++) {
    await ensurePostgresTemplate(name, label, template);
    try {
      return await newServerDatabase(name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 3D000: the template went away (another checkout replaced it); 55006: a session was on
      // it for a moment. Both pass: try again.
      if (attempt >= 5 || (code !== '3D000' && code !== '55006')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function ensurePostgresTemplate(name: string, label: string, template: TestTemplate): Promise<void> {
  const sql = admin();
  try {
    const ready = async () =>
      (await sql<{ ok: boolean }[]>`select datistemplate as ok from pg_database where datname = ${name}`)[0]?.ok === true;
    if (await ready()) return;
    await sql`select pg_advisory_lock(${TEMPLATE_LOCK_KEY})`;
    try {
      if (await ready()) return;
      // A build that died half way leaves a database that is not marked a template.
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.unsafe(`create database ${name}`);
      // The building connection must be closed before the template can be copied.
      const database = await openDatabase({ url: databaseUrl(name), maxConnections: 2 });
      const failure = await fill(database, template).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      await database.close();
      if (failure) {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
        throw failure.error;
      }
      await sql.unsafe(`alter database ${name} with is_template true allow_connections false`);
      const pattern = new RegExp(`^dondoc_tpl_${label}_[0-9a-f]{16}$`);
      for (const { datname } of await sql<{ datname: string }[]>`select datname from pg_database`) {
        if (datname === name || !pattern.test(datname)) continue;
        try {
          await sql.unsafe(`alter database ${datname} with is_template false`);
          await sql.unsafe(`drop database if exists ${datname} with (force)`);
        } catch {
          // Someone is copying it this moment; the next build drops it.
        }
      }
    } finally {
      await sql`select pg_advisory_unlock(${TEMPLATE_LOCK_KEY})`;
    }
  } finally {
    await sql.end();
  }
}
