import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@dondoc/db';
import { testBackends, type TestDatabase } from '@dondoc/db/testing';
import { fail } from '@dondoc/trpc';
import { IMPORT_SLICE_MS, nextSliceSize, runImport, undoUnfinishedImports } from '../src/import.ts';
import { importByKey } from '../src/keyed-import.ts';
import { defineSpreadsheet, type SpreadsheetIssue, type SpreadsheetRow } from '../src/spreadsheet.ts';
import { audits, auditWrite, createItemsDatabase, items } from './tables.ts';

const sheet = defineSpreadsheet({
  columns: [
    { key: 'name', header: { vi: 'Tên', en: 'Name' }, required: true, kind: 'text' },
    { key: 'quantity', header: { vi: 'Số lượng', en: 'Quantity' }, required: true, kind: 'integer', min: 0 },
  ],
});
type Row = SpreadsheetRow<typeof sheet.columns>;
const csv = (text: string) => ({ bytes: new TextEncoder().encode(text), fileName: 'hang.csv' });

describe.each(testBackends)('runImport on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createItemsDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.exec("delete from kit.import_runs; delete from kit_test_items; delete from kit_test_audit; insert into kit_test_items (name, quantity, updated_by) values ('Ghế', 1, 'an');");
  });

  /** The module's plan: a name already stored is refused (in the caller's language); the rest are created. */
  let plans = 0;
  type Options = {
    failAt?: string;
    locale?: 'vi' | 'en';
    stillValid?: (tx: Tx) => Promise<boolean>;
    /** Runs in every slice's transaction after the first, and in the last one. */
    guard?: (tx: Tx) => Promise<void>;
    lock?: () => void | Promise<void>;
    /** After the writer's slices: never answers (the process stopping mid-import). */
    hangAfterSlices?: boolean;
  };
  const run = (file: { bytes: Uint8Array; fileName: string }, dryRun: boolean, options: Options = {}) =>
    runImport({
      stillValid: options.stillValid,
      db: database.db,
      spreadsheet: sheet,
      file,
      dryRun,
      locale: options.locale ?? 'vi',
      journal: { module: 'kho', actor: 'binh' },
      audit: { audit: auditWrite, auditMany: async (tx, entries) => { for (const entry of entries) await auditWrite(tx, entry); } },
      sliceRows: 2,
      lock: async () => {
        await options.lock?.();
      },
      guard: options.guard ? (tx) => options.guard!(tx) : undefined,
      plan: async (db, rows: Row[]) => {
        plans += 1;
        const names = rows.map((r) => r.name);
        const stored = names.length === 0 ? [] : await db.select({ name: items.name }).from(items).where(inArray(items.name, names));
        const taken = new Set(stored.map((s) => s.name));
        const errors: SpreadsheetIssue[] = rows
          .filter((r) => taken.has(r.name))
          .map((r) => ({ row: r.row, column: 'Tên', message: options.locale === 'en' ? `"${r.name}" exists.` : `"${r.name}" đã có.` }));
        const create = rows.filter((r) => !taken.has(r.name));
        return { errors, create, summary: { created: create.length } };
      },
      write: async (writer, plan) => {
        // failAt: a row the database refuses (quantity must not be negative), in a middle slice.
        const values = plan.create.map((row) => ({ name: row.name, quantity: row.name === options.failAt ? -1 : row.quantity, updatedBy: 'binh' }));
        await writer.insert(items, values, (item) => ({ action: 'item.import', entity: 'item', entityId: item.id, after: { name: item.name } }));
        if (options.hangAfterSlices) await new Promise(() => {});
      },
      finish: async (tx, plan) => auditWrite(tx, { action: 'item.import.file', entity: 'import', entityId: 'hang.csv', after: plan.summary }),
    });

  const actions = async () => (await database.db.select().from(audits).orderBy(audits.id)).map((a) => a.action);
  const runs = async () => queryRows<{ status: string; slices: number }>(database.db, sql`select status, (select count(*)::int from kit.import_slices s where s.run_id = r.id) as slices from kit.import_runs r order by started_at`);
  const five = csv('Tên,Số lượng\nBàn,2\nTủ,3\nKệ,4\nGiường,5\nĐèn,6\n');
  const stored = async () => (await database.db.select({ name: items.name }).from(items)).map((r) => r.name).sort();

  it('a dry run checks and summarises, and writes nothing', async () => {
    const result = await run(csv('Tên,Số lượng\nBàn,2\nTủ,3\n'), true);
    expect(result).toEqual({ dryRun: true, written: false, fileKind: 'csv', sheetName: null, dataRows: 2, errors: [], ignoredColumns: [], summary: { created: 2 } });
    expect(await stored()).toEqual(['Ghế']);
  });

  it('the real import writes every row in slices, each slice with its audit rows, then its own audit row; the run is journaled done', async () => {
    const result = await run(csv('Tên;Số lượng;Ghi chú\nBàn;2;x\nTủ;3;y\nKệ;4;z'), false);
    expect(result).toMatchObject({ written: true, errors: [], ignoredColumns: ['Ghi chú'], summary: { created: 3 } });
    expect(await stored()).toEqual(['Bàn', 'Ghế', 'Kệ', 'Tủ']);
    expect(await actions()).toEqual(['item.import', 'item.import', 'item.import', 'item.import.file']);
    expect(await runs()).toEqual([{ status: 'done', slices: 0 }]);
  });

  it('other requests run between slices, and see the slices already written', async () => {
    let locks = 0;
    let seen: string[] | null = null;
    let reading: Promise<void> | null = null;
    const result = run(five, false, {
      lock: () => {
        // In the second slice's transaction (lock 1: the first transaction, 2: slice 1, 3: slice 2).
        if (++locks === 3) {
          reading = database.db.select({ name: items.name }).from(items).then((rows) => void (seen = rows.map((r) => r.name)));
          // Postgres: another connection reads while this slice is open (waited for here, so that it
          // cannot come after the last slice under load). PGlite: the read waits for this slice's
          // transaction to end (one connection) and runs before the next one.
          if (kind === 'postgres') return reading;
        }
      },
    });
    expect(await result).toMatchObject({ written: true });
    await reading;
    // Seen mid-import: more than before it (PGlite: slices 1 and 2; Postgres: at least slice 1), not every row.
    expect(seen!.length).toBeGreaterThan(1);
    expect(seen!.length).toBeLessThan(6);
    expect(await stored()).toHaveLength(6);
  });
  it('plans outside the transaction and writes that plan when it still holds; plans again when it does not', async () => {
    plans = 0;
    expect(await run(csv('Tên,Số lượng\nBàn,2\n'), false, { stillValid: async () => true })).toMatchObject({ written: true });
    expect(plans).toBe(1);
    // Someone stored "Tủ" between the plan and the write: the plan no longer holds, the write sees it.
    plans = 0;
    const result = await run(csv('Tên,Số lượng\nTủ,2\n'), false, {
      stillValid: async (tx: Tx) => {
        await tx.insert(items).values({ name: 'Tủ', quantity: 9, updatedBy: 'an' });
        return false;
      },
    });
    expect(plans).toBe(2);
    expect(result).toMatchObject({ written: false, errors: [{ row: 2, column: 'Tên', message: '"Tủ" đã có.' }] });
  });

  it('any error, of the file or of the plan, writes nothing and answers every error by row', async () => {
    const result = await run(csv('Tên,Số lượng\nGhế,2\nBàn,-1\nTủ,3\n'), false);
    expect(result.written).toBe(false);
    expect(result.errors).toEqual([
      { row: 2, column: 'Tên', message: '"Ghế" đã có.' },
      { row: 3, column: 'Số lượng', message: 'Không được là số âm.' },
    ]);
    expect(result.summary).toEqual({ created: 1 });
    expect(await stored()).toEqual(['Ghế']);
  });

  it('all or none: a slice the database refuses undoes the slices already written, audited, and the error is answered', async () => {
    await expect(run(five, false, { failAt: 'Giường' })).rejects.toThrow('Failed query: insert into "kit_test_items"');
    expect(await stored()).toEqual(['Ghế']);
    // The audit trail is append-only: slice 1's rows were written, then the undo says they went.
    expect(await actions()).toEqual(['item.import', 'item.import', 'kit.import.undo']);
    expect(await runs()).toEqual([{ status: 'undone', slices: 0 }]);
  });

  it('a guard failing between slices undoes the run and answers its own error', async () => {
    let guards = 0;
    const guard = async () => {
      if (++guards === 2) fail('CONFLICT', 'vi', { vi: 'Năm 2024 vừa được phê duyệt; không dòng nào được ghi.', en: 'The year 2024 was just approved; no row was written.' });
    };
    await expect(run(five, false, { guard })).rejects.toMatchObject({ code: 'CONFLICT', message: 'Năm 2024 vừa được phê duyệt; không dòng nào được ghi.' });
    expect(await stored()).toEqual(['Ghế']);
    expect(await runs()).toEqual([{ status: 'undone', slices: 0 }]);
  });

  it('a run left writing (the process stopped mid-import) is undone at the next start', async () => {
    void run(five, false, { hangAfterSlices: true });
    // The slices are written and visible; the run never finishes.
    await expect.poll(stored).toHaveLength(6);
    expect(await runs()).toEqual([{ status: 'writing', slices: 3 }]);
    // A live run on Postgres is not another process's to undo before it has been silent long enough.
    expect(await undoUnfinishedImports(database.db, { audit: auditWrite, idleMs: 60_000 })).toEqual([]);
    const undone = await undoUnfinishedImports(database.db, { audit: auditWrite });
    expect(undone).toEqual([{ id: expect.any(String), module: 'kho', actor: 'binh', fileName: 'hang.csv', deleted: 5 }]);
    expect(await stored()).toEqual(['Ghế']);
    expect(await runs()).toEqual([{ status: 'undone', slices: 0 }]);
    expect((await actions()).at(-1)).toBe('kit.import.undo');
  });

  it('importByKey: a stored key updates its row (versioned, audited), a new one adds a row, an equal row stays; a refused row is a row error and writes nothing', async () => {
    const byName = (file: { bytes: Uint8Array; fileName: string }, dryRun: boolean) =>
      importByKey({
        db: database.db,
        spreadsheet: sheet,
        file,
        dryRun,
        locale: 'vi',
        module: 'kho',
        actor: 'binh',
        audit: { audit: auditWrite, auditMany: async (tx, entries) => { for (const entry of entries) await auditWrite(tx, entry); } },
        table: items,
        entity: 'item',
        what: { vi: 'mặt hàng', en: 'Item' },
        keyOf: (row) => String(row.name).trim().toLocaleLowerCase('vi'),
        valuesOf: (row: Row) => ({ name: row.name, quantity: row.quantity }),
        refuse: (values, current, row) => (values.quantity > 100 ? { row: row.row, column: 'Số lượng', message: current ? 'Quá nhiều (đã có)' : 'Quá nhiều' } : null),
      });
    // "Ghế" is stored: its quantity changes; "Bàn" is new.
    const checked = await byName(csv('Tên,Số lượng\nGhế,5\nBàn,2\n'), true);
    expect(checked).toMatchObject({ written: false, errors: [], summary: { added: 1, updated: 1, unchanged: 0 } });
    expect(await actions()).toEqual([]);
    const written = await byName(csv('Tên,Số lượng\nGhế,5\nBàn,2\n'), false);
    expect(written).toMatchObject({ written: true, summary: { added: 1, updated: 1, unchanged: 0 } });
    const stored = await database.db.select().from(items).orderBy(items.name);
    expect(stored.map((r) => [r.name, r.quantity, r.version, r.updatedBy])).toEqual([
      ['Bàn', 2, 1, 'binh'],
      ['Ghế', 5, 2, 'binh'],
    ]);
    expect((await actions()).sort()).toEqual(['item.create', 'item.update']);
    expect((await byName(csv('Tên,Số lượng\nGhế,5\nBàn,2\n'), false)).summary).toEqual({ added: 0, updated: 0, unchanged: 2 });
    const refused = await byName(csv('Tên,Số lượng\nGhế,500\nTủ,3\n'), false);
    expect(refused).toMatchObject({ written: false, errors: [{ row: 2, column: 'Số lượng', message: 'Quá nhiều (đã có)' }] });
    expect(await database.db.select().from(items)).toHaveLength(2);
  });

  it('a file it cannot read answers row 0 in the caller’s language, with no summary', async () => {
    const result = await run({ bytes: new Uint8Array([0x54, 0xea, 0x6e]), fileName: 'ansi.csv' }, false, { locale: 'en' });
    expect(result).toMatchObject({ written: false, fileKind: null, summary: null, errors: [{ row: 0, column: '', message: 'The CSV file must be saved as UTF-8 (in Excel: Save as → "CSV UTF-8").' }] });
  });
});

describe('nextSliceSize', () => {
  it('sizes the next slice toward the time a slice may hold the connection, by at most ×2 or ÷2, within 20 to 1,000 rows', () => {
    expect(nextSliceSize(100, IMPORT_SLICE_MS)).toBe(100);
    expect(nextSliceSize(100, IMPORT_SLICE_MS * 4)).toBe(50);
    expect(nextSliceSize(100, IMPORT_SLICE_MS / 4)).toBe(200);
    expect(nextSliceSize(30, 500)).toBe(20);
    expect(nextSliceSize(800, 1)).toBe(1000);
  });
});
