import { afterEach, describe, expect, it, vi } from 'vitest';

describe('browser-test prerequisites', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('a missing build or browser fails with the command to run, it does not skip', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    const kit = await import('../src/browser-testing.ts');
    const missing = kit.missingForBrowserTests(['/nonexistent/dist/mf-manifest.json']);
    expect(missing).toContain(`/nonexistent/dist/mf-manifest.json is not built: run "pnpm build" in ${kit.workspaceRoot}`);
    expect(missing).toContain('no Chromium at /nonexistent/chromium: run "apt-get install -y chromium" (or set CHROMIUM_PATH)');
    expect(() => kit.requireBrowserTestPrerequisites(['/nonexistent/dist/mf-manifest.json'])).toThrow(
      /^This browser test cannot run: .*run "pnpm build".*run "apt-get install -y chromium"/,
    );
  });

  it('passes when everything is there', async () => {
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    const kit = await import('../src/browser-testing.ts');
    expect(kit.missingForBrowserTests([process.execPath]).filter((m) => !m.startsWith(kit.shellIndex))).toEqual([]);
  });
});
