/**
 * `pnpm dondoc directive:import <file> [--dry-run] [--json]`: reads a directive's text
 * (.md, .txt or .docx) with @dondoc/directive-parser against the unit registry of the
 * database, and prints the draft it finds. `--dry-run` writes nothing: the database is only
 * read, never migrated; without one (no DATA_DIR yet) the demo directory stands in. Without
 * `--dry-run`, `--as <username>` saves the draft through the core's giving-tasks flow as that
 * user (nothing is issued: a person reviews and issues it).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { hanoiDirectory, listUnits } from '@dondoc/auth';
import { migrate, openDatabase } from '@dondoc/db';
import { TRPCError } from '@trpc/server';
import { resolveLocalized } from '@dondoc/trpc';
import { parseDirective, readDirectiveFile, toImportJson, type ParsedDirective, type RegistryUnit } from '@dondoc/directive-parser';
import { checkZip, FileProblem } from '@dondoc/kit';
import { coreCallerAs, planDraft, saveDraft } from './directive-draft.ts';
import { launchDir, loadEnv, type Env } from './env.ts';
import { platformMigrations } from './runtime.ts';

export interface ImportArgs {
  file: string;
  dryRun: boolean;
  json: boolean;
  /** Who saves the draft (without --dry-run). */
  as: string | null;
}

const USAGE = 'Cách dùng (usage): pnpm dondoc directive:import <tệp .md|.txt|.docx> (--dry-run [--json] | --as <tài khoản>)';

/** The command's arguments, or the message saying what is wrong with them. */
export function parseImportArgs(args: string[]): ImportArgs | { problem: string } {
  const rest = [...args];
  const asAt = rest.indexOf('--as');
  let as: string | null = null;
  if (asAt >= 0) {
    as = rest[asAt + 1] ?? null;
    if (!as || as.startsWith('--')) return { problem: `--as cần tên tài khoản (--as needs a username).\n${USAGE}` };
    rest.splice(asAt, 2);
  }
  const files = rest.filter((a) => !a.startsWith('--'));
  const unknown = rest.filter((a) => a.startsWith('--') && a !== '--dry-run' && a !== '--json');
  if (unknown.length > 0) return { problem: `Không có tùy chọn ${unknown.join(', ')} (unknown option).\n${USAGE}` };
  if (files.length !== 1) return { problem: `Hãy chỉ ra đúng một tệp văn bản (give exactly one file).\n${USAGE}` };
  const dryRun = rest.includes('--dry-run');
  if (!dryRun && !as) return { problem: `Hãy thêm --dry-run để xem trước, hoặc --as <tài khoản> để lưu dự thảo (add --dry-run, or --as <username> to save the draft).\n${USAGE}` };
  if (dryRun && as) return { problem: `--dry-run không lưu gì: bỏ --as (a dry run saves nothing: drop --as).\n${USAGE}` };
  return { file: files[0]!, dryRun, json: rest.includes('--json'), as };
}

/** Where the registry came from, said on stderr so that stdout stays the JSON. */
interface Registry {
  units: RegistryUnit[];
  from: string;
}

/** The units of the database, read only; the demo directory when there is no database yet or it holds none. */
export async function unitRegistry(env: Env): Promise<Registry> {
  const demo = (why: string): Registry => ({ units: hanoiDirectory().map(({ code, name, kind }) => ({ code, name, kind })), from: why });
  if (!env.databaseUrl && !existsSync(env.dataDir)) return demo(`chưa có dữ liệu ở ${env.dataDir}: dùng danh mục đơn vị mẫu (no database yet: the demo directory)`);
  const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, owner: 'pnpm dondoc directive:import' });
  try {
    const units = await listUnits(database.db).catch(() => []);
    if (units.length === 0) return demo('cơ sở dữ liệu chưa có đơn vị: dùng danh mục đơn vị mẫu (the database holds no units: the demo directory)');
    return { units: units.map(({ code, name, kind }) => ({ code, name, kind })), from: `${units.length} đơn vị của cơ sở dữ liệu (units of the database)` };
  } finally {
    await database.close();
  }
}

/**
 * Writes and waits until the text is handed to the system: the CLI exits right after, and a
 * pipe's pending write would be cut at 64 KB (`… --json | jq` read half a JSON).
 */
function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

const formatDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

