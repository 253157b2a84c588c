/**
 * The module's own tables, in the Postgres schema `khdt` (migrations: `pnpm db:generate`
 * → ../../drizzle). Units are referred to by their code only; the PCI and PGI scorecards are the
 * core's (`ctx.services.core.scorecards`), not kept here.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const moduleSchema = pgSchema('khdt');

const versioned = {
  /** Optimistic concurrency: bumped on every change; a stale write gets CONFLICT. */
  version: integer('version').notNull().default(1),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A business-support scheme the UBND approved (Đề án, Kế hoạch hỗ trợ doanh nghiệp), followed by its lead unit. */
export const schemes = moduleSchema.table(
  'schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The lead unit (đơn vị chủ trì), e.g. `SCT`; access follows it. */
    unitCode: text('unit_code').notNull(),
    name: text('name').notNull(),
    /** The approving decision: number (e.g. 1234/QĐ-UBND) and date. */
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date').notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on').notNull(),
    status: text('status', { enum: ['preparing', 'in_progress', 'completed', 'suspended'] }).notNull().default('in_progress'),
    /** Millions of đồng. */
    budgetAllocated: doublePrecision('budget_allocated').notNull().default(0),
    budgetDisbursed: doublePrecision('budget_disbursed').notNull().default(0),
    /** Beneficiaries (doanh nghiệp, hộ kinh doanh...): the target and those reached so far. */
    beneficiaryTarget: integer('beneficiary_target'),
    beneficiaryActual: integer('beneficiary_actual'),
    beneficiaryLabel: text('beneficiary_label').notNull().default('doanh nghiệp'),
    /** Percentage points the scheme may trail its period's share (null: the module's default). */
    marginPct: doublePrecision('margin_pct'),
    note: text('note'),
    ...versioned,
  },
  (t) => [
    index('schemes_unit_idx').on(t.unitCode),
    check('schemes_name_check', sql`length(${t.name}) between 1 and 500`),
    check('schemes_period_check', sql`${t.endOn} >= ${t.startOn}`),
    check('schemes_budget_check', sql`${t.budgetAllocated} >= 0 and ${t.budgetDisbursed} >= 0 and ${t.budgetDisbursed} <= ${t.budgetAllocated}`),
    check('schemes_beneficiaries_check', sql`coalesce(${t.beneficiaryTarget}, 0) >= 0 and coalesce(${t.beneficiaryActual}, 0) >= 0`),
  ],
);

/** An obstacle (khó khăn, vướng mắc) of a scheme and the solution proposed; beyond the department's authority it goes to the UBND. */
export const obstacles = moduleSchema.table(
  'obstacles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => schemes.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    proposal: text('proposal'),
    /** Beyond the authority of the lead unit and of Sở KH&ĐT: only the UBND can resolve it. */
    beyondAuthority: boolean('beyond_authority').notNull().default(false),
    resolvedOn: date('resolved_on'),
    /** The core escalation it was raised as (by Sở KH&ĐT). */
    escalationId: uuid('escalation_id'),
    escalatedOn: date('escalated_on'),
    ...versioned,
  },
  (t) => [index('obstacles_scheme_idx').on(t.schemeId), check('obstacles_description_check', sql`length(${t.description}) between 1 and 5000`)],
);

export type SchemeRow = typeof schemes.$inferSelect;
export type ObstacleRow = typeof obstacles.$inferSelect;
