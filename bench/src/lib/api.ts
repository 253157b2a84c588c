import type { ScaleResult } from '@dondoc/server/scale-seed';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { runExperiments, type Experiment } from './experiments.ts';
import { runLoad, type LoadPoint } from './load.ts';
import { coldLoad, overviewNavigation } from './browser.ts';
import { benchDir, repoRoot } from './paths.ts';
import { runCommand, startServerProcess } from './processes.ts';
import { median, quantile, round } from './stats.ts';

export interface Scale {
  units: number;
  tasks: number;
  reports: number;
  measurements: number;
  drafts: number;
  seed: number;
}

/** What `pnpm dondoc seed:scale` prints (its JSON summary on stdout). */
export type GeneratorOutput = ScaleResult;

export interface EndpointResult {
  procedure: string;
  description: string;
  input: unknown;
  points: Record<string, LoadPoint>;
  note?: string;
}

export interface BackendResult {
  backend: 'postgres' | 'pglite';
  scale: Scale;
  generated: Omit<GeneratorOutput, 'samples' | 'accounts'> & { accounts: number; generationSeconds: number };
  startup: { realServerMs: number; benchServerMs: number; realServerIdleRssMiB: number };
  endpoints: Record<string, EndpointResult>;
  ratios: {
    overviewOverBareSql: {
      /** Median over three alternating rounds of (endpoint p50 at one connection) / (replayed SQL p50). */
      ratio: number | null;
      overviewP50Ms: number | null;
      bareSqlP50Ms: number | null;
      bareSqlP95Ms: number | null;
      queries: number;
      rows: number;
      iterations: number;
      /** The procedure called in-process (tRPC caller + drizzle + JS), no HTTP, no session lookup. */
      inProcessProcedureP50Ms: number | null;
      inProcessProcedureIterations: number;
      roundRatios: number[];
    };
    /** tasks.list (first, deep, all-deep pages) and targets.get over their bare SQL, as the overview's. */
    readsOverBareSql: Record<string, { ratio: number | null; p50Ms: number | null; bareSqlP50Ms: number | null; queries: number; roundRatios: number[] }>;
    trpcOverRawHono: {
      /** Median over three alternating rounds of 2 s at 16 connections. */
      ratio: number | null;
      connections: number;
      trpcRps: number;
      rawRps: number;
      rawWithFetchObjectsRps: number;
      roundRatios: number[];
      trpc: LoadPoint[];
      raw: LoadPoint[];
      rawWithFetchObjects: LoadPoint[];
      ratioAt1: number | null;
      at1: { trpc: LoadPoint; raw: LoadPoint };
    };
  };
  memory: { rssAfterLoadMiB: number; peakRssMiB: number };
  /**
   * `/tong-quan` in Chromium as ubnd until the matrix shows its rows, three runs each: loaded cold
   * (a fresh profile: every file fetched, the session looked up) and reached from the menu of
   * the portal already open (how a coordinator opens it).
   */
  overviewPage: { runsMs: number[]; medianMs: number; navigationRunsMs: number[]; navigationMedianMs: number } | null;
  /** Candidate index/query changes measured on this database (Postgres only). */
  experiments: Experiment[];
  notes: string[];
}

export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresAvailable(): Promise<string | null> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await admin`show server_version`;
    return String(row?.server_version ?? 'unknown');
  } catch {
    return null;
  } finally {
    await admin.end({ timeout: 2 });
  }
}

