import { pgSchema, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const fixtureSchema = pgSchema('fixture');

export const items = fixtureSchema.table('items', {
  id: serial('id').primaryKey(),
  unitCode: text('unit_code').notNull(),
  title: text('title').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
