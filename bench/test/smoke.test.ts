/**
 * Smoke run of the benchmark tooling (not a benchmark: nothing here is timed): the generator
 * at a small scale on PGlite writes the counts it reports, deterministically, and the bench's
 * server answers `overview.summary` with exactly the totals the generator produced.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '@dondoc/db';
import { generate, type GeneratorOutput, type Scale } from '../src/lib/api.ts';
import { startServerProcess, type ServerProcess } from '../src/lib/processes.ts';

const scale: Scale = { units: 50, tasks: 500, reports: 1000, measurements: 200, drafts: 5, seed: 7 };
const asOf = '2026-06-30';

let work: string;
let gen: GeneratorOutput;
let server: ServerProcess | null = null;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dondoc-bench-smoke-'));
  gen = (await generate(scale, asOf, { dataDir: join(work, 'data'), quiet: true })).output;
});

afterAll(async () => {
  await server?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('seed:scale at a small scale on PGlite', () => {
  it('reports the counts it was asked for', () => {
    expect(gen.tasks.total).toBe(500);
    expect(gen.tasks.parents + gen.tasks.leaves).toBe(500);
    expect(gen.tasks.parents).toBeGreaterThan(0);
    expect(gen.tasks.coordinators).toBeGreaterThan(0);
    expect(gen.reports.items).toBe(1000);
    expect(gen.reports.drafts).toBe(5);
    expect(gen.measurements).toBe(200);
    expect(gen.units.withTasks).toBe(50);
    expect(Object.values(gen.statusCounts).reduce((a, b) => a + b, 0)).toBe(gen.tasks.leaves);
    expect(gen.statusCounts.overdue).toBeGreaterThan(0);
    expect(gen.accounts.length).toBe(5);
  });

  it('wrote exactly those rows', async () => {
    const database = await openDatabase({ dataDir: join(work, 'data') });
    try {
      const count = async (table: string, where = 'true') =>
        Number((await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]?.n);
      expect(await count('core.tasks')).toBe(500);
      expect(await count('core.tasks', 'not is_parent')).toBe(gen.tasks.leaves);
      expect(await count('core.task_coordinators')).toBe(gen.tasks.coordinators);
      expect(await count('core.reports', "cadence = 'quarter'")).toBe(gen.reports.headers);
      expect(await count('core.reports', "cadence = 'month' and state = 'draft'")).toBe(5);
      expect(await count('core.report_items')).toBe(1000 + gen.reports.draftItems);
      expect(await count('core.targets')).toBe(gen.targets);
      expect(await count('core.measurements')).toBe(200);
      expect(await count('auth.units')).toBe(gen.units.total);
      expect(await count('auth.users', "username like 'lead.%'")).toBe(5);
    } finally {
      await database.close();
    }
  });

  it('is deterministic for a seed and an as-of date', async () => {
    const again = (await generate(scale, asOf, { dataDir: join(work, 'again'), quiet: true })).output;
    const { ms: _a, ...first } = gen;
    const { ms: _b, ...second } = again;
    expect(second).toEqual(first);
  });
});

describe("the bench's server on the generated data", () => {
  it('answers overview.summary with the generated totals', async () => {
    const configPath = join(work, 'dondoc.config.json');
    await writeFile(configPath, JSON.stringify({ plugins: [] }));
    server = await startServerProcess({ entry: 'bench', dataDir: join(work, 'data'), configPath });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'ubnd', password: 'dondoc-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const response = await fetch(`${server.url}/api/trpc/core/overview.summary?input=${encodeURIComponent(JSON.stringify({ asOf }))}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const { totals, units } = ((await response.json()) as { result: { data: { totals: Record<string, number>; units: Array<{ counts: Record<string, number> }> } } }).result.data;
    for (const [status, n] of Object.entries(gen.statusCounts)) expect(totals[status], status).toBe(n);
    const perUnit = units.reduce((sum, unit) => sum + Object.values(unit.counts).reduce((a, b) => a + b, 0), 0);
    expect(perUnit).toBe(gen.tasks.leaves);

    const lead = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: gen.accounts[0], password: gen.password }),
    });
    expect(lead.status).toBe(200);
  });
});