/** Runs `pnpm dondoc seed:scale` (the CLI itself, without pnpm's wrapper) against the database. */
export async function generate(scale: Scale, asOf: string, target: { databaseUrl?: string; dataDir?: string; quiet?: boolean }): Promise<{ output: GeneratorOutput; seconds: number }> {
  const started = performance.now();
  const stdout = await runCommand(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'seed:scale', '--units', String(scale.units), '--tasks', String(scale.tasks), '--reports', String(scale.reports), '--measurements', String(scale.measurements), '--seed', String(scale.seed), '--drafts', String(scale.drafts), '--as-of', asOf],
    { cwd: join(repoRoot, 'apps/server'), env: { DATABASE_URL: target.databaseUrl ?? '', ...(target.dataDir ? { DATA_DIR: target.dataDir } : {}), DONDOC_DEMO: '0' }, quiet: target.quiet ?? false },
  );
  const line = stdout.trim().split('\n').at(-1) ?? '{}';
  return { output: JSON.parse(line) as GeneratorOutput, seconds: round((performance.now() - started) / 1000, 1)! };
}

export async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}: ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export const queryPath = (procedure: string, input: unknown) => `/api/trpc/core/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

/**
 * Waits until the server has worked off what the last load point left in flight (autocannon
 * stops sending at the end of a point, the server still answers what it had): /healthz runs
 * `select 1` through the same pool, so it answers fast only once the backlog is gone.
 */
export async function settle(url: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  let fast = 0;
  while (performance.now() < deadline && fast < 3) {
    const started = performance.now();
    await fetch(`${url}/healthz`).catch(() => undefined);
    fast = performance.now() - started < 20 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function describePoint(p: LoadPoint): string {
  const v = (name: 'p50' | 'p95' | 'p99') => `${name} ${p.lowerBounds.includes(name) ? '≥' : ''}${p[`${name}Ms`]} ms`;
  return `${v('p50')}  ${v('p95')}  ${v('p99')}  ${p.rps} req/s  (${p.requests} answered, ${p.unfinished} unfinished)${p.non2xx ? `  ${p.non2xx} non-2xx!` : ''}`;
}

export const settled = async (url: string, point: Promise<LoadPoint>) => {
  const result = await point;
  await settle(url);
  return result;
};

export interface BackendOptions {
  backend: 'postgres' | 'pglite';
  scale: Scale;
  asOf: string;
  durationS: number;
  concurrency: number[];
  log: (line: string) => void;
}

export async function benchBackend(options: BackendOptions): Promise<BackendResult> {
  const { backend, scale, asOf, durationS, concurrency, log } = options;
  const notes: string[] = [];
  const work = await mkdtemp(join(tmpdir(), `dondoc-bench-${backend}-`));
  const configPath = join(work, 'dondoc.config.json');
  await writeFile(configPath, JSON.stringify({ plugins: [] }));
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  let dropDatabase = async () => {};
  if (backend === 'postgres') {
    const name = `dondoc_bench_${randomBytes(5).toString('hex')}`;
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const parsed = new URL(ADMIN_URL);
    parsed.pathname = `/${name}`;
    databaseUrl = parsed.toString();
    dropDatabase = async () => {
      const dropper = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
    log(`  throw-away database ${name}`);
  } else {
    dataDir = join(work, 'data');
  }
  try {
    log(`  generating ${scale.tasks.toLocaleString('en')} tasks, ${scale.reports.toLocaleString('en')} report lines, ${scale.measurements.toLocaleString('en')} measurements over ${scale.units} units…`);
    const { output: gen, seconds: generationSeconds } = await generate(scale, asOf, { databaseUrl, dataDir });
    log(`  generated in ${generationSeconds} s`);

    // Start-up of the real server entry (as `pnpm start` serves), then the bench's server.
    const real = await startServerProcess({ entry: 'real', databaseUrl, dataDir, configPath });
    const realServerIdleRssMiB = real.memory().rssMiB;
    await real.stop();
    const server = await startServerProcess({ entry: 'bench', databaseUrl, dataDir, configPath });
    log(`  real server up in ${Math.round(real.startupMs)} ms, bench server in ${Math.round(server.startupMs)} ms`);
    const url = server.url;
    const endpoints: Record<string, EndpointResult> = {};
    let ratios: BackendResult['ratios'];
    let memory: BackendResult['memory'];
    let overviewPage: BackendResult['overviewPage'] = null;
    try {
      const coordinator = await signIn(url, 'ubnd', 'dondoc-demo');
      const headers = { cookie: coordinator };
      const getJson = async (path: string) => {
        const response = await fetch(`${url}${path}`, { headers });
        if (!response.ok) throw new Error(`${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
        return ((await response.json()) as { result: { data: unknown } }).result.data;
      };

      // Deep page: walk the unit's pages to the last one and keep the cursor that opens it.
      const unit = gen.samples.busiestUnit;
      const firstInput = { unitCode: unit, status: 'done_on_time', asOf, limit: 50 };
      let cursor: string | null = null;
      let deepCursor: string | null = null;
      let pages = 0;
      for (;;) {
        const page = (await getJson(queryPath('tasks.list', cursor ? { ...firstInput, cursor } : firstInput))) as { nextCursor: string | null };
        pages += 1;
        if (!page.nextCursor) break;
        deepCursor = page.nextCursor;
        cursor = page.nextCursor;
      }
      const allInput = { status: 'done_on_time', asOf, limit: 50 };
      // Codes sort by directive (`B<seed>-D<nn>-…`): this cursor skips about 90% of the directives.
      const allDeepCursor = `B${scale.seed}-D${String(Math.max(1, Math.floor(gen.directives * 0.9))).padStart(2, '0')}`;

      const plan: Array<{ id: string; procedure: string; description: string; input: unknown }> = [
        { id: 'overviewSummary', procedure: 'overview.summary', description: 'counts by status for every unit, completion rates, targets by forecast (coordinator)', input: { asOf } },
        { id: 'tasksListFirst', procedure: 'tasks.list', description: `unit ${unit} (the busiest), status done_on_time, first page of 50`, input: firstInput },
        { id: 'tasksListDeep', procedure: 'tasks.list', description: `unit ${unit}, status done_on_time, last page (page ${pages}) via cursor`, input: deepCursor ? { ...firstInput, cursor: deepCursor } : firstInput },
        { id: 'tasksListAllDeep', procedure: 'tasks.list', description: 'every unit, status done_on_time, a deep page via cursor (~90% through)', input: { ...allInput, cursor: allDeepCursor } },
        { id: 'targetsGet', procedure: 'targets.get', description: `target ${gen.samples.targetCode} with its measurements and forecast`, input: { code: gen.samples.targetCode, asOf } },
      ];
      for (const entry of plan) {
        const path = queryPath(entry.procedure, entry.input);
        await getJson(path);
        await settled(url, runLoad({ url, path, headers, connections: 16, durationS: 1 })); // warm-up
        const points: Record<string, LoadPoint> = {};
        for (const connections of concurrency) {
          points[`c${connections}`] = await settled(url, runLoad({ url, path, headers, connections, durationS }));
          const p = points[`c${connections}`]!;
          log(`  ${entry.procedure.padEnd(17)} ${entry.id.padEnd(17)} c=${String(connections).padEnd(3)} ${describePoint(p)}`);
          if (p.non2xx > 0 || p.errors > 0) notes.push(`${backend} ${entry.id} c=${connections}: ${p.non2xx} non-2xx answers, ${p.errors} errors`);
        }
        endpoints[entry.id] = { procedure: entry.procedure, description: entry.description, input: entry.input, points };
      }

      // reports.submit: each request submits the next prepared draft, as its unit's lead.
      const cookies = new Map<string, string>();
      for (const username of gen.accounts) cookies.set(username, await signIn(url, username, gen.password));
      const drafts = gen.samples.draftIds.map((id, i) => ({ id, cookie: cookies.get(gen.accounts[i % gen.accounts.length]!)! }));
      let next = 0;
      const submitPoints: Record<string, LoadPoint> = {};
      const setupRequest = (request: Record<string, unknown>) => {
        const draft = drafts[next++ % drafts.length]!;
        return { ...request, body: JSON.stringify({ id: draft.id, version: 1 }), headers: { 'content-type': 'application/json', origin: url, cookie: draft.cookie } };
      };
      const submitPath = '/api/trpc/core/reports.submit';
      // Warm-up: a few submits.
      await settled(url, runLoad({ url, path: submitPath, method: 'POST', connections: 1, durationS: 1, setupRequest, maxRequests: 5 }));
      for (const connections of concurrency) {
        const left = drafts.length - next;
        if (left < connections) {
          notes.push(`${backend} reports.submit c=${connections}: not run, only ${left} prepared drafts left`);
          continue;
        }
        const point = await settled(url, runLoad({ url, path: submitPath, method: 'POST', connections, durationS, setupRequest, maxRequests: left }));
        submitPoints[`c${connections}`] = point;
        log(`  reports.submit    reportsSubmit     c=${String(connections).padEnd(3)} ${describePoint(point)}`);
        if (point.non2xx > 0 || point.errors > 0) notes.push(`${backend} reportsSubmit c=${connections}: ${point.non2xx} non-2xx answers, ${point.errors} errors`);
        if (point.durationS < durationS * 0.9) notes.push(`${backend} reports.submit c=${connections}: the prepared drafts ran out after ${point.durationS} s`);
      }
      const perDraft = Math.round(gen.reports.draftItems / Math.max(1, gen.reports.drafts));
      endpoints.reportsSubmit = {
        procedure: 'reports.submit',
        description: `submit a complete draft monthly report (about ${perDraft} task lines: each copies progress to its task and writes a history row)`,
        input: { id: '<next prepared draft>', version: 1 },
        points: submitPoints,
        note: `${drafts.length} drafts prepared by seed:scale --drafts; ${next} submitted in the run (warm-up included)`,
      };

      // overview.summary over the bare SQL it runs: capture one request's SQL, replay it through
      // the driver; then, in alternating rounds (so that other load on the machine hits both
      // sides alike), the endpoint at one connection, the replay, and the procedure in-process.
      // overview.summary shares one answer between callers until a write (core overview.ts,
      // `summaryMemo`): asked again unchanged, it runs almost no SQL. To weigh the procedure
      // against its SQL, a write is simulated before each request here (untimed: the `overview`
      // version moved, as any task write moves it), so that each is computed from the kept counts;
      // the SQL replayed is that of such a request. The shared answer's time is the endpoint's c1 point.
      const overviewPath = queryPath('overview.summary', { asOf });
      const directPath = `/__bench/direct?input=${encodeURIComponent(JSON.stringify({ asOf }))}&bump=overview`;
      const directTimes: number[] = [];
      const bumpOverview = async () => void (await (await fetch(`${url}/__bench/bump-overview`, { method: 'POST' })).arrayBuffer());
      const overview = await overBareSql(
        url,
        headers,
        overviewPath,
        async (n) => {
          directTimes.push(...((await (await fetch(`${url}${directPath}&n=${n}`)).json()) as { times: number[] }).times);
        },
        bumpOverview,
      );
      const { httpTimes, bareTimes, roundRatios, bareInfo, captured } = overview;
      const bareSorted = [...bareTimes].sort((a, b) => a - b);
      log(`  overview.summary p50 ${round(median(httpTimes), 2)} ms (one connection) over its bare SQL (${captured} statements, ${bareInfo.rows} rows) p50 ${round(median(bareTimes), 2)} ms; in-process ${round(median(directTimes), 2)} ms`);

      // Every other core read endpoint over its bare SQL, the same way (issue 17: each ≤ 1.5×).
      const readsOverBareSql: Record<string, { ratio: number | null; p50Ms: number | null; bareSqlP50Ms: number | null; queries: number; roundRatios: number[] }> = {};
      for (const entry of plan.filter((e) => e.id !== 'overviewSummary')) {
        const measured = await overBareSql(url, headers, queryPath(entry.procedure, entry.input));
        readsOverBareSql[entry.id] = {
          ratio: round(median(measured.roundRatios), 2),
          p50Ms: round(median(measured.httpTimes), 2),
          bareSqlP50Ms: round(median(measured.bareTimes), 2),
          queries: measured.bareInfo.queries,
          roundRatios: measured.roundRatios.map((r) => round(r, 2)!),
        };
        log(`  ${entry.id} p50 ${readsOverBareSql[entry.id]!.p50Ms} ms over its bare SQL p50 ${readsOverBareSql[entry.id]!.bareSqlP50Ms} ms: ×${readsOverBareSql[entry.id]!.ratio}`);
      }

      // A trivial tRPC query over a raw Hono JSON route, same server, same answer, alternating.
      const raws: LoadPoint[] = [];
      const trpcs: LoadPoint[] = [];
      const rawFetches: LoadPoint[] = [];
      for (let round_ = 0; round_ < 3; round_++) {
        raws.push(await settled(url, runLoad({ url, path: '/__bench/raw', connections: 16, durationS: 2 })));
        trpcs.push(await settled(url, runLoad({ url, path: '/__bench/trpc/ping', connections: 16, durationS: 2 })));
        rawFetches.push(await settled(url, runLoad({ url, path: '/__bench/raw-fetch', connections: 16, durationS: 2 })));
      }
      const raw1 = await settled(url, runLoad({ url, path: '/__bench/raw', connections: 1, durationS: 2 }));
      const trpc1 = await settled(url, runLoad({ url, path: '/__bench/trpc/ping', connections: 1, durationS: 2 }));
      const rps = (points: LoadPoint[]) => median(points.map((p) => p.rps ?? 0));
      const trpcRatio = median(trpcs.map((t, i) => (t.rps ?? 0) / (raws[i]!.rps || 1)));
      log(`  trivial tRPC ${rps(trpcs)} req/s vs raw Hono ${rps(raws)} req/s at c=16, ratio ×${round(trpcRatio, 2)} (raw Hono through fetch Request/Response objects: ${rps(rawFetches)} req/s)`);
      ratios = {
        overviewOverBareSql: {
          ratio: round(median(roundRatios), 2),
          overviewP50Ms: round(median(httpTimes), 2),
          bareSqlP50Ms: round(median(bareTimes), 2),
          bareSqlP95Ms: round(quantile(bareSorted, 0.95), 2),
          queries: bareInfo.queries,
          rows: bareInfo.rows,
          iterations: bareTimes.length,
          inProcessProcedureP50Ms: round(median(directTimes), 2),
          inProcessProcedureIterations: directTimes.length,
          roundRatios: roundRatios.map((r) => round(r, 2)!),
        },
        readsOverBareSql,
        trpcOverRawHono: {
          ratio: round(trpcRatio, 2),
          connections: 16,
          trpcRps: rps(trpcs),
          rawRps: rps(raws),
          rawWithFetchObjectsRps: rps(rawFetches),
          roundRatios: trpcs.map((t, i) => round((t.rps ?? 0) / (raws[i]!.rps || 1), 2)!),
          trpc: trpcs,
          raw: raws,
          rawWithFetchObjects: rawFetches,
          ratioAt1: raw1.rps && trpc1.rps ? round(trpc1.rps / raw1.rps, 2) : null,
          at1: { trpc: trpc1, raw: raw1 },
        },
      };
      // /tong-quan in Chromium as ubnd, cold (a fresh profile each run): until the matrix shows its rows.
      const pageRuns: number[] = [];
      await mkdir(join(benchDir, 'dist'), { recursive: true });
      for (let i = 0; i < 3; i++) {
        const load = await coldLoad(url, '/tong-quan', 'ubnd', 'dondoc-demo', i === 0 ? join(benchDir, 'dist', `overview-${backend}.png`) : undefined, 'overview');
        pageRuns.push(round(load.ms, 1)!);
      }
      const navigationRuns: number[] = [];
      for (let i = 0; i < 3; i++) navigationRuns.push(round(await overviewNavigation(url, 'ubnd', 'dondoc-demo', i === 0 ? join(benchDir, 'dist', `overview-nav-${backend}.png`) : undefined), 1)!);
      overviewPage = { runsMs: pageRuns, medianMs: round(median(pageRuns), 1)!, navigationRunsMs: navigationRuns, navigationMedianMs: round(median(navigationRuns), 1)! };
      log(`  /tong-quan usable (matrix shown) in Chromium: from the menu ${overviewPage.navigationMedianMs} ms (${navigationRuns.join(', ')} ms); cold load ${overviewPage.medianMs} ms (${pageRuns.join(', ')} ms)`);
      const mem = server.memory();
      memory = { rssAfterLoadMiB: mem.rssMiB, peakRssMiB: mem.peakRssMiB };
      log(`  server memory after the load: RSS ${mem.rssMiB} MiB (peak ${mem.peakRssMiB} MiB)`);
    } catch (error) {
      process.stderr.write(server.output().slice(-4000));
      throw error;
    } finally {
      await server.stop();
    }
    let experiments: Experiment[] = [];
    if (databaseUrl) {
      log('  measuring candidate index and query changes on the same database…');
      experiments = await runExperiments(databaseUrl, asOf, gen.samples.busiestUnit);
      for (const e of experiments) log(`    ${e.id}: ${e.beforeMs} ms → ${e.afterMs ?? '—'} ms${e.speedup ? ` (×${e.speedup})` : ''}`);
    }
    const { samples: _samples, accounts, ...rest } = gen;
    return {
      backend,
      scale,
      generated: { ...rest, accounts: accounts.length, generationSeconds },
      startup: { realServerMs: Math.round(real.startupMs), benchServerMs: Math.round(server.startupMs), realServerIdleRssMiB },
      endpoints,
      ratios,
      memory,
      overviewPage,
      experiments,
      notes,
    };
  } finally {
    await dropDatabase();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * An endpoint over the bare SQL it runs: one request's SQL captured, then three alternating
 * rounds (so that other load on the machine hits both sides alike) of the endpoint at one
 * connection for ~2 s and the captured SQL replayed through the driver as many times; `each`
 * runs a third side in the same rounds (the overview's in-process procedure).
 */
/**
 * An endpoint at one connection over its SQL replayed through the driver, in three alternating
 * rounds; `before`, when given, runs (untimed) before the captured request and each timed one.
 */
async function overBareSql(url: string, headers: Record<string, string>, path: string, each?: (n: number) => Promise<void>, before?: () => Promise<void>) {
  await settle(url);
  await before?.();
  await fetch(`${url}${path}`, { headers: { ...headers, 'x-bench-capture': '1' } });
  const captured = ((await (await fetch(`${url}/__bench/captured`)).json()) as unknown[]).length;
  const roundMs = 2000;
  const httpTimes: number[] = [];
  const bareTimes: number[] = [];
  const roundRatios: number[] = [];
  let bareInfo = { queries: 0, rows: 0 };
  for (let round_ = 0; round_ < 3; round_++) {
    const http: number[] = [];
    const until = performance.now() + roundMs;
    while (performance.now() < until || http.length < 3) {
      await before?.();
      const t = performance.now();
      const response = await fetch(`${url}${path}`, { headers });
      await response.arrayBuffer();
      http.push(performance.now() - t);
    }
    const n = Math.max(3, Math.min(300, Math.round(roundMs / Math.max(1, median(http)))));
    const bare = (await (await fetch(`${url}/__bench/bare?n=${n}`)).json()) as { queries: number; rows: number; times: number[] };
    await each?.(n);
    bareInfo = { queries: bare.queries, rows: bare.rows };
    httpTimes.push(...http);
    bareTimes.push(...bare.times);
    roundRatios.push(median(http) / median(bare.times));
  }
  return { captured, httpTimes, bareTimes, roundRatios, bareInfo };
}
