/**
 * What durable commits cost on embedded PGlite (issue 10, item 10): commits per second of
 * one-row transactions, synced (the default of `openDatabase`) and not (`durable: false`,
 * PGlite as shipped), plus the time to create a data directory and to reopen it.
 *
 *   node --import tsx bench/src/pglite-durability.ts [commits=500] [rounds=3]
 *
 * Not part of `pnpm bench` nor of any test; the figures depend on the disk (its fsync latency).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@dondoc/db';

const commits = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 3);

interface Figures {
  createMs: number;
  reopenMs: number;
  commitsPerSecond: number;
  batchRowsPerSecond: number;
}

async function measure(durable: boolean): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-durability-bench-'));
  try {
    let started = performance.now();
    let database = await openDatabase({ dataDir: dir, durable });
    const createMs = performance.now() - started;
    await database.exec('create table t (id serial primary key, v text not null)');
    await database.close();
    started = performance.now();
    database = await openDatabase({ dataDir: dir, durable });
    const reopenMs = performance.now() - started;
    started = performance.now();
    for (let i = 0; i < commits; i++) await database.db.execute(sql`insert into t (v) values (${`row ${i}`})`);
    const commitsPerSecond = commits / ((performance.now() - started) / 1000);
    // Many rows in one transaction (an import): one sync at its commit.
    started = performance.now();
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < commits; i++) await tx.execute(sql`insert into t (v) values (${`batch ${i}`})`);
    });
    const batchRowsPerSecond = commits / ((performance.now() - started) / 1000);
    await database.close();
    return { createMs, reopenMs, commitsPerSecond, batchRowsPerSecond };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const results: Record<string, Figures> = {};
for (const durable of [true, false]) {
  const runs: Figures[] = [];
  for (let round = 0; round < rounds; round++) runs.push(await measure(durable));
  results[durable ? 'durable (default)' : 'durable: false'] = {
    createMs: Math.round(median(runs.map((r) => r.createMs))),
    reopenMs: Math.round(median(runs.map((r) => r.reopenMs))),
    commitsPerSecond: Math.round(median(runs.map((r) => r.commitsPerSecond))),
    batchRowsPerSecond: Math.round(median(runs.map((r) => r.batchRowsPerSecond))),
  };
}
process.stdout.write(`PGlite, ${commits} one-row commits, median of ${rounds} rounds\n`);
console.table(results);
