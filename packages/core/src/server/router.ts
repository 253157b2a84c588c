import { z } from 'zod';
import { listUnits } from '@dondoc/auth';
import { permissionProcedure, router, uploadProcedure, localized, type Context } from '@dondoc/trpc';
import { hanoiDateOf, isPeriodId, REPORT_STATES, TASK_STATUSES, type IsoDate } from '../domain/index.ts';
import { fail, notFound } from './errors.ts';
import { isoDateInput, progressInput, textInput, unitCodeInput } from './inputs.ts';
import { coordinationWaiting, listEscalations, listNotifications, markNotificationsRead, respondToEscalation, sendReminder } from './follow-up.ts';
import { overviewSummary, overviewTrend } from './overview.ts';
import { importDraft, importDraftInput, readDirectiveUpload } from './directive-import.ts';
import { overviewReport, overviewWorkbook } from './overview-export.ts';
import {
  attachDirectiveFile,
  attachDirectiveInput,
  cancelTask,
  cancelTaskInput,
  createDirective,
  createDirectiveInput,
  discardDirective,
  editTask,
  editTaskInput,
  getDirective,
  issueDirective,
  listDirectives,
  removeTaskDraft,
  saveTaskDraft,
  saveTaskDraftInput,
  updateDirective,
  updateDirectiveInput,
  versionedInput,
} from './directives.ts';
import { giveTaskFromAnswer, giveTaskFromAnswerInput } from './answer-tasks.ts';
import { decideExtension, decideExtensionInput, listExtensions, listExtensionsInput, requestExtension, requestExtensionInput } from './extensions.ts';
import { attachEvidence, getReport, getReportVersion, listReports, readEvidence, returnToOfficer, reviewReport, saveReport, sendToLead, submitReport } from './reports.ts';
import { reportStatus } from './report-status.ts';
import { findTarget, getTarget, listTargets, recordMeasurement, setTargetBaseline } from './targets.ts';
import { decideCompletion, getTask, listTasks, updateTask } from './tasks.ts';
import { followUpReaders } from './visibility.ts';
import { listTaskLinks } from './module-api/tasks.ts';
import { attachTaskResult } from './task-results.ts';
import { addNodeInput, atRiskInput, listScorecardsFilter, rankingInput, removeNodeInput, saveEstimateInput, updateNodeInput } from './module-api/scorecards.ts';
import { flaggedForBriefing, flaggedWorkbook } from './briefing.ts';

const isoDate = isoDateInput;
const periodId = z.string().refine(isPeriodId, localized({ vi: 'Kỳ báo cáo không hợp lệ, ví dụ 2024-Q1.', en: 'Invalid period, e.g. 2024-Q1.' }));
const unitCode = unitCodeInput;
const uuid = z.uuid();
const text = textInput;
const progress = progressInput;

/** Today in Hà Nội: the default "as of" date. */
export const today = (): IsoDate => hanoiDateOf(Date.now());

const p = {
  tasksRead: permissionProcedure('core.tasks:read'),
  tasksUpdate: permissionProcedure('core.tasks:update'),
  tasksConfirm: permissionProcedure('core.tasks:confirm'),
  directivesWrite: permissionProcedure('core.directives:write'),
  extensionsRequest: permissionProcedure('core.extensions:request'),
  extensionsDecide: permissionProcedure('core.extensions:decide'),
  targetsRead: permissionProcedure('core.targets:read'),
  targetsRecord: permissionProcedure('core.targets:record'),
  reportsRead: permissionProcedure('core.reports:read'),
  reportsWrite: permissionProcedure('core.reports:write'),
  reportsSubmit: permissionProcedure('core.reports:submit'),
  reportsReview: permissionProcedure('core.reports:review'),
  escalationsRead: permissionProcedure('core.escalations:read'),
  escalationsRespond: permissionProcedure('core.escalations:respond'),
  remindersSend: permissionProcedure('core.reminders:send'),
  notificationsRead: permissionProcedure('core.notifications:read'),
  overviewRead: permissionProcedure('core.overview:read'),
  targetsBaseline: permissionProcedure('core.targets:baseline'),
  scorecardsRead: permissionProcedure('core.scorecards:read'),
  scorecardsEstimate: permissionProcedure('core.scorecards:estimate'),
  scorecardsEdit: permissionProcedure('core.scorecards:edit'),
};

