import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coldLoad, type ColdLoad } from './browser.ts';
import { benchDir, repoRoot } from './paths.ts';
import { runCommand, startServerProcess } from './processes.ts';
import { fileSize, jsSizes, moduleSizes, type JsSizes } from './sizes.ts';
import { median, round } from './stats.ts';

export interface ModuleChoice {
  id: string;
  server: string;
  web: string;
  entry: string;
  why: string;
}

/** plugins/tai-chinh when its web build exists, else the test fixture module. */
export function chooseModule(): ModuleChoice {
  const taiChinh = join(repoRoot, 'plugins/tai-chinh');
  const candidates = {
    server: join(taiChinh, 'src/server/plugin.ts'),
    web: join(taiChinh, 'dist'),
    entry: join(taiChinh, 'src/web/plugin.tsx'),
  };
  if (existsSync(join(candidates.web, 'mf-manifest.json')) && existsSync(candidates.server) && existsSync(candidates.entry)) {
    return { id: 'tai-chinh', ...candidates, why: 'plugins/tai-chinh/dist exists' };
  }
  const fixture = join(repoRoot, 'test-fixtures/plugin-fixture');
  return {
    id: 'fixture',
    server: join(fixture, 'src/server/plugin.ts'),
    web: join(fixture, 'dist'),
    entry: join(fixture, 'src/web/plugin.tsx'),
    why: 'plugins/tai-chinh has no web build (plugins/tai-chinh/dist/mf-manifest.json missing): the test fixture module stands in',
  };
}

const kb = (bytes: number) => round(bytes / 1000, 1)!;

/** A set of JavaScript files of the builds, gzip. */
export interface JsSet {
  gzipKB: number;
  files: number;
  largest: Array<{ file: string; gzipKB: number }>;
}

/**
 * The JavaScript a cold load of the module's first page needed before it was interactive
 * (the budget), what it fetched after, and the lazy chunks it never fetched.
 */
export interface FirstPageJs {
  path: string;
  /** Requested before the page was ready (shell + module): the budgeted figure. */
  beforeInteractiveGzipKB: number;
  beforeInteractive: { shell: JsSet; module: JsSet };
  /** Requested after it was ready, until the network settled. */
  afterInteractive: JsSet;
  /** In the shell's and the module's builds, never fetched by this page (charts, other pages, …). */
  notFetched: JsSet;
  /** The single-bundle build's scripts needed before the same page was interactive. */
  singleBundleBeforeInteractiveGzipKB: number;
  method: string;
}

export interface BrowserResult {
  module: { id: string; why: string };
  runs: number;
  firstPageJs: FirstPageJs;
  federated: { medianMs: number | null; runsMs: number[]; loadedJsGzipKB: number; scripts: string[] };
  singleBundle: { medianMs: number | null; runsMs: number[]; loadedJsGzipKB: number; scripts: string[]; buildGzipKB: number; buildKB: number };
  ratio: number | null;
  method: string;
}

export interface BundleResult {
  shell: { files: number; bytesKB: number; gzipKB: number; largest: Array<{ file: string; gzipKB: number }> };
  module: { id: string; files: number; bytesKB: number; gzipKB: number; ownGzipKB: number; ownKB: number; runtimeGzipKB: number; ownFiles: string[] };
  modules: Record<string, { gzipKB: number; ownGzipKB: number }>;
  shellPlusModuleGzipKB: number;
  shellPlusModuleOwnGzipKB: number;
  singleBundleGzipKB: number;
  unit: string;
}

function summary(sizes: JsSizes) {
  return { files: sizes.files.length, bytesKB: kb(sizes.bytes), gzipKB: kb(sizes.gzipBytes), largest: sizes.files.slice(0, 5).map((f) => ({ file: f.file, gzipKB: kb(f.gzipBytes) })) };
}

