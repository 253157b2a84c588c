import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const checker = new URL('./check-deps.mjs', import.meta.url).pathname;

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'deps-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

const base = {
  'packages/db/package.json': { name: '@dondoc/db' },
  'packages/db/src/index.ts': 'export const x = 1;',
  'packages/auth/package.json': { name: '@dondoc/auth', dependencies: { '@dondoc/db': 'workspace:*' } },
  'packages/auth/src/index.ts': "import { x } from '@dondoc/db';",
  'plugins/a/package.json': { name: '@dondoc/plugin-a' },
  'plugins/b/package.json': { name: '@dondoc/plugin-b' },
  'apps/server/package.json': { name: '@dondoc/server' },
};

const run = (root) => spawnSync(process.execPath, [checker, root], { encoding: 'utf8' });

test('a tree that follows the direction passes', () => {
  assert.equal(run(tree(base)).status, 0);
});

test('a plugin importing another plugin fails', () => {
  const result = run(tree({ ...base, 'plugins/a/src/x.ts': "import { y } from '@dondoc/plugin-b';" }));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /plugins\/a\/src\/x\.ts imports @dondoc\/plugin-b/);
});

test('a package importing an app, or a lower package importing a higher one, fails', () => {
  const result = run(
    tree({
      ...base,
      'packages/db/src/y.ts': "import { z } from '@dondoc/server';\nimport { a } from '@dondoc/auth';",
    }),
  );
  assert.equal(result.status, 1);
  assert.match(result.stderr, /imports @dondoc\/server/);
  assert.match(result.stderr, /imports @dondoc\/auth/);
});

test('a relative import that climbs into another package fails', () => {
  const result = run(tree({ ...base, 'plugins/a/src/z.ts': "import '../../b/src/secret.ts';" }));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /reaches outside its package/);
});
