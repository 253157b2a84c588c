import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dondocShared, lazySharedEntries, sharedPackages } from '@dondoc/plugin-sdk/vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(`${root}/package.json`);

function installedVersion(name: string): string {
  // Walk up from the package's main file to its package.json (exports may hide ./package.json).
  let path = require.resolve(name);
  for (;;) {
    path = path.slice(0, path.lastIndexOf('/'));
    try {
      const pkg = JSON.parse(readFileSync(`${path}/package.json`, 'utf8')) as { name?: string; version: string };
      if (pkg.name === name) return pkg.version;
    } catch {
      // keep climbing
    }
  }
}

describe('the shared singletons', () => {
  it('are the same list for the shell (provider) and the modules (consumers, no local copy)', () => {
    const host = dondocShared({ role: 'host', root });
    const remote = dondocShared({ role: 'remote', root });
    expect(Object.keys(host)).toEqual(Object.keys(remote));
    for (const name of sharedPackages) {
      expect(host[name]).toMatchObject({ singleton: true });
      expect(host[name]?.import).toBeUndefined();
      expect(remote[name]).toMatchObject({ singleton: true, import: false, requiredVersion: host[name]?.requiredVersion });
    }
  });

  it('require the catalog version, which the shell has installed', () => {
    const host = dondocShared({ role: 'host', root });
    for (const name of sharedPackages) {
      const required = host[name]!.requiredVersion;
      const installed = installedVersion(name);
      const exact = required.replace(/^[\^~]/, '');
      if (required.startsWith('^')) expect(installed.split('.')[0]).toBe(exact.split('.')[0]);
      else expect(installed).toBe(exact);
    }
  });

  it('share each lazy entry of @dondoc/ui as a singleton of its own, at @dondoc/ui’s version, which the package exports', () => {
    const host = dondocShared({ role: 'host', root });
    const remote = dondocShared({ role: 'remote', root });
    for (const entry of lazySharedEntries) {
      expect(host[entry]).toEqual({ singleton: true, requiredVersion: host['@dondoc/ui']!.requiredVersion });
      expect(remote[entry]).toEqual({ singleton: true, requiredVersion: host['@dondoc/ui']!.requiredVersion, import: false });
      // The shell's build resolves it to a file of packages/ui/src/lazy/, which the preload of the first page leaves out.
      expect(require.resolve(entry)).toMatch(/packages\/ui\/src\/lazy\/[a-z-]+\.ts$/);
    }
  });
});
