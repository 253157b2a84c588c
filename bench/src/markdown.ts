/**
 * Prints a results file as Markdown tables (for bench/README.md):
 * `node --import tsx src/markdown.ts results/<date>.json`.
 */
import { readFileSync } from 'node:fs';
import type { LoadPoint } from './lib/load.ts';

interface Results {
  date: string;
  durationSeconds: number;
  asOf: string;
  machine: { cpus: number; cpuModel: string; node: string; postgres: string; chromium: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  api: Record<string, { scale: { tasks: number }; generated: { generationSeconds: number }; endpoints: Record<string, { procedure: string; points: Record<string, LoadPoint> }>; startup: { realServerMs: number }; memory: { rssAfterLoadMiB: number; peakRssMiB: number } }>;
  ratios: Record<string, { overviewOverBareSql: { ratio: number; overviewP50Ms: number; bareSqlP50Ms: number; inProcessProcedureP50Ms: number; rows: number; queries: number }; trpcOverRawHono: { ratio: number; trpcRps: number; rawRps: number; rawWithFetchObjectsRps: number; ratioAt1: number } } | null>;
  browser: { module: { id: string }; runs: number; federated: { medianMs: number; loadedJsGzipKB: number }; singleBundle: { medianMs: number; loadedJsGzipKB: number }; ratio: number } | null;
  bundles: { shell: { gzipKB: number; largest: Array<{ file: string; gzipKB: number }> }; module: { id: string; gzipKB: number; ownGzipKB: number; runtimeGzipKB: number }; shellPlusModuleGzipKB: number; singleBundleGzipKB: number } | null;
  parser: { directive2458Ms: number; p95Ms: number; coldMs: number; runs: number; tasks: number } | null;
  experiments: Array<{ id: string; change: string; beforeMs: number; afterMs: number | null; speedup: number | null; detail?: string }>;
  budgets: Array<{ id: string; description: string; value: number | null; op: string; limit: number; unit: string; met: boolean | null; missedBy: number | null; ofLimit: number | null }>;
}

const file = process.argv[2];
if (!file) throw new Error('usage: src/markdown.ts results/<date>.json');
const r = JSON.parse(readFileSync(file, 'utf8')) as Results;
const out: string[] = [];
const cell = (p: LoadPoint | undefined, name: 'p50' | 'p95' | 'p99') => (p ? `${p.lowerBounds.includes(name) ? '≥' : ''}${p[`${name}Ms`] ?? '—'}` : '—');

out.push(`Run of ${r.date} (as of ${r.asOf}), ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}, ${r.machine.postgres}, ${r.machine.chromium}; load average ${r.machine.loadAverageAtStart.join(' / ')} at the start, ${r.machine.loadAverageAtEnd.join(' / ')} at the end; the measuring took ${Math.round(r.durationSeconds / 6) / 10} min (plus the build that \`pnpm bench\` runs first).`);
out.push('');
out.push('| backend | endpoint | conn | p50 ms | p95 ms | p99 ms | req/s |');
out.push('|---|---|---:|---:|---:|---:|---:|');
for (const [backend, result] of Object.entries(r.api)) {
  for (const [id, endpoint] of Object.entries(result.endpoints)) {
    for (const [conn, p] of Object.entries(endpoint.points)) {
      out.push(`| ${backend} | ${id} | ${conn.slice(1)} | ${cell(p, 'p50')} | ${cell(p, 'p95')} | ${cell(p, 'p99')} | ${p.rps ?? '—'} |`);
    }
  }
}
out.push('');
out.push('| figure | Postgres | PGlite |');
out.push('|---|---:|---:|');
const both = (f: (backend: string) => string | number | null | undefined) => `| ${f('postgres') ?? '—'} | ${f('pglite') ?? '—'} |`;
out.push(`| tasks generated (seconds to generate) ${both((b) => (r.api[b] ? `${r.api[b]!.scale.tasks.toLocaleString('en')} (${r.api[b]!.generated.generationSeconds} s)` : null))}`);
out.push(`| overview.summary p50, one connection (ms) ${both((b) => r.ratios[b]?.overviewOverBareSql.overviewP50Ms)}`);
out.push(`| — the same procedure in-process, no HTTP (ms) ${both((b) => r.ratios[b]?.overviewOverBareSql.inProcessProcedureP50Ms)}`);
out.push(`| — its bare SQL through the driver (ms) ${both((b) => (r.ratios[b] ? `${r.ratios[b]!.overviewOverBareSql.bareSqlP50Ms} (${r.ratios[b]!.overviewOverBareSql.queries} statements, ${r.ratios[b]!.overviewOverBareSql.rows.toLocaleString('en')} rows)` : null))}`);
out.push(`| **overview over bare SQL** ${both((b) => r.ratios[b]?.overviewOverBareSql.ratio)}`);
out.push(`| trivial tRPC / raw Hono / raw Hono via fetch objects (req/s, 16 conn.) ${both((b) => (r.ratios[b] ? `${r.ratios[b]!.trpcOverRawHono.trpcRps} / ${r.ratios[b]!.trpcOverRawHono.rawRps} / ${r.ratios[b]!.trpcOverRawHono.rawWithFetchObjectsRps}` : null))}`);
out.push(`| **tRPC over raw Hono** (16 conn.; 1 conn.) ${both((b) => (r.ratios[b] ? `${r.ratios[b]!.trpcOverRawHono.ratio}; ${r.ratios[b]!.trpcOverRawHono.ratioAt1}` : null))}`);
out.push(`| server RSS after the load / peak (MiB) ${both((b) => (r.api[b] ? `${r.api[b]!.memory.rssAfterLoadMiB} / ${r.api[b]!.memory.peakRssMiB}` : null))}`);
out.push(`| start-up to /healthz (ms) ${both((b) => r.api[b]?.startup.realServerMs)}`);
out.push('');
if (r.browser && r.bundles) {
  out.push(`| browser and bundles (module: ${r.browser.module.id}) | |`);
  out.push('|---|---:|');
  out.push(`| cold load to the module interactive, federated (median of ${r.browser.runs}) | ${r.browser.federated.medianMs} ms |`);
  out.push(`| the same, single bundle | ${r.browser.singleBundle.medianMs} ms |`);
  out.push(`| **federated over single bundle** | ${r.browser.ratio} |`);
  out.push(`| shell JS, gzip (largest: ${r.bundles.shell.largest.slice(0, 2).map((f) => `${f.file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js').slice(-60)} ${f.gzipKB} KB`).join('; ')}) | ${r.bundles.shell.gzipKB} KB |`);
  out.push(`| module JS, gzip: own code + federation runtime | ${r.bundles.module.ownGzipKB} + ${r.bundles.module.runtimeGzipKB} = ${r.bundles.module.gzipKB} KB |`);
  out.push(`| **shell plus module** | ${r.bundles.shellPlusModuleGzipKB} KB |`);
  out.push(`| JS fetched for the module page: federated / single bundle | ${r.browser.federated.loadedJsGzipKB} / ${r.browser.singleBundle.loadedJsGzipKB} KB |`);
  out.push(`| the single-bundle build, whole | ${r.bundles.singleBundleGzipKB} KB |`);
  out.push('');
}
if (r.parser) {
  out.push('| directive parser on 2458 | |', '|---|---:|');
  out.push(`| ${r.parser.tasks} draft tasks: median of ${r.parser.runs} runs (p95; first call in the process) | ${r.parser.directive2458Ms} ms (${r.parser.p95Ms} ms; ${r.parser.coldMs} ms) |`, '');
}
out.push('| budget | value | limit | verdict |');
out.push('|---|---:|---:|---|');
for (const b of r.budgets) {
  out.push(`| ${b.description} | ${b.value ?? '—'} ${b.unit} | ${b.op} ${b.limit} ${b.unit} | ${b.met === null ? 'no data' : b.met ? 'met' : `**missed** by ${b.missedBy} ${b.unit} (×${b.ofLimit} of the limit)`} |`);
}
out.push('');
out.push('| candidate change (measured on the generated Postgres database) | before ms | after ms | speed-up |');
out.push('|---|---:|---:|---:|');
for (const e of r.experiments) out.push(`| \`${e.id}\`: ${e.change}${e.detail ? ` — ${e.detail}` : ''} | ${e.beforeMs} | ${e.afterMs ?? '—'} | ${e.speedup ? `×${e.speedup}` : '—'} |`);
process.stdout.write(`${out.join('\n')}\n`);