/** The task core's router, mounted at `/api/trpc/core`. Names and shapes are stable for scripts. */
export const coreRouter = router({
  directives: router({
    list: p.tasksRead.query(({ ctx }) => listDirectives(ctx)),
    get: p.tasksRead.input(z.object({ id: uuid })).query(({ ctx, input }) => getDirective(ctx, input.id)),
    create: p.directivesWrite.input(createDirectiveInput).mutation(({ ctx, input }) => createDirective(ctx, input)),
    update: p.directivesWrite.input(updateDirectiveInput).mutation(({ ctx, input }) => updateDirective(ctx, input)),
    attach: uploadProcedure(p.directivesWrite, 'document', attachDirectiveInput).mutation(({ ctx, input }) => attachDirectiveFile(ctx, input)),
    discard: p.directivesWrite.input(versionedInput).mutation(({ ctx, input }) => discardDirective(ctx, input)),
    saveTask: p.directivesWrite.input(saveTaskDraftInput).mutation(({ ctx, input }) => saveTaskDraft(ctx, input)),
    removeTask: p.directivesWrite.input(versionedInput).mutation(({ ctx, input }) => removeTaskDraft(ctx, input)),
    issue: p.directivesWrite.input(versionedInput).mutation(({ ctx, input }) => issueDirective(ctx, input, today())),
    /** A directive's text (.md, .txt, .docx) read: the parser's findings with their sentences, and the draft planned from them. Writes nothing. */
    read: uploadProcedure(p.directivesWrite, 'document', z.object({})).mutation(({ ctx, input }) => readDirectiveUpload(ctx, { bytes: input.file.bytes, filename: input.file.name })),
    /** The reviewed draft saved in one transaction (the directive and the tasks kept); nothing is issued. */
    importDraft: p.directivesWrite.input(importDraftInput).mutation(({ ctx, input }) => importDraft(ctx, input)),
  }),

  extensions: router({
    list: p.tasksRead.input(listExtensionsInput).query(({ ctx, input }) => listExtensions(ctx.db, ctx.access, input, ctx.locale)),
    request: p.extensionsRequest.input(requestExtensionInput).mutation(({ ctx, input }) => requestExtension(ctx, input)),
    decide: p.extensionsDecide.input(decideExtensionInput).mutation(({ ctx, input }) => decideExtension(ctx, input)),
  }),

  tasks: router({
    edit: p.directivesWrite.input(editTaskInput).mutation(({ ctx, input }) => editTask(ctx, input)),
    cancel: p.directivesWrite.input(cancelTaskInput).mutation(({ ctx, input }) => cancelTask(ctx, input)),
    list: p.tasksRead
      .input(
        z
          .object({
            unitCode: unitCode.optional(),
            status: z.enum(TASK_STATUSES).optional(),
            asOf: isoDate.optional(),
            directiveId: uuid.optional(),
            q: text(200).optional(),
            cursor: z.string().max(200).optional(),
            limit: z.number().int().min(1).max(200).default(50),
          })
          .default({ limit: 50 }),
      )
      .query(({ ctx, input }) => listTasks(ctx.db, ctx.access, { ...input, asOf: input.asOf ?? today() })),
    get: p.tasksRead
      .input(z.object({ id: uuid, asOf: isoDate.optional() }))
      .query(({ ctx, input }) => getTask(ctx.db, ctx.access, readersOf(ctx), input.id, input.asOf ?? today(), ctx.locale)),
    /** The modules' rows linked to a task (`ctx.services.core.tasks.link`), for whoever may see the task. */
    links: p.tasksRead.input(z.object({ id: uuid })).query(async ({ ctx, input }) => {
      await getTask(ctx.db, ctx.access, readersOf(ctx), input.id, today(), ctx.locale);
      return listTaskLinks(ctx.db, input.id);
    }),
    update: p.tasksUpdate
      .input(
        z.object({
          id: uuid,
          version: z.number().int().min(1),
          progress,
          result: text(5000).nullable().optional(),
          completedOn: isoDate.nullable().optional(),
          resultDocNumber: text(100).nullable().optional(),
          resultDocDate: isoDate.nullable().optional(),
          resultFileId: uuid.nullable().optional(),
          note: text(2000).nullable().optional(),
          /** Send the completion to the unit's lead to confirm (chờ lãnh đạo xác nhận) instead of recording it. */
          confirmByLead: z.boolean().optional(),
        }),
      )
      .mutation(({ ctx, input }) => updateTask(ctx, input, today())),
    /** The unit's lead confirms a completion an officer sent them, or returns it with a note. */
    decideCompletion: p.tasksConfirm
      .input(z.object({ id: uuid, version: z.number().int().min(1), decision: z.enum(['confirm', 'return']), note: text(2000).optional() }))
      .mutation(({ ctx, input }) => decideCompletion(ctx, input, today())),
    /** Uploads the evidence file of a task's result (multipart: `file`, `input` = `{ taskId }`; then named in `tasks.update` as `resultFileId`). */
    attachResult: uploadProcedure(p.tasksUpdate, 'document', z.object({ taskId: uuid })).mutation(({ ctx, input }) => attachTaskResult(ctx, input)),
    /** Tasks overdue after more than three reminders, by unit: the coordinators' briefing list. */
    flagged: p.tasksRead
      .input(z.object({ asOf: isoDate.optional() }).default({}))
      .query(({ ctx, input }) => flaggedForBriefing(ctx.db, ctx.access, input.asOf ?? today())),
    /** The same list as an xlsx file (base64), to file with the briefing. */
    flaggedExport: p.tasksRead.input(z.object({ asOf: isoDate.optional() }).default({})).query(async ({ ctx, input }) => {
      const asOf = input.asOf ?? today();
      const list = await flaggedForBriefing(ctx.db, ctx.access, asOf);
      const bytes = await flaggedWorkbook(list, ctx.user.displayName);
      return {
        filename: `nhiem-vu-qua-han-tren-3-lan-don-doc-${asOf}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        dataBase64: bytes.toString('base64'),
      };
    }),
  }),

  targets: router({
    list: p.targetsRead.input(z.object({ asOf: isoDate.optional() }).default({})).query(({ ctx, input }) => listTargets(ctx.db, input.asOf ?? today())),
    get: p.targetsRead
      .input(z.object({ code: z.string().min(1).max(50), asOf: isoDate.optional() }))
      .query(({ ctx, input }) => getTarget(ctx.db, input.code, input.asOf ?? today(), ctx.locale)),
    record: p.targetsRecord
      .input(z.object({ code: z.string().min(1).max(50), value: z.number().finite(), asOf: isoDate, note: text(1000).nullable().optional() }))
      .mutation(async ({ ctx, input }) => {
        if (input.asOf > today()) fail('BAD_REQUEST', ctx.locale, { vi: 'Ngày số liệu không được sau hôm nay.', en: 'A measurement cannot be dated in the future.' });
        return ctx.db.transaction(async (tx) => {
          const target = await findTarget(tx, input.code);
          if (!target) notFound(ctx.locale, { vi: `chỉ tiêu ${input.code}`, en: `Target ${input.code}` });
          if (ctx.access.allowed && ctx.access.unitCodes !== 'all' && !ctx.access.unitCodes.includes(target.ownerUnitCode)) {
            fail('FORBIDDEN', ctx.locale, { vi: 'Chỉ đơn vị chủ quản chỉ tiêu được nhập số liệu.', en: 'Only the unit that owns the target may record its measurements.' });
          }
          const { before, after } = await recordMeasurement(tx, target, { ...input, source: 'manual', author: ctx.user.username }, ctx.locale);
          await ctx.audit(tx, { action: 'core.target.record', entity: 'core.target', entityId: target.id, before, after });
          return { id: after.id, value: after.value, asOf: after.asOf };
        });
      }),
    /** The owner unit sets the baseline (value and date) its forecast starts from. */
    setBaseline: p.targetsBaseline
      .input(z.object({ code: z.string().min(1).max(50), version: z.number().int().min(1), baselineValue: z.number().finite(), baselineDate: isoDate }))
      .mutation(({ ctx, input }) => setTargetBaseline(ctx, input, today())),
  }),

  reports: router({
    list: p.reportsRead
      .input(z.object({ state: z.enum(REPORT_STATES).optional(), periodId: periodId.optional() }).default({}))
      .query(({ ctx, input }) => listReports(ctx.db, ctx.access, input, ctx.locale)),
    get: p.reportsRead
      .input(z.object({ unitCode: unitCode.optional(), periodId }))
      .query(({ ctx, input }) => getReport(ctx.db, ctx.access, input.unitCode ?? ownUnit(ctx), input.periodId, ctx.locale)),
    version: p.reportsRead
      .input(z.object({ reportId: uuid, number: z.number().int().min(1) }))
      .query(({ ctx, input }) => getReportVersion(ctx.db, ctx.access, input.reportId, input.number, ctx.locale)),
    save: p.reportsWrite
      .input(
        z.object({
          unitCode: unitCode.optional(),
          periodId,
          version: z.number().int().min(1).nullable(),
          items: z
            .array(
              z.object({
                taskId: uuid,
                progress: progress.nullable().optional(),
                result: text(5000).nullable().optional(),
                obstacles: text(5000).nullable().optional(),
                proposals: text(5000).nullable().optional(),
                beyondAuthority: z.boolean().optional(),
              }),
            )
            .max(2000),
        }),
      )
      .mutation(({ ctx, input }) => saveReport(ctx, { ...input, unitCode: input.unitCode ?? ownUnit(ctx) })),
    submit: p.reportsSubmit.input(z.object({ id: uuid, version: z.number().int().min(1) })).mutation(({ ctx, input }) => submitReport(ctx, input, today())),
    /** An officer sends the complete draft to the unit's lead (trình lãnh đạo); the unit is notified. */
    sendToLead: p.reportsWrite
      .input(z.object({ id: uuid, version: z.number().int().min(1), note: text(2000).optional() }))
      .mutation(({ ctx, input }) => sendToLead(ctx, input)),
    /** The unit's lead returns a report sent to them to the officer, with a note. */
    returnToOfficer: p.reportsSubmit
      .input(z.object({ id: uuid, version: z.number().int().min(1), note: text(2000).min(1, localized({ vi: 'Hãy nêu ý kiến khi trả lại.', en: 'Give a note when returning it.' })) }))
      .mutation(({ ctx, input }) => returnToOfficer(ctx, input)),
    /** Tình hình báo cáo: every unit owing the period's report, its state and days late (of one kind of unit when `kind` is given). */
    status: p.reportsRead
      .input(z.object({ periodId, kind: z.enum(['district', 'department']).optional() }))
      .query(({ ctx, input }) => reportStatus(ctx, input, today())),
    /** Reminds the units named to submit the period's report: never twice a unit, period and day (answers who was reminded and who skipped). */
    remind: p.remindersSend
      .input(z.object({ periodId, unitCodes: z.array(unitCode).min(1).max(500) }))
      .mutation(({ ctx, input }) => ctx.services.core.reports.remind(input.periodId, input.unitCodes)),
    review: p.reportsReview
      .input(z.object({ id: uuid, version: z.number().int().min(1), decision: z.enum(['accept', 'return']), reason: text(2000).optional() }))
      .mutation(({ ctx, input }) => reviewReport(ctx, input)),
    /** A file of evidence (multipart: `file`, and `input` = `{ reportId, taskId? }`). */
    attach: uploadProcedure(p.reportsWrite, 'document', z.object({ reportId: uuid, taskId: uuid.optional() })).mutation(({ ctx, input }) => attachEvidence(ctx, input)),
    evidence: p.reportsRead.input(z.object({ id: uuid })).query(({ ctx, input }) => readEvidence(ctx.db, ctx.access, input.id, ctx.locale)),
  }),

  escalations: router({
    list: p.escalationsRead
      .input(z.object({ state: z.enum(['open', 'answered', 'closed']).optional() }).default({}))
      .query(({ ctx, input }) => listEscalations(ctx.db, ctx.access, input, ctx.locale)),
    respond: p.escalationsRespond
      .input(z.object({ id: uuid, response: text(5000).min(1), close: z.boolean().default(false) }))
      .mutation(({ ctx, input }) => respondToEscalation(ctx, input)),
    /** Turns an answer into a task for the unit it names, through the giving-tasks flow (one directive, one task, issued). */
    giveTask: p.directivesWrite.input(giveTaskFromAnswerInput).mutation(({ ctx, input }) => giveTaskFromAnswer(ctx, input, today())),
  }),

  reminders: router({
    send: p.remindersSend
      .input(z.object({ taskId: uuid, unitCode: unitCode.optional(), message: text(2000).min(1) }))
      .mutation(({ ctx, input }) => sendReminder(ctx, input, today())),
  }),

  notifications: router({
    list: p.notificationsRead
      .input(z.object({ unreadOnly: z.boolean().default(false) }).default({ unreadOnly: false }))
      .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.unit?.code ?? null, input.unreadOnly, ctx.locale)),
    markRead: p.notificationsRead.input(z.object({ ids: z.array(z.number().int()).max(500) })).mutation(({ ctx, input }) => markNotificationsRead(ctx, input.ids)),
  }),

  coordination: router({
    /** How many items wait on `/dieu-phoi` (reports to review, escalations to answer, extensions to decide): the menu's badge. */
    waiting: p.reportsReview.query(({ ctx }) => coordinationWaiting(ctx.db, (key) => ctx.permissions.decide(ctx.user, key))),
  }),

  units: router({
    /** The UBND, the departments and the districts, in the directory's order (pickers of units). */
    list: p.tasksRead.query(async ({ ctx }) => (await listUnits(ctx.db)).map((unit) => ({ code: unit.code, name: unit.name, kind: unit.kind }))),
  }),

  /** Index scorecards (PAR INDEX, SIPAS, PAPI, PCI, PGI): the same service as the modules' `ctx.services.core.scorecards`. */
  scorecards: router({
    list: p.scorecardsRead.input(listScorecardsFilter.omit({ permission: true }).default({})).query(({ ctx, input }) => ctx.services.core.scorecards.list(input)),
    get: p.scorecardsRead.input(z.object({ id: uuid })).query(({ ctx, input }) => ctx.services.core.scorecards.get(input.id)),
    history: p.scorecardsRead.input(z.object({ nodeId: uuid })).query(({ ctx, input }) => ctx.services.core.scorecards.history(input.nodeId)),
    /** The city's ranking of its departments or districts by internal PAR score, with the move since last year. */
    ranking: p.scorecardsRead.input(rankingInput.omit({ permission: true })).query(({ ctx, input }) => ctx.services.core.scorecards.ranking(input)),
    /** The criteria forecast to miss across a year's scorecards: the coordinators' watch list. */
    atRisk: p.scorecardsRead.input(atRiskInput.omit({ permission: true }).default({})).query(({ ctx, input }) => ctx.services.core.scorecards.atRisk(input)),
    /** The owner unit's estimate of a leaf with its evidence; below target with a remediation action (what, who, by when). */
    saveEstimate: p.scorecardsEstimate.input(saveEstimateInput.omit({ permission: true })).mutation(({ ctx, input }) => ctx.services.core.scorecards.saveEstimate(input)),
    updateNode: p.scorecardsEdit.input(updateNodeInput.omit({ permission: true })).mutation(({ ctx, input }) => ctx.services.core.scorecards.updateNode(input)),
    addNode: p.scorecardsEdit.input(addNodeInput.omit({ permission: true })).mutation(({ ctx, input }) => ctx.services.core.scorecards.addNode(input)),
    removeNode: p.scorecardsEdit.input(removeNodeInput.omit({ permission: true })).mutation(({ ctx, input }) => ctx.services.core.scorecards.removeNode(input)),
    /** The scorecard as an xlsx (base64) to file, or to edit and import back. */
    export: p.scorecardsRead.input(z.object({ id: uuid })).query(async ({ ctx, input }) => {
      const file = await ctx.services.core.scorecards.exportSheet(input.id);
      return { filename: file.fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: Buffer.from(file.bytes).toString('base64') };
    }),
    /** The owning department imports the structure and targets from a file (multipart: `file`, `input` = `{ id, dryRun }`). */
    import: uploadProcedure(p.scorecardsEdit, 'spreadsheet', z.object({ id: uuid, dryRun: z.boolean() })).mutation(({ ctx, input }) =>
      ctx.services.core.scorecards.importSheet({ id: input.id, bytes: input.file.bytes, fileName: input.file.name, dryRun: input.dryRun }),
    ),
  }),

  overview: router({
    summary: p.overviewRead.input(z.object({ asOf: isoDate.optional() }).default({})).query(({ ctx, input }) => overviewSummary(ctx.db, ctx.access, input.asOf ?? today(), today())),
    /** Tasks by status at each month's end of the last 12 months up to `asOf`: the chart of statuses over time. */
    trend: p.overviewRead.input(z.object({ asOf: isoDate.optional() }).default({})).query(({ ctx, input }) => overviewTrend(ctx.db, ctx.access, input.asOf ?? today(), today())),
    /** The overview as a file to keep: xlsx (a sheet per section) or the leadership's report (.docx, Decree 30/2020). */
    export: p.overviewRead
      .input(z.object({ asOf: isoDate.optional(), format: z.enum(['xlsx', 'docx']) }))
      .query(({ ctx, input }) => (input.format === 'xlsx' ? overviewWorkbook : overviewReport)(ctx, input.asOf ?? today(), today())),
  }),
});

/** The caller's reports and escalations policy (what `reports.get` and `escalations.list` answer them). */
function readersOf(ctx: Pick<Context, 'permissions' | 'user'>) {
  return followUpReaders((key) => ctx.permissions.decide(ctx.user, key));
}

function ownUnit(ctx: { user: { unit: { code: string } | null }; locale: 'vi' | 'en' }): string {
  if (!ctx.user.unit) fail('BAD_REQUEST', ctx.locale, { vi: 'Hãy chọn đơn vị (unitCode).', en: 'Choose a unit (unitCode).' });
  return ctx.user.unit.code;
}

export type CoreRouter = typeof coreRouter;
