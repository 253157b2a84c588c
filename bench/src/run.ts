/**
 * `pnpm bench`: API (autocannon, Postgres and PGlite), browser (Chromium), bundle sizes,
 * memory and start-up, against the budgets of budgets.json. Writes results/<date>.json and
 * prints a table. The build (`turbo run build`) runs before this script (package.json).
 *
 * Knobs (environment): BENCH_DURATION (seconds per load point, default 4), BENCH_RUNS
 * (browser runs per variant, default 7), BENCH_SCALE=small (a quick run at 1/10 scale),
 * BENCH_PGLITE_TASKS (PGlite scale, default the full scale), BENCH_ONLY=api|web|import|parser|overview (import: only
 * the other user's reads during an import; parser: only the directive parser on 2458; overview:
 * overview.summary alone at 100,000 and 1,000,000 tasks on Postgres; the budgets of what did not run
 * are reported not measured, and the results go to results/<date>-<only>.json so that a partial run
 * never overwrites another run's file), BENCH_MILLION=0 (no 1,000,000 point).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { today } from '@dondoc/core/server';
import { benchBackend, postgresAvailable, type BackendResult, type Scale } from './lib/api.ts';
import { evaluateBudgets, type Budget } from './lib/budgets.ts';
import { benchDir } from './lib/paths.ts';
import { round } from './lib/stats.ts';
import { browserBench, bundles, buildSingleBundle, chooseModule, type BrowserResult, type BundleResult } from './lib/web.ts';
import { importContention, type ImportContentionResult } from './lib/import-contention.ts';
import { overviewAtScale, type OverviewAtScale } from './lib/overview-scale.ts';
import { parserBench, type ParserResult } from './lib/parser.ts';
import { printTable } from './lib/table.ts';

const startedAt = new Date();
const loadAtStart = loadavg().map((v) => round(v, 2));
const started = performance.now();
const log = (line: string) => process.stdout.write(`${line}\n`);
const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`;

const durationS = Number(process.env.BENCH_DURATION ?? 4);
const runs = Number(process.env.BENCH_RUNS ?? 7);
const small = process.env.BENCH_SCALE === 'small';
const only = process.env.BENCH_ONLY || undefined;
const scenarios = ['api', 'web', 'import', 'parser', 'overview'];
if (only !== undefined && !scenarios.includes(only)) {
  process.stderr.write(`BENCH_ONLY=${only}: not a scenario (one of ${scenarios.join(', ')})\n`);
  process.exit(2);
}
const concurrency = [1, 16, 64];
const asOf = today();

const full: Scale = { units: 600, tasks: 100_000, reports: 300_000, measurements: 50_000, drafts: 1500, seed: 1 };
const scaled = (factor: number): Scale => ({
  units: Math.max(60, Math.round(full.units * factor)),
  tasks: Math.round(full.tasks * factor),
  reports: Math.round(full.reports * factor),
  measurements: Math.round(full.measurements * factor),
  drafts: Math.max(300, Math.round(full.drafts * factor)),
  seed: full.seed,
});
const pgScale = small ? scaled(0.1) : full;
const pgliteTasks = Number(process.env.BENCH_PGLITE_TASKS ?? pgScale.tasks);
const pgliteScale = pgliteTasks === pgScale.tasks ? pgScale : scaled(pgliteTasks / full.tasks);

const notes: string[] = [
  `Each load point runs ${durationS} s after a 1 s warm-up at 16 connections (autocannon, keep-alive, loopback 127.0.0.1); latencies are per response, p95 computed from every response time.`,
  'The server runs as its own process with LOG_LEVEL=warn (no per-request access log line), as the bench measures the application, not stdout.',
  'Status counts and dates are relative to the as-of date below (today in Hà Nội); the generator is deterministic for a given --seed and --as-of.',
];

function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0] ?? 'unknown';
  } catch {
    return 'unavailable';
  }
}

const api: Partial<Record<'postgres' | 'pglite', BackendResult>> = {};
let browser: BrowserResult | null = null;
let bundleSizes: BundleResult | null = null;
let importOnPglite: ImportContentionResult | null = null;
const overviewScale: { tasks100k: OverviewAtScale | null; tasks1m: OverviewAtScale | null } = { tasks100k: null, tasks1m: null };
/** The 1,000,000 point: the full scale's units, ten times its tasks; fewer report lines and measurements (not what it measures). */
const million: Scale = { ...full, tasks: 1_000_000, reports: 100_000, measurements: 50_000, drafts: 300 };
let parser: ParserResult | null = null;

log(`dondoc bench — ${startedAt.toISOString()} — as of ${asOf}`);

if (only === undefined || only === 'api') {
  const pgVersion = await postgresAvailable();
  if (pgVersion) {
    log(`\n[API on Postgres ${pgVersion}] (${elapsed()})`);
    api.postgres = await benchBackend({ backend: 'postgres', scale: pgScale, asOf, durationS, concurrency, log });
  } else {
    notes.push('Postgres did not answer on 127.0.0.1:5432: the Postgres figures are missing (start it, e.g. pg_ctlcluster 15 main start).');
    log('\nPostgres is not answering on 127.0.0.1:5432: skipping the Postgres figures');
  }
  log(`\n[API on PGlite] (${elapsed()})`);
  api.pglite = await benchBackend({ backend: 'pglite', scale: pgliteScale, asOf, durationS, concurrency, log });
  if (pgliteScale.tasks !== pgScale.tasks) notes.push(`PGlite ran at a smaller scale (${pgliteScale.tasks.toLocaleString('en')} tasks) than Postgres.`);
}

