/**
 * The real portal for this module's browser test, from the plugin SDK's browser-test kit: the
 * server process with only this module installed (its server entry and its production web
 * build), the shell's production build, Debian's Chromium.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  missingForBrowserTests,
  seriousAccessibilityViolations,
  startPortal as startKitPortal,
  type RunningPortal,
} from '@dondoc/plugin-sdk/browser-testing';
import type { Page } from 'playwright-core';

export { openBrowser, signIn, type Browser, type RunningPortal } from '@dondoc/plugin-sdk/browser-testing';

export const moduleDir = fileURLToPath(new URL('../', import.meta.url));
export const moduleManifest = join(moduleDir, 'dist/mf-manifest.json');

/** What the browser test needs built; a message for each piece that is missing. */
export function missingBuilds(): string[] {
  return missingForBrowserTests([moduleManifest]);
}

export function startPortal(): Promise<RunningPortal> {
  return startKitPortal({ plugins: [{ id: 'tai-chinh', server: join(moduleDir, 'src/server/plugin.ts'), web: join(moduleDir, 'dist') }] });
}

/** Violations inside the module's page only (the shell's own are not this module's). */
export function seriousViolations(page: Page, selector = '.dondoc-page') {
  return seriousAccessibilityViolations(page, selector);
}
