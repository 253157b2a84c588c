/**
 * The module's own tables, in the Postgres schema `__PLUGIN_SCHEMA__` (migrations: `pnpm db:generate`
 * → ../../drizzle). Units of the city are referred to by their code only: the module reads them
 * through the core API (`ctx.services.core.units`), never through the core's tables.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const moduleSchema = pgSchema('__PLUGIN_SCHEMA__');

/** One result a unit reports (kết quả thực hiện): what was done, how many, when. */
export const entries = moduleSchema.table(
  'entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit the row belongs to, e.g. `Q001`; access follows it. */
    unitCode: text('unit_code').notNull(),
    title: text('title').notNull(),
    quantity: integer('quantity').notNull(),
    doneOn: date('done_on').notNull(),
    note: text('note'),
    /** Optimistic concurrency: bumped on every change; a stale write gets CONFLICT. */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('entries_unit_idx').on(t.unitCode, t.doneOn),
    check('entries_title_check', sql`length(${t.title}) between 1 and 300`),
    check('entries_quantity_check', sql`${t.quantity} >= 0`),
  ],
);

export type EntryRow = typeof entries.$inferSelect;
