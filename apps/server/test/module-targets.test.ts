/**
 * Targets declared in a module's manifest: the server creates them when it loads the module
 * (after its migrations, before onStart); a manual target's code is adopted by the module that
 * declares it; a code held by another module fails that module, as /healthz shows, and leaves
 * the target as it was.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@dondoc/db';
import { testBackends } from '@dondoc/db/testing';
import { startTestServer, type TestServer } from './helpers.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe.each(testBackends)('module targets on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, [
      { id: 'targets', server: fixture('targets-plugin.ts') },
      { id: 'adopt-manual', server: fixture('target-adopt-manual-plugin.ts') },
      { id: 'clash-module', server: fixture('target-clash-module-plugin.ts') },
      { id: 'clash-adopted', server: fixture('target-clash-adopted-plugin.ts') },
    ]);
  });
  afterAll(async () => server?.close());

  it('the declaring modules are ready, a target created and a manual one adopted; the clashing ones failed', async () => {
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { plugins: unknown[] };
    expect(health.plugins).toEqual([
      { id: 'targets', status: 'ready' },
      { id: 'adopt-manual', status: 'ready' },
      { id: 'clash-module', status: 'failed' },
      { id: 'clash-adopted', status: 'failed' },
    ]);
    const failed = server.runtime.plugins.filter((p) => p.status === 'failed').map((p) => [p.id, p.error]);
    expect(failed).toEqual([
      ['clash-module', 'module "clash-module" declares target FX-CT1, which is held by module "targets"'],
      ['clash-adopted', 'module "clash-adopted" declares target 2458-CT1, which is held by module "adopt-manual"'],
    ]);
    const rows = await queryRows<{ code: string; name: string; source: string; source_module: string | null; owner_unit_code: string; clause: string | null }>(
      server.runtime.database.db,
      sql`select t.code, t.name, t.source, t.source_module, t.owner_unit_code, k.clause
         from core.targets t left join core.tasks k on k.id = t.task_id
        where t.code in ('FX-CT1', '2458-CT1') order by t.code`,
    );
    expect(rows).toEqual([
      { code: '2458-CT1', name: 'Cắt giảm, đơn giản hóa ít nhất 20% TTHC nội bộ đến năm 2025', source: 'module', source_module: 'adopt-manual', owner_unit_code: 'VP', clause: '2.2' },
      { code: 'FX-CT1', name: 'Chỉ tiêu của mô-đun kiểm thử', source: 'module', source_module: 'targets', owner_unit_code: 'STC', clause: '3.1' },
    ]);
  });
});