if (only === 'overview' || ((only === undefined || only === 'api') && process.env.BENCH_MILLION !== '0' && !small)) {
  if (await postgresAvailable()) {
    if (only === 'overview') {
      log(`\n[overview.summary alone at ${pgScale.tasks.toLocaleString('en')} tasks on Postgres] (${elapsed()})`);
      overviewScale.tasks100k = await overviewAtScale(pgScale, asOf, durationS, log);
    }
    log(`\n[overview.summary alone at ${million.tasks.toLocaleString('en')} tasks on Postgres] (${elapsed()})`);
    overviewScale.tasks1m = await overviewAtScale(million, asOf, durationS, log);
  }
}

if (only === undefined || only === 'api' || only === 'import') {
  log(`\n[Another user's reads during an import on PGlite] (${elapsed()})`);
  importOnPglite = await importContention(5000, log);
  log(`  import of ${importOnPglite.rows} rows: ${importOnPglite.importMs} ms; ${importOnPglite.readsDuringImport} reads meanwhile, p95 ${importOnPglite.readP95Ms} ms, max ${importOnPglite.readMaxMs} ms`);
}

if (only === undefined || only === 'parser') {
  log(`\n[Directive parser on 2458] (${elapsed()})`);
  parser = parserBench();
  log(`  ${parser.tasks} tasks from ${parser.textChars.toLocaleString('en')} characters: median ${parser.directive2458Ms} ms, p95 ${parser.p95Ms} ms, first call ${parser.coldMs} ms`);
}

if (only === undefined || only === 'web') {
  log(`\n[Browser and bundles] (${elapsed()})`);
  const choice = chooseModule();
  log(`  module: ${choice.id} (${choice.why})`);
  const singleDir = await buildSingleBundle(choice);
  bundleSizes = bundles(choice, singleDir);
  log(`  shell ${bundleSizes.shell.gzipKB} KB + module ${bundleSizes.module.gzipKB} KB gzip (module's own code ${bundleSizes.module.ownGzipKB} KB); single bundle ${bundleSizes.singleBundleGzipKB} KB`);
  browser = await browserBench(choice, singleDir, runs, log);
  const first = browser.firstPageJs;
  log(`  ${first.path} needed ${first.beforeInteractiveGzipKB} KB gzip of JavaScript before interactive (shell ${first.beforeInteractive.shell.gzipKB} KB, module ${first.beforeInteractive.module.gzipKB} KB; single bundle ${first.singleBundleBeforeInteractiveGzipKB} KB); fetched after ${first.afterInteractive.gzipKB} KB; lazy, never fetched ${first.notFetched.gzipKB} KB`);
  log(`  federated ${browser.federated.medianMs} ms vs single bundle ${browser.singleBundle.medianMs} ms (median of ${runs}): ×${browser.ratio}`);
}

const results = {
  date: startedAt.toISOString().slice(0, 10),
  startedAt: startedAt.toISOString(),
  durationSeconds: 0,
  asOf,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    /** 1/5/15-minute load averages: other work on the machine skews the figures. */
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg().map((v) => round(v, 2)),
    node: process.version,
    postgres: version('psql', ['--version']),
    chromium: version(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
  },
  settings: { durationPerPointS: durationS, concurrency, browserRuns: runs, scale: { postgres: pgScale, pglite: pgliteScale }, logLevel: 'warn' },
  api,
  ratios: {
    postgres: api.postgres?.ratios ?? null,
    pglite: api.pglite?.ratios ?? null,
  },
  browser,
  bundles: bundleSizes,
  importContention: { pglite: importOnPglite },
  overviewAtScale: overviewScale,
  memory: {
    postgres: api.postgres ? { ...api.postgres.memory, idleAfterStartMiB: api.postgres.startup.realServerIdleRssMiB } : null,
    pglite: api.pglite ? { ...api.pglite.memory, idleAfterStartMiB: api.pglite.startup.realServerIdleRssMiB } : null,
  },
  startup: {
    postgres: api.postgres?.startup ?? null,
    pglite: api.pglite?.startup ?? null,
    method: 'spawn of `node --import tsx src/serve.ts` (the real server entry, as `pnpm start` serves) until GET /healthz answers 200, on the generated data',
  },
  experiments: api.postgres?.experiments ?? [],
  parser,
  budgets: [] as ReturnType<typeof evaluateBudgets>,
  notes: [...notes, ...(api.postgres?.notes ?? []), ...(api.pglite?.notes ?? [])],
};
const budgets = JSON.parse(readFileSync(join(benchDir, 'budgets.json'), 'utf8')) as { budgets: Budget[] };
results.budgets = evaluateBudgets(budgets.budgets, results);
results.durationSeconds = Math.round((performance.now() - started) / 1000);

mkdirSync(join(benchDir, 'results'), { recursive: true });
const file = join(benchDir, 'results', only ? `${results.date}-${only}.json` : `${results.date}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
printTable(results, log);
log(`\nresults: ${file.replace(benchDir, 'bench/')} — the whole run took ${results.durationSeconds} s`);
