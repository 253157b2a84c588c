/**
 * The directive parser on directive 2458 (issue 19: under 50 ms for a directive of this size):
 * the whole `parseDirective` from the text and the registry array (the unit matcher built each
 * time, as the CLI does once per file), warmed up, then timed run after run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hanoiDirectory } from '@dondoc/auth';
import { parseDirective } from '@dondoc/directive-parser';
import { repoRoot } from './paths.ts';

export interface ParserResult {
  /** Median of the timed runs, ms: the budget's figure. */
  directive2458Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The first call in the process (modules loaded, nothing compiled by the JIT yet). */
  coldMs: number;
  runs: number;
  textChars: number;
  tasks: number;
  units: number;
  note: string;
}

/** Milliseconds to two decimals (every figure here is finite: a measured time). */
const ms = (value: number) => Math.round(value * 100) / 100;

export function parserBench(runs = 200): ParserResult {
  const text = readFileSync(join(repoRoot, 'packages/core/data/2458-UBND-SNV-2023.md'), 'utf8');
  const units = hanoiDirectory().map(({ code, name, kind }) => ({ code, name, kind }));
  const parseOnce = () => {
    const result = parseDirective(text, { units });
    if (!result.ok) throw new Error(`the parser refused directive 2458: ${result.error.message.en}`);
    return result;
  };
  const coldStart = performance.now();
  const first = parseOnce();
  const coldMs = performance.now() - coldStart;
  for (let i = 0; i < 20; i++) parseOnce();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parseOnce();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return {
    directive2458Ms: ms(at(0.5)),
    p95Ms: ms(at(0.95)),
    maxMs: ms(times.at(-1)!),
    coldMs: ms(coldMs),
    runs,
    textChars: text.length,
    tasks: first.tasks.length,
    units: units.length,
    note: `parseDirective on packages/core/data/2458-UBND-SNV-2023.md with the demo directory (${units.length} units), matcher built on every call; median of ${runs} runs after 20 warm-up runs, in the bench process.`,
  };
}
