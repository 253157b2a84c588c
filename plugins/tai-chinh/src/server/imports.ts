/**
 * Import of a managing unit's register from a spreadsheet: a dry run lists every row-level
 * error before anything is written; the real import writes all rows or none, in one
 * transaction, each change audited.
 *
 * Matching: a row's unit is the managing unit's unit with the same name (case and spacing
 * ignored, diacritics kept); a new name creates a unit. A row updates only what it carries:
 * a plan-only row keeps the stored classification, and an empty "Nhóm theo lộ trình" or "Tự
 * bảo đảm chi đầu tư" keeps the stored value.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuditEntry, Queryable, Tx } from '@dondoc/plugin-sdk';
import { checkClassification, type AutonomyGroup, type ImportIssue, type ImportRow, type Locale } from '../domain/index.ts';
import { approvalKey, loadApprovals, lockYears } from './register.ts';
import { serviceUnits, unitYears } from './schema.ts';

type UnitRow = typeof serviceUnits.$inferSelect;
type YearRow = typeof unitYears.$inferSelect;

export interface ImportMismatch {
  row: number;
  name: string;
  year: number;
  group: AutonomyGroup;
  impliedGroup: AutonomyGroup;
  level: number | null;
}

export interface ImportSummary {
  unitsCreated: number;
  unitsUpdated: number;
  yearsCreated: number;
  yearsUpdated: number;
  yearsUnchanged: number;
  /** Rows whose figures imply another group than the one entered (imported, and flagged). */
  mismatches: ImportMismatch[];
}

interface YearValues {
  autonomyGroup: AutonomyGroup | null;
  revenueA: number | null;
  spendingB: number | null;
  investmentCovered: boolean;
  plannedGroup: AutonomyGroup | null;
}

interface PlannedYear {
  row: ImportRow;
  unitKey: string;
  existing: YearRow | null;
  values: YearValues;
  changed: boolean;
}

interface PlannedUnit {
  key: string;
  name: string;
  sector: string;
  existing: UnitRow | null;
  /** The sector (or name spelling) differs from what is stored. */
  changed: boolean;
}

export interface ImportPlan {
  errors: ImportIssue[];
  units: PlannedUnit[];
  years: PlannedYear[];
  summary: ImportSummary;
}

function sameValues(row: YearRow, values: YearValues): boolean {
  return (
    row.autonomyGroup === values.autonomyGroup &&
    row.revenueA === values.revenueA &&
    row.spendingB === values.spendingB &&
    row.investmentCovered === values.investmentCovered &&
    row.plannedGroup === values.plannedGroup
  );
}

/** Checks the rows against what is stored (locked years) and works out what to write. */
export async function planImport(db: Queryable, managingUnitCode: string, rows: ImportRow[], locale: Locale, yearColumn: string): Promise<ImportPlan> {
  const keys = [...new Set(rows.map((r) => r.nameKey))];
  const stored = keys.length === 0 ? [] : await db.select().from(serviceUnits).where(and(eq(serviceUnits.managingUnitCode, managingUnitCode), inArray(serviceUnits.nameKey, keys)));
  const unitByKey = new Map(stored.map((u) => [u.nameKey, u]));
  const storedYears =
    stored.length === 0 ? [] : await db.select().from(unitYears).where(inArray(unitYears.unitId, stored.map((u) => u.id)));
  const yearByUnit = new Map(storedYears.map((y) => [`${y.unitId}|${y.year}`, y]));
  const approvals = await loadApprovals(db, [managingUnitCode]);

  const errors: ImportIssue[] = [];
  const units = new Map<string, PlannedUnit>();
  const years: PlannedYear[] = [];
  const mismatches: ImportMismatch[] = [];
  for (const row of rows) {
    if (approvals.get(approvalKey(row.year, managingUnitCode))?.status === 'approved') {
      errors.push({
        row: row.row,
        column: yearColumn,
        message:
          locale === 'vi'
            ? `Phân loại năm ${row.year} đã được Sở Tài chính phê duyệt nên không ghi đè được; đề nghị Sở Tài chính trả lại trước.`
            : `The ${row.year} classification was approved by the Department of Finance and cannot be overwritten; ask for it to be returned first.`,
      });
      continue;
    }
    const existingUnit = unitByKey.get(row.nameKey) ?? null;
    if (!units.has(row.nameKey)) {
      units.set(row.nameKey, {
        key: row.nameKey,
        name: row.name,
        sector: row.sector,
        existing: existingUnit,
        changed: existingUnit !== null && (existingUnit.sector !== row.sector || existingUnit.name !== row.name),
      });
    }
    const existing = existingUnit ? (yearByUnit.get(`${existingUnit.id}|${row.year}`) ?? null) : null;
    const classified = row.group !== null;
    const values: YearValues = {
      autonomyGroup: classified ? row.group : (existing?.autonomyGroup as AutonomyGroup | null | undefined) ?? null,
      revenueA: classified ? row.revenueA : (existing?.revenueA ?? null),
      spendingB: classified ? row.spendingB : (existing?.spendingB ?? null),
      investmentCovered: row.investmentCovered ?? existing?.investmentCovered ?? false,
      plannedGroup: row.plannedGroup ?? ((existing?.plannedGroup as AutonomyGroup | null | undefined) ?? null),
    };
    const check = checkClassification({ group: values.autonomyGroup, revenueA: values.revenueA, spendingB: values.spendingB, investmentCovered: values.investmentCovered });
    if (check.status === 'mismatch' && values.autonomyGroup !== null && check.impliedGroup !== null) {
      mismatches.push({ row: row.row, name: row.name, year: row.year, group: values.autonomyGroup, impliedGroup: check.impliedGroup, level: check.level });
    }
    years.push({ row, unitKey: row.nameKey, existing, values, changed: existing === null || !sameValues(existing, values) });
  }
  const plannedUnits = [...units.values()];
  return {
    errors,
    units: plannedUnits,
    years,
    summary: {
      unitsCreated: plannedUnits.filter((u) => u.existing === null).length,
      unitsUpdated: plannedUnits.filter((u) => u.changed).length,
      yearsCreated: years.filter((y) => y.existing === null).length,
      yearsUpdated: years.filter((y) => y.existing !== null && y.changed).length,
      yearsUnchanged: years.filter((y) => !y.changed).length,
      mismatches,
    },
  };
}

