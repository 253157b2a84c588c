import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The directory holding `pnpm-workspace.yaml`, searched upward from `from`. */
export function findWorkspaceRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}: dondoc web builds run inside the workspace`);
    dir = parent;
  }
}
