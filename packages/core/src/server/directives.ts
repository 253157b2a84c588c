/**
 * Giving tasks (giao nhiệm vụ): a coordinator drafts a directive and its tasks, then issues
 * it, which turns each draft task into real tasks (one task for one unit, or one parent with
 * a child per unit). Afterwards a task given may be adjusted (with a reason) or cancelled.
 *
 * Nothing of a draft is visible to the units: its tasks live in `task_drafts` until issue.
 */
import { z } from 'zod';
import { and, asc, count, desc, eq, inArray, isNotNull, like, max, ne, sql } from 'drizzle-orm';
import { listUnits, UBND_UNIT_CODE, type Access, type SessionUser, type Unit } from '@dondoc/auth';
import type { Queryable, Tx } from '@dondoc/db';
import type { Context, Locale, UploadedFile } from '@dondoc/trpc';
import { localized } from '@dondoc/trpc';
import { CADENCES, formatDateVi, UNIT_GROUPS, type IsoDate, type UnitGroup } from '../domain/index.ts';
import { deleteRow, updateRow } from './versioned.ts';
import { conflict, fail, notFound } from './errors.ts';
import { evidenceContentType, storeFile } from './reports.ts';
import {
  deadlineExtensions,
  directiveReferences,
  directives,
  evidenceFiles,
  notifications,
  targets,
  taskCoordinators,
  taskDrafts,
  tasks,
  taskUpdates,
} from './schema.ts';
import { isoDateInput, requiredText, textInput, unitCodeInput } from './inputs.ts';
import { searchTextOf } from './seed.ts';
import { unitDirectory, unitRef, type UnitName } from './units.ts';
import { peopleOf } from './people.ts';

// ---------------------------------------------------------------------------------------
// Inputs (zod, as in router.ts: field messages in Vietnamese with the English in brackets)

export { isoDateInput, requiredText, unitCodeInput } from './inputs.ts';
export const versionInput = z.number().int().min(1);
const uuid = z.uuid();
const text = textInput;

const directiveFields = {
  /** e.g. `125/UBND-KSTTHC`; the part before `/` prefixes the codes of its tasks. */
  number: requiredText(100, 'hãy nhập số, ký hiệu văn bản', 'enter the document number'),
  issuedOn: isoDateInput,
  issuer: requiredText(300, 'hãy nhập cơ quan ban hành', 'enter the issuing authority'),
  subject: requiredText(1000, 'hãy nhập trích yếu', 'enter the subject'),
  signer: text(200).nullable().optional(),
  fullText: z.string().max(500_000).default(''),
};

export const createDirectiveInput = z.object(directiveFields);
export const updateDirectiveInput = z.object({ id: uuid, version: versionInput, ...directiveFields });
export const versionedInput = z.object({ id: uuid, version: versionInput });
/** The fields sent with a directive's file (`uploadProcedure(…, 'document', attachDirectiveInput)`). */
export const attachDirectiveInput = z.object({ directiveId: uuid });

const assigneesInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('units'),
    unitCodes: z
      .array(unitCodeInput)
      .min(1, localized({ vi: 'Hãy chọn ít nhất một đơn vị.', en: 'Choose at least one unit.' }))
      .max(600, localized({ vi: 'Tối đa 600 đơn vị.', en: 'At most 600 units.' })),
  }),
  z.object({ kind: z.literal('group'), group: z.enum(UNIT_GROUPS) }),
]);
export type Assignees = z.infer<typeof assigneesInput>;

const targetDraftInput = z.object({
  name: requiredText(300, 'hãy nhập tên chỉ tiêu', 'enter the target name'),
  direction: z.enum(['at_least', 'at_most']),
  targetValue: z.number().finite(),
  measureUnit: requiredText(30, 'hãy nhập đơn vị tính', 'enter the unit of measure'),
  targetDate: isoDateInput,
  baselineValue: z.number().finite(),
  baselineDate: isoDateInput,
});
export type TargetDraft = z.infer<typeof targetDraftInput>;

export const saveTaskDraftInput = z.object({
  directiveId: uuid,
  /** Absent for a new draft task; with `version` to change one. */
  id: uuid.optional(),
  version: versionInput.optional(),
  clause: requiredText(20, 'hãy nhập mục của văn bản', 'enter the clause'),
  title: requiredText(500, 'hãy nhập tên nhiệm vụ', 'enter the task title'),
  content: text(20_000).default(''),
  assignees: assigneesInput,
  followUpUnitCode: unitCodeInput.nullable().optional(),
  coordinatorUnitCodes: z.array(unitCodeInput).max(100).default([]),
  deadline: isoDateInput.nullable().default(null),
  continuous: z.boolean().default(false),
  cadence: z.enum(CADENCES).default('quarter'),
  targets: z.array(targetDraftInput).max(20, localized({ vi: 'Tối đa 20 chỉ tiêu cho một nhiệm vụ.', en: 'At most 20 targets per task.' })).default([]),
});
export type SaveTaskDraftInput = z.infer<typeof saveTaskDraftInput>;

export const editTaskInput = z.object({
  id: uuid,
  version: versionInput,
  reason: requiredText(2000, 'hãy nêu lý do điều chỉnh', 'give the reason for the change'),
  title: requiredText(500, 'hãy nhập tên nhiệm vụ', 'enter the task title').optional(),
  content: text(20_000).optional(),
  deadline: isoDateInput.optional(),
  coordinatorUnitCodes: z.array(unitCodeInput).max(100).optional(),
});
export type EditTaskInput = z.infer<typeof editTaskInput>;

export const cancelTaskInput = z.object({
  id: uuid,
  version: versionInput,
  reason: requiredText(2000, 'hãy nêu lý do hủy nhiệm vụ', 'give the reason for cancelling'),
});

// ---------------------------------------------------------------------------------------
// Helpers

type Actor = Pick<Context, 'db' | 'locale' | 'audit' | 'permissions'> & { user: SessionUser; access: Access };
type DirectiveRow = typeof directives.$inferSelect;
type DraftRow = typeof taskDrafts.$inferSelect;