/** Writes a plan made in the same transaction. Every change is audited. */
export async function writeImport(
  tx: Tx,
  plan: ImportPlan,
  options: { managingUnitCode: string; actor: string; fileName: string; audit: (entry: AuditEntry) => Promise<void> },
): Promise<void> {
  const { managingUnitCode, actor } = options;
  const now = new Date();
  const unitIdByKey = new Map<string, string>();
  for (const unit of plan.units) {
    if (unit.existing === null) {
      const [created] = await tx
        .insert(serviceUnits)
        .values({ managingUnitCode, name: unit.name, nameKey: unit.key, sector: unit.sector, createdBy: actor, updatedBy: actor })
        .returning();
      if (!created) throw new Error('unit insert returned nothing');
      unitIdByKey.set(unit.key, created.id);
      await options.audit({ action: 'tai-chinh.unit.create', entity: 'tai-chinh.unit', entityId: created.id, after: created });
    } else {
      unitIdByKey.set(unit.key, unit.existing.id);
      if (unit.changed) {
        const [updated] = await tx
          .update(serviceUnits)
          .set({ name: unit.name, sector: unit.sector, updatedBy: actor, updatedAt: now, version: sql`${serviceUnits.version} + 1` })
          .where(eq(serviceUnits.id, unit.existing.id))
          .returning();
        await options.audit({ action: 'tai-chinh.unit.update', entity: 'tai-chinh.unit', entityId: unit.existing.id, before: unit.existing, after: updated });
      }
    }
  }
  for (const year of plan.years) {
    if (!year.changed) continue;
    const unitId = unitIdByKey.get(year.unitKey)!;
    let after: YearRow | undefined;
    if (year.existing === null) {
      [after] = await tx.insert(unitYears).values({ unitId, year: year.row.year, ...year.values, updatedBy: actor, updatedAt: now }).returning();
    } else {
      [after] = await tx
        .update(unitYears)
        .set({ ...year.values, updatedBy: actor, updatedAt: now, version: sql`${unitYears.version} + 1` })
        .where(and(eq(unitYears.unitId, unitId), eq(unitYears.year, year.row.year)))
        .returning();
    }
    await options.audit({
      action: 'tai-chinh.year.import',
      entity: 'tai-chinh.unit-year',
      entityId: `${unitId}:${year.row.year}`,
      before: year.existing,
      after,
    });
  }
  await options.audit({
    action: 'tai-chinh.import',
    entity: 'tai-chinh.import',
    entityId: managingUnitCode,
    after: { fileName: options.fileName, ...plan.summary, mismatches: plan.summary.mismatches.length },
  });
}

/** Takes the years' locks (shared) for an import's transaction. */
export async function lockImportYears(tx: Tx, rows: ImportRow[]): Promise<void> {
  await lockYears(tx, rows.map((r) => r.year), 'shared');
}

