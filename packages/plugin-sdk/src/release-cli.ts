/**
 * `pnpm run release` in a module (`node --import tsx node_modules/@dondoc/plugin-sdk/src/release-cli.ts [folder] [--out <dir>]`):
 * builds the module's release tarball with `packPlugin`. In the dondoc workspace, `pnpm dondoc plugin:pack <folder>` does the same.
 */
import { parseArgs } from 'node:util';
import { packPlugin } from './release.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, 'skip-web-build': { type: 'boolean' } } });
try {
  const result = await packPlugin(positionals[0] ?? process.cwd(), { outDir: values.out, skipWebBuild: values['skip-web-build'] });
  process.stdout.write(`${result.file}\nid ${result.manifest.id}, version ${result.manifest.version}, SDK ${result.manifest.sdk.range}\nsha256 ${result.sha256}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
