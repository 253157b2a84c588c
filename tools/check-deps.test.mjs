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

// The boundary: a module depends on @dondoc/plugin-sdk, @dondoc/trpc, @dondoc/ui and third-party packages only.
const boundaryBase = {
  ...base,
  'packages/core/package.json': { name: '@dondoc/core' },
  'packages/plugin-sdk/package.json': { name: '@dondoc/plugin-sdk' },
  'packages/trpc/package.json': { name: '@dondoc/trpc' },
  'packages/ui/package.json': { name: '@dondoc/ui' },
};

test('a plugin on the SDK, trpc, ui and third-party packages passes', () => {
  const result = run(
    tree({
      ...boundaryBase,
      'plugins/a/package.json': {
        name: '@dondoc/plugin-a',
        dependencies: { '@dondoc/plugin-sdk': 'workspace:*', '@dondoc/trpc': 'workspace:*', '@dondoc/ui': 'workspace:*', zod: '^3' },
      },
      'plugins/a/src/x.ts':
        "import { definePlugin } from '@dondoc/plugin-sdk';\nimport { queryRows } from '@dondoc/plugin-sdk/testing';\nimport { router } from '@dondoc/trpc';\nimport { z } from 'zod';",
    }),
  );
  assert.equal(result.status, 0, result.stderr);
});

test('a plugin depending on db, auth or core in package.json fails, naming the file and what to use instead', () => {
  const result = run(
    tree({
      ...boundaryBase,
      'plugins/a/package.json': { name: '@dondoc/plugin-a', dependencies: { '@dondoc/auth': 'workspace:*', '@dondoc/core': 'workspace:*' }, devDependencies: { '@dondoc/db': 'workspace:*' } },
    }),
  );
  assert.equal(result.status, 1);
  assert.match(result.stderr, /plugins\/a\/package\.json: @dondoc\/plugin-a depends on @dondoc\/auth, which a module must not use \(use .*'@dondoc\/plugin-sdk'/);
  assert.match(result.stderr, /plugins\/a\/package\.json: @dondoc\/plugin-a depends on @dondoc\/core, which a module must not use \(use .*'@dondoc\/plugin-sdk\/web'/);
  assert.match(result.stderr, /plugins\/a\/package\.json: @dondoc\/plugin-a depends on @dondoc\/db, which a module must not use \(use .*'@dondoc\/plugin-sdk\/testing'/);
});

test('a plugin importing db, auth or core (any entry) fails, naming the file, the package and what to use instead', () => {
  const result = run(
    tree({
      ...boundaryBase,
      'plugins/a/src/server/x.ts': "import type { Queryable } from '@dondoc/db';\nimport { AUTONOMY_TARGET_CODE } from '@dondoc/core/server';",
      'plugins/a/src/web/Page.tsx': "import { makePeriod } from '@dondoc/core';",
      'plugins/a/test/y.test.ts': "import { testBackends } from '@dondoc/db/testing';\nconst auth = await import('@dondoc/auth');",
    }),
  );
  assert.equal(result.status, 1);
  assert.match(result.stderr, /plugins\/a\/src\/server\/x\.ts imports @dondoc\/db, which a module must not use \(use types .* from '@dondoc\/plugin-sdk'/);
  assert.match(result.stderr, /plugins\/a\/src\/server\/x\.ts imports @dondoc\/core\/server, which a module must not use/);
  assert.match(result.stderr, /plugins\/a\/src\/web\/Page\.tsx imports @dondoc\/core, which a module must not use \(use .*'@dondoc\/plugin-sdk\/web'/);
  assert.match(result.stderr, /plugins\/a\/test\/y\.test\.ts imports @dondoc\/db\/testing, .*testBackends and queryRows from '@dondoc\/plugin-sdk\/testing'/);
  assert.match(result.stderr, /plugins\/a\/test\/y\.test\.ts imports @dondoc\/auth, which a module must not use/);
});

test('the fixture plugin under test-fixtures/ is held to the same boundary', () => {
  const result = run(tree({ ...boundaryBase, 'test-fixtures/f/package.json': { name: '@dondoc/plugin-fixture' }, 'test-fixtures/f/src/x.ts': "import { x } from '@dondoc/db';" }));
  assert.equal(result.status, 1);
  assert.match(result.stderr, /test-fixtures\/f\/src\/x\.ts imports @dondoc\/db, which a module must not use/);
});

test('a plugin taking antd itself (package.json or an import) fails, naming @dondoc/ui, the shell\'s one antd', () => {
  const result = run(
    tree({
      ...base,
      'plugins/a/package.json': { name: '@dondoc/plugin-a', dependencies: { antd: 'catalog:' } },
      'plugins/a/src/web/Page.tsx': "import { Button } from 'antd';\nimport viVN from 'antd/locale/vi_VN';",
    }),
  );
  assert.equal(result.status, 1);
  assert.match(result.stderr, /plugins\/a\/package\.json: @dondoc\/plugin-a depends on antd, .*'@dondoc\/ui'/);
  assert.match(result.stderr, /plugins\/a\/src\/web\/Page\.tsx imports antd, .*'@dondoc\/ui'/);
  assert.match(result.stderr, /Page\.tsx imports antd\/locale\/vi_VN/);
  // The ui package and the shell keep importing antd.
  const fine = run(tree({ ...base, 'packages/ui/package.json': { name: '@dondoc/ui', dependencies: { antd: 'catalog:' } }, 'packages/ui/src/antd.ts': "export { Button } from 'antd';" }));
  assert.equal(fine.status, 0, fine.stderr);
});
