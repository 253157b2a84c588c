import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TRPCError } from '@dondoc/trpc';
import { testBackends, type TestDatabase } from '@dondoc/db/testing';
import { deleteVersioned, insertAudited, updateVersioned, updateVersionedMany } from '../src/versioned.ts';
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

  describe('updateVersionedMany: many rows in one statement', () => {
    const auditWriteMany = async (tx: Parameters<typeof auditWrite>[0], entries: readonly Parameters<typeof auditWrite>[1][]) => {
      for (const entry of entries) await auditWrite(tx, entry);
    };
    const seed = () =>
      database.db.transaction(async (tx) => {
        const more = [];
        for (const name of ['Ghế', 'Tủ']) more.push(await insertAudited(tx, items, { values: { name, quantity: 1, updatedBy: 'an' }, audit: { action: 'item.create', entity: 'item', entityId: (r) => r.id }, auditWrite }));
        return [(await tx.select().from(items).where(eq(items.id, id)))[0]!, ...more];
      });
    const many = (rows: Array<{ current: typeof items.$inferSelect; version: number; quantity: number }>, locale: 'vi' | 'en' = 'vi') =>
      database.db.transaction((tx) =>
        updateVersionedMany(tx, items, {
          rows: rows.map((r) => ({ current: r.current, version: r.version, set: { quantity: r.quantity } })),
          actor: 'binh',
          locale,
          audit: { action: 'item.count', entity: 'item' },
          auditWriteMany,
          auditView: (before, after) => ({ before: { quantity: before.quantity }, after: { quantity: after.quantity, version: after.version } }),
        }),
      );

    it('writes each row its own value on its version, bumps each, and audits each in the order given', async () => {
      const rows = await seed();
      const written = await many(rows.map((current, i) => ({ current, version: 1, quantity: 10 + i })));
      expect(written.map((r) => [r.name, r.quantity, r.version, r.updatedBy])).toEqual([
        ['Bàn', 10, 2, 'binh'],
        ['Ghế', 11, 2, 'binh'],
        ['Tủ', 12, 2, 'binh'],
      ]);
      const trail = (await database.db.select().from(audits).orderBy(audits.id)).filter((a) => a.action === 'item.count');
      expect(trail.map((a) => [a.entityId, JSON.parse(a.after!)])).toEqual(rows.map((r, i) => [r.id, { quantity: 10 + i, version: 2 }]));
    });

    it('all or none: one stale row is CONFLICT naming who changed it, and no row changes', async () => {
      const rows = await seed();
      // Ghế changed by chi after it was read.
      await database.db.transaction((tx) =>
        updateVersioned(tx, items, { id: eq(items.id, rows[1]!.id), version: 1, set: { quantity: 7 }, actor: 'chi', locale: 'vi', audit: { action: 'item.update', entity: 'item', entityId: rows[1]!.id }, auditWrite }),
      );
      const stale = await rejection(many(rows.map((current) => ({ current, version: 1, quantity: 99 }))));
      expect([stale.code, stale.message]).toEqual(['CONFLICT', 'Dữ liệu đã được chi thay đổi sau khi bạn mở. Hãy tải lại rồi thử lại.']);
      const stored = await database.db.select().from(items).orderBy(items.name);
      expect(stored.map((r) => [r.name, r.quantity])).toEqual([
        ['Bàn', 1],
        ['Ghế', 7],
        ['Tủ', 1],
      ]);
      expect((await database.db.select().from(audits)).filter((a) => a.action === 'item.count')).toEqual([]);
      // A version the caller names differently from the row it read is refused before writing.
      expect((await rejection(many([{ current: rows[0]!, version: 3, quantity: 1 }], 'en'))).code).toBe('CONFLICT');
    });

    it('writes nothing for no rows, and refuses rows that set different columns', async () => {
      expect(await many([])).toEqual([]);
      const rows = await seed();
      await expect(
        database.db.transaction((tx) =>
          updateVersionedMany(tx, items, {
            rows: [
              { current: rows[0]!, version: 1, set: { quantity: 2 } },
              { current: rows[1]!, version: 1, set: { name: 'Ghế gỗ' } },
            ],
            actor: 'binh',
            locale: 'vi',
            audit: { action: 'item.count', entity: 'item' },
            auditWriteMany,
          }),
        ),
      ).rejects.toThrow('every row must set the same columns');
    });
  });
});
