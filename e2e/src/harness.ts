/**
 * The e2e portal: the browser-test kit of the plugin SDK with the test modules installed —
 * `fixture` (works) and `missing-web` (its remote entry answers 404).
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  openBrowser as openKitBrowser,
  startPortal as startKitPortal,
  workspaceRoot,
  type Browser,
  type RunningPortal,
} from '@dondoc/plugin-sdk/browser-testing';

export { chooseOption, seriousAccessibilityViolations, signIn, chromiumPath } from '@dondoc/plugin-sdk/browser-testing';
export type { Browser, RunningPortal } from '@dondoc/plugin-sdk/browser-testing';

export const repoRoot = workspaceRoot;
const fixtureDir = join(workspaceRoot, 'test-fixtures/plugin-fixture');

export function startPortal(options: { databaseUrl?: string | undefined } = {}): Promise<RunningPortal> {
  return startKitPortal({
    databaseUrl: options.databaseUrl,
    plugins: [
      { id: 'fixture', server: join(fixtureDir, 'src/server/plugin.ts'), web: join(fixtureDir, 'dist') },
      { id: 'missing-web', server: join(fixtureDir, 'src/server/plugin-missing-web.ts'), web: join(tmpdir(), 'dondoc-no-such-build') },
    ],
  });
}

export function openBrowser(): Promise<Browser> {
  return openKitBrowser({ viewport: { width: 1280, height: 800 } });
}
