import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface JsSizes {
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
}

/** gzip (level 9, as a static server would pre-compress) of one file. */
export function fileSize(path: string, root: string): FileSize {
  const data = readFileSync(path);
  return { file: relative(root, path), bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === '.vite') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(m?js)$/.test(entry)) out.push(path);
  }
  return out;
}

/** Every JavaScript file of a build folder. */
export function jsSizes(dir: string): JsSizes {
  const files = walk(dir).map((path) => fileSize(path, dir)).sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * A module's build split into the Module Federation runtime around it (remoteEntry.js, host
 * init, shared-import maps…, found through vite's `.vite/manifest.json`) and its own code
 * (every other JavaScript file of the build).
 */
export function moduleSizes(dist: string): JsSizes & { ownGzipBytes: number; ownBytes: number; runtimeGzipBytes: number; ownFiles: string[] } {
  const all = jsSizes(dist);
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath)) return { ...all, ownGzipBytes: NaN, ownBytes: NaN, runtimeGzipBytes: NaN, ownFiles: [] };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (starts: string[], skip: (key: string) => boolean) => {
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length > 0) {
      const key = stack.pop()!;
      if (seen.has(key) || !manifest[key]) continue;
      seen.add(key);
      for (const next of [...(manifest[key]!.imports ?? []), ...(manifest[key]!.dynamicImports ?? [])]) if (!skip(next)) stack.push(next);
    }
    return seen;
  };
  // The runtime: what the federation entries (remoteEntry, host init, shared-import maps) reach
  // without going through the module's sources. Everything else is the module's own code (the
  // manifest can list a source under one key only, so its chunks are not all named there).
  const isSource = (key: string) => key.startsWith('src/');
  const runtimeKeys = closure(Object.keys(manifest).filter((k) => !isSource(k) && !k.startsWith('_')), isSource);
  const runtimeFiles = new Set([...runtimeKeys].map((k) => manifest[k]!.file));
  const ownSizes = all.files.filter((f) => !runtimeFiles.has(f.file));
  const ownFiles = ownSizes.map((f) => f.file);
  const ownGzipBytes = ownSizes.reduce((s, f) => s + f.gzipBytes, 0);
  return { ...all, ownGzipBytes, ownBytes: ownSizes.reduce((s, f) => s + f.bytes, 0), runtimeGzipBytes: all.gzipBytes - ownGzipBytes, ownFiles };
}
