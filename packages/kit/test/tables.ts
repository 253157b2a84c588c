/** A small versioned table of the tests' own, in a test database (PGlite, and Postgres when TEST_DATABASE_URL is set). */
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Tx } from '@dondoc/db';
import { createTestDatabase, type TestDatabase } from '@dondoc/db/testing';
import type { DatabaseKind } from '@dondoc/db';
import type { AuditRecord } from '../src/versioned.ts';
import { kitMigrations } from '../src/migrations.ts';

export const items = pgTable('kit_test_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  quantity: integer('quantity').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A versioned table without updatedBy/updatedAt: who decided is its own column. */
export const decisions = pgTable('kit_test_decisions', {
  year: integer('year').primaryKey(),
  status: text('status').notNull(),
  decidedBy: text('decided_by').notNull(),
  version: integer('version').notNull().default(1),
});

export const audits = pgTable('kit_test_audit', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  action: text('action').notNull(),
  entityId: text('entity_id').notNull(),
  before: text('before'),
  after: text('after'),
});

export async function createItemsDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = await createTestDatabase(kind, [kitMigrations]);
  await database.exec(`
    create table kit_test_items (id uuid primary key default gen_random_uuid(), name text not null unique, quantity integer not null check (quantity >= 0),
      version integer not null default 1, updated_by text not null, updated_at timestamptz not null default now());
    create table kit_test_decisions (year integer primary key, status text not null, decided_by text not null, version integer not null default 1);
    create table kit_test_audit (id integer generated always as identity primary key, action text not null, entity_id text not null, before text, after text);
  `);
  return database;
}

/** The audit writer a procedure gets as `ctx.audit`: a row in the same transaction. */
export async function auditWrite(tx: Tx, entry: AuditRecord): Promise<void> {
  await tx.insert(audits).values({
    action: entry.action,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}
