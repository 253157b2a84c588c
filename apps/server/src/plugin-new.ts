import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldPlugin, ScaffoldError } from '@dondoc/plugin-sdk/scaffold';

/** The repository: the nearest folder up from where the command was typed holding pnpm-workspace.yaml. */
export function repositoryRoot(from = process.env.INIT_CWD ?? process.cwd()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new ScaffoldError('không tìm thấy thư mục gốc của dự án (no pnpm-workspace.yaml above this folder)');
  }
}

const USAGE = 'Cách dùng (usage): pnpm dondoc plugin:new <id> --unit <mã đơn vị> --name "<tên mô-đun>"\n  ví dụ: pnpm dondoc plugin:new noi-vu --unit SNV --name "Sở Nội vụ — Cải cách hành chính"\n';

/** `plugin:new <id> --unit <code> --name "<name>"`: writes plugins/<id>/ and its dondoc.config.json entry. */
export async function runPluginNew(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { unit: { type: 'string' }, name: { type: 'string' } } });
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
