/**
 * A directive read from its text (issue 19): the file read and parsed (`@dondoc/directive-parser`)
 * against the unit registry, the draft planned for the giving-tasks flow, and the draft saved in
 * one transaction through the flow's own writes (`createDirective`, `saveTaskDraft`: their
 * checks and audit). Nothing is issued: a person reviews the draft and issues it. The CLI
 * (`pnpm dondoc directive:import`) and the shell's review page (`directives.read`,
 * `directives.importDraft`) both come here.
 */
import { z } from 'zod';
import { listUnits, type SessionUser, type Access } from '@dondoc/auth';
import { findDeadlines, parseDirective, readDirectiveFile, type DraftTask, type ParsedDirective } from '@dondoc/directive-parser';
import { checkZip, FileProblem } from '@dondoc/kit';
import type { Context, LocalizedText } from '@dondoc/trpc';
import { fail } from './errors.ts';
import { createDirective, createDirectiveInput, saveTaskDraft, saveTaskDraftInput, type DirectiveFields, type SaveTaskDraftInput } from './directives.ts';

export type DirectiveDraftInput = DirectiveFields;
export type TaskDraftInput = Omit<SaveTaskDraftInput, 'directiveId' | 'id' | 'version'>;

export interface DraftPlan {
  directive: DirectiveDraftInput;
  tasks: TaskDraftInput[];
  /** What could not go into the draft as read (the reviewer adds it by hand). */
  skipped: Array<{ clause: string; why: LocalizedText }>;
}

const TITLE_LENGTH = 200;

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

/** A task's title: its first sentence, cut at a word under 200 characters. */
export function titleOf(text: string): string {
  const first = (/^.*?[.;:](?=\s|$)/.exec(text)?.[0] ?? text).replace(/[.;:]$/, '').trim();
  if (first.length <= TITLE_LENGTH) return first;
  const cut = first.slice(0, TITLE_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 80 ? cut.lastIndexOf(' ') : TITLE_LENGTH)}…`;
}

/** Every department and district, only one group, or the units one by one. */
function assigneesOf(task: DraftTask): TaskDraftInput['assignees'] | null {
  const leads = task.units.filter((u) => u.role === 'lead' && u.matched && u.code);
  const single = leads.filter((u) => !u.group);
  if (single.length === 0 && task.groups.length === 2) return { kind: 'group', group: 'all' };
  if (single.length === 0 && task.groups.length === 1) return { kind: 'group', group: task.groups[0]! };
  if (leads.length === 0) return null;
  return { kind: 'units', unitCodes: [...new Set(leads.map((u) => u.code!))] };
}

/** What the draft gets from the parser's reading; a task without a unit the registry holds is left out, said why. */
export function planDraft(parsed: ParsedDirective, fullText: string): DraftPlan | { problem: LocalizedText } {
  const { number, date, issuer, subject, signer } = parsed.directive;
  const fields: Array<[unknown, string, string]> = [
    [number, 'số, ký hiệu', 'number'],
    [date, 'ngày ban hành', 'date'],
    [issuer, 'cơ quan ban hành', 'issuer'],
    [subject, 'trích yếu', 'subject'],
  ];
  const missing = fields.filter(([value]) => !value);
  if (!number || !date || !issuer || !subject) {
    return {
      problem: {
        vi: `Không lưu được dự thảo: văn bản thiếu ${missing.map(([, vi]) => vi).join(', ')}. Hãy xem lại bằng --dry-run và nhập trên trang giao nhiệm vụ.`,
        en: `The draft cannot be saved: the text lacks its ${missing.map(([, , en]) => en).join(', ')}. Check it with --dry-run and enter the directive on the giving-tasks page.`,
      },
    };
  }
  const skipped: DraftPlan['skipped'] = [];
  const tasks: TaskDraftInput[] = [];
  for (const task of parsed.tasks) {
    const assignees = assigneesOf(task);
    if (!assignees) {
      const named = task.units.filter((u) => u.role === 'lead').map((u) => u.name);
      skipped.push({
        clause: task.clause,
        why: named.length
          ? { vi: `đơn vị chủ trì ${named.join(', ')} không có trong danh mục đơn vị`, en: `lead ${named.join(', ')} is not in the unit registry` }
          : { vi: 'không tìm thấy đơn vị chủ trì', en: 'no lead unit found' },
      });
      continue;
    }
    const leads = new Set(assignees.kind === 'units' ? assignees.unitCodes : []);
    // The core refuses a deadline before the directive's date: a misreading the reviewer sets right.
    let deadline = task.continuous ? null : task.deadline;
    if (deadline !== null && deadline < date) {
      skipped.push({ clause: task.clause, why: { vi: `thời hạn ${formatDate(deadline)} trước ngày văn bản: để trống`, en: `deadline ${deadline} is before the directive's date: left empty` } });
      deadline = null;
    }
    const targets = task.targets.flatMap((target) => {
      if (!target.deadline || target.deadline < date) {
        skipped.push({ clause: task.clause, why: { vi: `chỉ tiêu "${target.phrase}" không có thời hạn`, en: `target "${target.phrase}" has no date` } });
        return [];
      }
      return [
        {
          name: (target.phrase.charAt(0).toUpperCase() + target.phrase.slice(1)).slice(0, 300),
          direction: target.op === '<=' ? ('at_most' as const) : ('at_least' as const),
          targetValue: target.value,
          measureUnit: target.unit,
          targetDate: target.deadline,
          // The text gives no baseline: 0 on the directive's date, for the owner to correct.
          baselineValue: 0,
          baselineDate: date,
        },
      ];
    });
    tasks.push({
      clause: task.clause,
      title: titleOf(task.text),
      content: task.text.slice(0, 20_000),
      assignees,
      followUpUnitCode: null,
      coordinatorUnitCodes: [...new Set(task.units.filter((u) => u.role === 'coordinate' && u.matched && u.code && !leads.has(u.code)).map((u) => u.code!))],
      deadline,
      continuous: deadline === null,
      cadence: 'quarter',
      targets,
    });
  }
  return { directive: { number, issuedOn: date, issuer, subject, signer, fullText: fullText.slice(0, 500_000) }, tasks, skipped };
}