/** JavaScript of the built dist folders: the shell, the chosen module, every module there is. */
export function bundles(choice: ModuleChoice, singleDir: string): BundleResult {
  const shell = jsSizes(join(repoRoot, 'apps/shell/dist'));
  const mod = moduleSizes(choice.web);
  const modules: BundleResult['modules'] = {};
  const dists = [join(repoRoot, 'test-fixtures/plugin-fixture/dist')];
  for (const name of existsSync(join(repoRoot, 'plugins')) ? readdirSync(join(repoRoot, 'plugins')) : []) dists.push(join(repoRoot, 'plugins', name, 'dist'));
  for (const dist of dists) {
    if (!existsSync(dist)) continue;
    const sizes = moduleSizes(dist);
    modules[dist.replace(repoRoot, '')] = { gzipKB: kb(sizes.gzipBytes), ownGzipKB: kb(sizes.ownGzipBytes) };
  }
  const single = jsSizes(singleDir);
  return {
    shell: summary(shell),
    module: { id: choice.id, ...summary(mod), ownGzipKB: kb(mod.ownGzipBytes), ownKB: kb(mod.ownBytes), runtimeGzipKB: kb(mod.runtimeGzipBytes), ownFiles: mod.ownFiles },
    modules,
    shellPlusModuleGzipKB: kb(shell.gzipBytes + mod.gzipBytes),
    shellPlusModuleOwnGzipKB: kb(shell.gzipBytes + mod.ownGzipBytes),
    singleBundleGzipKB: kb(single.gzipBytes),
    unit: 'KB = 1,000 bytes, gzip level 9',
  };
}

/** Builds the shell as one bundle with the module statically imported (bench/vite.single.config.ts). */
export async function buildSingleBundle(choice: ModuleChoice): Promise<string> {
  const outDir = join(benchDir, 'dist/single');
  await runCommand(join(benchDir, 'node_modules/.bin/vite'), ['build', '--configLoader', 'runner', '--config', 'vite.single.config.ts'], {
    cwd: benchDir,
    env: { BENCH_MODULE_ENTRY: choice.entry, BENCH_SINGLE_OUT: outDir },
    quiet: true,
  });
  return outDir;
}

/** The built files behind fetched paths (`/plugins/<id>/…` in the module's dist, the rest in the shell's). */
function filesOf(scripts: string[], roots: Array<[prefix: string, dir: string]>): Array<{ path: string; gzipBytes: number }> {
  const out: Array<{ path: string; gzipBytes: number }> = [];
  for (const path of scripts) {
    const match = roots.find(([prefix]) => path.startsWith(prefix));
    if (!match) continue;
    const file = join(match[1], path.slice(match[0].length));
    if (existsSync(file)) out.push({ path, gzipBytes: fileSize(file, match[1]).gzipBytes });
  }
  return out;
}

function jsSet(files: Array<{ path: string; gzipBytes: number }>): JsSet {
  const sorted = [...files].sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    gzipKB: kb(sorted.reduce((sum, f) => sum + f.gzipBytes, 0)),
    files: sorted.length,
    largest: sorted.slice(0, 8).map((f) => ({ file: f.path, gzipKB: kb(f.gzipBytes) })),
  };
}

function loadedGzip(scripts: string[], roots: Array<[prefix: string, dir: string]>): number {
  return kb(filesOf(scripts, roots).reduce((sum, f) => sum + f.gzipBytes, 0));
}

/** Splits one cold load's scripts: needed before interactive (shell, module), fetched after, never fetched. */
function firstPageJs(load: ColdLoad, singleLoad: ColdLoad, path: string, choice: ModuleChoice, shellDist: string, singleDir: string): FirstPageJs {
  const modulePrefix = `/plugins/${choice.id}/`;
  const roots: Array<[string, string]> = [[modulePrefix, choice.web], ['/', shellDist]];
  const before = filesOf(load.beforeReady, roots);
  const after = filesOf(load.afterReady, roots);
  const fetched = new Set([...load.beforeReady, ...load.afterReady]);
  const all = [
    ...jsSizes(shellDist).files.map((f) => ({ path: `/${f.file}`, gzipBytes: f.gzipBytes })),
    ...jsSizes(choice.web).files.map((f) => ({ path: `${modulePrefix}${f.file}`, gzipBytes: f.gzipBytes })),
  ];
  return {
    path,
    beforeInteractiveGzipKB: kb(before.reduce((sum, f) => sum + f.gzipBytes, 0)),
    beforeInteractive: { shell: jsSet(before.filter((f) => !f.path.startsWith(modulePrefix))), module: jsSet(before.filter((f) => f.path.startsWith(modulePrefix))) },
    afterInteractive: jsSet(after),
    notFetched: jsSet(all.filter((f) => !fetched.has(f.path))),
    singleBundleBeforeInteractiveGzipKB: loadedGzip(singleLoad.beforeReady, [['/', singleDir]]),
    method:
      "The first cold run's JavaScript requests (resource timing, same origin), split at the moment the page is ready (the time measured): those started before are what the page needed to be interactive; then the network is left to settle (networkidle, at most 10 s) and what else it fetched is reported apart, with the lazy chunks of the shell's and the module's builds it never fetched. gzip level 9 of each built file (what the server sends is br or gzip, per the browser's Accept-Encoding: see apps/server/src/static.ts).",
  };
}