/** Whether the user gives tasks (sees drafts, writes directives). */
export function canWriteDirectives(ctx: Pick<Context, 'permissions'> & { user: SessionUser | null }): boolean {
  return ctx.permissions.decide(ctx.user, 'core.directives:write').allowed;
}

const NUMBER_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.-]*\/\S.*$/;

/** `125 / UBND-KSTTHC` → `125/UBND-KSTTHC`; refuses a number without `số/ký hiệu`. */
function normalizeNumber(raw: string, locale: Locale): string {
  const number = raw.trim().replace(/\s*\/\s*/g, '/');
  if (!NUMBER_PATTERN.test(number)) {
    fail('BAD_REQUEST', locale, {
      vi: `Số, ký hiệu văn bản "${raw.trim()}" không hợp lệ: cần có dạng số/ký hiệu, ví dụ 125/UBND-KSTTHC.`,
      en: `"${raw.trim()}" is not a document number: write number/symbol, e.g. 125/UBND-KSTTHC.`,
    });
  }
  return number;
}

/** The part of the directive's number before `/`: `125/UBND-KSTTHC` → `125`. */
export function codePrefix(number: string): string {
  return number.split('/')[0]!.trim();
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function duplicateNumber(locale: Locale, number: string): never {
  fail('CONFLICT', locale, {
    vi: `Đã có văn bản số ${number} trong hệ thống. Hãy kiểm tra lại số, ký hiệu văn bản.`,
    en: `A directive numbered ${number} already exists. Check the document number.`,
  });
}

async function assertNumberFree(db: Queryable, number: string, exceptId: string | null, locale: Locale) {
  const conditions = [sql`lower(${directives.number}) = lower(${number})`];
  if (exceptId) conditions.push(ne(directives.id, exceptId));
  const [existing] = await db.select({ id: directives.id }).from(directives).where(and(...conditions)).limit(1);
  if (existing) duplicateNumber(locale, number);
}

function directiveSummary(row: DirectiveRow) {
  return {
    id: row.id,
    number: row.number,
    issuedOn: row.issuedOn,
    issuer: row.issuer,
    subject: row.subject,
    signer: row.signer,
    state: row.state as 'draft' | 'issued',
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

function draftNotEditable(locale: Locale): never {
  fail('CONFLICT', locale, {
    vi: 'Văn bản đã ban hành: không sửa, xóa dự thảo được nữa. Hãy điều chỉnh từng nhiệm vụ đã giao.',
    en: 'The directive has been issued: its draft can no longer be changed. Adjust the tasks given instead.',
  });
}

const unitKindsOf: Record<UnitGroup, string[]> = {
  departments: ['department'],
  districts: ['district'],
  all: ['department', 'district'],
};

/** The units a draft task goes to, in the directory's order for a group. */
export function assigneeUnitCodes(assignees: Assignees, units: Unit[]): string[] {
  if (assignees.kind === 'units') return assignees.unitCodes;
  const kinds = unitKindsOf[assignees.group];
  return units.filter((unit) => kinds.includes(unit.kind)).map((unit) => unit.code);
}

/** A list of two or more units, or a group: one parent task with a child per unit. */
export function givenToSeveral(assignees: Assignees): boolean {
  return assignees.kind === 'group' || assignees.unitCodes.length > 1;
}

function duplicatesOf(codes: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const code of codes) (seen.has(code) ? dup : seen).add(code);
  return [...dup];
}

function assertUnits(codes: string[], known: Set<string>, locale: Locale, what: { vi: string; en: string }) {
  const duplicates = duplicatesOf(codes);
  if (duplicates.length > 0) {
    fail('BAD_REQUEST', locale, {
      vi: `${what.vi}: đơn vị ${duplicates.join(', ')} được chọn hơn một lần.`,
      en: `${what.en}: unit ${duplicates.join(', ')} is chosen more than once.`,
    });
  }
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    fail('BAD_REQUEST', locale, {
      vi: `${what.vi}: không có đơn vị mã ${unknown.join(', ')}.`,
      en: `${what.en}: there is no unit ${unknown.join(', ')}.`,
    });
  }
}

const CLAUSE_PATTERN = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/;

function draftView(row: DraftRow, units: Unit[], directory: Map<string, UnitName>) {
  const assignees = row.assignees as Assignees;
  return {
    id: row.id,
    directiveId: row.directiveId,
    position: row.position,
    clause: row.clause,
    title: row.title,
    content: row.content,
    assignees,
    /** The units that will get the task (a group resolved to its units). */
    units: assigneeUnitCodes(assignees, units).map((code) => unitRef(directory, code)),
    /** One parent and a child per unit (true) or a single task (false). */
    several: givenToSeveral(assignees),
    followUpUnitCode: row.followUpUnitCode,
    followUpUnit: row.followUpUnitCode ? unitRef(directory, row.followUpUnitCode) : null,
    coordinatorUnitCodes: row.coordinatorUnitCodes,
    coordinatingUnits: row.coordinatorUnitCodes.map((code) => unitRef(directory, code)),
    deadline: row.deadline,
    continuous: row.continuous,
    cadence: row.cadence,
    targets: row.targets as TargetDraft[],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

// ---------------------------------------------------------------------------------------
// Directives

/** Issued directives for everyone; drafts too for those who give tasks. */
export async function listDirectives(ctx: Pick<Context, 'db' | 'permissions'> & { user: SessionUser }) {
  const writer = canWriteDirectives(ctx);
  return ctx.db
    .select({
      id: directives.id,
      number: directives.number,
      issuedOn: directives.issuedOn,
      issuer: directives.issuer,
      subject: directives.subject,
      state: directives.state,
      signer: directives.signer,
    })
    .from(directives)
    .where(writer ? undefined : eq(directives.state, 'issued'))
    .orderBy(asc(directives.issuedOn), asc(directives.createdAt));
}

/** One directive: text, references, attached file; its draft tasks (writers, while a draft) or its top-level tasks (once issued). */
export async function getDirective(ctx: Pick<Context, 'db' | 'permissions' | 'locale'> & { user: SessionUser }, id: string) {
  const { db, locale } = ctx;
  const writer = canWriteDirectives(ctx);
  const [directive] = await db.select().from(directives).where(eq(directives.id, id));
  // A draft does not exist for those who do not give tasks.
  if (!directive || (directive.state !== 'issued' && !writer)) notFound(locale, { vi: 'văn bản chỉ đạo', en: 'Directive' });
  const isDraft = directive.state === 'draft';
  const [references, files, draftRows, taskRows, childCounts, directory, units] = await Promise.all([
    db.select().from(directiveReferences).where(eq(directiveReferences.directiveId, directive.id)).orderBy(asc(directiveReferences.position)),
    db
      .select({
        id: evidenceFiles.id,
        filename: evidenceFiles.filename,
        contentType: evidenceFiles.contentType,
        size: evidenceFiles.size,
        sha256: evidenceFiles.sha256,
        uploadedBy: evidenceFiles.uploadedBy,
        uploadedAt: evidenceFiles.uploadedAt,
      })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.directiveId, directive.id))
      .orderBy(desc(evidenceFiles.uploadedAt))
      .limit(1),
    isDraft && writer
      ? db.select().from(taskDrafts).where(eq(taskDrafts.directiveId, directive.id)).orderBy(asc(taskDrafts.position), asc(taskDrafts.createdAt))
      : Promise.resolve([]),
    isDraft
      ? Promise.resolve([])
      : db
          .select({
            id: tasks.id,
            code: tasks.code,
            clause: tasks.clause,
            title: tasks.title,
            leadUnitCode: tasks.leadUnitCode,
            deadline: tasks.deadline,
            originalDeadline: tasks.originalDeadline,
            continuous: tasks.continuous,
            state: tasks.state,
            isParent: tasks.isParent,
          })
          .from(tasks)
          .where(and(eq(tasks.directiveId, directive.id), sql`${tasks.parentId} is null`))
          .orderBy(asc(tasks.code)),
    isDraft
      ? Promise.resolve([])
      : db
          .select({ parentId: tasks.parentId, n: count() })
          .from(tasks)
          .where(and(eq(tasks.directiveId, directive.id), isNotNull(tasks.parentId)))
          .groupBy(tasks.parentId),
    unitDirectory(db),
    isDraft && writer ? listUnits(db) : Promise.resolve([] as Unit[]),
  ]);
  const children = new Map(childCounts.map((c) => [c.parentId, Number(c.n)]));
  const [file] = files;
  const person = await peopleOf(db, [directive.issuedBy, directive.createdBy, directive.updatedBy, file?.uploadedBy], locale);
  return {
    id: directive.id,
    number: directive.number,
    issuedOn: directive.issuedOn,
    issuer: directive.issuer,
    subject: directive.subject,
    signer: directive.signer,
    fullText: directive.fullText,
    state: directive.state as 'draft' | 'issued',
    issuedAt: directive.issuedAt?.toISOString() ?? null,
    issuedBy: person(directive.issuedBy),
    createdBy: person(directive.createdBy),
    version: directive.version,
    updatedAt: directive.updatedAt.toISOString(),
    updatedBy: person(directive.updatedBy),
    createdAt: directive.createdAt.toISOString(),
    references,
    attachment: file ? { ...file, uploadedBy: person(file.uploadedBy), uploadedAt: file.uploadedAt.toISOString() } : null,
    drafts: draftRows.map((row) => draftView(row, units, directory)),
    tasks: taskRows.map((task) => ({
      id: task.id,
      code: task.code,
      clause: task.clause,
      title: task.title,
      leadUnit: unitRef(directory, task.leadUnitCode),
      deadline: task.deadline,
      originalDeadline: task.originalDeadline,
      continuous: task.continuous,
      state: task.state as 'active' | 'cancelled',
      isParent: task.isParent,
      childCount: children.get(task.id) ?? 0,
    })),
  };
}

export type DirectiveFields = z.infer<typeof createDirectiveInput>;

export async function createDirective(ctx: Actor, input: DirectiveFields) {
  const { locale } = ctx;
  const number = normalizeNumber(input.number, locale);
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertNumberFree(tx, number, null, locale);
      const [row] = await tx
        .insert(directives)
        .values({
          number,
          issuedOn: input.issuedOn,
          issuer: input.issuer,
          subject: input.subject,
          signer: input.signer || null,
          fullText: input.fullText,
          state: 'draft',
          createdBy: ctx.user.username,
          updatedBy: ctx.user.username,
        })
        .returning();
      if (!row) throw new Error('directive insert returned nothing');
      await ctx.audit(tx, { action: 'core.directive.create', entity: 'core.directive', entityId: row.id, after: directiveSummary(row) });
      return directiveSummary(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) duplicateNumber(locale, number);
    throw error;
  }
}

