import type { LoadPoint } from './load.ts';
import type { BudgetOutcome } from './budgets.ts';

interface Printable {
  api: Record<string, { endpoints: Record<string, { procedure: string; points: Record<string, LoadPoint> }>; startup: { realServerMs: number }; memory: { rssAfterLoadMiB: number; peakRssMiB: number }; scale: { tasks: number } } | undefined>;
  ratios: Record<string, { overviewOverBareSql: { ratio: number | null }; trpcOverRawHono: { ratio: number | null } } | null>;
  browser: { federated: { medianMs: number | null }; singleBundle: { medianMs: number | null }; ratio: number | null; module: { id: string } } | null;
  bundles: { shell: { gzipKB: number }; module: { gzipKB: number; ownGzipKB: number }; singleBundleGzipKB: number } | null;
  parser: { directive2458Ms: number; p95Ms: number; coldMs: number } | null;
  budgets: BudgetOutcome[];
}

const pad = (text: string | number | null, width: number) => String(text ?? '—').padStart(width);

export function printTable(results: Printable, log: (line: string) => void): void {
  log('\nAPI (latency ms p50 / p95 / p99, requests per second; ≥: a request still unanswered at the end of the point sets that percentile, so the true value is at least this)');
  log(`${'backend'.padEnd(9)}${'endpoint'.padEnd(19)}${'conn'.padStart(5)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'req/s'.padStart(9)}`);
  for (const [backend, result] of Object.entries(results.api)) {
    if (!result) continue;
    for (const [id, endpoint] of Object.entries(result.endpoints)) {
      for (const [conn, p] of Object.entries(endpoint.points)) {
        const v = (name: 'p50' | 'p95' | 'p99') => (p[`${name}Ms`] === null ? null : `${p.lowerBounds?.includes(name) ? '≥' : ''}${p[`${name}Ms`]}`);
        log(`${backend.padEnd(9)}${id.padEnd(19)}${pad(conn.slice(1), 5)}${pad(v('p50'), 9)}${pad(v('p95'), 9)}${pad(v('p99'), 9)}${pad(p.rps, 9)}`);
      }
    }
  }
  log('\nOther figures');
  for (const [backend, result] of Object.entries(results.api)) {
    if (!result) continue;
    const r = results.ratios[backend];
    log(`  ${backend}: ${result.scale.tasks.toLocaleString('en')} tasks; start-up ${result.startup.realServerMs} ms; RSS after load ${result.memory.rssAfterLoadMiB} MiB (peak ${result.memory.peakRssMiB}); overview/bare SQL ×${r?.overviewOverBareSql.ratio}; tRPC/raw Hono ×${r?.trpcOverRawHono.ratio}`);
  }
  if (results.browser && results.bundles) {
    log(`  browser (${results.browser.module.id}): federated ${results.browser.federated.medianMs} ms, single bundle ${results.browser.singleBundle.medianMs} ms, ×${results.browser.ratio}`);
    log(`  JS gzip: shell ${results.bundles.shell.gzipKB} KB, module ${results.bundles.module.gzipKB} KB (own code ${results.bundles.module.ownGzipKB} KB), single bundle ${results.bundles.singleBundleGzipKB} KB`);
  }
  if (results.parser) log(`  directive parser on 2458: median ${results.parser.directive2458Ms} ms, p95 ${results.parser.p95Ms} ms, first call ${results.parser.coldMs} ms`);
  log('\nBudgets');
  for (const b of results.budgets) {
    const verdict = b.met === null ? 'NO DATA' : b.met ? 'met' : `MISSED by ${b.missedBy} ${b.unit}`;
    log(`  ${(b.met === null ? '?' : b.met ? '✓' : '✗')} ${b.id.padEnd(30)} ${String(b.value ?? '—').padStart(9)} ${b.op} ${b.limit} ${b.unit.padEnd(4)} ${verdict}`);
  }
}
