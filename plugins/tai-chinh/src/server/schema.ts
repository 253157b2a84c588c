/**
 * The module's own tables, in the Postgres schema `tai_chinh` (migrations: `pnpm db:generate`
 * → ../../drizzle). Units of the city (departments, districts) are referred to by their code
 * only: the module reads them through the core API, never through the auth tables.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, numeric, pgSchema, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const taiChinhSchema = pgSchema('tai_chinh');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const amount = (name: string) => numeric(name, { precision: 18, scale: 2, mode: 'number' });

/** Public service units (đơn vị sự nghiệp công lập), each kept by its managing unit. */
export const serviceUnits = taiChinhSchema.table(
  'service_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The department or district that manages the unit (đơn vị chủ quản), e.g. `Q001`, `SYT`. */
    managingUnitCode: text('managing_unit_code').notNull(),
    name: text('name').notNull(),
    /** `nameKey(name)`: the identity of a unit within its managing unit (imports match on it). */
    nameKey: text('name_key').notNull(),
    sector: text('sector').notNull(),
    /** Optimistic concurrency: bumped on every change; a stale write gets CONFLICT. */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('service_units_managing_name_idx').on(t.managingUnitCode, t.nameKey),
    check('service_units_name_check', sql`length(${t.name}) between 1 and 300`),
    check('service_units_sector_check', sql`length(${t.sector}) between 1 and 200`),
  ],
);

/**
 * A unit's year: its classification (group entered with figures A and B) and its roadmap
 * (planned group). Either part may be missing; the group, A and B go together.
 */
export const unitYears = taiChinhSchema.table(
  'unit_years',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => serviceUnits.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** The autonomy group entered (1-4); null when the unit is not classified that year. */
    autonomyGroup: smallint('autonomy_group'),
    /** A: the unit's revenues (đồng). */
    revenueA: amount('revenue_a'),
    /** B: its recurrent spending (đồng). */
    spendingB: amount('spending_b'),
    /** The unit also covers its investment spending (needed for group 1). */
    investmentCovered: boolean('investment_covered').notNull().default(false),
    /** The group the roadmap (Plan 189/KH-UBND) plans for the year. */
    plannedGroup: smallint('planned_group'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.year] }),
    index('unit_years_year_idx').on(t.year),
    check('unit_years_year_check', sql`${t.year} between 2000 and 2100`),
    check('unit_years_group_check', sql`${t.autonomyGroup} is null or ${t.autonomyGroup} between 1 and 4`),
    check('unit_years_planned_check', sql`${t.plannedGroup} is null or ${t.plannedGroup} between 1 and 4`),
    check('unit_years_amounts_check', sql`(${t.revenueA} is null or ${t.revenueA} >= 0) and (${t.spendingB} is null or ${t.spendingB} > 0)`),
    check(
      'unit_years_classification_check',
      sql`(${t.autonomyGroup} is null and ${t.revenueA} is null and ${t.spendingB} is null) or (${t.autonomyGroup} is not null and ${t.revenueA} is not null and ${t.spendingB} is not null)`,
    ),
    check('unit_years_content_check', sql`${t.autonomyGroup} is not null or ${t.plannedGroup} is not null`),
  ],
);

/**
 * Sở Tài chính's decision on one managing unit's classification for one year. While
 * `approved`, the managing unit's rows of that year are locked; `returned` reopens them.
 */
export const yearApprovals = taiChinhSchema.table(
  'year_approvals',
  {
    year: integer('year').notNull(),
    managingUnitCode: text('managing_unit_code').notNull(),
    status: text('status', { enum: ['approved', 'returned'] }).notNull(),
    note: text('note'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.year, t.managingUnitCode] }), check('year_approvals_status_check', sql`${t.status} in ('approved', 'returned')`)],
);

/**
 * The city-wide share recorded on the core target 2458-CT3 for each year, and the date it was
 * recorded for (kept so that a re-approval replaces that measurement instead of adding one).
 */
export const shareRecords = taiChinhSchema.table('share_records', {
  year: integer('year').primaryKey(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  value: doublePrecision('value').notNull(),
  /** The denominator: every unit with a group that year, approved or not. */
  counted: integer('counted').notNull(),
  /** The numerator: units in groups 1-2 of the approved managing units. */
  autonomous: integer('autonomous').notNull(),
  /** Managing units of the year (with a unit with a group), and of which approved, when recorded. */
  managingUnits: integer('managing_units'),
  approvedManagingUnits: integer('approved_managing_units'),
  /** Recorded before every managing unit of the year was approved. */
  provisional: boolean('provisional').notNull().default(false),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
