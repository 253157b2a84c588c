import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One process at a time on a PGlite data directory.
 *
 * PGlite is Postgres in single-user mode: it has no postmaster to refuse a second process, and
 * two processes writing one directory corrupt it. The first process to open a data directory
 * writes `dondoc.lock` in it (created with O_EXCL) naming itself; the next one reads it and
 * refuses while that process lives. A lock left by a process that died (kill -9, power loss) is
 * taken over: its holder is dead when its pid is gone, or when the pid now belongs to a process
 * that started at another time than the one recorded (pids are reused, e.g. pid 1 in a
 * restarted container).
 */
export const LOCK_FILE = 'dondoc.lock';

export interface DataDirLockHolder {
  pid: number;
  /** Linux: the process's start time in clock ticks since boot (`/proc/<pid>/stat` field 22); null elsewhere. */
  startTicks: string | null;
  /** What the holder is, e.g. `máy chủ dondoc (server)` or `pnpm dondoc db:migrate`. */
  label: string;
  /** The holder's command line, shortened. */
  command: string;
  hostname: string;
  /** When the holder opened the data directory (ISO 8601). */
  openedAt: string;
}

/** The data directory is open in another live process (or already in this one). */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirLockHolder,
  ) {
    const what = `pid ${holder.pid}${holder.label ? ` — ${holder.label}` : ''}${holder.command ? ` [${holder.command}]` : ''}${holder.hostname && holder.hostname !== os.hostname() ? `, máy (host) ${holder.hostname}` : ''}`;
    const since = formatSince(holder.openedAt);
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình khác sử dụng (${what}), từ ${since}. ` +
        `Hai tiến trình trên cùng một thư mục PGlite sẽ làm hỏng dữ liệu: hãy dừng tiến trình đó trước, hoặc dùng DATA_DIR khác. ` +
        `Nếu tiến trình đó đã dừng hẳn mà vẫn báo lỗi này, xoá tệp ${path.join(dataDir, LOCK_FILE)}.\n` +
        `The data directory ${dataDir} is in use by another process (${what}), since ${holder.openedAt}. ` +
        `Two processes on one PGlite directory corrupt it: stop that process first, or use another DATA_DIR. ` +
        `If that process is gone and this persists, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** Lock files held by this process, so a second open in the same process is refused too. */
const heldHere = new Map<string, string>();
let exitHookInstalled = false;

/** Takes the data directory's lock, or throws {@link DataDirInUseError} naming its live holder. */
export function acquireDataDirLock(dataDir: string, label = defaultLabel()): DataDirLock {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_FILE);
  const content = `${JSON.stringify(selfHolder(label), null, 2)}\n`;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(lockPath, content)) return held(lockPath, content);
    const text = readOrNull(lockPath);
    if (text === null) continue; // released meanwhile: try again
    const holder = parseHolder(text);
    if (holder === null) {
      // Being written by a process that is taking it right now, or garbage left by a crash.
      if (ageMs(lockPath) < 2000) {
        sleep(50);
        continue;
      }
    } else if (isAlive(holder, lockPath)) {
      throw new DataDirInUseError(dir, holder);
    }
    takeOverStale(lockPath, text);
  }
  throw new Error(`Không lấy được khoá ${lockPath} (could not take the lock ${lockPath})`);
}

function held(lockPath: string, content: string): DataDirLock {
  heldHere.set(lockPath, content);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that exits without closing its database (process.exit after an error) leaves no lock behind.
    process.once('exit', () => {
      for (const [file, mine] of heldHere) removeIfMine(file, mine);
    });
  }
  let released = false;
  return {
    path: lockPath,
    release() {
      if (released) return;
      released = true;
      heldHere.delete(lockPath);
      removeIfMine(lockPath, content);
    },
  };
}

function tryCreate(lockPath: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Moves a dead holder's lock aside, then checks that what was moved is still that lock: when
 * another starting process took it over and wrote its own in between, that one is put back.
 */
function takeOverStale(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readOrNull(aside);
  if (moved !== null && moved !== staleText) {
    try {
      fs.linkSync(aside, lockPath); // fails when yet another process holds it now: then that one wins
    } catch {
      /* the lock is someone else's either way */
    }
  }
  fs.rmSync(aside, { force: true });
}

function removeIfMine(lockPath: string, content: string): void {
  if (readOrNull(lockPath) === content) fs.rmSync(lockPath, { force: true });
}

function isAlive(holder: DataDirLockHolder, lockPath: string): boolean {
  // Another machine's process cannot be checked from here; a restarted container (new hostname, pids
  // counted again from 1) is told apart by the start time.
  if (holder.pid === process.pid) {
    const started = processStartTicks(process.pid);
    if (holder.startTicks !== null && started !== null && holder.startTicks !== started) return false;
    return heldHere.has(lockPath);
  }
  if (!pidExists(holder.pid)) return false;
  const started = processStartTicks(holder.pid);
  if (holder.startTicks !== null && started !== null) return started === holder.startTicks;
  return true;
}

/** Whether a process with this pid exists (one of another user counts). */
export function pidExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of `/proc/<pid>/stat` (after the parenthesised command name, which may hold spaces). */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function selfHolder(label: string): DataDirLockHolder {
  return {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    label,
    command: process.argv.slice(1).map((arg) => path.basename(arg)).join(' ').slice(0, 200),
    hostname: os.hostname(),
    openedAt: new Date().toISOString(),
  };
}

function defaultLabel(): string {
  return `node ${process.argv.slice(1).map((arg) => path.basename(arg)).join(' ')}`.slice(0, 120);
}

function parseHolder(text: string): DataDirLockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<DataDirLockHolder>;
    if (typeof value.pid !== 'number') return null;
    return {
      pid: value.pid,
      startTicks: typeof value.startTicks === 'string' ? value.startTicks : null,
      label: typeof value.label === 'string' ? value.label : '',
      command: typeof value.command === 'string' ? value.command : '',
      hostname: typeof value.hostname === 'string' ? value.hostname : '',
      openedAt: typeof value.openedAt === 'string' ? value.openedAt : '?',
    };
  } catch {
    return null;
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function formatSince(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}
