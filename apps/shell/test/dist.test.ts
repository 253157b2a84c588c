import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const shellDist = fileURLToPath(new URL('../dist', import.meta.url));
const fixtureDist = fileURLToPath(new URL('../../../test-fixtures/plugin-fixture/dist', import.meta.url));

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith('.js') ? [path] : [];
  });
}

/** How many built files define React's core / react-dom (their internals export is assigned once per copy). */
function copies(dir: string) {
  let react = 0;
  let reactDom = 0;
  for (const file of jsFiles(dir)) {
    const code = readFileSync(file, 'utf8');
    react += code.split('__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE=').length - 1;
    reactDom += code.split('__DOM_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE=').length - 1;
  }
  return { react, reactDom };
}

/** The production builds are made by `pnpm build` (root `pnpm test` runs it first); without them these tests fail, they never skip. */
function requireBuild(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is not built: run "pnpm build" in the repository root`);
}

describe('production builds', () => {
  it('the shell bundles React and react-dom exactly once', () => {
    requireBuild(join(shellDist, 'index.html'));
    expect(copies(shellDist)).toEqual({ react: 1, reactDom: 1 });
    expect(readFileSync(join(shellDist, 'index.html'), 'utf8')).toContain('<html lang="vi">');
  });

  it('the shell holds no server code (only types come from @dondoc/core/server)', () => {
    requireBuild(join(shellDist, 'index.html'));
    for (const file of jsFiles(shellDist)) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/from\s*["']node:|require\(["']node:|drizzle-orm|@electric-sql\/pglite|@node-rs\/argon2|initTRPC/);
    }
    // echarts is its own chunk, loaded with the targets pages only.
    const entry = readFileSync(join(shellDist, 'index.html'), 'utf8');
    const chart = jsFiles(shellDist).find((file) => /TargetChart-/.test(file));
    expect(chart).toBeDefined();
    expect(entry).not.toContain('TargetChart');
  });

  it('a module bundles no antd: its components come from the shell through @dondoc/ui', () => {
    requireBuild(join(fixtureDist, 'mf-manifest.json'));
    // antd's default class prefix, set once in its ConfigProvider code: the shell has it, a module must not.
    const antdCopies = (dir: string) => jsFiles(dir).filter((file) => readFileSync(file, 'utf8').includes('`ant`')).length;
    expect(antdCopies(shellDist)).toBeGreaterThan(0);
    expect(antdCopies(fixtureDist)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(fixtureDist, 'mf-manifest.json'), 'utf8')) as { shared: Array<{ name: string }> };
    expect(manifest.shared.map((share) => share.name)).not.toContain('antd');
  });

  it('a module bundles no React: it uses the shell\'s', () => {
    requireBuild(join(fixtureDist, 'mf-manifest.json'));
    expect(copies(fixtureDist)).toEqual({ react: 0, reactDom: 0 });
    const manifest = JSON.parse(readFileSync(join(fixtureDist, 'mf-manifest.json'), 'utf8')) as {
      name: string;
      metaData: { publicPath: string; remoteEntry: { name: string } };
      exposes: Array<{ path: string }>;
      shared: Array<{ name: string; singleton: boolean }>;
    };
    expect(manifest.name).toBe('fixture');
    expect(manifest.metaData.publicPath).toBe('/plugins/fixture/');
    expect(manifest.metaData.remoteEntry.name).toBe('remoteEntry.js');
    expect(manifest.exposes.map((expose) => expose.path)).toEqual(['./plugin']);
    expect(manifest.shared.find((share) => share.name === 'react')?.singleton).toBe(true);
  });
});
