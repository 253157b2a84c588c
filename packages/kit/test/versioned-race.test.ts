/**
 * `updateVersioned` when the row changes between the caller's read and its write: the one
 * conditional UPDATE refuses it, and the CONFLICT names who wrote in between; `auditView`
 * decides what the audit entry keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { TRPCError } from '@dondoc/trpc';
import { testBackends, type TestDatabase } from '@dondoc/db/testing';
import { updateVersioned } from '../src/versioned.ts';
import { audits, auditWrite, createItemsDatabase, items } from './tables.ts';

describe.each(testBackends)('versioned writes racing a read on %s', (kind) => {
  let database: TestDatabase;
  let id: string;
  beforeAll(async () => {
    database = await createItemsDatabase(kind);
    const [row] = await database.db.insert(items).values({ name: 'Ghế', quantity: 1, updatedBy: 'an' }).returning();
    id = row!.id;
  });
  afterAll(async () => database?.close());

  it('a write on a row read before another wrote it gets CONFLICT naming that writer, and writes nothing', async () => {
    const [read] = await database.db.select().from(items).where(eq(items.id, id));
    // Someone else writes after the read (version 1 → 2).
    await database.db.update(items).set({ quantity: 7, version: sql`${items.version} + 1`, updatedBy: 'chi' }).where(eq(items.id, id));
    const error = await database.db
      .transaction((tx) =>
        updateVersioned(tx, items, { id: eq(items.id, id), version: 1, current: read!, set: { quantity: 2 }, actor: 'binh', locale: 'en', audit: { action: 'item.update', entity: 'item', entityId: id }, auditWrite }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect([(error as TRPCError).code, (error as TRPCError).message]).toEqual(['CONFLICT', 'chi changed this after you opened it. Reload and try again.']);
    expect((await database.db.select().from(items).where(eq(items.id, id)))[0]).toMatchObject({ quantity: 7, version: 2 });
    expect(await database.db.select().from(audits)).toEqual([]);
  });

  it('auditView picks what the audit entry keeps of the row before and after', async () => {
    await database.db.transaction((tx) =>
      updateVersioned(tx, items, {
        id: eq(items.id, id),
        version: 2,
        set: { quantity: 3 },
        actor: 'binh',
        locale: 'vi',
        audit: { action: 'item.update', entity: 'item', entityId: id },
        auditWrite,
        auditView: (before, after) => ({ before: { quantity: before.quantity, version: before.version }, after: { quantity: after.quantity, version: after.version, note: 'kiểm kê' } }),
      }),
    );
    const [entry] = await database.db.select().from(audits);
    expect(JSON.parse(entry!.before!)).toEqual({ quantity: 7, version: 2 });
    expect(JSON.parse(entry!.after!)).toEqual({ quantity: 3, version: 3, note: 'kiểm kê' });
  });
});
