/**
 * An import cut off mid-write (the process stopped between two slices) leaves its slices in the
 * database and its run 'writing': the next start undoes it — all rows or none — logs it and
 * audits it. On Postgres, where another process may be importing, only a run silent for ten
 * minutes is undone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { listAudit, writeAudit } from '@dondoc/auth';
import { queryRows, type Database } from '@dondoc/db';
import { createTestDatabase, testBackends } from '@dondoc/db/testing';
import { defineSpreadsheet, runImport } from '@dondoc/plugin-sdk';
import { loadEnv } from '../src/env.ts';
import { createLogger } from '../src/logger.ts';
import { boot } from '../src/runtime.ts';
import { writeConfig } from './helpers.ts';

const crashItems = pgTable('import_crash_items', { id: uuid('id').primaryKey().defaultRandom(), name: text('name').notNull() });
const sheet = defineSpreadsheet({ columns: [{ key: 'name', header: { vi: 'Tên', en: 'Name' }, required: true, kind: 'text' }] });

describe.each(testBackends)('an import cut off mid-write, on %s', (backend) => {
  let database: Database;
  let configPath: string;
  const lines: string[] = [];
  const start = async () => {
    lines.length = 0;
    const env = { ...loadEnv({ DONDOC_CONFIG: configPath, DONDOC_DEMO: '0', LOG_LEVEL: 'warn' }), port: 0 };
    return boot(env, { database, log: createLogger('warn', {}, (line) => lines.push(line)) });
  };
  const names = async () => (await queryRows<{ name: string }>(database.db, sql`select name from import_crash_items order by name`)).map((r) => r.name);
  const status = async () => (await queryRows<{ status: string }>(database.db, sql`select status from kit.import_runs`)).map((r) => r.status);

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    configPath = await writeConfig([]);
    await start();
    await database.exec('create table import_crash_items (id uuid primary key default gen_random_uuid(), name text not null)');
  });
  afterAll(async () => database?.close());

  it('is undone at the next start, logged and audited', async () => {
    const file = { bytes: new TextEncoder().encode('Tên\nBàn\nTủ\nKệ\nGiường\nĐèn\n'), fileName: 'do-dang.csv' };
    void runImport({
      db: database.db,
      spreadsheet: sheet,
      file,
      dryRun: false,
      locale: 'vi',
      journal: { module: 'kho', actor: 'badinh' },
      audit: { audit: (tx, entry) => writeAudit(tx, { actor: null, requestId: null, entry }), auditMany: async () => {} },
      sliceRows: 2,
      plan: async (_db, rows) => ({ errors: [], rows, summary: null }),
      write: async (writer, plan) => {
        await writer.insert(crashItems, plan.rows.map((row) => ({ name: row.name })));
        // The process stops here: the slices are written, the run never finishes.
        await new Promise(() => {});
      },
    });
    await expect.poll(names).toHaveLength(5);
    expect(await status()).toEqual(['writing']);

    if (backend === 'postgres') {
      // Another process may still be writing it: a run touched a moment ago is left alone.
      await start();
      expect(await names()).toHaveLength(5);
      await database.exec("update kit.import_runs set touched_at = now() - interval '11 minutes'");
    }
    await start();
    expect(await names()).toEqual([]);
    expect(await status()).toEqual(['undone']);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'unfinished import undone');
    expect(logged).toMatchObject([{ level: 'warn', module: 'kho', actor: 'badinh', fileName: 'do-dang.csv', deleted: 5 }]);
    const [undo] = await listAudit(database.db, { entity: 'kit.import-run' });
    expect(undo).toMatchObject({ action: 'kit.import.undo', actorUsername: null, after: { module: 'kho', fileName: 'do-dang.csv', deleted: 5 } });
  });
});