async function lockDirective(tx: Tx, id: string, locale: Locale): Promise<DirectiveRow> {
  const [row] = await tx.select().from(directives).where(eq(directives.id, id)).for('update');
  if (!row) notFound(locale, { vi: 'văn bản chỉ đạo', en: 'Directive' });
  return row;
}

export async function updateDirective(ctx: Actor, input: DirectiveFields & { id: string; version: number }) {
  const { locale } = ctx;
  const number = normalizeNumber(input.number, locale);
  try {
    return await ctx.db.transaction(async (tx) => {
      const directive = await lockDirective(tx, input.id, locale);
      if (directive.version !== input.version) conflict(locale, directive.updatedBy);
      if (directive.state !== 'draft') draftNotEditable(locale);
      await assertNumberFree(tx, number, directive.id, locale);
      const summary = (row: DirectiveRow) => ({ ...directiveSummary(row), fullTextLength: row.fullText.length });
      const updated = await updateRow(ctx, tx, directives, {
        version: input.version,
        row: directive,
        set: { number, issuedOn: input.issuedOn, issuer: input.issuer, subject: input.subject, signer: input.signer || null, fullText: input.fullText },
        what: DIRECTIVE,
        action: 'core.directive.update',
        entity: 'core.directive',
        auditView: (before, after) => ({ before: summary(before), after: summary(after) }),
      });
      return directiveSummary(updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) duplicateNumber(locale, number);
    throw error;
  }
}

const DIRECTIVE_FILE_KINDS = ['pdf', 'docx'] as const;
const DIRECTIVE_FILE_REFUSAL = { vi: 'Văn bản đính kèm phải là tệp PDF hoặc DOCX đúng định dạng.', en: 'The directive’s text must be a genuine PDF or DOCX file.' };

/** Attaches the directive's text as a PDF or DOCX file (replacing the one attached before, if any). */
export async function attachDirectiveFile(ctx: Actor, input: { directiveId: string; file: UploadedFile }) {
  const { locale } = ctx;
  const contentType = evidenceContentType(input.file, locale, DIRECTIVE_FILE_KINDS, DIRECTIVE_FILE_REFUSAL);
  return ctx.db.transaction(async (tx) => {
    const directive = await lockDirective(tx, input.directiveId, locale);
    const previous = await tx
      .select({ id: evidenceFiles.id, filename: evidenceFiles.filename, size: evidenceFiles.size, sha256: evidenceFiles.sha256 })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.directiveId, directive.id));
    if (previous.length > 0) await tx.delete(evidenceFiles).where(eq(evidenceFiles.directiveId, directive.id));
    const view = await storeFile(tx, ctx.user.username, { directiveId: directive.id }, input.file, contentType);
    await ctx.audit(tx, { action: 'core.directive.attach', entity: 'core.directive', entityId: directive.id, before: previous[0] ?? null, after: view });
    return view;
  });
}

