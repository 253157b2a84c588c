/**
 * The real portal for this module's browser test, from the plugin SDK's browser-test kit: the
 * server process with only this module installed (its server entry and its production web
 * build), the shell's production build, Debian's Chromium.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  requireBrowserTestPrerequisites,
  seriousAccessibilityViolations,
  startPortal as startKitPortal,
  type RunningPortal,
} from '@dondoc/plugin-sdk/browser-testing';
import type { Page } from 'playwright-core';

export { chooseOption, openBrowser, signIn, type Browser, type RunningPortal } from '@dondoc/plugin-sdk/browser-testing';

export const moduleDir = fileURLToPath(new URL('../', import.meta.url));
export const moduleManifest = join(moduleDir, 'dist/mf-manifest.json');

/**
 * Throws, naming the command to run (`pnpm build`, `apt-get install -y chromium`), when the
 * shell's or this module's production build or Chromium is missing: the browser test fails on
 * such a machine, it does not skip.
 */
export function requirePrerequisites(): void {
  requireBrowserTestPrerequisites([moduleManifest]);
}

export function startPortal(): Promise<RunningPortal> {
  return startKitPortal({ plugins: [{ id: 'tai-chinh', server: join(moduleDir, 'src/server/plugin.ts'), web: join(moduleDir, 'dist') }] });
}

/** Violations inside the module's page only (the shell's own are not this module's). */
export function seriousViolations(page: Page, selector = '.dondoc-page') {
  return seriousAccessibilityViolations(page, selector);
}
