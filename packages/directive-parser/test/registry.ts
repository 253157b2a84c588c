import { readFileSync } from 'node:fs';
import { parseDirective, type DraftTask, type ParsedDirective, type RegistryUnit, type Role } from '../src/index.ts';

/** The demo directory of Hà Nội in 2023 (the UBND, 21 departments, 30 districts), as the database holds it. */
export const hanoiUnits: RegistryUnit[] = JSON.parse(readFileSync(new URL('./fixtures/hanoi-units-2023.json', import.meta.url), 'utf8'));

/** Directive 2458 as the repository keeps it (the same text as shared/directives). */
export const text2458 = readFileSync(new URL('../../core/data/2458-UBND-SNV-2023.md', import.meta.url), 'utf8');

export const chiThi05 = readFileSync(new URL('./fixtures/chi-thi-05-2024.md', import.meta.url), 'utf8');

export const departments = hanoiUnits.filter((u) => u.kind === 'department').map((u) => u.code).sort();
export const districts = hanoiUnits.filter((u) => u.kind === 'district').map((u) => u.code).sort();

/** Parses with the demo directory; a test of a text that must parse fails loudly here. */
export function parseWithHanoi(text: string): ParsedDirective {
  const parsed = parseDirective(text, { units: hanoiUnits });
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  return parsed;
}

/** The task of a clause, or a failure naming the clauses found. */
export function taskOf(result: ParsedDirective, clause: string): DraftTask {
  const found = result.tasks.find((t) => t.clause === clause);
  if (!found) throw new Error(`no task ${clause}: ${result.tasks.map((t) => t.clause).join(', ')}`);
  return found;
}

/** The units of a task in a role: codes, or names for units the registry lacks. */
export const unitsIn = (t: DraftTask, role: Role) => t.units.filter((u) => u.role === role).map((u) => u.code ?? u.name);