/** Deletes a draft directive with its draft tasks and file. An issued directive is never deleted. */
export async function discardDirective(ctx: Actor, input: { id: string; version: number }) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const directive = await lockDirective(tx, input.id, locale);
    if (directive.version !== input.version) conflict(locale, directive.updatedBy);
    if (directive.state !== 'draft') {
      fail('CONFLICT', locale, { vi: 'Văn bản đã ban hành, không xóa được.', en: 'An issued directive cannot be discarded.' });
    }
    const drafts = await tx.select({ id: taskDrafts.id, clause: taskDrafts.clause, title: taskDrafts.title }).from(taskDrafts).where(eq(taskDrafts.directiveId, directive.id));
    await deleteRow(ctx, tx, directives, {
      version: input.version,
      row: directive,
      what: DIRECTIVE,
      action: 'core.directive.discard',
      entity: 'core.directive',
      before: { ...directiveSummary(directive), drafts },
    });
    return { id: directive.id, discarded: true as const };
  });
}

// ---------------------------------------------------------------------------------------
// Draft tasks

function validateDraftShape(input: SaveTaskDraftInput, locale: Locale) {
  if (input.id && input.version === undefined) {
    fail('BAD_REQUEST', locale, { vi: 'Sửa nhiệm vụ dự thảo cần kèm phiên bản (version).', en: 'Changing a draft task needs its version.' });
  }
  if (!CLAUSE_PATTERN.test(input.clause)) {
    fail('BAD_REQUEST', locale, {
      vi: `Mục "${input.clause}" không hợp lệ: chỉ gồm chữ, số và dấu chấm, ví dụ 1, 2.3.`,
      en: `"${input.clause}" is not a clause: letters, digits and dots only, e.g. 1, 2.3.`,
    });
  }
  if ((input.deadline !== null) === input.continuous) {
    fail('BAD_REQUEST', locale, {
      vi: 'Hãy nhập thời hạn hoặc chọn nhiệm vụ thường xuyên (chỉ một trong hai).',
      en: 'Give either a deadline or mark the task continuous (exactly one of them).',
    });
  }
  input.targets.forEach((target, i) => {
    if (target.baselineDate > target.targetDate) {
      fail('BAD_REQUEST', locale, {
        vi: `Chỉ tiêu ${i + 1} (${target.name}): ngày cơ sở ${formatDateVi(target.baselineDate)} không được sau ngày mục tiêu ${formatDateVi(target.targetDate)}.`,
        en: `Target ${i + 1} (${target.name}): the baseline date ${target.baselineDate} cannot be after the target date ${target.targetDate}.`,
      });
    }
  });
}

