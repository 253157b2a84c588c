import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TRPCError } from '@dondoc/trpc';
import { testBackends, type TestDatabase } from '@dondoc/db/testing';
import { deleteVersioned, insertAudited, updateVersioned } from '../src/versioned.ts';
import { audits, auditWrite, createItemsDatabase, decisions, items } from './tables.ts';

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe.each(testBackends)('versioned writes on %s', (kind) => {
  let database: TestDatabase;
  let id: string;
  beforeAll(async () => {
    database = await createItemsDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.exec('delete from kit_test_items; delete from kit_test_audit; delete from kit_test_decisions;');
    id = await database.db.transaction(async (tx) => {
      const row = await insertAudited(tx, items, {
        values: { name: 'Bàn', quantity: 1, updatedBy: 'an' },
        audit: { action: 'item.create', entity: 'item', entityId: (r) => r.id },
        auditWrite,
      });
      return row.id;
    });
  });

  const update = (version: number, quantity: number, actor = 'binh', locale: 'vi' | 'en' = 'vi') =>
    database.db.transaction((tx) =>
      updateVersioned(tx, items, {
        id: eq(items.id, id),
        version,
        set: { quantity },
        actor,
        locale,
        audit: { action: 'item.update', entity: 'item', entityId: id },
        auditWrite,
        what: { vi: 'mặt hàng', en: 'Item' },
      }),
    );

  it('updates the row on its version, bumps it, sets who and when, and audits before and after', async () => {
    const after = await update(1, 5);
    expect(after).toMatchObject({ quantity: 5, version: 2, updatedBy: 'binh' });
    const trail = await database.db.select().from(audits).orderBy(audits.id);
    expect(trail.map((a) => [a.action, a.entityId])).toEqual([
      ['item.create', id],
      ['item.update', id],
    ]);
    expect(JSON.parse(trail[1]!.before!)).toMatchObject({ quantity: 1, version: 1, updatedBy: 'an' });
    expect(JSON.parse(trail[1]!.after!)).toMatchObject({ quantity: 5, version: 2, updatedBy: 'binh' });
  });

  it('answers CONFLICT naming who changed the row when the version is stale, and changes nothing', async () => {
    await update(1, 5, 'chi');
    const stale = await rejection(update(1, 9));
    expect([stale.code, stale.message]).toEqual(['CONFLICT', 'Dữ liệu đã được chi thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.']);
    expect((await rejection(update(1, 9, 'binh', 'en'))).message).toBe('chi changed this after you opened it. Reload and try again.');
    const [row] = await database.db.select().from(items).where(eq(items.id, id));
    expect(row).toMatchObject({ quantity: 5, version: 2 });
    expect(await database.db.select().from(audits)).toHaveLength(2);
  });

  it('answers NOT_FOUND for a missing row, in the caller’s language', async () => {
    await database.exec('delete from kit_test_items');
    const missing = await rejection(update(1, 2, 'binh', 'en'));
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', 'Item not found.']);
    expect((await rejection(update(1, 2))).message).toBe('Không tìm thấy mặt hàng.');
  });

  it('rolls the audit back with the change when the update fails', async () => {
    const error = await update(1, -1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((await database.db.select().from(items))[0]).toMatchObject({ quantity: 1, version: 1 });
    expect(await database.db.select().from(audits)).toHaveLength(1);
  });

  it('works on a table without updatedBy/updatedAt, naming who from another column', async () => {
    await database.db.insert(decisions).values({ year: 2024, status: 'approved', decidedBy: 'stc' });
    const reopen = (version: number) =>
      database.db.transaction((tx) =>
        updateVersioned(tx, decisions, {
          id: eq(decisions.year, 2024),
          version,
          set: { status: 'returned', decidedBy: 'stc.cv' },
          actor: 'stc.cv',
          locale: 'vi',
          changedBy: 'decidedBy',
          audit: { action: 'decision.reopen', entity: 'decision', entityId: '2024' },
          auditWrite,
        }),
      );
    expect(await reopen(1)).toEqual({ year: 2024, status: 'returned', decidedBy: 'stc.cv', version: 2 });
    expect((await rejection(reopen(1))).message).toMatch(/^Dữ liệu đã được stc\.cv thay đổi/);
  });

  it('deletes on the version only, audited, and refuses a stale delete', async () => {
    await update(1, 3);
    const remove = (version: number) =>
      database.db.transaction((tx) =>
        deleteVersioned(tx, items, { id: eq(items.id, id), version, locale: 'vi', audit: { action: 'item.remove', entity: 'item', entityId: id }, auditWrite }),
      );
    expect((await rejection(remove(1))).code).toBe('CONFLICT');
    expect(await remove(2)).toMatchObject({ quantity: 3 });
    expect(await database.db.select().from(items)).toEqual([]);
    const trail = await database.db.select().from(audits).orderBy(audits.id);
    expect(trail.at(-1)).toMatchObject({ action: 'item.remove', after: null });
    expect((await rejection(remove(2))).code).toBe('NOT_FOUND');
  });

  it('insertAudited answers CONFLICT for a row that exists when given a locale', async () => {
    const again = await rejection(
      database.db.transaction((tx) =>
        insertAudited(tx, items, { values: { name: 'Bàn', quantity: 2, updatedBy: 'an' }, audit: { action: 'item.create', entity: 'item', entityId: 'x' }, auditWrite, locale: 'en' }),
      ),
    );
    expect(again.message).toBe('Someone else changed this after you opened it. Reload and try again.');
  });
});
