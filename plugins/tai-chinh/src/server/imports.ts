/**
 * Import of a managing unit's register from a spreadsheet, on the kit: the columns and the
 * row rules are the domain's (`REGISTER_COLUMNS`, `registerRowRule`); `runImport` reads the
 * file, lists every error in a dry run, and writes all rows or none: new rows in slices of
 * short transactions (undone if any fails), changes of stored rows through the module's one
 * write path (`service.ts`) in the last one, each change audited.
 *
 * Matching: a row's unit is the managing unit's unit with the same name (case and spacing
 * ignored, diacritics kept); a new name creates a unit. A row updates only what it carries:
 * a plan-only row keeps the stored classification, and an empty "Nhóm theo lộ trình" or "Tự
 * bảo đảm chi đầu tư" keeps the stored value.
 */
import { eq, sql } from 'drizzle-orm';
import { defineSpreadsheet, fail, headerKey, queryRows, runImport, type ImportWriter, type Queryable, type SpreadsheetIssue, type SpreadsheetRow, type Tx } from '@dondoc/plugin-sdk';
import { checkClassification, nameKey, REGISTER_COLUMNS, registerRowRule, SECTOR_SUGGESTIONS, type AutonomyGroup } from '../domain/index.ts';
import { approvalKey, loadApprovals, lockYears, type ManagingUnitRef } from './register.ts';
import { putYear, updateUnit, type ModuleContext, type YearValues } from './service.ts';
import { serviceUnits, unitYears } from './schema.ts';

export const registerSheet = defineSpreadsheet({
  columns: REGISTER_COLUMNS,
  rowRule: registerRowRule,
  duplicateKey: {
    of: (row) => `${nameKey(row.name)}|${row.year}`,
    column: 'year',
    message: (first) => ({ vi: `Trùng đơn vị và năm với dòng ${first}.`, en: `Same unit and year as row ${first}.` }),
  },
  examples: [
    { name: 'Trường Mầm non Hoa Sen', sector: SECTOR_SUGGESTIONS[0]!.vi, year: 2024, group: 3, revenueA: 1_234_567_000, spendingB: 2_469_134_000, plannedGroup: 2, investmentCovered: 'Không' },
    { name: 'Trung tâm Văn hóa - Thể thao', sector: SECTOR_SUGGESTIONS[3]!.vi, year: 2024, group: 2, revenueA: 3_500_000_000, spendingB: 3_200_000_000, plannedGroup: 2, investmentCovered: 'Không' },
  ],
  notes: [
    { title: { vi: 'Tệp', en: 'File' }, text: { vi: 'Định dạng .xlsx hoặc .csv (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy), tối đa 512 KB. Có thể có dòng tiêu đề phía trên bảng.', en: 'An .xlsx or .csv file (UTF-8, separated by commas or semicolons), at most 512 KB. Title lines may come above the table.' } },
    { title: { vi: 'Kiểm tra trước', en: 'Check first' }, text: { vi: 'Chọn "Kiểm tra tệp" để xem lỗi từng dòng; chỉ khi không còn lỗi mới ghi được, và ghi toàn bộ hoặc không ghi dòng nào.', en: 'Choose "Check file" to see each row’s errors; the file is written only without errors, all rows or none.' } },
  ],
});

export type RegisterRow = SpreadsheetRow<typeof REGISTER_COLUMNS>;
type UnitRow = typeof serviceUnits.$inferSelect;
type YearRow = typeof unitYears.$inferSelect;

export type ImportMismatch = { row: number; name: string; year: number; group: AutonomyGroup; impliedGroup: AutonomyGroup; level: number | null };

export interface ImportSummary {
  unitsCreated: number;
  unitsUpdated: number;
  yearsCreated: number;
  yearsUpdated: number;
  yearsUnchanged: number;
  /** Rows whose figures imply another group than the one entered (imported, and flagged). */
  mismatches: ImportMismatch[];
}

/** A unit to create (`existing` null) or to update (`changed`: the sector or the name's spelling differs from what is stored). */
type PlannedUnit = { key: string; name: string; sector: string; existing: UnitRow | null; changed: boolean };

interface ImportPlan {
  /** What the plan was made on (`registerFingerprint`, read before planning): the write checks it is unchanged. */
  fingerprint: string;
  errors: SpreadsheetIssue[];
  units: PlannedUnit[];
  years: Array<{ row: RegisterRow; unitKey: string; existing: YearRow | null; values: YearValues; changed: boolean }>;
  summary: ImportSummary;
}

const same = (row: YearRow, values: YearValues) => (Object.keys(values) as Array<keyof YearValues>).every((key) => row[key] === values[key]);
const group = (value: number | null | undefined) => (value ?? null) as AutonomyGroup | null;

