import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { testBackends, type TestDatabase } from '@dondoc/db/testing';
import { runImport } from '../src/import.ts';
import { defineSpreadsheet, type SpreadsheetIssue, type SpreadsheetRow } from '../src/spreadsheet.ts';
import { insertAudited } from '../src/versioned.ts';
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
    await database.exec("delete from kit_test_items; delete from kit_test_audit; insert into kit_test_items (name, quantity, updated_by) values ('Ghế', 1, 'an');");
  });

  /** The module's plan: a name already stored is refused (in the caller's language); the rest are created. */
  let plans = 0;
  const run = (
    file: { bytes: Uint8Array; fileName: string },
    dryRun: boolean,
    options: { failAt?: string; locale?: 'vi' | 'en'; stillValid?: (tx: Parameters<NonNullable<Parameters<typeof runImport>[0]['stillValid']>>[0]) => Promise<boolean> } = {},
  ) =>
    runImport({
      stillValid: options.stillValid,
      db: database.db,
      spreadsheet: sheet,
      file,
      dryRun,
      locale: options.locale ?? 'vi',
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
      write: async (tx, plan) => {
        for (const row of plan.create) {
          if (row.name === options.failAt) throw new Error('disk full');
          await insertAudited(tx, items, { values: { name: row.name, quantity: row.quantity, updatedBy: 'binh' }, audit: { action: 'item.import', entity: 'item', entityId: (r) => r.id }, auditWrite });
        }
      },
    });

  const stored = async () => (await database.db.select({ name: items.name }).from(items)).map((r) => r.name).sort();

  it('a dry run checks and summarises, and writes nothing', async () => {
    const result = await run(csv('Tên,Số lượng\nBàn,2\nTủ,3\n'), true);
    expect(result).toEqual({ dryRun: true, written: false, fileKind: 'csv', sheetName: null, dataRows: 2, errors: [], ignoredColumns: [], summary: { created: 2 } });
    expect(await stored()).toEqual(['Ghế']);
  });

  it('the real import writes every row, each audited, in one transaction', async () => {
    const result = await run(csv('Tên;Số lượng;Ghi chú\nBàn;2;x\nTủ;3;y'), false);
    expect(result).toMatchObject({ written: true, errors: [], ignoredColumns: ['Ghi chú'], summary: { created: 2 } });
    expect(await stored()).toEqual(['Bàn', 'Ghế', 'Tủ']);
    expect((await database.db.select().from(audits)).map((a) => a.action)).toEqual(['item.import', 'item.import']);
  });

  it('plans outside the transaction and writes that plan when it still holds; plans again when it does not', async () => {
    plans = 0;
    expect(await run(csv('Tên,Số lượng\nBàn,2\n'), false, { stillValid: async () => true })).toMatchObject({ written: true });
    expect(plans).toBe(1);
    // Someone stored "Tủ" between the plan and the write: the plan no longer holds, the write sees it.
    plans = 0;
    const result = await run(csv('Tên,Số lượng\nTủ,2\n'), false, {
      stillValid: async (tx) => {
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

  it('all or none: a write failing halfway leaves nothing written', async () => {
    await expect(run(csv('Tên,Số lượng\nBàn,2\nTủ,3\n'), false, { failAt: 'Tủ' })).rejects.toThrow('disk full');
    expect(await stored()).toEqual(['Ghế']);
    expect(await database.db.select().from(audits)).toEqual([]);
  });

  it('a file it cannot read answers row 0 in the caller’s language, with no summary', async () => {
    const result = await run({ bytes: new Uint8Array([0x54, 0xea, 0x6e]), fileName: 'ansi.csv' }, false, { locale: 'en' });
    expect(result).toMatchObject({ written: false, fileKind: null, summary: null, errors: [{ row: 0, column: '', message: 'The CSV file must be saved as UTF-8 (in Excel: Save as → "CSV UTF-8").' }] });
  });
});
