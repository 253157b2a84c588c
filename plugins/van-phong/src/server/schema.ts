/**
 * The module's own tables, in the Postgres schema `van_phong` (migrations: `pnpm db:generate`
 * → ../../drizzle). Units of the city are referred to by their code only: the module reads them
 * through the core API (`ctx.services.core.units`), never through the core's tables. Every row
 * is versioned (optimistic concurrency: a stale write gets CONFLICT naming who changed it).
 */
import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const moduleSchema = pgSchema('van_phong');

const stamps = () => ({
  version: integer('version').notNull().default(1),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The procedure catalogue (danh mục TTHC): one row per procedure, owned by the department that handles it. */
export const procedures = moduleSchema.table(
  'procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The procedure's code in the National Database (e.g. `1.009972`) or the department's own. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    ownerUnitCode: text('owner_unit_code').notNull(),
    decisionNumber: text('decision_number'),
    announcedOn: date('announced_on'),
    publishedOn: date('published_on'),
    onlineService: text('online_service').notNull(),
    /** Compliance cost a year, thousand đồng; null when not costed yet. */
    complianceCost: doublePrecision('compliance_cost'),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('procedures_code_idx').on(t.code),
    index('procedures_owner_idx').on(t.ownerUnitCode),
    check('procedures_level_check', sql`${t.level} in ('city', 'district', 'commune')`),
    check('procedures_kind_check', sql`${t.kind} in ('external', 'internal')`),
    check('procedures_online_check', sql`${t.onlineService} in ('full', 'partial', 'none')`),
    check('procedures_published_check', sql`${t.publishedOn} is null or (${t.announcedOn} is not null and ${t.publishedOn} >= ${t.announcedOn})`),
    check('procedures_cost_check', sql`${t.complianceCost} is null or ${t.complianceCost} >= 0`),
  ],
);

/** A simplification plan for one procedure: proposed by its owner department, reviewed by the Văn phòng. */
export const plans = moduleSchema.table(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'restrict' }),
    /** The owner department (the procedure's, kept here so access needs no join). */
    ownerUnitCode: text('owner_unit_code').notNull(),
    action: text('action').notNull(),
    content: text('content').notNull(),
    costBefore: doublePrecision('cost_before').notNull(),
    costAfter: doublePrecision('cost_after').notNull(),
    daysBefore: integer('days_before'),
    daysAfter: integer('days_after'),
    status: text('status').notNull().default('proposed'),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    implementedOn: date('implemented_on'),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('plans_procedure_idx').on(t.procedureId),
    index('plans_owner_idx').on(t.ownerUnitCode),
    check('plans_action_check', sql`${t.action} in ('cut', 'simplify')`),
    check('plans_status_check', sql`${t.status} in ('proposed', 'returned', 'approved', 'implemented')`),
    check('plans_cost_check', sql`${t.costBefore} >= 0 and ${t.costAfter} >= 0`),
  ],
);

/** The delegation register (Decision 4610/QĐ-UBND). */
export const delegations = moduleSchema.table(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id, { onDelete: 'restrict' }),
    delegatingAuthority: text('delegating_authority').notNull(),
    /** The unit that handles the procedure under the delegation; it reports its dossiers. */
    delegateUnitCode: text('delegate_unit_code').notNull(),
    decisionNumber: text('decision_number').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    onTime: integer('on_time').notNull().default(0),
    late: integer('late').notNull().default(0),
    ...stamps(),
  },
  (t) => [
    index('delegations_delegate_idx').on(t.delegateUnitCode),
    check('delegations_period_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('delegations_counts_check', sql`${t.onTime} >= 0 and ${t.late} >= 0`),
  ],
);

/** An inspection or evaluation of a delegation, with its findings and recommendation. */
export const evaluations = moduleSchema.table(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    evaluatedOn: date('evaluated_on').notNull(),
    findings: text('findings').notNull(),
    recommendation: text('recommendation').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluations_delegation_idx').on(t.delegationId),
    check('evaluations_kind_check', sql`${t.kind} in ('inspection', 'evaluation')`),
    check('evaluations_recommendation_check', sql`${t.recommendation} in ('keep', 'adjust', 'revoke')`),
  ],
);

/** The Văn phòng's settings: one row (`id` = 'default'). */
export const settings = moduleSchema.table(
  'settings',
  {
    id: text('id').primaryKey(),
    /** Late-handling rate (%) above which a delegation is flagged. */
    lateThreshold: doublePrecision('late_threshold').notNull(),
    ...stamps(),
  },
  (t) => [check('settings_threshold_check', sql`${t.lateThreshold} >= 0 and ${t.lateThreshold} <= 100`)],
);

/** A milestone of the one-stop-shop model (Plan 01/KH-UBND 2023) of one department or district. */
export const milestones = moduleSchema.table(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('not_started'),
    doneOn: date('done_on'),
    note: text('note'),
    ...stamps(),
  },
  (t) => [
    index('milestones_unit_idx').on(t.unitCode, t.dueOn),
    check('milestones_status_check', sql`${t.status} in ('not_started', 'in_progress', 'done')`),
    check('milestones_done_check', sql`(${t.status} = 'done') = (${t.doneOn} is not null)`),
  ],
);

export type ProcedureRow = typeof procedures.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type DelegationRow = typeof delegations.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
