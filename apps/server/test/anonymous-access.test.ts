import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProcedures } from '@dondoc/trpc';
import { isReady } from '../src/plugins.ts';
import { fixturePluginEntry, repoRoot, startTestServer, type TestServer } from './helpers.ts';

/**
 * Guard for every module, present and future: walks each procedure of each mounted router
 * (core and every plugin installed by the repository's dondoc.config.json, plus the test
 * fixture) and calls it with no session. Only procedures declared public may answer
 * anything but 401.
 */
describe('anonymous callers', () => {
  let server: TestServer;
  beforeAll(async () => {
    const installed = await readFile(join(repoRoot, 'dondoc.config.json'), 'utf8')
      .then((text) => (JSON.parse(text) as { plugins: Array<{ id: string; server: string; web?: string }> }).plugins)
      .catch(() => []);
    const plugins = installed.map((p) => ({ ...p, server: join(repoRoot, p.server) }));
    server = await startTestServer('pglite', [...plugins, { id: 'fixture', server: fixturePluginEntry }]);
  });
  afterAll(async () => server?.close());

  it('every installed plugin started', () => {
    expect(server.runtime.plugins.filter((p) => p.status !== 'ready').map((p) => `${p.id}: ${p.error}`)).toEqual([]);
  });

  it('reach no procedure that is not declared public', async () => {
    const routers = [
      { module: 'core', router: server.runtime.coreRouter },
      ...server.runtime.plugins.filter(isReady).map((p) => ({ module: p.id, router: p.router })),
    ];
    const reached: string[] = [];
    let walked = 0;
    for (const { module, router } of routers) {
      for (const procedure of listProcedures(router)) {
        if (procedure.meta?.public) continue;
        walked++;
        const url = `${server.url}/api/trpc/${module}/${procedure.path}`;
        const response =
          procedure.type === 'mutation'
            ? await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
            : await fetch(`${url}?input=${encodeURIComponent('{}')}`);
        if (response.status !== 401) reached.push(`${module}.${procedure.path} answered ${response.status}`);
      }
    }
    expect(reached).toEqual([]);
    // The fixture alone has three guarded procedures: the walk really walked.
    expect(walked).toBeGreaterThanOrEqual(3);
  });
});