/** Creates or changes a draft task of a draft directive. */
export async function saveTaskDraft(ctx: Actor, input: SaveTaskDraftInput) {
  const { locale } = ctx;
  validateDraftShape(input, locale);
  return ctx.db.transaction(async (tx) => {
    const directive = await lockDirective(tx, input.directiveId, locale);
    if (directive.state !== 'draft') draftNotEditable(locale);
    const units = await listUnits(tx);
    const known = new Set(units.map((unit) => unit.code));
    const assigned = assigneeUnitCodes(input.assignees, units);
    assertUnits(assigned, known, locale, { vi: 'Đơn vị được giao', en: 'Units given the task' });
    const several = givenToSeveral(input.assignees);
    if (input.followUpUnitCode) assertUnits([input.followUpUnitCode], known, locale, { vi: 'Đơn vị theo dõi, đôn đốc', en: 'Follow-up unit' });
    assertUnits(input.coordinatorUnitCodes, known, locale, { vi: 'Đơn vị phối hợp', en: 'Coordinating units' });
    // The lead: the one unit given the task, or (several units) the parent's, who follows it up.
    const lead = several ? (input.followUpUnitCode ?? ctx.user.unit?.code ?? UBND_UNIT_CODE) : assigned[0]!;
    if (input.coordinatorUnitCodes.includes(lead)) {
      fail('BAD_REQUEST', locale, {
        vi: `Đơn vị ${lead} chủ trì nhiệm vụ, không đồng thời là đơn vị phối hợp.`,
        en: `Unit ${lead} leads the task and cannot also coordinate it.`,
      });
    }
    if (input.deadline !== null && input.deadline < directive.issuedOn) {
      fail('BAD_REQUEST', locale, {
        vi: `Thời hạn ${formatDateVi(input.deadline)} không được trước ngày văn bản ${formatDateVi(directive.issuedOn)}.`,
        en: `The deadline ${input.deadline} cannot be before the directive’s date ${directive.issuedOn}.`,
      });
    }
    const [sameClause] = await tx
      .select({ id: taskDrafts.id })
      .from(taskDrafts)
      .where(and(eq(taskDrafts.directiveId, directive.id), eq(taskDrafts.clause, input.clause), ...(input.id ? [ne(taskDrafts.id, input.id)] : [])))
      .limit(1);
    if (sameClause) {
      fail('CONFLICT', locale, {
        vi: `Mục ${input.clause} đã có nhiệm vụ trong văn bản này; mỗi mục chỉ một nhiệm vụ.`,
        en: `Clause ${input.clause} already has a task in this directive.`,
      });
    }
    const values = {
      clause: input.clause,
      title: input.title,
      content: input.content,
      assignees: input.assignees,
      followUpUnitCode: input.followUpUnitCode ?? null,
      coordinatorUnitCodes: input.coordinatorUnitCodes,
      deadline: input.continuous ? null : input.deadline,
      continuous: input.continuous,
      cadence: input.cadence,
      targets: input.targets,
      updatedAt: new Date(),
      updatedBy: ctx.user.username,
    };
    let before: DraftRow | null = null;
    let row: DraftRow | undefined;
    if (input.id) {
      const [existing] = await tx
        .select()
        .from(taskDrafts)
        .where(and(eq(taskDrafts.id, input.id), eq(taskDrafts.directiveId, directive.id)))
        .for('update');
      if (!existing) notFound(locale, { vi: 'nhiệm vụ dự thảo', en: 'Draft task' });
      before = existing;
      row = await updateRow(ctx, tx, taskDrafts, {
        version: input.version!,
        row: existing,
        set: values,
        what: DRAFT,
        action: 'core.task_draft.update',
        entity: 'core.task_draft',
      });
    } else {
      const [{ last } = { last: null }] = await tx.select({ last: max(taskDrafts.position) }).from(taskDrafts).where(eq(taskDrafts.directiveId, directive.id));
      [row] = await tx
        .insert(taskDrafts)
        .values({ ...values, directiveId: directive.id, position: (last ?? -1) + 1 })
        .returning();
      if (!row) throw new Error('draft insert returned nothing');
      await ctx.audit(tx, { action: 'core.task_draft.create', entity: 'core.task_draft', entityId: row.id, before, after: row });
    }
    return draftView(row, units, await unitDirectory(tx));
  });
}

export async function removeTaskDraft(ctx: Actor, input: { id: string; version: number }) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [draft] = await tx.select().from(taskDrafts).where(eq(taskDrafts.id, input.id));
    if (!draft) notFound(locale, { vi: 'nhiệm vụ dự thảo', en: 'Draft task' });
    const directive = await lockDirective(tx, draft.directiveId, locale);
    if (directive.state !== 'draft') draftNotEditable(locale);
    await deleteRow(ctx, tx, taskDrafts, {
      version: input.version,
      row: draft,
      what: DRAFT,
      action: 'core.task_draft.remove',
      entity: 'core.task_draft',
    });
    return { id: draft.id, removed: true as const };
  });
}

// ---------------------------------------------------------------------------------------
// Issue

type NewTask = typeof tasks.$inferInsert;
type NewNotification = typeof notifications.$inferInsert;

const INSERT_CHUNK = 2000;
const DIRECTIVE = { vi: 'văn bản chỉ đạo', en: 'Directive' };
const DRAFT = { vi: 'nhiệm vụ dự thảo', en: 'Draft task' };
const TASK = { vi: 'nhiệm vụ', en: 'Task' };

async function insertChunked<T extends Record<string, unknown>>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}

function deadlineWords(deadline: string | null): string {
  return deadline ? `thời hạn ${formatDateVi(deadline)}` : 'thực hiện thường xuyên';
}

/**
 * Issues a draft directive: every draft task becomes tasks (one for one unit; one parent
 * with a child per unit for several), with coordinators, targets and a notification to
 * each unit given a task; the drafts are then deleted. One transaction.
 */
