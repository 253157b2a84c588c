import { mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { camelCase, pascalCase, placeholders, scaffoldPlugin, scaffoldStandalonePlugin, ScaffoldError, SDK_PACKAGES } from '../src/scaffold.ts';

describe('plugin:new scaffolder', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dondoc-scaffold-'));
    await writeFile(join(root, 'dondoc.config.json'), JSON.stringify({ plugins: [{ id: 'tai-chinh', server: 'plugins/tai-chinh/src/server/plugin.ts', web: 'plugins/tai-chinh/dist' }] }));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('names things from the id', () => {
    expect(pascalCase('noi-vu')).toBe('NoiVu');
    expect(camelCase('van-phong')).toBe('vanPhong');
    expect(placeholders({ id: 'noi-vu', unit: 'SNV', name: 'Sở "Nội vụ"' })).toMatchObject({
      __PLUGIN_SCHEMA__: 'noi_vu',
      __PLUGIN_TARGET__: 'SNV-NOIVU-CT1',
      __PLUGIN_NAME__: 'Sở \\"Nội vụ\\"',
    });
  });

  it('writes a whole module with every placeholder filled, and adds it to the config after the others', async () => {
    const { files } = await scaffoldPlugin({ id: 'noi-vu', unit: 'SNV', name: 'Sở Nội vụ — Cải cách hành chính' }, { root });
    expect(files).toEqual(
      expect.arrayContaining([
        'plugins/noi-vu/package.json',
        'plugins/noi-vu/drizzle/0000_init.sql',
        'plugins/noi-vu/drizzle/meta/_journal.json',
        'plugins/noi-vu/src/server/plugin.ts',
        'plugins/noi-vu/src/server/router.ts',
        'plugins/noi-vu/src/web/plugin.tsx',
        'plugins/noi-vu/src/web/OverviewWidget.tsx',
        'plugins/noi-vu/test/router.test.ts',
      ]),
    );
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/__PLUGIN_[A-Z]+__/);
    }
    const pkg = JSON.parse(await readFile(join(root, 'plugins/noi-vu/package.json'), 'utf8'));
    expect(pkg.name).toBe('@dondoc/plugin-noi-vu');
    expect(await readFile(join(root, 'plugins/noi-vu/drizzle/0000_init.sql'), 'utf8')).toContain('CREATE SCHEMA "noi_vu"');
    const manifest = await readFile(join(root, 'plugins/noi-vu/src/server/plugin.ts'), 'utf8');
    expect(manifest).toContain("id: 'noi-vu'");
    expect(manifest).toContain("unit: 'SNV'");
    const config = JSON.parse(await readFile(join(root, 'dondoc.config.json'), 'utf8'));
    expect(config.plugins.map((p: { id: string }) => p.id)).toEqual(['tai-chinh', 'noi-vu']);
    expect(config.plugins[1]).toEqual({ id: 'noi-vu', server: 'plugins/noi-vu/src/server/plugin.ts', web: 'plugins/noi-vu/dist' });
  });

  it('refuses an id already there, a bad id or unit, saying why, and writes nothing', async () => {
    await expect(scaffoldPlugin({ id: 'tai-chinh', unit: 'STC', name: 'Sở Tài chính' }, { root })).rejects.toThrow(/đã có trong dondoc.config.json/);
    await expect(scaffoldPlugin({ id: 'Noi_Vu', unit: 'SNV', name: 'Sở Nội vụ' }, { root })).rejects.toThrow(ScaffoldError);
    await expect(scaffoldPlugin({ id: 'noi-vu', unit: 'snv', name: 'Sở Nội vụ' }, { root })).rejects.toThrow(/mã đơn vị/);
    const config = JSON.parse(await readFile(join(root, 'dondoc.config.json'), 'utf8'));
    expect(config.plugins).toHaveLength(1);
    await scaffoldPlugin({ id: 'noi-vu', unit: 'SNV', name: 'Sở Nội vụ' }, { root });
    await expect(scaffoldPlugin({ id: 'noi-vu', unit: 'SNV', name: 'Sở Nội vụ' }, { root })).rejects.toThrow(/plugins\/noi-vu đã có/);
  });

  it('writes a module outside the workspace: its own catalog, the dondoc packages from their tarballs, no workspace paths', async () => {
    const dir = join(root, 'xay-dung');
    const sdk = Object.fromEntries(SDK_PACKAGES.map((name) => [name, `file:/packs/${name.replace('@dondoc/', 'dondoc-')}-0.1.0.tgz`]));
    await scaffoldStandalonePlugin({ id: 'xay-dung', unit: 'SXD', name: 'Sở Xây dựng' }, { dir, catalog: { react: '19.3.1', zod: '4.6.7' }, sdk });
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.dependencies['@dondoc/plugin-sdk']).toBe('file:/packs/dondoc-plugin-sdk-0.1.0.tgz');
    expect(pkg.dependencies.react).toBe('catalog:');
    expect(pkg.scripts.release).toContain('release-cli.ts');
    const workspace = await readFile(join(dir, 'pnpm-workspace.yaml'), 'utf8');
    expect(workspace).toContain('"@dondoc/core": "file:/packs/dondoc-core-0.1.0.tgz"');
    expect(workspace).toContain('"react": "19.3.1"');
    expect(await readFile(join(dir, 'tsconfig.json'), 'utf8')).not.toContain('tsconfig.base.json');
    expect(await readlink(join(dir, 'packages/ui'))).toBe(join('..', 'node_modules', '@dondoc', 'ui'));
    await expect(scaffoldStandalonePlugin({ id: 'xay-dung', unit: 'SXD', name: 'Sở Xây dựng' }, { dir, catalog: {}, sdk })).rejects.toThrow(ScaffoldError);
  });
});
