/**
 * Issue 19, item 2: `pnpm dondoc directive:import <file> --dry-run --json` as a real process:
 * the JSON shape of the issue, the unit registry of the database, nothing written.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upsertUnits } from '@dondoc/auth';
import { openDatabase, queryRows } from '@dondoc/db';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const directive2458 = fileURLToPath(new URL('../../../packages/core/data/2458-UBND-SNV-2023.md', import.meta.url));

/** `node --import tsx src/cli.ts …`, as `pnpm dondoc` runs it (on PGlite: DATABASE_URL emptied). */
const spawnCli = (args: string[], env: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** The CLI's exit code and its whole output. */
function cli(args: string[], env: Record<string, string>) {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * The same, read by a reader slower than the process (`… | jq` on a busy machine): nothing is
 * read for a second after the first output, so the pipe fills while the CLI writes.
 */
function cliSlowReader(args: string[], env: Record<string, string>) {
  const child = spawnCli(args, env);
  child.stderr.resume();
  let stdout = '';
  let reading = false;
  let waiting = false;
  const drain = () => {
    for (let chunk = child.stdout.read(); chunk !== null; chunk = child.stdout.read()) stdout += chunk;
  };
  child.stdout.on('readable', () => {
    if (reading) drain();
    else if (!waiting) {
      waiting = true;
      setTimeout(() => {
        reading = true;
        drain();
      }, 1000);
    }
  });
  return new Promise<{ code: number | null; stdout: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

/**
 * Every row of every table, hashed per table: what "writes nothing" compares. (The files of the
 * data directory are no measure: Postgres updates pg_control and hint bits on a mere read.)
 */
async function digest(dir: string): Promise<Record<string, string>> {
  const database = await openDatabase({ dataDir: dir, owner: 'directive-import test' });
  try {
    const tables = await queryRows<{ name: string }>(
      database.db,
      sql`select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await queryRows<{ rows: number; hash: string }>(database.db, sql.raw(`select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ${name} t`));
      out[name] = `${row!.rows} ${row!.hash}`;
    }
    return out;
  } finally {
    await database.close();
  }
}

let dataDir = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dondoc-import-'));
  const seeded = await cli(['seed:demo'], { DATA_DIR: dataDir });
  expect(seeded.code, seeded.stderr).toBe(0);
  // A unit only this database holds: the registry must come from it, not from the demo list.
  const database = await openDatabase({ dataDir, owner: 'directive-import test' });
  await upsertUnits(database.db, [{ code: 'SDT', name: 'Sở Đổi mới sáng tạo', kind: 'department', sortOrder: 150 }]);
  await database.close();
}, 180_000);

describe('pnpm dondoc directive:import --dry-run --json', () => {
  it('prints the draft of 2458 in the shape of issue 19, with the registry of the database, writing nothing', async () => {
    const before = await digest(dataDir);
    expect(Object.keys(before)).toContain('core.task_drafts');
    const run = await cli(['directive:import', directive2458, '--dry-run', '--json'], { DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('53 đơn vị của cơ sở dữ liệu');
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['directive', 'references', 'tasks']);
    expect(json.directive).toEqual({
      number: '2458/UBND-SNV',
      date: '2023-08-08',
      issuer: 'UBND Thành phố Hà Nội',
      subject: 'Tập trung triển khai thực hiện một số nhiệm vụ cải cách hành chính trong thời gian tới',
      signer: 'Lê Hồng Sơn, Phó Chủ tịch UBND Thành phố',
    });
    expect(json.references).toContainEqual({ kind: 'Kế hoạch', number: '286/KH-UBND', date: '2021-12-14' });
    const task16 = json.tasks.find((t: { clause: string }) => t.clause === '1.6');
    expect(task16).toMatchObject({ deadline: '2023-09-30', continuous: false });
    // §1 goes to every department of this database, its own unit too.
    expect(task16.units).toContainEqual({ code: 'SDT', name: 'Sở Đổi mới sáng tạo', role: 'lead', matched: true });
    expect(task16.units).toHaveLength(22 + 30);
    const task31 = json.tasks.find((t: { clause: string }) => t.clause === '3.1');
    expect(task31).toMatchObject({
      units: [{ code: 'STC', name: 'Sở Tài chính', role: 'lead', matched: true }],
      deadline: '2025-12-31',
      targets: [{ op: '>=', value: 20, unit: '%' }],
      source: expect.stringContaining('tối thiểu 20% đơn vị tự chủ tài chính'),
    });
    expect(Object.keys(task31)).toEqual(['clause', 'text', 'units', 'deadline', 'continuous', 'targets', 'confidence', 'source']);
    expect(await digest(dataDir)).toEqual(before);
  });

  it('writes the whole JSON (half a megabyte) before it exits, for a reader slower than the process', async () => {
    const file = join(dataDir, '..', `many-${process.pid}.md`);
    const parts = Array.from({ length: 100 }, (_, i) => `${i + 1}. Các sở, ban, ngành, UBND các quận, huyện, thị xã thực hiện nhiệm vụ số ${i + 1}.`);
    await writeFile(file, `Số: 99/UBND-VP\n\nHà Nội, ngày 02 tháng 01 năm 2024\n\nV/v nhiều nhiệm vụ\n\n${parts.join('\n\n')}\n`);
    const run = await cliSlowReader(['directive:import', file, '--dry-run', '--json'], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(400_000);
    expect(JSON.parse(run.stdout).tasks).toHaveLength(100);
  });

  it('keeps a unit the registry lacks by its name, matched: false', async () => {
    const file = join(dataDir, '..', `cong-van-${process.pid}.md`);
    await writeFile(file, 'Số: 9/UBND-KGVX\n\nHà Nội, ngày 02 tháng 01 năm 2024\n\nV/v phòng, chống dịch\n\n1. Sở Y tế chủ trì, phối hợp với Bộ Y tế tổ chức tiêm chủng, hoàn thành trước ngày 31/3/2024.\n');
    const run = await cli(['directive:import', file, '--dry-run', '--json'], { DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).tasks).toEqual([
      expect.objectContaining({
        clause: '1',
        units: [
          { code: 'SYT', name: 'Sở Y tế', role: 'lead', matched: true },
          { code: null, name: 'Bộ Y tế', role: 'coordinate', matched: false },
        ],
        deadline: '2024-03-31',
      }),
    ]);
  });

  it('without a database yet, reads with the demo directory and creates none', async () => {
    const none = join(dataDir, '..', `no-data-${process.pid}`);
    const run = await cli(['directive:import', directive2458, '--dry-run'], { DATA_DIR: none });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('danh mục đơn vị mẫu');
    expect(run.stdout).toContain('3.1. Chủ trì: Sở Tài chính; phối hợp: —; thời hạn: 31/12/2025; chỉ tiêu: >= 20% đơn vị tự chủ tài chính');
    expect(run.stdout).toContain('1.6. Chủ trì: các sở, ban, ngành, UBND các quận, huyện, thị xã; phối hợp: —; thời hạn: 30/09/2023');
    expect(existsSync(none)).toBe(false);
  });

  it('reads a .docx (through the kit’s zip guard and mammoth)', async () => {
    const docx = fileURLToPath(new URL('../../../packages/directive-parser/test/fixtures/ke-hoach-77-2024.docx', import.meta.url));
    const run = await cli(['directive:import', docx, '--dry-run', '--json'], { DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.directive).toMatchObject({ number: '77/KH-UBND', date: '2024-04-05' });
    expect(json.tasks.map((t: { clause: string; deadline: string | null }) => [t.clause, t.deadline])).toEqual([['1', '2024-06-30'], ['2', null], ['2.1', null]]);
    const notZip = join(dataDir, '..', `broken-${process.pid}.docx`);
    await writeFile(notZip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]));
    const refused = await cli(['directive:import', notZip, '--dry-run'], { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('Tệp bị hỏng hoặc không đọc được. (The file is damaged or unreadable.)');
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers a file it cannot read with a clear error in Vietnamese and English', async () => {
    const pdf = join(dataDir, '..', `scan-${process.pid}.pdf`);
    await writeFile(pdf, '%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n');
    const refused = await cli(['directive:import', pdf, '--dry-run', '--json'], { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('Tệp PDF chưa đọc được');
    expect(refused.stderr).toContain('PDF files are not read');
    const missing = await cli(['directive:import', '/nowhere/x.md', '--dry-run'], { DATA_DIR: dataDir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy tệp /nowhere/x.md (file not found)');
    const badOption = await cli(['directive:import', directive2458, '--dryrun'], { DATA_DIR: dataDir });
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('Không có tùy chọn --dryrun');
  });
});

describe('pnpm dondoc directive:import --as <user>', () => {
  it('saves a draft of the giving-tasks flow as that user, issuing nothing', async () => {
    const chiThi = fileURLToPath(new URL('../../../packages/directive-parser/test/fixtures/chi-thi-05-2024.md', import.meta.url));
    const run = await cli(['directive:import', chiThi, '--as', 'vp', '--json'], { DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    const saved = JSON.parse(run.stdout);
    expect(saved.directive).toMatchObject({ number: '05/CT-UBND', drafts: 6 });
    // What the registry does not hold is said, not dropped silently.
    expect(saved.skipped).toContainEqual({ clause: 'II.1', why: 'đơn vị chủ trì Công an Thành phố không có trong danh mục đơn vị' });
    const database = await openDatabase({ dataDir, owner: 'directive-import test' });
    try {
      const [directive] = await queryRows<{ state: string; tasks: number; drafts: number; created_by: string }>(
        database.db,
        sql`select d.state, d.created_by, (select count(*)::int from core.tasks t where t.directive_id = d.id) as tasks, (select count(*)::int from core.task_drafts t where t.directive_id = d.id) as drafts from core.directives d where d.number = '05/CT-UBND'`,
      );
      expect(directive).toEqual({ state: 'draft', created_by: 'vp', tasks: 0, drafts: 6 });
    } finally {
      await database.close();
    }
    // The same number again: the core refuses it, in Vietnamese.
    const again = await cli(['directive:import', chiThi, '--as', 'vp'], { DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Đã có văn bản số 05/CT-UBND trong hệ thống');
  });

  it('asks for --dry-run or --as, and refuses an unknown account', async () => {
    const neither = await cli(['directive:import', directive2458], { DATA_DIR: dataDir });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('Hãy thêm --dry-run để xem trước, hoặc --as <tài khoản> để lưu dự thảo');
    const file = join(dataDir, '..', `cv-${process.pid}.md`);
    await writeFile(file, 'Số: 10/UBND-VP\n\nHà Nội, ngày 02 tháng 01 năm 2024\n\nV/v thử\n\n1. Giao Sở Y tế thực hiện kiểm tra.\n');
    const noIssuer = await cli(['directive:import', file, '--as', 'vp'], { DATA_DIR: dataDir });
    expect(noIssuer.code).toBe(1);
    expect(noIssuer.stderr).toContain('Không lưu được dự thảo: văn bản thiếu cơ quan ban hành');
    await writeFile(file, 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n\nSố: 10/UBND-VP\n\nHà Nội, ngày 02 tháng 01 năm 2024\n\nV/v thử\n\n1. Giao Sở Y tế thực hiện kiểm tra.\n');
    const nobody = await cli(['directive:import', file, '--as', 'nobody'], { DATA_DIR: dataDir });
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('Không có tài khoản nobody');
  });
});
