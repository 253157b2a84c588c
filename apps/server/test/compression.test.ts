/**
 * The shell's and the modules' files go compressed to a browser that accepts it: br where it is
 * accepted as much as gzip, else gzip, else as they are; images and files under 1 KB as they are.
 * Read over a real socket (node:http, which does not decompress), on the real server process.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, path: string, acceptEncoding?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Some JavaScript as vite writes it: repetitive enough to compress well, 40 KB. */
function script(marker: string): string {
  return Array.from({ length: 600 }, (_, i) => `export const label${i} = { vi: "Nhiệm vụ số ${i} ${marker}", en: "Task ${i}" };`).join('\n');
}

describe('compressed static files', () => {
  let server: TestServer;
  let shellDir: string;
  const CHUNK = '/assets/index-AbCdEf12.js';

  beforeAll(async () => {
    shellDir = await mkdtemp(join(tmpdir(), 'dondoc-shell-'));
    await mkdir(join(shellDir, 'assets'));
    await writeFile(join(shellDir, 'index.html'), `<!doctype html><html lang="vi"><head><title>dondoc</title></head><body>${'<div></div>'.repeat(200)}</body></html>`);
    await writeFile(join(shellDir, CHUNK.slice(1)), script('một'));
    await writeFile(join(shellDir, 'assets/tiny-AbCdEf12.js'), 'export const x = 1;');
    await writeFile(join(shellDir, 'assets/logo-AbCdEf12.png'), Buffer.alloc(4096, 7));
    server = await startTestServer('pglite', [], shellDir);
  });
  afterAll(async () => server?.close());

  it("Chromium's Accept-Encoding gets br: smaller, the same bytes once decompressed, its length and Vary said", async () => {
    const answer = await get(server.url, CHUNK, 'gzip, deflate, br, zstd');
    const original = Buffer.from(script('một'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toBe('accept-encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(original.length / 5);
    expect(brotliDecompressSync(answer.body).equals(original)).toBe(true);
  });

  it('gzip where br is not accepted (or refused with q=0); the file as it is when nothing is', async () => {
    const original = Buffer.from(script('một'));
    for (const header of ['gzip', 'gzip, deflate', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const answer = await get(server.url, CHUNK, header);
      expect(answer.headers['content-encoding'], header).toBe('gzip');
      expect(gunzipSync(answer.body).equals(original), header).toBe(true);
    }
    for (const header of [undefined, 'identity', 'deflate', 'gzip;q=0, br;q=0']) {
      const answer = await get(server.url, CHUNK, header);
      expect(answer.headers['content-encoding'], String(header)).toBeUndefined();
      expect(answer.headers.vary).toBe('accept-encoding');
      expect(answer.body.equals(original), String(header)).toBe(true);
      expect(Number(answer.headers['content-length'])).toBe(original.length);
    }
    expect((await get(server.url, CHUNK, '*')).headers['content-encoding']).toBe('br');
  });

  it('images and files under 1 KB go as they are, without Vary', async () => {
    const png = await get(server.url, '/assets/logo-AbCdEf12.png', 'gzip, br');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.body.equals(Buffer.alloc(4096, 7))).toBe(true);
    const tiny = await get(server.url, '/assets/tiny-AbCdEf12.js', 'gzip, br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export const x = 1;');
  });

  it("a page's route answers index.html compressed, no-cache; a file rewritten in place is compressed again", async () => {
    const page = await get(server.url, '/nhiem-vu', 'gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(page.body).toString()).toContain('<title>dondoc</title>');

    // Rebuilt under the same name (as index.html is): never the compressed copy of the old file.
    await writeFile(join(shellDir, CHUNK.slice(1)), script('hai, bản mới'));
    const fresh = await get(server.url, CHUNK, 'br');
    expect(brotliDecompressSync(fresh.body).toString()).toBe(script('hai, bản mới'));
  });
});
