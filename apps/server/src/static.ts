import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Whether a file's name carries its content hash (vite's `name-<hash>.js`): such a file never
 * changes under its name. A module's `remoteEntry.js` and `mf-manifest.json` and the shell's
 * `index.html` carry none: they name the current chunks and must be revalidated.
 */
export function isContentHashed(path: string): boolean {
  return /[-.][A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)$/.test(path) && !path.endsWith('remoteEntry.js');
}

/** Files whose name carries no content hash must be revalidated; hashed assets are immutable (a year). */
function cacheControl(path: string): string {
  return isContentHashed(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Answers a file under `root`, or null when there is none. Paths that climb out of
 * `root` are refused (null), so `/plugins/x/../../etc/passwd` serves nothing.
 */
export async function serveFile(root: string, relativePath: string): Promise<Response | null> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  const target = resolve(base, `.${sep}${decoded}`);
  if (target !== base && !target.startsWith(base + sep)) return null;
  try {
    const info = await stat(target);
    if (!info.isFile()) return null;
    const body = Readable.toWeb(createReadStream(target)) as ReadableStream;
    return new Response(body, {
      headers: {
        'content-type': contentTypes[extname(target)] ?? 'application/octet-stream',
        'content-length': String(info.size),
        'cache-control': cacheControl(target),
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return null;
  }
}