type Actor = Pick<Context, 'db' | 'locale' | 'audit' | 'permissions'> & { user: SessionUser; access: Access };

/**
 * What the review page shows of an uploaded directive: the reading (`parsed`: every task with
 * its units, roles, deadline, targets, each with the sentence it came from and a confidence)
 * and the draft planned from it (`plan`: what `importDraft` would save; `problem` when the text
 * lacks what a draft needs). Reads only.
 */
export async function readDirectiveUpload(ctx: Pick<Context, 'db' | 'locale'>, file: { bytes: Uint8Array; filename: string }) {
  const { locale } = ctx;
  if (/\.docx$/i.test(file.filename)) {
    try {
      checkZip(file.bytes);
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      fail('BAD_REQUEST', locale, error.text);
    }
  }
  const read = await readDirectiveFile(file.bytes, file.filename);
  if (!read.ok) fail('BAD_REQUEST', locale, read.error.message);
  const units = (await listUnits(ctx.db)).map(({ code, name, kind }) => ({ code, name, kind }));
  const parsed = parseDirective(read.text, { units });
  if (!parsed.ok) fail('BAD_REQUEST', locale, parsed.error.message);
  const plan = planDraft(parsed, read.text);
  return {
    fileName: file.filename,
    parsed: {
      directive: parsed.directive,
      references: parsed.references,
      // Each task with the words its deadline was read from (folded, as the parser compares), for the page to mark.
      tasks: parsed.tasks.map((task) => ({ ...task, deadlinePhrase: deadlinePhraseOf(task, parsed.directive.date) })),
      warnings: parsed.warnings,
    },
    plan: 'problem' in plan ? null : plan,
    problem: 'problem' in plan ? plan.problem : null,
  };
}

/** The words a task's deadline was read from, folded (no diacritics, lower case); null without one. */
function deadlinePhraseOf(task: DraftTask, directiveDate: string | null): string | null {
  if (!task.deadline || !task.deadlineSource) return null;
  const year = directiveDate ? Number(directiveDate.slice(0, 4)) : null;
  return findDeadlines(task.deadlineSource, year).find((finding) => finding.date === task.deadline)?.phrase ?? null;
}

/** The draft a reviewer saves: the directive and the tasks they kept (each checked as `directives.saveTask` checks it). */
export const importDraftInput = z.object({
  directive: createDirectiveInput,
  tasks: z.array(saveTaskDraftInput.omit({ directiveId: true, id: true, version: true })).max(1000),
});

/** Saves the reviewed draft in one transaction: the directive, then each task; a refusal saves nothing. Issues nothing. */
export async function importDraft(ctx: Actor, input: z.infer<typeof importDraftInput>) {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx as unknown as Actor['db'] };
    const directive = await createDirective(inTx, input.directive);
    for (const task of input.tasks) await saveTaskDraft(inTx, { ...task, directiveId: directive.id });
    return { id: directive.id, number: directive.number, tasks: input.tasks.length };
  });
}
