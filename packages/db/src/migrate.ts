import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from './client.ts';

/** A module's migrations: a folder that drizzle-kit generated (`meta/_journal.json` and `NNNN_tag.sql`). */
export interface MigrationModule {
  /** The module's name, e.g. `auth`, `core`, a plugin id. Its history is kept under this name. */
  name: string;
  migrationsFolder: string;
}

export interface AppliedMigration {
  module: string;
  tag: string;
}

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), tag: z.string(), breakpoints: z.boolean().optional() })),
});

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface MigrationFile {
  tag: string;
  hash: string;
  statements: string[];
}

export async function readMigrations(folder: string): Promise<MigrationFile[]> {
  const journalPath = join(folder, 'meta', '_journal.json');
  let raw: string;
  try {
    raw = await readFile(journalPath, 'utf8');
  } catch {
    throw new MigrationError(`No migrations journal at ${journalPath}`);
  }
  const journal = journalSchema.parse(JSON.parse(raw));
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return Promise.all(
    entries.map(async (entry) => {
      const text = await readFile(join(folder, `${entry.tag}.sql`), 'utf8');
      const statements = text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return { tag: entry.tag, hash: createHash('sha256').update(text).digest('hex'), statements };
    }),
  );
}

const HISTORY_DDL = `create schema if not exists dondoc_meta;
create table if not exists dondoc_meta.migrations (
  module text not null,
  tag text not null,
  hash text not null,
  applied_at timestamptz not null default now(),
  primary key (module, tag)
)`;

/** Fixed key for the advisory lock that serialises migration runs across server processes. */
const MIGRATION_LOCK_KEY = 7_245_801;

/**
 * Applies each module's pending migrations, in the order given, each module in one
 * transaction under an advisory lock. A migration whose file changed after it was applied
 * is refused: migrations are append-only.
 */
export async function migrate(db: Db, modules: MigrationModule[]): Promise<AppliedMigration[]> {
  // Under the lock too: two processes starting together on one Postgres race on
  // `create table if not exists` (it can fail with a unique violation on pg_type).
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    for (const statement of HISTORY_DDL.split(';')) await tx.execute(sql.raw(statement));
  });
  const applied: AppliedMigration[] = [];
  for (const mod of modules) {
    const files = await readMigrations(mod.migrationsFolder);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      const done = await queryRows<{ tag: string; hash: string }>(
        tx,
        sql`select tag, hash from dondoc_meta.migrations where module = ${mod.name}`,
      );
      const doneByTag = new Map(done.map((row) => [row.tag, row.hash]));
      for (const file of files) {
        const recorded = doneByTag.get(file.tag);
        if (recorded !== undefined) {
          if (recorded !== file.hash) {
            throw new MigrationError(
              `Migration ${mod.name}/${file.tag} was changed after it was applied; add a new migration instead`,
            );
          }
          continue;
        }
        for (const statement of file.statements) await tx.execute(sql.raw(statement));
        await tx.execute(
          sql`insert into dondoc_meta.migrations (module, tag, hash) values (${mod.name}, ${file.tag}, ${file.hash})`,
        );
        applied.push({ module: mod.name, tag: file.tag });
      }
    });
  }
  return applied;
}

export async function migrationHistory(db: Db): Promise<Array<AppliedMigration & { appliedAt: Date }>> {
  const rows = await queryRows<{ module: string; tag: string; applied_at: string | Date }>(
    db,
    sql`select module, tag, applied_at from dondoc_meta.migrations order by applied_at, module, tag`,
  );
  return rows.map((row) => ({ module: row.module, tag: row.tag, appliedAt: new Date(row.applied_at) }));
}