/** Checks the rows against the file's own consistency and what is stored (locked years), and works out what to write. */
async function planImport(ctx: ModuleContext, db: Queryable, managingUnit: ManagingUnitRef, rows: RegisterRow[]): Promise<ImportPlan> {
  const fingerprint = await registerFingerprint(db, managingUnit.code);
  // The managing unit's whole register, by its code (one parameter, not one per row: a file may hold thousands).
  const stored = await db.select().from(serviceUnits).where(eq(serviceUnits.managingUnitCode, managingUnit.code));
  const unitByKey = new Map(stored.map((u) => [u.nameKey, u]));
  const storedYears = (
    await db.select({ year: unitYears }).from(unitYears).innerJoin(serviceUnits, eq(serviceUnits.id, unitYears.unitId)).where(eq(serviceUnits.managingUnitCode, managingUnit.code))
  ).map((r) => r.year);
  const yearByUnit = new Map(storedYears.map((y) => [`${y.unitId}|${y.year}`, y]));
  const approvals = await loadApprovals(db, [managingUnit.code]);
  const vi = ctx.locale === 'vi';
  const names = new Set([headerKey(managingUnit.code), headerKey(managingUnit.name)]);

  const errors: SpreadsheetIssue[] = [];
  const units = new Map<string, PlannedUnit & { row: number }>();
  const years: ImportPlan['years'] = [];
  const mismatches: ImportMismatch[] = [];
  for (const row of rows) {
    const key = nameKey(row.name);
    const first = units.get(key);
    if (row.managingUnit !== null && !names.has(headerKey(row.managingUnit))) {
      errors.push({
        row: row.row,
        column: 'Đơn vị chủ quản',
        message: vi ? `Dòng thuộc "${row.managingUnit}", không phải ${managingUnit.name} đang nhập.` : `The row belongs to "${row.managingUnit}", not to ${managingUnit.name} being imported.`,
      });
      continue;
    }
    if (first && nameKey(first.sector) !== nameKey(row.sector)) {
      errors.push({
        row: row.row,
        column: 'Lĩnh vực',
        message: vi ? `Lĩnh vực khác với dòng ${first.row} của cùng đơn vị ("${first.sector}").` : `Sector differs from row ${first.row} of the same unit ("${first.sector}").`,
      });
      continue;
    }
    if (approvals.get(approvalKey(row.year, managingUnit.code))?.status === 'approved') {
      errors.push({
        row: row.row,
        column: 'Năm',
        message: vi
          ? `Phân loại năm ${row.year} đã được Sở Tài chính phê duyệt nên không ghi đè được; đề nghị Sở Tài chính trả lại trước.`
          : `The ${row.year} classification was approved by the Department of Finance and cannot be overwritten; ask for it to be returned first.`,
      });
      continue;
    }
    const existingUnit = unitByKey.get(key) ?? null;
    if (!first) {
      const changed = existingUnit !== null && (existingUnit.sector !== row.sector || existingUnit.name !== row.name);
      units.set(key, { key, row: row.row, name: row.name, sector: row.sector, existing: existingUnit, changed });
    }
    const existing = existingUnit ? (yearByUnit.get(`${existingUnit.id}|${row.year}`) ?? null) : null;
    const classified = row.group !== null;
    const values: YearValues = {
      autonomyGroup: classified ? group(row.group) : group(existing?.autonomyGroup),
      revenueA: classified ? row.revenueA : (existing?.revenueA ?? null),
      spendingB: classified ? row.spendingB : (existing?.spendingB ?? null),
      investmentCovered: row.investmentCovered ?? existing?.investmentCovered ?? false,
      plannedGroup: group(row.plannedGroup ?? existing?.plannedGroup),
    };
    const check = checkClassification({ group: values.autonomyGroup, revenueA: values.revenueA, spendingB: values.spendingB, investmentCovered: values.investmentCovered });
    if (check.status === 'mismatch' && values.autonomyGroup !== null && check.impliedGroup !== null) {
      mismatches.push({ row: row.row, name: row.name, year: row.year, group: values.autonomyGroup, impliedGroup: check.impliedGroup, level: check.level });
    }
    years.push({ row, unitKey: key, existing, values, changed: existing === null || !same(existing, values) });
  }
  const planned = [...units.values()];
  return {
    fingerprint,
    errors,
    units: planned,
    years,
    summary: {
      unitsCreated: planned.filter((u) => u.existing === null).length,
      unitsUpdated: planned.filter((u) => u.changed).length,
      yearsCreated: years.filter((y) => y.existing === null).length,
      yearsUpdated: years.filter((y) => y.existing !== null && y.changed).length,
      yearsUnchanged: years.filter((y) => !y.changed).length,
      mismatches,
    },
  };
}

/**
 * A digest of everything a plan reads of a managing unit's register (its units, their years,
 * its approvals, each with its version): equal digests mean the plan made outside the write's
 * transaction still holds.
 */
