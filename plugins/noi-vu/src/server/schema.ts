/**
 * The module's own tables, in the Postgres schema `noi_vu` (migrations: `pnpm db:generate`
 * → ../../drizzle). Units of the city are referred to by their code only: the module reads them
 * through the core API (`ctx.services.core.units`), never through the core's tables.
 */
import { sql } from 'drizzle-orm';
import { trackedColumns } from '@dondoc/plugin-sdk';
import { boolean, check, date, index, integer, jsonb, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const moduleSchema = pgSchema('noi_vu');

/** Who changed a row and when, and its version (the kit's columns of a shared row). */
const tracked = trackedColumns();

/**
 * The consolidated CCHC report of a core reporting period (one per period): the narrative
 * sections Sở Nội vụ writes, the document's number and signer. The figures are never stored
 * here: they come from the core (its overview and the units' frozen reports) when the document
 * is made.
 */
export const consolidatedReports = moduleSchema.table(
  'consolidated_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: text('period_id').notNull(),
    /** The number the clerk gives on issue (null: "Số:    /BC-SNV"). */
    number: integer('number'),
    /** `{ chiDao, theChe, … }` (src/domain/report.ts). */
    narrative: jsonb('narrative').notNull().default(sql`'{}'::jsonb`),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    ...tracked,
  },
  (t) => [uniqueIndex('consolidated_reports_period_idx').on(t.periodId), check('consolidated_reports_number_check', sql`${t.number} is null or ${t.number} between 1 and 99999`)],
);

/** A good model or practice proposed by a unit, evaluated by Sở Nội vụ. */
export const goodModels = moduleSchema.table(
  'good_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    year: integer('year').notNull(),
    field: text('field').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    results: text('results').notNull(),
    evidence: text('evidence'),
    /** `proposed`, `recognised`, `not_recognised` (src/domain/models.ts). */
    state: text('state').notNull().default('proposed'),
    evaluationNote: text('evaluation_note'),
    evaluatedBy: text('evaluated_by'),
    evaluatedOn: date('evaluated_on'),
    /** Marked by Sở Nội vụ for replication across the city. */
    replicate: boolean('replicate').notNull().default(false),
    ...tracked,
  },
  (t) => [
    index('good_models_unit_idx').on(t.unitCode, t.year),
    check('good_models_state_check', sql`${t.state} in ('proposed', 'recognised', 'not_recognised')`),
    check('good_models_title_check', sql`length(${t.title}) between 1 and 500`),
  ],
);

/** A unit that adopted a model marked for replication, with its result. */
export const modelAdoptions = moduleSchema.table(
  'model_adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => goodModels.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').notNull(),
    adoptedOn: date('adopted_on').notNull(),
    result: text('result').notNull(),
    ...tracked,
  },
  (t) => [uniqueIndex('model_adoptions_unit_idx').on(t.modelId, t.unitCode)],
);

/** An inspection of a unit's reform work or public-service discipline, under a year's plan. */
export const inspections = moduleSchema.table(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `cchc` or `discipline`. */
    kind: text('kind').notNull(),
    /** The plan it belongs to, e.g. "Kế hoạch kiểm tra CCHC năm 2026 (số 35/KH-SNV)". */
    plan: text('plan').notNull(),
    unitCode: text('unit_code').notNull(),
    inspectedOn: date('inspected_on').notNull(),
    findings: text('findings'),
    closed: boolean('closed').notNull().default(false),
    closedOn: date('closed_on'),
    ...tracked,
  },
  (t) => [index('inspections_unit_idx').on(t.unitCode, t.inspectedOn), check('inspections_kind_check', sql`${t.kind} in ('cchc', 'discipline')`)],
);

/** A follow-up the inspection requires of the inspected unit, by a deadline; it may be a core task of that unit. */
export const followUps = moduleSchema.table(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    /** The core task opened for it (the inspected unit follows it like any task). */
    taskId: uuid('task_id'),
    ...tracked,
  },
  (t) => [index('follow_ups_inspection_idx').on(t.inspectionId)],
);

/** A discipline case (vi phạm kỷ luật, kỷ cương hành chính) to be published. */
export const disciplineCases = moduleSchema.table(
  'discipline_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    inspectionId: uuid('inspection_id').references(() => inspections.id, { onDelete: 'set null' }),
    /** Who (a position, not necessarily a name: "01 công chức Bộ phận một cửa"). */
    subject: text('subject').notNull(),
    violation: text('violation').notNull(),
    measure: text('measure').notNull(),
    decidedOn: date('decided_on').notNull(),
    decisionNumber: text('decision_number'),
    published: boolean('published').notNull().default(false),
    ...tracked,
  },
  (t) => [index('discipline_cases_unit_idx').on(t.unitCode, t.decidedOn)],
);

export type ConsolidatedReportRow = typeof consolidatedReports.$inferSelect;
export type GoodModelRow = typeof goodModels.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;
