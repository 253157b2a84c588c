/**
 * The machine-readable shape of `pnpm dondoc directive:import <file> --dry-run --json`
 * (issue 19): dates ISO, units with their role and whether the registry holds them.
 */
import type { ParsedDirective } from './parse.ts';

export interface DirectiveImportJson {
  directive: { number: string | null; date: string | null; issuer: string | null; subject: string | null; signer: string | null };
  references: Array<{ kind: string; number: string; date: string | null }>;
  tasks: Array<{
    clause: string;
    text: string;
    units: Array<{ code: string | null; name: string; role: 'lead' | 'coordinate'; matched: boolean }>;
    deadline: string | null;
    continuous: boolean;
    targets: Array<{ op: '>=' | '<=' | '='; value: number; unit: string }>;
    confidence: number;
    source: string;
  }>;
}

export function toImportJson(parsed: ParsedDirective): DirectiveImportJson {
  const { number, date, issuer, subject, signer } = parsed.directive;
  return {
    directive: { number, date, issuer, subject, signer },
    references: parsed.references.map(({ kind, number, date }) => ({ kind, number, date })),
    tasks: parsed.tasks.map((task) => ({
      clause: task.clause,
      text: task.text,
      units: task.units.map(({ code, name, role, matched }) => ({ code, name, role, matched })),
      deadline: task.deadline,
      continuous: task.continuous,
      targets: task.targets.map(({ op, value, unit }) => ({ op, value, unit })),
      confidence: task.confidence,
      source: task.source,
    })),
  };
}