async function registerFingerprint(db: Queryable, managingUnitCode: string): Promise<string> {
  const rows = await queryRows<{ digest: string }>(db, sql`
    select md5(
      coalesce((select string_agg(u.id::text || ':' || u.version, ',' order by u.id) from tai_chinh.service_units u where u.managing_unit_code = ${managingUnitCode}), '') || '|' ||
      coalesce((select string_agg(y.unit_id::text || ':' || y.year || ':' || y.version, ',' order by y.unit_id, y.year)
                from tai_chinh.unit_years y join tai_chinh.service_units u on u.id = y.unit_id where u.managing_unit_code = ${managingUnitCode}), '') || '|' ||
      coalesce((select string_agg(a.year || ':' || a.status || ':' || a.version, ',' order by a.year) from tai_chinh.year_approvals a where a.managing_unit_code = ${managingUnitCode}), '')
    ) as digest`);
  return rows[0]?.digest ?? '';
}

/**
 * Writes a plan's new rows through the kit's writer: new units, then new years, in slices of
 * short transactions (`insertMany`), each slice with its audit rows; other users' requests run
 * between slices.
 */
async function writeImport(ctx: ModuleContext, writer: ImportWriter, managingUnitCode: string, plan: ImportPlan): Promise<void> {
  const actor = ctx.user.username;
  const created = await writer.insert(
    serviceUnits,
    plan.units.filter((u) => u.existing === null).map((u) => ({ managingUnitCode, name: u.name, sector: u.sector, nameKey: nameKey(u.name), createdBy: actor, updatedBy: actor })),
    (unit) => ({ action: 'tai-chinh.unit.create', entity: 'tai-chinh.unit', entityId: unit.id, after: unit }),
  );
  const unitIdByKey = new Map(created.map((unit) => [unit.nameKey, unit.id]));
  for (const unit of plan.units) if (unit.existing !== null) unitIdByKey.set(unit.key, unit.existing.id);
  await writer.insert(
    unitYears,
    plan.years.filter((y) => y.changed && y.existing === null).map((y) => ({ unitId: unitIdByKey.get(y.unitKey)!, year: y.row.year, ...y.values, updatedBy: actor })),
    (year) => ({ action: 'tai-chinh.year.import', entity: 'tai-chinh.unit-year', entityId: `${year.unitId}:${year.year}`, after: year }),
  );
}

/**
 * The import's last transaction: the (rarer) changes of stored rows through the module's
 * versioned write path, each audited, and the import's own audit row.
 */
async function finishImport(ctx: ModuleContext, tx: Tx, managingUnitCode: string, fileName: string, plan: ImportPlan): Promise<void> {
  for (const unit of plan.units) {
    if (unit.existing !== null && unit.changed) await updateUnit(ctx, tx, unit.existing, unit.existing.version, unit);
  }
  for (const year of plan.years) {
    if (year.existing === null || !year.changed) continue;
    const target = { unitId: year.existing.unitId, year: year.row.year, existing: year.existing, version: year.existing.version, action: 'import' as const };
    await putYear(ctx, tx, target, year.values);
  }
  await ctx.audit(tx, {
    action: 'tai-chinh.import',
    entity: 'tai-chinh.import',
    entityId: managingUnitCode,
    after: { fileName, ...plan.summary, mismatches: plan.summary.mismatches.length },
  });
}

/**
 * Between slices, the years the import writes must not have been approved meanwhile (an
 * approval takes the year's lock exclusive: it cannot run while a slice holds it shared).
 */
async function yearsStillOpen(ctx: ModuleContext, tx: Tx, managingUnitCode: string, plan: ImportPlan): Promise<void> {
  const approvals = await loadApprovals(tx, [managingUnitCode]);
  const years = [...new Set(plan.years.map((y) => y.row.year))].sort((a, b) => a - b);
  const approved = years.find((year) => approvals.get(approvalKey(year, managingUnitCode))?.status === 'approved');
  if (approved === undefined) return;
  fail('CONFLICT', ctx.locale, {
    vi: `Phân loại năm ${approved} vừa được Sở Tài chính phê duyệt trong khi đang nhập tệp; không dòng nào được ghi. Đề nghị Sở Tài chính trả lại trước khi nhập lại.`,
    en: `The ${approved} classification was approved by the Department of Finance while the file was being imported; no row was written. Ask for it to be returned before importing again.`,
  });
}

/** Imports a file into a managing unit's register (`dryRun`: check only). */
export async function importRegister(ctx: ModuleContext, managingUnit: ManagingUnitRef, file: { bytes: Uint8Array; fileName: string }, dryRun: boolean) {
  const result = await runImport({
    db: ctx.db,
    spreadsheet: registerSheet,
    file,
    dryRun,
    locale: ctx.locale,
    journal: { module: 'tai-chinh', actor: ctx.user.username },
    audit: ctx,
    lock: (tx, rows) => lockYears(tx, rows.map((r) => r.year), 'shared'),
    plan: (db, rows) => planImport(ctx, db, managingUnit, rows),
    stillValid: async (tx, plan) => plan.fingerprint === (await registerFingerprint(tx, managingUnit.code)),
    guard: (tx, plan) => yearsStillOpen(ctx, tx, managingUnit.code, plan),
    write: (writer, plan) => writeImport(ctx, writer, managingUnit.code, plan),
    finish: (tx, plan) => finishImport(ctx, tx, managingUnit.code, file.fileName, plan),
  });
  return { ...result, managingUnit };
}
