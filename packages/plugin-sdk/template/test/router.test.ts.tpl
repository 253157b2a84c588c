/**
 * The module as its users meet it, through its router on a real database (PGlite, and
 * Postgres when TEST_DATABASE_URL is set): the module contract, access by unit, audited and
 * versioned writes, the import's dry run and the export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkPluginContract, createPluginHarness, rejection, testBackends, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import { resolveLocalized } from '@dondoc/trpc';
import plugin from '../src/server/plugin.ts';
import type { ModuleRouter } from '../src/server/router.ts';
import { TARGET_CODE } from '../src/domain/entries.ts';

const entry = { title: 'Rà soát thủ tục hành chính', quantity: 12, doneOn: '2026-11-20' };

function csvUpload(text: string, fields: object): FormData {
  const form = new FormData();
  form.set('file', new File([text], 'ket-qua.csv', { type: 'text/csv' }));
  form.set('input', JSON.stringify(fields));
  return form;
}

describe.each(testBackends)('__PLUGIN_ID__ on %s', (kind) => {
  let h: PluginHarness<ModuleRouter>;
  beforeAll(async () => {
    h = await createPluginHarness(plugin, kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the module contract: no anonymous access, its own schema only, migrations apply once', async () => {
    expect(await checkPluginContract(plugin, h)).toEqual([]);
  });

  it('records an entry for the caller’s unit, audited, and shows it to that unit only', async () => {
    const badinh = await h.as('badinh');
    const created = await badinh.entries.create(entry);
    expect(created).toMatchObject({ unitCode: 'Q001', title: entry.title, version: 1, createdBy: 'badinh' });
    const audit = await h.audit('__PLUGIN_ID__.entry', created.id);
    expect(audit.map((row) => row.action)).toEqual(['__PLUGIN_ID__.entry.create']);

    const mine = await badinh.entries.list({ year: 2026 });
    expect(mine.items.map((row) => row.id)).toContain(created.id);
    const other = await (await h.as('sxd')).entries.list({ year: 2026 });
    expect(other.items.map((row) => row.id)).not.toContain(created.id);
    const refused = await rejection((await h.as('sxd')).entries.create({ ...entry, unitCode: 'Q001' }));
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('records the year’s total on the module’s target', async () => {
    const target = await (await h.core('badinh')).targets.get(TARGET_CODE);
    expect(target.measurements.length).toBeGreaterThan(0);
  });

  it('refuses a stale edit, naming who changed the row', async () => {
    const badinh = await h.as('badinh');
    const created = await badinh.entries.create({ ...entry, title: 'Tập huấn một cửa' });
    await badinh.entries.update({ ...entry, id: created.id, version: 1, title: 'Tập huấn một cửa (đợt 1)', note: null });
    const stale = await rejection(badinh.entries.update({ ...entry, id: created.id, version: 1, title: 'Bản cũ', note: null }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('badinh');
  });

  it('refuses a bad input naming the field, with its message in each language', async () => {
    const refused = await rejection((await h.as('badinh')).entries.create({ ...entry, quantity: -1 }));
    expect(refused.code).toBe('BAD_REQUEST');
    const issue = (refused.cause as unknown as { issues: Array<{ path: string[]; message: string }> }).issues[0]!;
    expect(issue.path).toEqual(['quantity']);
    expect(resolveLocalized(issue.message, 'vi')).toBe('Số lượng không được âm.');
    expect(resolveLocalized(issue.message, 'en')).toBe('The quantity must not be negative.');
  });

  it('checks an import without writing, then writes every row', async () => {
    const badinh = await h.as('badinh');
    const before = (await badinh.entries.list({ year: 2026 })).items.length;
    const csv = 'Nội dung;Số lượng;Ngày hoàn thành\nHội nghị đối thoại;3;05/10/2026\nKiểm tra công vụ;x;06/10/2026\n';
    const checked = await badinh.entries.import(csvUpload(csv, { dryRun: true }));
    expect(checked.errors).toEqual([expect.objectContaining({ row: 3, column: 'Số lượng' })]);
    expect((await badinh.entries.list({ year: 2026 })).items.length).toBe(before);

    const good = 'Nội dung;Số lượng;Ngày hoàn thành\nHội nghị đối thoại;3;05/10/2026\nKiểm tra công vụ;4;06/10/2026\n';
    const written = await badinh.entries.import(csvUpload(good, { dryRun: false }));
    expect(written).toMatchObject({ written: true, errors: [], summary: { entries: 2, quantity: 7 } });
    expect((await badinh.entries.list({ year: 2026 })).items.length).toBe(before + 2);
  });

  it('exports the year as an xlsx with its rows and a total', async () => {
    const file = await (await h.as('badinh')).entries.export({ year: 2026 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const texts = workbook.worksheets[0]!.getSheetValues().flat().map(String);
    expect(texts).toContain('Hội nghị đối thoại');
    expect(texts.some((text) => text.startsWith('Tổng số:'))).toBe(true);
  });
});
