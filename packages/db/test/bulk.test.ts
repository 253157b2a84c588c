import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, numeric, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { insertMany } from '../src/bulk.ts';
import { queryRows } from '../src/client.ts';
import { testBackends, createTestDatabase, type TestDatabase } from '../src/testing.ts';

const schema = pgSchema('bulk_test');
const things = schema.table('things', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  quantity: integer('quantity').notNull(),
  amount: numeric('amount', { precision: 18, scale: 2, mode: 'number' }),
  doneOn: date('done_on'),
  flag: boolean('flag').notNull().default(false),
  details: jsonb('details'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

describe.each(testBackends)('insertMany on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, []);
    await database.db.execute(sql.raw('create schema bulk_test'));
    await database.db.execute(
      sql.raw(
        'create table bulk_test.things (id uuid primary key default gen_random_uuid(), name text not null, quantity integer not null, amount numeric(18,2), done_on date, flag boolean not null default false, details jsonb, created_at timestamptz not null default now())',
      ),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes thousands of rows in one statement and answers them with their keys and types', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      name: `Trường "số" ${i} — Ba Đình`,
      quantity: i,
      amount: i + 0.25,
      doneOn: '2026-11-30',
      details: { row: i, note: 'có dấu "ngoặc"', list: [1, 2] },
    }));
    const stored = await insertMany(database.db, things, rows);
    expect(stored).toHaveLength(3000);
    expect(stored[7]).toMatchObject({ name: 'Trường "số" 7 — Ba Đình', quantity: 7, amount: 7.25, doneOn: '2026-11-30', flag: false, details: { row: 7, note: 'có dấu "ngoặc"', list: [1, 2] } });
    expect(stored[7]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored[7]!.createdAt).toBeInstanceOf(Date);
    expect(await queryRows(database.db, sql`select count(*)::int as n from bulk_test.things`)).toEqual([{ n: 3000 }]);
  });

  it('keeps nulls as nulls and writes nothing for an empty list', async () => {
    const [row] = await insertMany(database.db, things, [{ name: 'Không số tiền', quantity: 1, amount: null, details: null }]);
    expect(row).toMatchObject({ amount: null, details: null, doneOn: null });
    expect(await insertMany(database.db, things, [])).toEqual([]);
  });

  it('is all or nothing: a row that breaks a constraint writes none', async () => {
    const before = (await database.db.select().from(things)).length;
    await expect(insertMany(database.db, things, [{ name: 'Tốt', quantity: 1 }, { name: null as unknown as string, quantity: 2 }])).rejects.toThrow();
    expect((await database.db.select().from(things)).length).toBe(before);
  });
});
