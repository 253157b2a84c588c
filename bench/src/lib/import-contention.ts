/**
 * One user's large import must not stall everyone else on PGlite (one connection): the real
 * server on a fresh PGlite data directory with tai-chinh, Quận Ba Đình importing 5,000 register
 * rows from a CSV while another user (Sở Xây dựng) reads the task list every 25 ms. Measured:
 * the import's duration and the other user's read latencies while it runs (p50, p95, max).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from './processes.ts';
import { repoRoot } from './paths.ts';
import { quantile, round } from './stats.ts';

export interface ImportContentionResult {
  rows: number;
  importMs: number | null;
  written: boolean;
  readsDuringImport: number;
  readP50Ms: number | null;
  readP95Ms: number | null;
  readMaxMs: number | null;
  method: string;
}

async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password: 'dondoc-demo' }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}: ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** 5,000 rows of Quận Ba Đình's register for 2024, the way its spreadsheet would hold them. */
export function registerCsv(rows: number): string {
  const lines = ['Tên đơn vị;Lĩnh vực;Năm;Nhóm tự chủ;Tổng thu (A);Chi thường xuyên (B)'];
  for (let i = 1; i <= rows; i++) lines.push(`Trường Tiểu học số ${i} Ba Đình;Giáo dục và đào tạo;2024;3;${(500 + (i % 400)) * 1_000_000};${(2000 + (i % 700)) * 1_000_000}`);
  return `${lines.join('\n')}\n`;
}

export async function importContention(rows = 5000, log: (line: string) => void = () => {}): Promise<ImportContentionResult> {
  const work = await mkdtemp(join(tmpdir(), 'dondoc-bench-import-'));
  const configPath = join(work, 'dondoc.config.json');
  await writeFile(configPath, JSON.stringify({ plugins: [{ id: 'tai-chinh', server: join(repoRoot, 'plugins/tai-chinh/src/server/plugin.ts') }] }));
  const server = await startServerProcess({ entry: 'real', dataDir: join(work, 'data'), configPath, demo: true, timeoutMs: 300_000 });
  try {
    const importer = await signIn(server.url, 'badinh');
    const reader = await signIn(server.url, 'sxd');
    const readUrl = `${server.url}/api/trpc/core/tasks.list?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`;
    const read = async () => {
      const started = performance.now();
      const response = await fetch(readUrl, { headers: { cookie: reader } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`tasks.list answered ${response.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 5; i++) await read(); // warm-up

    const form = new FormData();
    form.set('file', new Blob([registerCsv(rows)], { type: 'text/csv' }), 'ba-dinh-2024.csv');
    form.set('input', JSON.stringify({ dryRun: false }));
    let done = false;
    const started = performance.now();
    const importing = fetch(`${server.url}/api/trpc/tai-chinh/units.import`, { method: 'POST', headers: { cookie: importer, origin: server.url }, body: form })
      .then(async (response) => {
        const body = (await response.json()) as { result?: { data?: { written?: boolean; errors?: unknown[] } } };
        return { status: response.status, written: body.result?.data?.written === true, errors: body.result?.data?.errors?.length ?? null };
      })
      .finally(() => {
        done = true;
      });
    const latencies: number[] = [];
    while (!done) {
      const tick = performance.now();
      latencies.push(await read());
      const wait = 25 - (performance.now() - tick);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const answer = await importing;
    const importMs = performance.now() - started;
    if (!answer.written) log(`  the import did not write (HTTP ${answer.status}, ${answer.errors} errors)`);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      rows,
      importMs: round(importMs, 0),
      written: answer.written,
      readsDuringImport: latencies.length,
      readP50Ms: sorted.length ? round(quantile(sorted, 0.5), 1) : null,
      readP95Ms: sorted.length ? round(quantile(sorted, 0.95), 1) : null,
      readMaxMs: sorted.length ? round(sorted.at(-1)!, 1) : null,
      method: `real server on a fresh PGlite data directory (demo seed, tai-chinh); badinh imports ${rows} CSV rows (multipart units.import, dryRun false) while sxd reads core tasks.list (limit 20) every 25 ms until the import answers`,
    };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${server.output().slice(-3000)}`);
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