export async function issueDirective(ctx: Actor, input: { id: string; version: number }, today: IsoDate) {
  const { locale } = ctx;
  const username = ctx.user.username;
  return ctx.db.transaction(async (tx) => {
    const directive = await lockDirective(tx, input.id, locale);
    if (directive.version !== input.version) conflict(locale, directive.updatedBy);
    if (directive.state !== 'draft') {
      fail('CONFLICT', locale, { vi: `Văn bản ${directive.number} đã được ban hành.`, en: `Directive ${directive.number} has already been issued.` });
    }
    const drafts = await tx.select().from(taskDrafts).where(eq(taskDrafts.directiveId, directive.id)).orderBy(asc(taskDrafts.position), asc(taskDrafts.createdAt));
    if (drafts.length === 0) {
      fail('BAD_REQUEST', locale, {
        vi: 'Văn bản chưa có nhiệm vụ nào để giao. Hãy thêm ít nhất một nhiệm vụ trước khi ban hành.',
        en: 'The directive gives no task yet. Add at least one task before issuing it.',
      });
    }
    const units = await listUnits(tx);
    const known = new Set(units.map((unit) => unit.code));
    const prefix = codePrefix(directive.number);
    const takenCodes = new Set(
      (await tx.select({ code: tasks.code }).from(tasks).where(like(tasks.code, `${prefix}-%`))).map((row) => row.code),
    );
    const takenTargetCodes = new Set(
      (await tx.select({ code: targets.code }).from(targets).where(like(targets.code, `${prefix}-CT%`))).map((row) => row.code),
    );
    const callerUnit = ctx.user.unit?.code ?? UBND_UNIT_CODE;
    const now = new Date();
    const created: Array<{ id: string; code: string; leadUnitCode: string; parentId: string | null; coordinators: string[] }> = [];
    const topLevel: Array<{ id: string; code: string; clause: string; isParent: boolean; leadUnitCode: string; childCount: number }> = [];
    const notificationRows: NewNotification[] = [];
    const targetRows: Array<typeof targets.$inferInsert> = [];
    let targetSeq = 0;

    for (const draft of drafts) {
      const assignees = draft.assignees as Assignees;
      const unitCodes = assigneeUnitCodes(assignees, units);
      assertUnits(unitCodes, known, locale, { vi: `Mục ${draft.clause}: đơn vị được giao`, en: `Clause ${draft.clause}: units given the task` });
      assertUnits(draft.coordinatorUnitCodes, known, locale, { vi: `Mục ${draft.clause}: đơn vị phối hợp`, en: `Clause ${draft.clause}: coordinating units` });
      if (unitCodes.length === 0) {
        fail('BAD_REQUEST', locale, { vi: `Mục ${draft.clause}: không có đơn vị nào được giao.`, en: `Clause ${draft.clause}: no unit is given the task.` });
      }
      const several = givenToSeveral(assignees);
      // The code: `<prefix>-<clause>`, with `-2`, `-3`… when another directive took it.
      const base = `${prefix}-${draft.clause}`;
      const free = (candidate: string) => !takenCodes.has(candidate) && (!several || unitCodes.every((u) => !takenCodes.has(`${candidate}-${u}`)));
      let code = base;
      for (let n = 2; !free(code); n++) code = `${base}-${n}`;
      takenCodes.add(code);
      const deadline = draft.continuous ? null : draft.deadline;
      const common = {
        directiveId: directive.id,
        clause: draft.clause,
        title: draft.title,
        content: draft.content,
        deadline,
        continuous: draft.continuous,
        cadence: draft.cadence,
        assignedOn: today,
        updatedBy: username,
      } satisfies Partial<NewTask>;
      const notify = (unitCode: string, task: { id: string; code: string }) =>
        notificationRows.push({
          unitCode,
          kind: 'task_assigned',
          title: `Nhiệm vụ mới: ${task.code}`,
          body: `${draft.title} (Văn bản ${directive.number}; ${deadlineWords(deadline)}).`,
          link: `/nhiem-vu/${task.id}`,
        });
      let owner: string;
      let ownerTaskId: string;
      if (!several) {
        const lead = unitCodes[0]!;
        const [task] = await tx
          .insert(tasks)
          .values({ ...common, code, leadUnitCode: lead, searchText: searchTextOf(code, draft.title, draft.content) })
          .returning({ id: tasks.id, code: tasks.code });
        if (!task) throw new Error('task insert returned nothing');
        const coordinators = draft.coordinatorUnitCodes.filter((c) => c !== lead);
        if (coordinators.length > 0) await tx.insert(taskCoordinators).values(coordinators.map((unitCode) => ({ taskId: task.id, unitCode })));
        created.push({ id: task.id, code, leadUnitCode: lead, parentId: null, coordinators });
        topLevel.push({ id: task.id, code, clause: draft.clause, isParent: false, leadUnitCode: lead, childCount: 0 });
        notify(lead, task);
        owner = lead;
        ownerTaskId = task.id;
      } else {
        const parentLead = draft.followUpUnitCode ?? callerUnit;
        const [parent] = await tx
          .insert(tasks)
          .values({ ...common, code, isParent: true, leadUnitCode: parentLead, searchText: searchTextOf(code, draft.title, draft.content) })
          .returning({ id: tasks.id, code: tasks.code });
        if (!parent) throw new Error('task insert returned nothing');
        created.push({ id: parent.id, code, leadUnitCode: parentLead, parentId: null, coordinators: [] });
        // Every child in one multi-row insert.
        const childValues: NewTask[] = unitCodes.map((unitCode) => {
          const childCode = `${code}-${unitCode}`;
          takenCodes.add(childCode);
          return { ...common, code: childCode, parentId: parent.id, leadUnitCode: unitCode, searchText: searchTextOf(childCode, draft.title, draft.content) };
        });
        const children: Array<{ id: string; code: string; leadUnitCode: string }> = [];
        await insertChunked(childValues, async (chunk) => {
          children.push(...(await tx.insert(tasks).values(chunk).returning({ id: tasks.id, code: tasks.code, leadUnitCode: tasks.leadUnitCode })));
        });
        const coordinatorRows = children.flatMap((child) =>
          draft.coordinatorUnitCodes.filter((c) => c !== child.leadUnitCode).map((unitCode) => ({ taskId: child.id, unitCode })),
        );
        await insertChunked(coordinatorRows, (chunk) => tx.insert(taskCoordinators).values(chunk));
        for (const child of children) {
          created.push({ ...child, parentId: parent.id, coordinators: draft.coordinatorUnitCodes.filter((c) => c !== child.leadUnitCode) });
          notify(child.leadUnitCode, child);
        }
        // The unit that follows the task up leads the parent: it is told too (unless it gave the task).
        if (parentLead !== callerUnit && !unitCodes.includes(parentLead)) notify(parentLead, parent);
        topLevel.push({ id: parent.id, code, clause: draft.clause, isParent: true, leadUnitCode: parentLead, childCount: children.length });
        owner = parentLead;
        ownerTaskId = parent.id;
      }
      for (const target of draft.targets as TargetDraft[]) {
        let targetCode: string;
        do targetCode = `${prefix}-CT${++targetSeq}`;
        while (takenTargetCodes.has(targetCode));
        takenTargetCodes.add(targetCode);
        targetRows.push({
          code: targetCode,
          name: target.name,
          measureUnit: target.measureUnit,
          direction: target.direction,
          baselineValue: target.baselineValue,
          baselineDate: target.baselineDate,
          targetValue: target.targetValue,
          targetDate: target.targetDate,
          ownerUnitCode: owner,
          source: 'manual',
          directiveId: directive.id,
          taskId: ownerTaskId,
          updatedBy: username,
        });
      }
    }
    if (targetRows.length > 0) await tx.insert(targets).values(targetRows);
    await insertChunked(notificationRows, (chunk) => tx.insert(notifications).values(chunk));

    const issued = await updateRow(ctx, tx, directives, {
      version: input.version,
      row: directive,
      set: { state: 'issued', issuedAt: now, issuedBy: username },
      what: DIRECTIVE,
      action: 'core.directive.issue',
      entity: 'core.directive',
      auditView: (before, after) => ({
        before: { state: before.state, version: before.version, drafts: drafts.map((d) => ({ id: d.id, clause: d.clause, title: d.title })) },
        after: { state: after.state, version: after.version, issuedAt: now.toISOString(), tasks: created.length, targets: targetRows.map((t) => t.code), codes: topLevel.map((t) => t.code) },
      }),
    });
    await tx.delete(taskDrafts).where(eq(taskDrafts.directiveId, directive.id));

    for (const task of created) {
      await ctx.audit(tx, {
        action: 'core.task.assign',
        entity: 'core.task',
        entityId: task.id,
        after: { code: task.code, directiveId: directive.id, leadUnitCode: task.leadUnitCode, parentId: task.parentId, coordinators: task.coordinators, assignedOn: today },
      });
    }
    return {
      ...directiveSummary(issued),
      issuedAt: now.toISOString(),
      issuedBy: username,
      /** Every task row created (parents and children). */
      taskCount: created.length,
      targetCodes: targetRows.map((t) => t.code),
      tasks: topLevel,
    };
  });
}

