import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@dondoc/db/testing';
import { currentQueryable, scopeTransactions } from '../src/server/module-api/tx-scope.ts';

describe('scopeTransactions', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => database?.close());

  it('gives every request the same handle for one database (what is cached by handle stays cached)', () => {
    const first = scopeTransactions(database.db);
    expect(scopeTransactions(database.db)).toBe(first);
    expect(scopeTransactions(first)).toBe(first);
  });

  it('records the open transaction for the core API, and forgets it once it ends', async () => {
    const db = scopeTransactions(database.db);
    await db.transaction(async (tx) => {
      expect(currentQueryable(db)).not.toBe(db);
      await currentQueryable(db).execute(sql`select 1`);
      void tx;
    });
    expect(currentQueryable(db)).toBe(db);
  });
});