/** The draft as a reviewer reads it in a terminal: clause, lead, coordinating units, deadline, targets. */
export function describeDraft(parsed: ParsedDirective): string {
  const { directive } = parsed;
  const lines = [
    `Văn bản ${directive.number ?? '(chưa rõ số)'} ngày ${formatDate(directive.date)} — ${directive.issuer ?? '(chưa rõ cơ quan ban hành)'}`,
    `Trích yếu: ${directive.subject ?? '—'}`,
    `Người ký: ${directive.signer ?? '—'}`,
    `Văn bản dẫn chiếu: ${parsed.references.length}`,
    ...parsed.references.map((r) => `  ${r.kind} ${r.number}${r.date ? ` ngày ${formatDate(r.date)}` : ''}`),
    `Nhiệm vụ: ${parsed.tasks.length}`,
  ];
  for (const task of parsed.tasks) {
    const names = (role: 'lead' | 'coordinate') => {
      const units = task.units.filter((u) => u.role === role);
      const groups = role === 'lead' ? task.groups.map((g) => (g === 'departments' ? 'các sở, ban, ngành' : 'UBND các quận, huyện, thị xã')) : [];
      const single = units.filter((u) => !u.group || role !== 'lead').map((u) => (u.matched ? u.name : `${u.name} (ngoài danh mục)`));
      return [...groups, ...single].join(', ') || '—';
    };
    const deadline = task.continuous ? 'thường xuyên' : formatDate(task.deadline);
    const targets = task.targets.map((t) => `${t.op} ${t.value}${t.unit} ${t.subject}`.trim()).join('; ');
    lines.push(`  ${task.clause}. Chủ trì: ${names('lead')}; phối hợp: ${names('coordinate')}; thời hạn: ${deadline}${targets ? `; chỉ tiêu: ${targets}` : ''} (độ tin cậy ${Math.round(task.confidence * 100)}%)`);
  }
  for (const warning of parsed.warnings) lines.push(`Lưu ý: ${warning.vi}`);
  return `${lines.join('\n')}\n`;
}

export async function runDirectiveImport(args: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const parsedArgs = parseImportArgs(args);
  if ('problem' in parsedArgs) {
    err.write(`${parsedArgs.problem}\n`);
    return 2;
  }
  const path = isAbsolute(parsedArgs.file) ? parsedArgs.file : resolve(launchDir, parsedArgs.file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    err.write(`Không tìm thấy tệp ${parsedArgs.file} (file not found).\n`);
    return 2;
  }
  const bytes = readFileSync(path);
  if (/\.docx$/i.test(path)) {
    try {
      checkZip(bytes);
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      err.write(`${error.text.vi} (${error.text.en})\n`);
      return 1;
    }
  }
  const file = await readDirectiveFile(bytes, path);
  if (!file.ok) {
    err.write(`${file.error.message.vi} (${file.error.message.en})\n`);
    return 1;
  }
  const env = loadEnv();
  if (parsedArgs.as) return saveImport(env, parsedArgs.as, file.text, parsedArgs.json, out, err);
  const registry = await unitRegistry(env);
  err.write(`Danh mục đơn vị (unit registry): ${registry.from}\n`);
  const parsed = parseDirective(file.text, { units: registry.units });
  if (!parsed.ok) {
    err.write(`${parsed.error.message.vi} (${parsed.error.message.en})\n`);
    return 1;
  }
  await writeAll(out, parsedArgs.json ? `${JSON.stringify(toImportJson(parsed), null, 2)}\n` : describeDraft(parsed));
  return 0;
}

/** Saves the draft as `username`, on the database migrated as `seed:demo` does; issues nothing. */
async function saveImport(env: Env, username: string, text: string, json: boolean, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, owner: 'pnpm dondoc directive:import' });
  try {
    await migrate(database.db, platformMigrations);
    const units = (await listUnits(database.db)).map(({ code, name, kind }) => ({ code, name, kind }));
    const parsed = parseDirective(text, { units });
    if (!parsed.ok) {
      err.write(`${parsed.error.message.vi} (${parsed.error.message.en})\n`);
      return 1;
    }
    const plan = planDraft(parsed, text);
    if ('problem' in plan) {
      err.write(`${plan.problem.vi} (${plan.problem.en})\n`);
      return 1;
    }
    const caller = await coreCallerAs(database.db, username);
    if (!caller) {
      err.write(`Không có tài khoản ${username} (no such user).\n`);
      return 2;
    }
    try {
      const saved = await saveDraft(caller, plan);
      const skipped = plan.skipped.map((s) => ({ clause: s.clause, why: s.why.vi }));
      const lines = [
        `Đã lưu dự thảo văn bản ${saved.number} với ${saved.drafts} nhiệm vụ (chưa ban hành: hãy xem lại và ban hành trên trang giao nhiệm vụ).`,
        ...skipped.map((s) => `  Chưa đưa vào mục ${s.clause}: ${s.why}`),
      ];
      await writeAll(out, json ? `${JSON.stringify({ directive: saved, skipped }, null, 2)}\n` : `${lines.join('\n')}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      err.write(`${resolveLocalized(error.message, 'vi')}\n`);
      return 1;
    }
  } finally {
    await database.close();
  }
}
