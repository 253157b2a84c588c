import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldPlugin, scaffoldStandalonePlugin, ScaffoldError, SDK_PACKAGES } from '@dondoc/plugin-sdk/scaffold';
import { SDK_VERSION } from '@dondoc/plugin-sdk/release';
import { readCatalog } from '@dondoc/plugin-sdk/vite';

/** The repository: the nearest folder up from where the command was typed holding pnpm-workspace.yaml. */
export function repositoryRoot(from = process.env.INIT_CWD ?? process.cwd()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new ScaffoldError('không tìm thấy thư mục gốc của dự án (no pnpm-workspace.yaml above this folder)');
  }
}

const USAGE =
  'Cách dùng (usage): pnpm dondoc plugin:new <id> --unit <mã đơn vị> --name "<tên mô-đun>" [--out <thư mục ngoài dự án (folder outside the workspace)> [--sdk <thư mục các tệp .tgz của pnpm pack>]]\n' +
  '  ví dụ: pnpm dondoc plugin:new noi-vu --unit SNV --name "Sở Nội vụ — Cải cách hành chính"\n';

/**
 * The dondoc packages' specifiers for a module outside the workspace: `file:` tarballs from a
 * folder of `pnpm pack` output (`dondoc-plugin-sdk-0.1.0.tgz` …), else `^<SDK version>` from a registry.
 */
function sdkSpecifiers(folder: string | undefined): Record<string, string> {
  const specs: Record<string, string> = {};
  for (const name of SDK_PACKAGES) {
    const base = name.replace('@dondoc/', 'dondoc-');
    if (!folder) {
      specs[name] = `^${SDK_VERSION}`;
      continue;
    }
    const file = readdirSync(folder).find((entry) => entry.startsWith(`${base}-`) && /^\d/.test(entry.slice(base.length + 1)) && entry.endsWith('.tgz'));
    if (!file) throw new ScaffoldError(`${folder} has no ${base}-<version>.tgz (run pnpm pack in packages/${base.slice('dondoc-'.length)})`);
    specs[name] = `file:${join(folder, file)}`;
  }
  return specs;
}

/** `plugin:new <id> --unit <code> --name "<name>"`: writes plugins/<id>/ and its dondoc.config.json entry. */
export async function runPluginNew(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { unit: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' }, sdk: { type: 'string' } } });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [id, ...extra] = parsed.positionals;
  if (!id || extra.length > 0 || !parsed.values.unit || !parsed.values.name) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    const root = repositoryRoot();
    if (parsed.values.out) {
      const from = process.env.INIT_CWD ?? process.cwd();
      const dir = resolve(from, parsed.values.out);
      const { files } = await scaffoldStandalonePlugin(
        { id, unit: parsed.values.unit, name: parsed.values.name },
        { dir, catalog: readCatalog(root), sdk: sdkSpecifiers(parsed.values.sdk ? resolve(from, parsed.values.sdk) : undefined) },
      );
      process.stdout.write(
        `Đã tạo mô-đun ${id} (${files.length} tệp) ngoài dự án (outside the workspace) trong ${dir}.\n` +
          `Tiếp theo (next): cd ${dir} && pnpm install && pnpm run release\n`,
      );
      return 0;
    }
    const { files } = await scaffoldPlugin({ id, unit: parsed.values.unit, name: parsed.values.name }, { root });
    process.stdout.write(
      `Đã tạo mô-đun ${id} (${files.length} tệp) trong plugins/${id} và thêm vào dondoc.config.json.\n` +
        `Tiếp theo (next): pnpm install && pnpm --filter @dondoc/plugin-${id} test && pnpm start\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
