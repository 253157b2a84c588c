import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { openDatabase, queryRows } from '../src/client.ts';
import { PREPARE_MAX_PARAMETERS } from '../src/prepared-statements.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

const schema = pgSchema('prepared_test');
const items = schema.table('items', { id: integer('id').primaryKey(), name: text('name').notNull() });

/** The statements prepared on the connection that runs this (a transaction keeps one connection). */
const preparedOnThisConnection = sql`select statement from pg_prepared_statements where statement like '%prepared_test%'`;

// Only Postgres: PGlite runs in the process, without a wire protocol to save round trips on.
describe.skipIf(!process.env.TEST_DATABASE_URL)('drizzle queries on Postgres run as prepared statements', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', []);
    await database.exec('create schema prepared_test; create table prepared_test.items (id integer primary key, name text not null)');
    await database.db.insert(items).values(Array.from({ length: 100 }, (_, i) => ({ id: i + 1, name: `Mục ${i + 1}` })));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('keeps a parameterized query prepared on its connection and answers the same rows each time', async () => {
    await database.db.transaction(async (tx) => {
      for (const id of [3, 7, 3]) {
        const [row] = await tx.select().from(items).where(eq(items.id, id));
        expect(row).toEqual({ id, name: `Mục ${id}` });
      }
      const prepared = await queryRows<{ statement: string }>(tx, preparedOnThisConnection);
      // One statement for the three runs: the same text is parsed once.
      expect(prepared.filter((p) => p.statement.startsWith('select') && p.statement.includes('"id" = $1'))).toHaveLength(1);
    });
  });

  it('leaves a query with many parameters unprepared, and still answers it', async () => {
    const ids = Array.from({ length: PREPARE_MAX_PARAMETERS + 1 }, (_, i) => i + 1);
    await database.db.transaction(async (tx) => {
      const rows = await tx.select().from(items).where(inArray(items.id, ids));
      expect(rows).toHaveLength(ids.length);
      const prepared = await queryRows<{ statement: string }>(tx, preparedOnThisConnection);
      expect(prepared.some((p) => p.statement.includes(`$${ids.length}`))).toBe(false);
    });
  });

  it('runs text of several statements without parameters as before (migrations)', async () => {
    await database.db.execute(sql.raw("update prepared_test.items set name = 'Một' where id = 1; update prepared_test.items set name = 'Hai' where id = 2"));
    const rows = await database.db.select().from(items).where(inArray(items.id, [1, 2]));
    expect(rows.map((r) => r.name).sort()).toEqual(['Hai', 'Một']);
  });

  it('prepares again a statement a schema change made stale', async () => {
    // One connection, so that the read after the change runs the statement prepared before it.
    const single = await openDatabase({ url: database.url, maxConnections: 1 });
    try {
      const read = () => single.db.select().from(items).where(eq(items.id, 5));
      for (let i = 0; i < 3; i++) expect(await read()).toEqual([{ id: 5, name: 'Mục 5' }]);
      expect((await queryRows<{ n: number }>(single.db, sql`select count(*)::int as n from pg_prepared_statements where statement like '%prepared_test%'`))[0]?.n).toBe(1);
      await database.exec('alter table prepared_test.items alter column name type varchar(200)');
      expect(await read()).toEqual([{ id: 5, name: 'Mục 5' }]);
    } finally {
      await single.close();
    }
  });
});
