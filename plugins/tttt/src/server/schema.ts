/**
 * The module's own tables, in the Postgres schema `tttt` (migrations: `pnpm db:generate`
 * → ../../drizzle). Units of the city are referred to by their code only: the module reads them
 * through the core API (`ctx.services.core.units`), never through the core's tables.
 */
import { sql } from 'drizzle-orm';
import { trackedColumns } from '@dondoc/plugin-sdk';
import { boolean, check, customType, date, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const moduleSchema = pgSchema('tttt');

/** Who changed a row and when, and its version (the kit's columns of a shared row). */
const tracked = trackedColumns();

/** The settings Sở TT&TT keeps (one row, id 1): when a connection is stale, the system's security level and last assessment. */
export const settings = moduleSchema.table(
  'settings',
  {
    id: integer('id').primaryKey(),
    /** A live connection with no successful exchange for more days than this is flagged. */
    staleAfterDays: integer('stale_after_days').notNull(),
    /** Cấp độ an toàn hệ thống thông tin (Decree 85/2016/NĐ-CP), 1-5. */
    securityLevel: integer('security_level').notNull(),
    lastAssessedOn: date('last_assessed_on'),
    ...tracked,
  },
  (t) => [
    check('settings_single_check', sql`${t.id} = 1`),
    check('settings_stale_check', sql`${t.staleAfterDays} between 0 and 365`),
    check('settings_level_check', sql`${t.securityLevel} between 1 and 5`),
  ],
);

/** The contents Plan 64/KH-UBND requires of a unit's plan: the list Sở TT&TT edits. */
export const requiredContents = moduleSchema.table(
  'required_contents',
  {
    code: text('code').primaryKey(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    ...tracked,
  },
  (t) => [check('required_contents_title_check', sql`length(${t.title}) between 1 and 500`)],
);

/** A unit's digital-transformation plan for a year (one per unit and year). */
export const plans = moduleSchema.table(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    year: integer('year').notNull(),
    /** `draft`, `submitted`, `returned`, `approved` (src/domain/plans.ts). */
    state: text('state').notNull().default('draft'),
    title: text('title').notNull(),
    /** The plan's document: its number and date (số, ngày ký). */
    documentNumber: text('document_number'),
    documentDate: date('document_date'),
    summary: text('summary'),
    /** Codes of the required contents the plan covers. */
    contentCodes: jsonb('content_codes').$type<string[]>().notNull().default([]),
    /** Sở TT&TT's reasons for the last return (kept after a resubmission, until the next review). */
    returnReasons: jsonb('return_reasons').$type<string[]>().notNull().default([]),
    submissions: integer('submissions').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    ...tracked,
  },
  (t) => [
    uniqueIndex('plans_unit_year_idx').on(t.unitCode, t.year),
    index('plans_year_state_idx').on(t.year, t.state),
    check('plans_state_check', sql`${t.state} in ('draft', 'submitted', 'returned', 'approved')`),
    check('plans_title_check', sql`length(${t.title}) between 1 and 500`),
    check('plans_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The plan's document as the unit issued it (pdf or docx), one per plan: a new upload replaces it. */
export const planDocuments = moduleSchema.table('plan_documents', {
  planId: uuid('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A key item of a plan (nhiệm vụ trọng tâm): who carries it out and by when; it may be followed as a core task. */
export const planItems = moduleSchema.table(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    deadline: date('deadline'),
    /** The core task that follows it (ctx.services.core.tasks.open), once opened. */
    taskId: uuid('task_id'),
    taskCode: text('task_code'),
  },
  (t) => [index('plan_items_plan_idx').on(t.planId, t.position), check('plan_items_title_check', sql`length(${t.title}) between 1 and 500`)],
);

/** A feature or function of the procedures information system still to complete. */
export const features = moduleSchema.table(
  'features',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    owner: text('owner').notNull(),
    deadline: date('deadline'),
    /** `planned`, `in_progress`, `done`. */
    status: text('status').notNull(),
    note: text('note'),
    ...tracked,
  },
  (t) => [
    uniqueIndex('features_name_idx').on(sql`lower(${t.name})`),
    check('features_status_check', sql`${t.status} in ('planned', 'in_progress', 'done')`),
  ],
);

/** A connection of the system to a national, sector or ministry system or database. */
export const connections = moduleSchema.table(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** `population` (CSDLQG về dân cư), `sector` (CSDL chuyên ngành), `ministry` (hệ thống của Bộ, ngành). */
    kind: text('kind').notNull(),
    /** `planned`, `testing`, `live`, `broken`. */
    status: text('status').notNull(),
    lastSuccessOn: date('last_success_on'),
    note: text('note'),
    ...tracked,
  },
  (t) => [
    uniqueIndex('connections_name_idx').on(sql`lower(${t.name})`),
    check('connections_kind_check', sql`${t.kind} in ('population', 'sector', 'ministry')`),
    check('connections_status_check', sql`${t.status} in ('planned', 'testing', 'live', 'broken')`),
  ],
);

/** An incident on a connection: from its start to its end (open while `ended_at` is null). */
export const incidents = moduleSchema.table(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    description: text('description').notNull(),
    ...tracked,
  },
  (t) => [index('incidents_connection_idx').on(t.connectionId, t.startedAt), check('incidents_order_check', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`)],
);

/** A security finding (phát hiện an toàn thông tin) to fix: owner, severity, deadline. */
export const findings = moduleSchema.table(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    /** `low`, `medium`, `high`, `critical`. */
    severity: text('severity').notNull(),
    deadline: date('deadline').notNull(),
    resolvedOn: date('resolved_on'),
    ...tracked,
  },
  (t) => [check('findings_severity_check', sql`${t.severity} in ('low', 'medium', 'high', 'critical')`)],
);

export type PlanRow = typeof plans.$inferSelect;
export type PlanItemRow = typeof planItems.$inferSelect;
export type FeatureRow = typeof features.$inferSelect;
export type ConnectionRow = typeof connections.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;
export type SettingsRow = typeof settings.$inferSelect;
