import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../src/index.ts';

// Issue 10, item 10: commits on PGlite were never synced to the disk (0 fsync calls over 50
// commits): they survived a killed process but not a power loss.

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Calls to fs.fsyncSync (the only way PGlite's NodeFS reaches the disk) while `work` runs. */
async function countFsyncs(work: () => Promise<void>): Promise<number> {
  const original = fs.fsyncSync;
  let calls = 0;
  fs.fsyncSync = (fd: number) => {
    calls++;
    original(fd);
  };
  try {
    await work();
  } finally {
    fs.fsyncSync = original;
  }
  return calls;
}

async function fiftyCommits(durable: boolean | undefined): Promise<{ fsyncs: number; settings: Record<string, unknown> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-durable-'));
  dirs.push(dir);
  const database = await openDatabase({ dataDir: dir, ...(durable === undefined ? {} : { durable }) });
  try {
    await database.exec('create table t (id serial primary key, v text not null)');
    const fsyncs = await countFsyncs(async () => {
      for (let i = 0; i < 50; i++) await database.db.execute(sql`insert into t (v) values (${`write ${i}`})`);
    });
    const [settings] = await queryRows(database.db, sql`select current_setting('fsync') as fsync, current_setting('wal_sync_method') as wal_sync_method`);
    return { fsyncs, settings: settings ?? {} };
  } finally {
    await database.close();
  }
}

describe('commits on embedded PGlite', { timeout: 120_000 }, () => {
  it('are synced to the disk before they are acknowledged, by default', async () => {
    const { fsyncs, settings } = await fiftyCommits(undefined);
    expect(settings).toEqual({ fsync: 'on', wal_sync_method: 'fsync' });
    // At least one sync of the WAL per commit.
    expect(fsyncs).toBeGreaterThanOrEqual(50);
  });

  it('are not synced with durable: false (PGlite as shipped, for throw-away data)', async () => {
    const { fsyncs, settings } = await fiftyCommits(false);
    expect(settings).toMatchObject({ fsync: 'off' });
    expect(fsyncs).toBe(0);
  });

  it('a database written durably reopens with its rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dondoc-durable-'));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir });
    await first.exec("create table t (v text); insert into t values ('kept')");
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    expect(await queryRows(second.db, sql`select v from t`)).toEqual([{ v: 'kept' }]);
    await second.close();
  });
});
