import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACT_MANIFEST, compareSemver, hashTree, integrityOf, isHostProvided, satisfiesRange, sdkRangeFor, verifyArtifact, type ArtifactManifest } from '../src/release.ts';

describe('satisfiesRange', () => {
  it.each([
    ['0.1.0', '^0.1.0', true],
    ['0.1.7', '^0.1.0', true],
    ['0.2.0', '^0.1.0', false],
    ['1.4.0', '^1.2.0', true],
    ['2.0.0', '^1.2.0', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['0.1.0', '>=0.1.0 <0.2.0', true],
    ['0.2.0', '>=0.1.0 <0.2.0', false],
    ['3.0.0', '^1.0.0 || ^3.0.0', true],
    ['0.1.0', '0.1.0', true],
    ['0.1.0', 'latest', false],
    ['1.0.0-rc.1', '^1.0.0', false],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it("a module built against this SDK declares a range this SDK satisfies", () => {
    expect(satisfiesRange('0.1.0', sdkRangeFor('0.1.0'))).toBe(true);
    expect(compareSemver('1.10.0', '1.2.0')).toBeGreaterThan(0);
  });
});

describe('isHostProvided', () => {
  it('leaves the packages the server provides as imports and bundles the rest', () => {
    for (const name of ['@dondoc/plugin-sdk', '@dondoc/trpc', 'drizzle-orm/pg-core', 'zod', '@trpc/server', 'node:url', 'fs']) expect(isHostProvided(name), name).toBe(true);
    for (const name of ['exceljs', 'zod-extra', './router.ts']) expect(isHostProvided(name), name).toBe(false);
  });
});

describe('verifyArtifact', () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function artifact(range = '^0.1.0'): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'dondoc-artifact-'));
    await mkdir(join(dir, 'server'), { recursive: true });
    await mkdir(join(dir, 'web'), { recursive: true });
    await writeFile(join(dir, 'server/plugin.mjs'), 'export default {};\n');
    await writeFile(join(dir, 'web/remoteEntry.js'), 'console.log(1);\n');
    const files = await hashTree(dir);
    const manifest: ArtifactManifest = {
      format: 1, id: 'xay-dung', name: 'Sở Xây dựng', unit: 'SXD', version: '0.1.0',
      sdk: { range, builtWith: '0.1.0' }, migrations: [], builtAt: new Date().toISOString(), files, integrity: integrityOf(files),
    };
    await writeFile(join(dir, ARTIFACT_MANIFEST), JSON.stringify(manifest));
    return dir;
  }

  it('answers the manifest of an intact artifact', async () => {
    expect((await verifyArtifact(await artifact(), '0.1.0')).id).toBe('xay-dung');
  });

  it('names a changed, a missing and an added file', async () => {
    const root = await artifact();
    await writeFile(join(root, 'server/plugin.mjs'), 'export default { evil: true };\n');
    await rm(join(root, 'web/remoteEntry.js'));
    await writeFile(join(root, 'web/extra.js'), '');
    await expect(verifyArtifact(root, '0.1.0')).rejects.toThrow(
      'xay-dung 0.1.0: integrity check failed, server/plugin.mjs (changed), web/remoteEntry.js (missing), web/extra.js (not in the manifest)',
    );
  });

  it('refuses a manifest whose file list no longer matches its integrity hash', async () => {
    const root = await artifact();
    const manifest = JSON.parse(await readFile(join(root, ARTIFACT_MANIFEST), 'utf8')) as ArtifactManifest;
    manifest.files['web/remoteEntry.js'] = '0'.repeat(64);
    await writeFile(join(root, ARTIFACT_MANIFEST), JSON.stringify(manifest));
    await expect(verifyArtifact(root, '0.1.0')).rejects.toThrow('integrity hash does not match its file list');
  });

  it('refuses an SDK range this server does not satisfy, saying both versions', async () => {
    await expect(verifyArtifact(await artifact('^0.2.0'), '0.1.0')).rejects.toThrow('xay-dung 0.1.0: needs plugin SDK ^0.2.0 (built with 0.1.0); this server has SDK 0.1.0');
  });
});