// ---------------------------------------------------------------------------------------
// Adjusting and cancelling tasks given

type TaskRow = typeof tasks.$inferSelect;

async function lockTask(tx: Tx, id: string, locale: Locale): Promise<TaskRow> {
  const [task] = await tx.select().from(tasks).where(eq(tasks.id, id)).for('update');
  if (!task) notFound(locale, { vi: 'nhiệm vụ', en: 'Task' });
  return task;
}

async function activeChildren(tx: Tx, parentId: string): Promise<TaskRow[]> {
  return tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.parentId, parentId), eq(tasks.state, 'active')))
    .orderBy(asc(tasks.code))
    .for('update');
}

async function coordinatorsOf(tx: Tx, taskIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(taskIds.map((id) => [id, []]));
  if (taskIds.length === 0) return map;
  const rows = await tx.select().from(taskCoordinators).where(inArray(taskCoordinators.taskId, taskIds));
  for (const row of rows) map.get(row.taskId)?.push(row.unitCode);
  return map;
}

/**
 * Adjusts a task given (title, content, deadline, coordinating units) with a reason. A parent
 * passes the change on to its active children (each child's version bumped). The deadline
 * changed this way replaces the one given; `originalDeadline` is for extensions only.
 */
export async function editTask(ctx: Actor, input: EditTaskInput) {
  const { locale } = ctx;
  const username = ctx.user.username;
  if (input.title === undefined && input.content === undefined && input.deadline === undefined && input.coordinatorUnitCodes === undefined) {
    fail('BAD_REQUEST', locale, {
      vi: 'Hãy nêu điều cần điều chỉnh: tên, nội dung, thời hạn hoặc đơn vị phối hợp.',
      en: 'Say what to change: the title, the content, the deadline or the coordinating units.',
    });
  }
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, input.id, locale);
    if (task.state !== 'active') {
      fail('CONFLICT', locale, { vi: `Nhiệm vụ ${task.code} đã bị hủy, không điều chỉnh được.`, en: `Task ${task.code} has been cancelled and cannot be changed.` });
    }
    if (task.version !== input.version) conflict(locale, task.updatedBy);
    if (input.deadline !== undefined && task.continuous) {
      fail('BAD_REQUEST', locale, { vi: 'Nhiệm vụ thường xuyên không có thời hạn.', en: 'A continuous task has no deadline.' });
    }
    if (input.coordinatorUnitCodes) {
      const known = new Set((await listUnits(tx)).map((unit) => unit.code));
      assertUnits(input.coordinatorUnitCodes, known, locale, { vi: 'Đơn vị phối hợp', en: 'Coordinating units' });
      if (!task.isParent && input.coordinatorUnitCodes.includes(task.leadUnitCode)) {
        fail('BAD_REQUEST', locale, {
          vi: `Đơn vị ${task.leadUnitCode} chủ trì nhiệm vụ, không đồng thời là đơn vị phối hợp.`,
          en: `Unit ${task.leadUnitCode} leads the task and cannot also coordinate it.`,
        });
      }
    }
    const children = task.isParent ? await activeChildren(tx, task.id) : [];
    const title = input.title ?? task.title;
    const content = input.content ?? task.content;
    const textChanged = input.title !== undefined || input.content !== undefined;
    const fields = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.content !== undefined ? { content: input.content } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
    };
    // Coordinators: on the task itself, or (a parent) on each of its active children.
    const coordinatorTargets = task.isParent ? children : [task];
    const coordinatorsBefore = await coordinatorsOf(tx, coordinatorTargets.map((t) => t.id));
    const coordinatorsAfter = (t: TaskRow) => (input.coordinatorUnitCodes ? input.coordinatorUnitCodes.filter((c) => c !== t.leadUnitCode) : (coordinatorsBefore.get(t.id) ?? []));
    // The task and each active child (locked above), each on the version it was read at, with its audit row.
    const edit = (row: TaskRow, version: number) => {
      const withCoordinators = coordinatorTargets.includes(row) && input.coordinatorUnitCodes !== undefined;
      return updateRow(ctx, tx, tasks, {
        version,
        row,
        set: { ...fields, ...(textChanged ? { searchText: searchTextOf(row.code, title, content) } : {}) },
        what: TASK,
        action: 'core.task.edit',
        entity: 'core.task',
        auditView: (before, after) => ({
          before: {
            title: before.title,
            content: before.content,
            deadline: before.deadline,
            ...(withCoordinators ? { coordinators: coordinatorsBefore.get(row.id) ?? [] } : {}),
            version: before.version,
          },
          after: {
            title: after.title,
            content: after.content,
            deadline: after.deadline,
            ...(withCoordinators ? { coordinators: coordinatorsAfter(row) } : {}),
            version: after.version,
            reason: input.reason,
            ...(row.id !== task.id ? { viaParent: task.id } : {}),
          },
        }),
      });
    };
    const updated = await edit(task, input.version);
    const updatedChildren: TaskRow[] = [];
    for (const child of children) updatedChildren.push(await edit(child, child.version));

    if (input.coordinatorUnitCodes && coordinatorTargets.length > 0) {
      const wanted = input.coordinatorUnitCodes;
      await tx.delete(taskCoordinators).where(inArray(taskCoordinators.taskId, coordinatorTargets.map((t) => t.id)));
      const rows = coordinatorTargets.flatMap((t) => wanted.filter((c) => c !== t.leadUnitCode).map((unitCode) => ({ taskId: t.id, unitCode })));
      await insertChunked(rows, (chunk) => tx.insert(taskCoordinators).values(chunk));
    }

    const note = `Điều chỉnh nhiệm vụ: ${input.reason}`;
    await insertChunked(
      [task, ...children].map((t) => ({ taskId: t.id, byUsername: username, progress: t.progress, completedOn: t.completedOn, note })),
      (chunk) => tx.insert(taskUpdates).values(chunk),
    );
    // The units carrying the task out are told (a parent's children; the task's own lead otherwise).
    const told = task.isParent ? children : [task];
    await insertChunked(
      told.map((t) => ({
        unitCode: t.leadUnitCode,
        kind: 'task_edited',
        title: `Điều chỉnh nhiệm vụ ${t.code}`,
        body: `${input.deadline !== undefined && input.deadline !== t.deadline ? `Thời hạn mới: ${formatDateVi(input.deadline)}. ` : ''}Lý do: ${input.reason}`,
        link: `/nhiem-vu/${t.id}`,
      })),
      (chunk) => tx.insert(notifications).values(chunk),
    );
    return {
      id: updated.id,
      version: updated.version,
      title: updated.title,
      content: updated.content,
      deadline: updated.deadline,
      children: updatedChildren.map((c) => ({ id: c.id, code: c.code, version: c.version })),
    };
  });
}