/**
 * Cold loads of the module's first page, federated (the production build) and single-bundle,
 * interleaved, each in a fresh Chromium profile; medians of `runs`.
 */
export async function browserBench(choice: ModuleChoice, singleDir: string, runs: number, log: (line: string) => void): Promise<BrowserResult> {
  const work = await mkdtemp(join(tmpdir(), 'dondoc-bench-web-'));
  const configPath = join(work, 'dondoc.config.json');
  await writeFile(configPath, JSON.stringify({ plugins: [{ id: choice.id, server: choice.server, web: choice.web }] }));
  const federatedServer = await startServerProcess({ entry: 'real', dataDir: join(work, 'fed'), configPath, demo: true });
  const singleServer = await startServerProcess({ entry: 'real', dataDir: join(work, 'single'), configPath, demo: true, shellDir: singleDir });
  try {
    const health = (await (await fetch(`${federatedServer.url}/healthz`)).json()) as { plugins: Array<{ id: string; status: string }> };
    const status = health.plugins.find((p) => p.id === choice.id)?.status;
    if (status !== 'ready') throw new Error(`module ${choice.id} is ${status ?? 'missing'} on the server: ${federatedServer.output().slice(-1500)}`);
    const path = `/m/${choice.id}/`;
    const fed: number[] = [];
    const single: number[] = [];
    let fedScripts: string[] = [];
    let singleScripts: string[] = [];
    let firstFed: ColdLoad | undefined;
    let firstSingle: ColdLoad | undefined;
    for (let i = 0; i < runs; i++) {
      const shot = (name: string) => (i === 0 ? join(benchDir, 'dist', `ready-${name}.png`) : undefined);
      const a = await coldLoad(federatedServer.url, path, 'stc', 'dondoc-demo', shot('federated'));
      const b = await coldLoad(singleServer.url, path, 'stc', 'dondoc-demo', shot('single'));
      fed.push(round(a.ms, 1)!);
      single.push(round(b.ms, 1)!);
      fedScripts = a.scripts;
      singleScripts = b.scripts;
      firstFed ??= a;
      firstSingle ??= b;
      log(`  run ${i + 1}/${runs}: federated ${Math.round(a.ms)} ms, single bundle ${Math.round(b.ms)} ms`);
    }
    const fedMedian = median(fed);
    const singleMedian = median(single);
    const shellDist = join(repoRoot, 'apps/shell/dist');
    const singleSizes = jsSizes(singleDir);
    return {
      module: { id: choice.id, why: choice.why },
      runs,
      firstPageJs: firstPageJs(firstFed!, firstSingle!, path, choice, shellDist, singleDir),
      federated: {
        medianMs: round(fedMedian, 1),
        runsMs: fed,
        loadedJsGzipKB: loadedGzip(fedScripts, [[`/plugins/${choice.id}/`, choice.web], ['/', shellDist]]),
        scripts: fedScripts,
      },
      singleBundle: {
        medianMs: round(singleMedian, 1),
        runsMs: single,
        loadedJsGzipKB: loadedGzip(singleScripts, [['/', singleDir]]),
        scripts: singleScripts,
        buildGzipKB: kb(singleSizes.gzipBytes),
        buildKB: kb(singleSizes.bytes),
      },
      ratio: round(fedMedian / singleMedian, 2),
      method:
        'Chromium (Debian) headless, fresh profile per run (cold HTTP and code caches), signed in as stc through the API, then navigation to /m/<id>/; the time is performance.now() (from navigation start) when #main holds the module heading and a control and no spinner: module code loaded, rendered, first data in. Server: the real server process on loopback, embedded PGlite with the demo data, no compression (as served today).',
    };
  } finally {
    await federatedServer.stop();
    await singleServer.stop();
    await rm(work, { recursive: true, force: true });
  }
}
