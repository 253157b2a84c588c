import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DataDirInUseError, LOCK_FILE, openDatabase, queryRows } from '../src/index.ts';
import { processStartTicks } from '../src/data-dir-lock.ts';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-db-lock-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const lockOf = (pid: number, startTicks: string | null) =>
  JSON.stringify({ pid, startTicks, label: 'tiến trình thử (test)', command: 'test', hostname: hostname(), openedAt: '2026-01-02T03:04:05.000Z' });

describe('the PGlite data directory lock', { timeout: 120_000 }, () => {
  it('refuses a second open in the same process, and allows it after close', async () => {
    const dir = await freshDir();
    const first = await openDatabase({ dataDir: dir, owner: 'lần mở thứ nhất (first open)' });
    const error = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toContain(`pid ${process.pid} — lần mở thứ nhất (first open)`);
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    expect(await queryRows(again.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    await again.close();
  });

  it('refuses while the recorded process lives with the recorded start time', async () => {
    const dir = await freshDir();
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const ticks = processStartTicks(holder.pid!);
      expect(ticks).not.toBeNull();
      await writeFile(join(dir, LOCK_FILE), lockOf(holder.pid!, ticks));
      const error = await openDatabase({ dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirInUseError);
      expect((error as Error).message).toContain(`đang được một tiến trình khác sử dụng (pid ${holder.pid} — tiến trình thử (test)`);
      expect((error as Error).message).toContain('since 2026-01-02T03:04:05.000Z');
      // The live holder's lock is left as it was.
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: holder.pid });
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the lock of a dead process', async () => {
    const dir = await freshDir();
    const dead = spawn('true', [], { stdio: 'ignore' });
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(join(dir, LOCK_FILE), lockOf(dead.pid!, '1'));
    const database = await openDatabase({ dataDir: dir });
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await database.close();
  });

  it('takes over a lock whose pid was reused by a process started at another time', async () => {
    const dir = await freshDir();
    // pid 1 lives (in a container it is a new process after each restart), but not with this start time.
    await writeFile(join(dir, LOCK_FILE), lockOf(1, String(Number(processStartTicks(1) ?? '0') + 12345)));
    const database = await openDatabase({ dataDir: dir });
    await database.close();
    // This process's own pid in a lock it does not hold (a copied data directory) does not block either.
    await writeFile(join(dir, LOCK_FILE), lockOf(process.pid, processStartTicks(process.pid)));
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});