/**
 * Cancels a task given, with a reason (a parent cancels its active children). The rows stay;
 * lists and counts skip them. Pending extension requests of the cancelled tasks are closed.
 */
export async function cancelTask(ctx: Actor, input: { id: string; version: number; reason: string }) {
  const { locale } = ctx;
  const username = ctx.user.username;
  return ctx.db.transaction(async (tx) => {
    const task = await lockTask(tx, input.id, locale);
    if (task.state !== 'active') {
      fail('CONFLICT', locale, { vi: `Nhiệm vụ ${task.code} đã được hủy trước đó.`, en: `Task ${task.code} has already been cancelled.` });
    }
    if (task.version !== input.version) conflict(locale, task.updatedBy);
    const children = task.isParent ? await activeChildren(tx, task.id) : [];
    const now = new Date();
    const cancelled = { state: 'cancelled', cancelledAt: now, cancelledBy: username, cancelReason: input.reason };
    const all = [task, ...children];
    const ids = all.map((t) => t.id);
    const closed = await tx
      .update(deadlineExtensions)
      .set({ state: 'declined', decidedBy: username, decidedAt: now, decisionNote: `Nhiệm vụ đã bị hủy: ${input.reason}` })
      .where(and(inArray(deadlineExtensions.taskId, ids), eq(deadlineExtensions.state, 'pending')))
      .returning({ id: deadlineExtensions.id, taskId: deadlineExtensions.taskId });
    // The task and each active child (locked above), each on the version it was read at, with its audit row.
    const cancel = (row: TaskRow, version: number) =>
      updateRow(ctx, tx, tasks, {
        version,
        row,
        set: cancelled,
        what: TASK,
        action: 'core.task.cancel',
        entity: 'core.task',
        auditView: (before, after) => ({
          before: { state: before.state, version: before.version },
          after: {
            state: after.state,
            version: after.version,
            reason: input.reason,
            ...(row.id !== task.id ? { viaParent: task.id } : {}),
            closedExtensions: closed.filter((e) => e.taskId === row.id).map((e) => e.id),
          },
        }),
      });
    const updated = await cancel(task, input.version);
    const updatedChildren: Array<{ id: string; code: string; version: number }> = [];
    for (const child of children) {
      const after = await cancel(child, child.version);
      updatedChildren.push({ id: after.id, code: after.code, version: after.version });
    }
    const note = `Hủy nhiệm vụ: ${input.reason}`;
    await insertChunked(
      all.map((t) => ({ taskId: t.id, byUsername: username, progress: t.progress, completedOn: t.completedOn, note })),
      (chunk) => tx.insert(taskUpdates).values(chunk),
    );
    const told = task.isParent ? children : [task];
    await insertChunked(
      told.map((t) => ({ unitCode: t.leadUnitCode, kind: 'task_cancelled', title: `Hủy nhiệm vụ ${t.code}`, body: `Lý do: ${input.reason}`, link: `/nhiem-vu/${t.id}` })),
      (chunk) => tx.insert(notifications).values(chunk),
    );
    return {
      id: updated.id,
      state: 'cancelled' as const,
      version: updated.version,
      cancelledAt: now.toISOString(),
      children: updatedChildren,
      closedExtensions: closed.length,
    };
  });
}
