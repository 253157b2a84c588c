import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * Durable commits on PGlite 0.5.
 *
 * Out of the box PGlite does not survive a power loss: it starts Postgres with `-F` (fsync off),
 * and even with fsync on, the Emscripten file system it mounts (NODEFS) has no `fsync` of its
 * own, so `fsync()` and `fdatasync()` inside the WASM build return without reaching the disk
 * (`relaxedDurability` only concerns the browser file systems, whose writes are flushed after
 * each query; NodeFS writes through at once but never syncs). This file system gives NODEFS a
 * real `fsync` (Node's `fs.fsyncSync` on the file's descriptor), and {@link durableStartParams}
 * starts Postgres with fsync on and `wal_sync_method = fsync` (the `fdatasync` call of the WASM
 * build is a no-op that cannot be replaced). Postgres then does what it does on a server: the
 * WAL is synced before a commit is acknowledged, data files at each checkpoint.
 */
export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts = {
      ...result.emscriptenOpts,
      preRun: [...(Array.isArray(preRun) ? preRun : [preRun]), (module: EmscriptenModule) => patchNodefsFsync(module)],
    };
    return result;
  }
}

interface EmscriptenModule {
  NODEFS: { stream_ops: { fsync?: (stream: { nfd?: number }) => number } };
}

/** WASI error numbers (what `fd_sync` answers), by Node's error code. */
const wasiErrno: Record<string, number> = { EACCES: 2, EBADF: 8, EINVAL: 28, EIO: 29, ENOSPC: 51, EPERM: 63, EROFS: 69, EDQUOT: 19 };

function patchNodefsFsync(module: EmscriptenModule): void {
  module.NODEFS.stream_ops.fsync = (stream) => {
    if (stream.nfd === undefined) return 0;
    try {
      // Looked up at each call (not bound once) so that a test can count the calls.
      fs.fsyncSync(stream.nfd);
      return 0;
    } catch (error) {
      // Postgres sees the failure as it would on a server (a failed WAL or checkpoint sync is a PANIC).
      return wasiErrno[(error as NodeJS.ErrnoException).code ?? ''] ?? wasiErrno.EIO!;
    }
  };
}

/** PGlite's own start parameters with fsync on (`-F` dropped) and a WAL sync method the WASM build carries out. */
export function durableStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];
}

/**
 * Syncs every file and folder of a data directory once: what initdb wrote when PGlite created
 * the directory was never synced, and later checkpoints sync only the files they changed.
 */
export function syncTree(root: string): number {
  let count = 0;
  const visit = (file: string) => {
    const stat = fs.lstatSync(file);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    const fd = fs.openSync(file, 'r');
    try {
      fs.fsyncSync(fd);
      count++;
    } finally {
      fs.closeSync(fd);
    }
  };
  visit(root);
  const parent = path.dirname(path.resolve(root));
  try {
    const fd = fs.openSync(parent, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* the parent folder's entry for the data directory is best effort */
  }
  return count;
}
