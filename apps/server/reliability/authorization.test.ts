/**
 * Suite property 1, the authorization matrix. Generated from the routers at test time: every
 * procedure of the core and of every installed module (the department modules of
 * lib/matrix.ts `MODULES`: tai-chinh, van-phong, tttt, khdt, noi-vu; and the fixture module) is
 * called over HTTP as each kind of caller (lib/matrix.ts: anonymous, an officer and a lead of
 * another unit, the lead of the module's owning unit (`MODULE_OWNER`), the unit whose rows the input aims at, a
 * coordinator, the admin), with a sample input aimed at Quận Ba Đình's rows. Each answer must
 * match what the one policy (`runtime.permissions.decide`) says of the permission the
 * procedure is declared under: anonymous → 401, no permission → 403, a scope that misses the
 * row's unit → 403 or 404 (or a list without that unit's rows), never its data; allowed →
 * neither 401 nor 403, no 500, and the sample input is still valid for the schema.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coversUnit, type SessionUser } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { listProcedures } from '@dondoc/trpc';
import { isReady } from '../src/plugins.ts';
import { fixturePluginEntry, repoRoot, startTestServer, type Client, type TestServer } from '../test/helpers.ts';
import { BA_DINH_UNIT_CODE } from '@dondoc/auth';
import { buildFixtures, matrix, MODULES, MODULE_OWNER, READ_PERMISSION, ROLE_USERS, ROLES, upload, type Fixtures, type Role, type Sample } from './lib/matrix.ts';

type Expected = 'unauthorized' | 'forbidden' | 'allowed' | 'out-of-scope-row' | 'out-of-scope-list';

interface Caller {
  role: Role;
  username: string | null;
  user: SessionUser | null;
  client: Client | null;
}

describe.each(testBackends)('authorization matrix (%s)', (backend) => {
  let server: TestServer;
  let fx: Fixtures;
  const clients = new Map<string, { client: Client; user: SessionUser }>();

  beforeAll(async () => {
    server = await startTestServer(backend, [
      ...MODULES.map((id) => ({ id, server: join(repoRoot, `plugins/${id}/src/server/plugin.ts`) })),
      { id: 'fixture', server: fixturePluginEntry },
    ]);
    fx = await buildFixtures(server);
  });
  afterAll(async () => server?.close());

  async function callerFor(role: Role, username: string | null): Promise<Caller> {
    if (!username) return { role, username, user: null, client: null };
    let known = clients.get(username);
    if (!known) {
      const client = await server.signIn(username);
      const me = (await (await client.fetch('/api/auth/me')).json()) as { user: { username: string; displayName: string; unit: { code: string; name: string; kind?: string } | null; roles: SessionUser['roles'] } };
      const user: SessionUser = { id: '', username: me.user.username, displayName: me.user.displayName, unit: me.user.unit ? { kind: 'department', ...me.user.unit } as SessionUser['unit'] : null, roles: me.user.roles };
      known = { client, user };
      clients.set(username, known);
    }
    return { role, username, ...known };
  }

  function expected(caller: Caller, sample: Sample): Expected {
    if (sample.permission === null) return 'allowed';
    if (!caller.user) return 'unauthorized';
    const access = server.runtime.permissions.decide(caller.user, sample.permission);
    if (!access.allowed) return 'forbidden';
    if (!sample.unit || coversUnit(access, sample.unit(fx))) return 'allowed';
    return sample.outOfScope === 'list' ? 'out-of-scope-list' : 'out-of-scope-row';
  }

  it('every procedure of every router answers each kind of caller as its declared permission says', async () => {
    expect(server.runtime.plugins.filter((p) => p.status !== 'ready').map((p) => `${p.id}: ${p.error}`)).toEqual([]);
    const routers = [
      { module: 'core', router: server.runtime.coreRouter, owner: null as string | null },
      ...server.runtime.plugins.filter(isReady).map((p) => ({ module: p.id, router: p.router, owner: MODULE_OWNER[p.id] ?? ROLE_USERS.moduleOwner })),
    ];
    const uncovered: string[] = [];
    const wrong: string[] = [];
    const stale = new Set(Object.entries(matrix).flatMap(([module, table]) => Object.keys(table).map((path) => `${module}.${path}`)));
    const tally: Record<Expected, number> = { unauthorized: 0, forbidden: 0, allowed: 0, 'out-of-scope-row': 0, 'out-of-scope-list': 0 };
    const allowedStatuses: Record<number, number> = {};
    let procedures = 0;
    let calls = 0;

    for (const { module, router, owner } of routers) {
      for (const procedure of listProcedures(router)) {
        const name = `${module}.${procedure.path}`;
        stale.delete(name);
        const sample = matrix[module]?.[procedure.path];
        if (!sample) {
          uncovered.push(name);
          continue;
        }
        if (sample.permission !== null && !server.runtime.permissions.has(sample.permission)) {
          wrong.push(`${name}: the matrix names ${sample.permission}, which no module declares`);
          continue;
        }
        if ((sample.permission === null) !== !!procedure.meta?.public) {
          wrong.push(`${name}: public in ${sample.permission === null ? 'the matrix' : 'its meta'} only`);
          continue;
        }
        procedures++;
        for (const role of ROLES) {
          if (role === 'moduleOwner' && !owner) continue;
          const username =
            role === 'anonymous' ? null : role === 'rowUnit' && sample.rowUser ? sample.rowUser(fx) : role === 'moduleOwner' ? owner : ROLE_USERS[role];
          const caller = await callerFor(role, username);
          const want = expected(caller, sample);
          const client = caller.client ?? anonymousClient(server.url);
          const response = sample.upload
            ? await upload(client, module, procedure.path, sample.upload(fx))
            : procedure.type === 'mutation'
              ? await client.mutate(module, procedure.path, sample.input?.(fx) ?? {})
              : await client.query(module, procedure.path, sample.input?.(fx));
          const body = await response.text();
          calls++;
          tally[want]++;
          if (want === 'allowed') allowedStatuses[response.status] = (allowedStatuses[response.status] ?? 0) + 1;
          if (process.env.MATRIX_TRACE && want === 'allowed' && response.status !== 200) console.log(`[allowed ${response.status}] ${name} as ${role}: ${body.slice(0, 200)}`);
          // A caller who may read Ba Đình's rows in this module knows their ids; anyone else must never see one.
          const reader = READ_PERMISSION[module];
          const knows = !!caller.user && !!reader && coversUnit(server.runtime.permissions.decide(caller.user, reader), BA_DINH_UNIT_CODE);
          const problem = judge(want, response.status, body, knows ? [] : (fx.secrets[module] ?? []));
          if (problem) wrong.push(`${name} as ${role} (${username ?? 'no session'}): expected ${want}, ${problem}`);
        }
      }
    }

    const roles = ROLES.length;
    console.log(
      `[authorization ${backend}] coverage: ${procedures} procedures × ${roles} kinds of caller = ${calls} calls ` +
        `(${routers.map((r) => `${r.module} ${listProcedures(r.router).length}`).join(', ')}); ` +
        `answers expected: ${Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(', ')} ` +
        `(allowed answered ${Object.entries(allowedStatuses).map(([k, v]) => `${k}×${v}`).join(', ')}); uncovered: ${uncovered.length}`,
    );
    expect(wrong).toEqual([]);
    expect(uncovered, 'procedures without a sample input in reliability/lib/matrix.ts').toEqual([]);
    expect([...stale], 'samples in reliability/lib/matrix.ts of procedures no router has').toEqual([]);
    expect(procedures).toBeGreaterThanOrEqual(50);
  });
});

function anonymousClient(url: string): Client {
  const call = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers: { origin: url, ...(init.headers as Record<string, string>) } });
  return {
    cookie: '',
    fetch: call,
    query: (module, path, input) => call(`/api/trpc/${module}/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`),
    mutate: (module, path, input) => call(`/api/trpc/${module}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  };
}

/** What is wrong with an answer, or null. */
function judge(want: Expected, status: number, body: string, secrets: readonly string[]): string | null {
  const leaked = secrets.filter((secret) => body.includes(secret));
  const said = `got ${status}: ${body.slice(0, 240)}`;
  if (status >= 500) return said;
  switch (want) {
    case 'unauthorized':
      return status === 401 ? null : said;
    case 'forbidden':
      return status === 403 ? null : said;
    case 'allowed':
      if (status === 401 || status === 403) return said;
      // The sample must still pass the procedure's schema, or the call proved nothing past it.
      if (status === 400 && /"fieldErrors":\[\{/.test(body)) return `the sample input is refused by the schema: ${said}`;
      return null;
    case 'out-of-scope-row':
      if (status !== 403 && status !== 404) return said;
      return leaked.length ? `the refusal shows Ba Đình's rows ${leaked.join(', ')}` : null;
    case 'out-of-scope-list':
      if (status !== 200 && status !== 403 && status !== 404) return said;
      return leaked.length ? `the answer holds Ba Đình's rows ${leaked.join(', ')}: ${said}` : null;
  }
}
