/**
 * The operator's module commands on a deployment (`DONDOC_CONFIG`, `DONDOC_PLUGINS_DIR`) holding
 * two installed versions of one module: a rollback that would need a down-migration is refused
 * naming the migrations, `--force` goes back anyway, `plugin:list` and `plugin:remove` (data kept).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase, queryRows } from '@dondoc/db';
import { ARTIFACT_MANIFEST, hashTree, integrityOf, type ArtifactManifest } from '@dondoc/plugin-sdk/release';

const exec = promisify(execFile);
const serverDir = fileURLToPath(new URL('..', import.meta.url));

describe('pnpm dondoc plugin:rollback, plugin:list, plugin:remove', () => {
  let work: string;
  let env: Record<string, string>;

  const cli = (args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: serverDir, env: { ...process.env, ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  const config = async () => JSON.parse(await readFile(env.DONDOC_CONFIG!, 'utf8')) as { plugins: unknown[] };

  async function installedVersion(version: string, migrations: string[]): Promise<void> {
    const root = join(env.DONDOC_PLUGINS_DIR!, 'xay-dung', version);
    await mkdir(join(root, 'web'), { recursive: true });
    await writeFile(join(root, 'web/remoteEntry.js'), `// ${version}\n`);
    const files = await hashTree(root);
    const manifest: ArtifactManifest = {
      format: 1, id: 'xay-dung', name: 'Sở Xây dựng', unit: 'SXD', version,
      sdk: { range: '^0.1.0', builtWith: '0.1.0' }, migrations, builtAt: new Date().toISOString(), files, integrity: integrityOf(files),
    };
    await writeFile(join(root, ARTIFACT_MANIFEST), JSON.stringify(manifest));
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'dondoc-release-cli-'));
    env = { DONDOC_CONFIG: join(work, 'dondoc.config.json'), DONDOC_PLUGINS_DIR: join(work, 'plugins'), DATA_DIR: join(work, 'data'), INIT_CWD: work };
    await installedVersion('0.1.0', ['0000_init']);
    await installedVersion('0.2.0', ['0000_init', '0001_permits']);
    await writeFile(env.DONDOC_CONFIG!, JSON.stringify({ plugins: [{ id: 'xay-dung', version: '0.2.0', previous: ['0.1.0'] }] }));
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('refuses a rollback that would need a down-migration, naming it', async () => {
    const refused = await cli(['plugin:rollback', 'xay-dung']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('xay-dung 0.2.0 brings migrations 0001_permits that 0.1.0 does not know');
    expect(refused.stderr).toContain('would need a down-migration');
    expect((await config()).plugins).toEqual([{ id: 'xay-dung', version: '0.2.0', previous: ['0.1.0'] }]);
  });

  it('goes back with --force, the newer version kept on disk for open pages', async () => {
    const forced = await cli(['plugin:rollback', 'xay-dung', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Đã quay lại (rolled back) xay-dung 0.2.0 → 0.1.0');
    expect((await config()).plugins).toEqual([{ id: 'xay-dung', version: '0.1.0', previous: [] }]);
    expect(existsSync(join(env.DONDOC_PLUGINS_DIR!, 'xay-dung/0.2.0'))).toBe(true);
    expect((await cli(['plugin:rollback', 'xay-dung'])).stderr).toContain('no previous version');
  });

  it('lists the module with its version, status and compatibility', async () => {
    const listed = JSON.parse((await cli(['plugin:list', '--json'])).stdout) as unknown[];
    expect(listed).toEqual([expect.objectContaining({ id: 'xay-dung', version: '0.1.0', source: 'installed', status: 'ok', compatible: true, sdkRange: '^0.1.0' })]);
  });

  it('removes the module, keeping its data unless asked', async () => {
    const removed = await cli(['plugin:remove', 'xay-dung']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Dữ liệu được giữ (data kept: schema xay_dung; --drop-data to delete it)');
    expect((await config()).plugins).toEqual([]);
    expect(existsSync(join(env.DONDOC_PLUGINS_DIR!, 'xay-dung'))).toBe(false);
    expect((await cli(['plugin:remove', 'xay-dung'])).code).toBe(2);
  });

  it('drops its schema and migration history with --drop-data', async () => {
    const open = () => openDatabase({ dataDir: env.DATA_DIR!, url: undefined });
    let database = await open();
    await migrate(database.db, []);
    await database.db.execute(sql.raw('create schema xay_dung'));
    await database.db.execute(sql.raw('create table xay_dung.permits (id int)'));
    await database.db.execute(sql`insert into dondoc_meta.migrations (module, tag, hash) values ('plugin:xay-dung', '0000_init', 'x')`);
    await database.close();
    await installedVersion('0.1.0', ['0000_init']);
    await writeFile(env.DONDOC_CONFIG!, JSON.stringify({ plugins: [{ id: 'xay-dung', version: '0.1.0' }] }));

    const removed = await cli(['plugin:remove', 'xay-dung', '--drop-data']);
    expect(removed.stdout).toContain('Dữ liệu đã xoá (data dropped: schema xay_dung)');
    database = await open();
    try {
      expect(await queryRows(database.db, sql`select 1 from information_schema.schemata where schema_name = 'xay_dung'`)).toEqual([]);
      expect(await queryRows(database.db, sql`select tag from dondoc_meta.migrations where module = 'plugin:xay-dung'`)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
