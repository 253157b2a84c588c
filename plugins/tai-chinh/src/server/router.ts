/**
 * The module's router, mounted at `/api/trpc/tai-chinh`. Built only from @dondoc/trpc's
 * procedures: every procedure names its permission, and row access follows `ctx.access`
 * (a district sees and edits its own units; Sở Tài chính and coordinators see all).
 * Every mutation writes its audit row in its own transaction; edits carry the version they
 * were made on (a stale one gets CONFLICT).
 */
import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { assertUnitAccess, permissionProcedure, router, type Context } from '@dondoc/trpc';
import { hanoiDateOf, isPeriodId, periodById, type Access, type Queryable, type SessionUser } from '@dondoc/plugin-sdk';
import {
  AUTONOMY_TARGET_CODE,
  autonomousShare,
  clampToPlanYear,
  cleanText,
  FIRST_PLAN_YEAR,
  headerKey,
  isPlanYear,
  LAST_PLAN_YEAR,
  MAX_AMOUNT,
  MAX_NAME_LENGTH,
  MAX_SECTOR_LENGTH,
  nameKey,
  parseImportTable,
  PLAN_YEARS,
  roundAmount,
  type ImportIssue,
} from '../domain/index.ts';
import { approveYear, consolidate, loadShareRecords } from './consolidation.ts';
import { conflict, fail, notFound } from './errors.ts';
import { decodeBase64, FileReadError, MAX_IMPORT_BASE64, readTable, workbookBase64, XLSX_MIME, type FileKind } from './files.ts';
import { lockImportYears, planImport, writeImport, type ImportSummary } from './imports.ts';
import { PERMISSIONS } from './permissions.ts';
import {
  approvalView,
  loadApprovals,
  loadRegister,
  lockYears,
  managingUnitDirectory,
  managingUnitRef,
  type ApprovalView,
  type ManagingUnitRef,
  type Scope,
  type UnitView,
} from './register.ts';
import { buildReportWorkbook, buildTemplateWorkbook } from './reports.ts';
import { serviceUnits, unitYears, yearApprovals } from './schema.ts';

const read = permissionProcedure(PERMISSIONS.unitsRead);
const write = permissionProcedure(PERMISSIONS.unitsWrite);
const approve = permissionProcedure(PERMISSIONS.classificationApprove);
const exportReports = permissionProcedure(PERMISSIONS.reportsExport);

type ModuleContext = Context & { user: SessionUser; access: Access };

// ---------------------------------------------------------------------------------------
// Inputs (messages: Vietnamese, then English)

const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'mã đơn vị không hợp lệ (invalid unit code)');
const year = z
  .number()
  .int()
  .refine(isPlanYear, `năm phải từ ${FIRST_PLAN_YEAR} đến ${LAST_PLAN_YEAR} (year must be ${FIRST_PLAN_YEAR}-${LAST_PLAN_YEAR})`);
const group = z.number().int().min(1, 'nhóm phải là 1-4 (group must be 1-4)').max(4, 'nhóm phải là 1-4 (group must be 1-4)');
const amount = z
  .number()
  .finite()
  .min(0, 'không được âm (must not be negative)')
  .max(MAX_AMOUNT, 'lớn quá mức cho phép (too large)')
  // Stored with two decimals: round here, so the check computed on the row is the one stored.
  .transform(roundAmount);
const version = z.number().int().min(1);
const unitName = z
  .string()
  .trim()
  .min(1, 'chưa nhập tên đơn vị (name is required)')
  .max(MAX_NAME_LENGTH, `tên dài quá ${MAX_NAME_LENGTH} ký tự (name too long)`)
  .transform(cleanText);
const sector = z
  .string()
  .trim()
  .min(1, 'chưa nhập lĩnh vực (sector is required)')
  .max(MAX_SECTOR_LENGTH, `lĩnh vực dài quá ${MAX_SECTOR_LENGTH} ký tự (sector too long)`)
  .transform(cleanText);
const note = z.string().trim().max(1000, 'ghi chú dài quá 1000 ký tự (note too long)');

const yearInput = z
  .object({
    unitId: z.uuid(),
    year,
    /** The version the edit was made on; null when the year had no row yet. */
    version: version.nullable(),
    group: group.nullable(),
    revenueA: amount.nullable(),
    spendingB: amount.refine((value) => value > 0, 'chi thường xuyên (B) phải lớn hơn 0 (B must be more than 0)').nullable(),
    investmentCovered: z.boolean().default(false),
    plannedGroup: group.nullable(),
  })
  .superRefine((value, ctx) => {
    const parts = [value.group, value.revenueA, value.spendingB].filter((v) => v !== null).length;
    if (parts !== 0 && parts !== 3) {
      for (const path of ['group', 'revenueA', 'spendingB'] as const) {
        if (value[path] === null) {
          ctx.addIssue({
            code: 'custom',
            path: [path],
            message: 'cần nhập đủ nhóm, tổng thu (A) và chi thường xuyên (B) (group, A and B go together)',
          });
        }
      }
    }
    if (value.group === null && value.plannedGroup === null) {
      ctx.addIssue({ code: 'custom', path: ['group'], message: 'cần nhập phân loại hoặc nhóm theo lộ trình (enter a classification or a planned group)' });
    }
  });

// ---------------------------------------------------------------------------------------
// Helpers

function scopeOf(access: Access): Scope {
  return access.allowed ? access.unitCodes : [];
}

/** The managing unit a write is for: the one asked (within the caller's access) or the caller's own. */
async function managingUnitFor(ctx: ModuleContext, code: string | undefined): Promise<ManagingUnitRef> {
  const target = code ?? ctx.user.unit?.code;
  if (!target) {
    fail('BAD_REQUEST', ctx.locale, { vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' });
  }
  assertUnitAccess(ctx, target);
  const unit = await ctx.services.core.units.get(target);
  if (!unit || (unit.kind !== 'department' && unit.kind !== 'district')) {
    fail('BAD_REQUEST', ctx.locale, {
      vi: `Đơn vị chủ quản phải là một sở, ngành hoặc quận, huyện, thị xã (không phải ${target}).`,
      en: `The managing unit must be a department or a district (not ${target}).`,
    });
  }
  return { code: unit.code, name: unit.name, kind: unit.kind };
}

/** A unit the caller may touch (NOT_FOUND when missing, FORBIDDEN when another unit's). */
async function unitFor(ctx: ModuleContext, db: Queryable, id: string) {
  const [unit] = await db.select().from(serviceUnits).where(eq(serviceUnits.id, id));
  if (!unit) notFound(ctx.locale, { vi: 'đơn vị sự nghiệp', en: 'Public service unit' });
  assertUnitAccess(ctx, unit.managingUnitCode);
  return unit;
}

async function oneUnitView(ctx: ModuleContext, db: Queryable, id: string): Promise<UnitView> {
  const directory = await managingUnitDirectory(ctx.services.core);
  const [view] = await loadRegister(db, directory, 'all', { unitIds: [id] });
  if (!view) notFound(ctx.locale, { vi: 'đơn vị sự nghiệp', en: 'Public service unit' });
  return view;
}

/**
 * Opens a unit's year for a change inside the caller's transaction: the year locked against a
 * concurrent approval, the unit the caller may touch, refused when the year is approved; with
 * the year's current row (or undefined).
 */
async function openEditableYear(
  ctx: ModuleContext,
  tx: Queryable,
  directory: Awaited<ReturnType<typeof managingUnitDirectory>>,
  unitId: string,
  yearValue: number,
) {
  await lockYears(tx, [yearValue], 'shared');
  const unit = await unitFor(ctx, tx, unitId);
  const [approval] = await tx
    .select()
    .from(yearApprovals)
    .where(and(eq(yearApprovals.year, yearValue), eq(yearApprovals.managingUnitCode, unit.managingUnitCode)));
  if (approval?.status === 'approved') lockedYear(ctx, yearValue, managingUnitRef(directory, unit.managingUnitCode).name);
  const [existing] = await tx.select().from(unitYears).where(and(eq(unitYears.unitId, unit.id), eq(unitYears.year, yearValue)));
  return { unit, existing };
}

function lockedYear(ctx: ModuleContext, yearValue: number, managingUnit: string): never {
  fail('PRECONDITION_FAILED', ctx.locale, {
    vi: `Phân loại năm ${yearValue} của ${managingUnit} đã được Sở Tài chính phê duyệt nên không sửa được. Đề nghị Sở Tài chính trả lại để chỉnh sửa.`,
    en: `The ${yearValue} classification of ${managingUnit} was approved by the Department of Finance and is locked. Ask for it to be returned for changes.`,
  });
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function duplicateName(ctx: ModuleContext, name: string, managingUnit: string): never {
  fail('CONFLICT', ctx.locale, {
    vi: `${managingUnit} đã có đơn vị "${name}" trong danh sách.`,
    en: `${managingUnit} already has a unit named "${name}".`,
  });
}

const today = () => hanoiDateOf(Date.now());
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface ImportResult {
  dryRun: boolean;
  /** True only when the real import wrote every row. */
  written: boolean;
  fileKind: FileKind | null;
  sheetName: string | null;
  managingUnit: ManagingUnitRef;
  /** Data rows read from the file (not blank). */
  dataRows: number;
  /** Row-level errors (row 0: the file itself). When there is any, nothing is written. */
  errors: ImportIssue[];
  ignoredColumns: string[];
  summary: ImportSummary | null;
}

export interface FileDownload {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

// ---------------------------------------------------------------------------------------
// The router

export const taiChinhRouter = router({
  /** What the caller may do here (the pages show only that) and the roadmap years. */
  access: read.query(async ({ ctx }) => {
    const allowed = (key: string) => ctx.permissions.decide(ctx.user, key).allowed;
    const scope = scopeOf(ctx.access);
    const writeAccess = ctx.permissions.decide(ctx.user, PERMISSIONS.unitsWrite);
    const writeScope = scopeOf(writeAccess);
    const directory = await managingUnitDirectory(ctx.services.core);
    const managing = [...directory.values()].filter((unit) => unit.kind === 'department' || unit.kind === 'district');
    return {
      scope: scope === 'all' ? ('all' as const) : ('own' as const),
      unitCodes: scope,
      ownUnit: ctx.user.unit ? { code: ctx.user.unit.code, name: ctx.user.unit.name, kind: ctx.user.unit.kind } : null,
      canWrite: writeAccess.allowed,
      /** The managing units whose registers the caller may change. */
      writableUnits: writeAccess.allowed ? managing.filter((unit) => writeScope === 'all' || writeScope.includes(unit.code)) : [],
      canApprove: allowed(PERMISSIONS.classificationApprove),
      canExport: allowed(PERMISSIONS.reportsExport),
      years: [...PLAN_YEARS],
      currentYear: clampToPlanYear(Number(today().slice(0, 4))),
      today: today(),
    };
  }),

  units: router({
    /** The register, filtered and paged; `year` is the year the flags are read on. */
    list: read
      .input(
        z.object({
          managingUnitCode: unitCode.optional(),
          year: year.optional(),
          search: z.string().trim().max(200).optional(),
          sector: z.string().trim().max(MAX_SECTOR_LENGTH).optional(),
          flag: z.enum(['mismatch', 'undetermined', 'behind', 'unclassified', 'pending']).optional(),
          page: z.number().int().min(1).default(1),
          pageSize: z.number().int().min(1).max(200).default(50),
        }),
      )
      .query(async ({ ctx, input }) => {
        const scope = scopeOf(ctx.access);
        if (input.managingUnitCode) assertUnitAccess(ctx, input.managingUnitCode);
        const directory = await managingUnitDirectory(ctx.services.core);
        const all = await loadRegister(ctx.db, directory, scope);
        const focus = input.year ?? clampToPlanYear(Number(today().slice(0, 4)));
        const search = input.search ? headerKey(input.search) : '';
        const sectorKey = input.sector ? headerKey(input.sector) : '';
        const items = all.filter((unit) => {
          if (input.managingUnitCode && unit.managingUnit.code !== input.managingUnitCode) return false;
          if (search && !headerKey(unit.name).includes(search)) return false;
          if (sectorKey && headerKey(unit.sector) !== sectorKey) return false;
          if (!input.flag) return true;
          const y = unit.years.find((row) => row.year === focus);
          switch (input.flag) {
            case 'mismatch':
            case 'undetermined':
              return y?.status === input.flag;
            case 'behind':
              return y?.roadmap === 'behind';
            case 'unclassified':
              return !y || y.group === null;
            case 'pending':
              return !!y && y.group !== null && y.approval !== 'approved';
          }
        });
        const managingUnits = [...new Map(all.map((unit) => [unit.managingUnit.code, unit.managingUnit])).values()];
        const start = (input.page - 1) * input.pageSize;
        return {
          total: items.length,
          page: input.page,
          pageSize: input.pageSize,
          year: focus,
          items: items.slice(start, start + input.pageSize),
          managingUnits,
          sectors: [...new Set(all.map((unit) => unit.sector))].sort((a, b) => a.localeCompare(b, 'vi')),
        };
      }),

    get: read.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
      await unitFor(ctx, ctx.db, input.id);
      return oneUnitView(ctx, ctx.db, input.id);
    }),

    create: write
      .input(z.object({ managingUnitCode: unitCode.optional(), name: unitName, sector }))
      .mutation(async ({ ctx, input }) => {
        const managing = await managingUnitFor(ctx, input.managingUnitCode);
        try {
          const id = await ctx.db.transaction(async (tx) => {
            const [created] = await tx
              .insert(serviceUnits)
              .values({
                managingUnitCode: managing.code,
                name: input.name,
                nameKey: nameKey(input.name),
                sector: input.sector,
                createdBy: ctx.user.username,
                updatedBy: ctx.user.username,
              })
              .returning();
            if (!created) throw new Error('unit insert returned nothing');
            await ctx.audit(tx, { action: 'tai-chinh.unit.create', entity: 'tai-chinh.unit', entityId: created.id, after: created });
            return created.id;
          });
          return oneUnitView(ctx, ctx.db, id);
        } catch (error) {
          if (isUniqueViolation(error)) duplicateName(ctx, input.name, managing.name);
          throw error;
        }
      }),

    update: write
      .input(z.object({ id: z.uuid(), version, name: unitName, sector }))
      .mutation(async ({ ctx, input }) => {
        try {
          await ctx.db.transaction(async (tx) => {
            const unit = await unitFor(ctx, tx, input.id);
            if (unit.version !== input.version) conflict(ctx.locale, unit.updatedBy);
            const [updated] = await tx
              .update(serviceUnits)
              .set({
                name: input.name,
                nameKey: nameKey(input.name),
                sector: input.sector,
                updatedBy: ctx.user.username,
                updatedAt: new Date(),
                version: sql`${serviceUnits.version} + 1`,
              })
              .where(and(eq(serviceUnits.id, input.id), eq(serviceUnits.version, input.version)))
              .returning();
            if (!updated) conflict(ctx.locale, null);
            await ctx.audit(tx, { action: 'tai-chinh.unit.update', entity: 'tai-chinh.unit', entityId: unit.id, before: unit, after: updated });
          });
        } catch (error) {
          if (isUniqueViolation(error)) {
            const directory = await managingUnitDirectory(ctx.services.core);
            const [unit] = await ctx.db.select().from(serviceUnits).where(eq(serviceUnits.id, input.id));
            duplicateName(ctx, input.name, managingUnitRef(directory, unit?.managingUnitCode ?? '').name);
          }
          throw error;
        }
        return oneUnitView(ctx, ctx.db, input.id);
      }),

    /** Removes a unit entered by mistake, with its years; refused once a year of it is approved. */
    remove: write.input(z.object({ id: z.uuid(), version })).mutation(async ({ ctx, input }) => {
      const directory = await managingUnitDirectory(ctx.services.core);
      return ctx.db.transaction(async (tx) => {
        const unit = await unitFor(ctx, tx, input.id);
        if (unit.version !== input.version) conflict(ctx.locale, unit.updatedBy);
        const years = await tx.select().from(unitYears).where(eq(unitYears.unitId, unit.id));
        await lockYears(tx, years.map((y) => y.year), 'shared');
        if (years.length > 0) {
          const approved = await tx
            .select({ year: yearApprovals.year })
            .from(yearApprovals)
            .where(
              and(
                eq(yearApprovals.managingUnitCode, unit.managingUnitCode),
                eq(yearApprovals.status, 'approved'),
                inArray(yearApprovals.year, years.map((y) => y.year)),
              ),
            );
          if (approved[0]) lockedYear(ctx, approved[0].year, managingUnitRef(directory, unit.managingUnitCode).name);
        }
        const [removed] = await tx
          .delete(serviceUnits)
          .where(and(eq(serviceUnits.id, unit.id), eq(serviceUnits.version, input.version)))
          .returning();
        if (!removed) conflict(ctx.locale, null);
        await ctx.audit(tx, { action: 'tai-chinh.unit.remove', entity: 'tai-chinh.unit', entityId: unit.id, before: { unit, years } });
        return { id: unit.id };
      });
    }),

    /** The import template (xlsx): the columns, two example rows, instructions. */
    template: read.query(async (): Promise<FileDownload> => ({
      fileName: 'mau-nhap-don-vi-su-nghiep.xlsx',
      mimeType: XLSX_MIME,
      contentBase64: await workbookBase64(buildTemplateWorkbook()),
    })),

    /**
     * Imports a spreadsheet (xlsx or csv, base64) into a managing unit's register. `dryRun`
     * checks everything and writes nothing; the real import writes every row or none.
     */
    import: write
      .input(
        z.object({
          fileName: z.string().trim().min(1).max(255),
          contentBase64: z
            .string()
            .min(1)
            .max(MAX_IMPORT_BASE64, `tệp lớn quá ${Math.round((MAX_IMPORT_BASE64 * 3) / 4 / 1024)} KB (file too large)`),
          managingUnitCode: unitCode.optional(),
          dryRun: z.boolean(),
        }),
      )
      .mutation(async ({ ctx, input }): Promise<ImportResult> => {
        const managingUnit = await managingUnitFor(ctx, input.managingUnitCode);
        const result: ImportResult = {
          dryRun: input.dryRun,
          written: false,
          fileKind: null,
          sheetName: null,
          managingUnit,
          dataRows: 0,
          errors: [],
          ignoredColumns: [],
          summary: null,
        };
        const bytes = decodeBase64(input.contentBase64);
        if (!bytes) {
          fail('BAD_REQUEST', ctx.locale, { vi: 'Nội dung tệp gửi lên không hợp lệ (base64).', en: 'The file content is not valid base64.' });
        }
        let table;
        try {
          table = await readTable(input.fileName, bytes);
        } catch (error) {
          if (!(error instanceof FileReadError)) throw error;
          return { ...result, errors: [{ row: 0, column: '', message: error.text[ctx.locale] }] };
        }
        const parsed = parseImportTable(table.cells, ctx.locale);
        Object.assign(result, { fileKind: table.kind, sheetName: table.sheetName, dataRows: parsed.dataRows, ignoredColumns: parsed.ignoredColumns });
        const errors = [...parsed.errors];
        // A file naming its managing unit must name this one.
        const names = new Set([headerKey(managingUnit.code), headerKey(managingUnit.name)]);
        const rows = parsed.rows.filter((row) => {
          if (row.managingUnit === null || names.has(headerKey(row.managingUnit))) return true;
          errors.push({
            row: row.row,
            column: 'Đơn vị chủ quản',
            message:
              ctx.locale === 'vi'
                ? `Dòng thuộc "${row.managingUnit}", không phải ${managingUnit.name} đang nhập.`
                : `The row belongs to "${row.managingUnit}", not to ${managingUnit.name} being imported.`,
          });
          return false;
        });
        const yearColumn = ctx.locale === 'vi' ? 'Năm' : 'Năm (Year)';
        const sortErrors = (list: ImportIssue[]) => list.sort((a, b) => a.row - b.row);

        if (input.dryRun || errors.length > 0) {
          const plan = await planImport(ctx.db, managingUnit.code, rows, ctx.locale, yearColumn);
          return { ...result, errors: sortErrors([...errors, ...plan.errors]), summary: plan.summary };
        }
        return ctx.db.transaction(async (tx) => {
          await lockImportYears(tx, rows);
          const plan = await planImport(tx, managingUnit.code, rows, ctx.locale, yearColumn);
          if (plan.errors.length > 0) return { ...result, errors: sortErrors(plan.errors), summary: plan.summary };
          await writeImport(tx, plan, {
            managingUnitCode: managingUnit.code,
            actor: ctx.user.username,
            fileName: input.fileName,
            audit: (entry) => ctx.audit(tx, entry),
          });
          return { ...result, written: true, summary: plan.summary };
        });
      }),
  }),

  years: router({
    /** Saves a unit's year: its classification (group, A, B, investment flag) and its planned group. */
    save: write.input(yearInput).mutation(async ({ ctx, input }) => {
      // Read through the core API before the transaction: PGlite has one connection, so a
      // query outside the open transaction would wait for it forever.
      const directory = await managingUnitDirectory(ctx.services.core);
      await ctx.db.transaction(async (tx) => {
        const { unit, existing } = await openEditableYear(ctx, tx, directory, input.unitId, input.year);
        const values = {
          autonomyGroup: input.group,
          revenueA: input.revenueA,
          spendingB: input.spendingB,
          investmentCovered: input.investmentCovered,
          plannedGroup: input.plannedGroup,
          updatedBy: ctx.user.username,
          updatedAt: new Date(),
        };
        let after;
        if (existing) {
          if (input.version !== existing.version) conflict(ctx.locale, existing.updatedBy);
          [after] = await tx
            .update(unitYears)
            .set({ ...values, version: sql`${unitYears.version} + 1` })
            .where(and(eq(unitYears.unitId, unit.id), eq(unitYears.year, input.year), eq(unitYears.version, input.version)))
            .returning();
        } else {
          if (input.version !== null) conflict(ctx.locale, null);
          [after] = await tx.insert(unitYears).values({ unitId: unit.id, year: input.year, ...values }).onConflictDoNothing().returning();
        }
        if (!after) conflict(ctx.locale, null);
        await ctx.audit(tx, {
          action: 'tai-chinh.year.save',
          entity: 'tai-chinh.unit-year',
          entityId: `${unit.id}:${input.year}`,
          before: existing ?? null,
          after,
        });
      });
      return oneUnitView(ctx, ctx.db, input.unitId);
    }),

    /** Clears a unit's year (classification and plan). */
    clear: write.input(z.object({ unitId: z.uuid(), year, version })).mutation(async ({ ctx, input }) => {
      const directory = await managingUnitDirectory(ctx.services.core);
      await ctx.db.transaction(async (tx) => {
        const { unit, existing } = await openEditableYear(ctx, tx, directory, input.unitId, input.year);
        if (!existing || existing.version !== input.version) conflict(ctx.locale, existing?.updatedBy);
        const [removed] = await tx
          .delete(unitYears)
          .where(and(eq(unitYears.unitId, unit.id), eq(unitYears.year, input.year), eq(unitYears.version, input.version)))
          .returning();
        if (!removed) conflict(ctx.locale, null);
        await ctx.audit(tx, { action: 'tai-chinh.year.clear', entity: 'tai-chinh.unit-year', entityId: `${unit.id}:${input.year}`, before: existing });
      });
      return oneUnitView(ctx, ctx.db, input.unitId);
    }),
  }),

  consolidation: router({
    /** Shares per year and per managing unit, approvals, units behind their roadmap (over the caller's scope). */
    summary: read.input(z.object({ year: year.optional() })).query(async ({ ctx, input }) => {
      const scope = scopeOf(ctx.access);
      const directory = await managingUnitDirectory(ctx.services.core);
      const units = await loadRegister(ctx.db, directory, scope);
      const approvals = await loadApprovals(ctx.db, scope);
      const views = new Map<string, ApprovalView>([...approvals].map(([key, row]) => [key, approvalView(row)]));
      const focus = input.year ?? clampToPlanYear(Number(today().slice(0, 4)));
      return consolidate(units, focus, scope, views, await loadShareRecords(ctx.db));
    }),

    /**
     * The core target 2458-CT3 (≥ 20% autonomous by 2025) with its trend forecast, the shares
     * recorded per year, and beside them what the roadmap promises (city-wide aggregates).
     */
    target: read.query(async ({ ctx }) => {
      const target = await ctx.services.core.targets.get(AUTONOMY_TARGET_CODE);
      const directory = await managingUnitDirectory(ctx.services.core);
      const units = await loadRegister(ctx.db, directory, 'all');
      const roadmap = PLAN_YEARS.map((y) => {
        const rows = units.flatMap((unit) => unit.years.filter((row) => row.year === y));
        return {
          year: y,
          planned: autonomousShare(rows.map((row) => row.plannedGroup)),
          entered: autonomousShare(rows.map((row) => row.group)),
        };
      });
      return {
        target: {
          code: target.code,
          name: target.name,
          measureUnit: target.measureUnit,
          baselineValue: target.baselineValue,
          baselineDate: target.baselineDate,
          targetValue: target.targetValue,
          targetDate: target.targetDate,
          measurements: target.measurements,
          forecast: {
            class: target.forecast.class,
            projectedValue: target.forecast.projectedValue,
            reachedOn: target.forecast.reachedOn,
            latestValue: target.forecast.latestValue,
            latestOn: target.forecast.latestOn,
          },
        },
        recorded: await loadShareRecords(ctx.db),
        roadmap,
        /** The share the roadmap promises for the target year. */
        promise: roadmap.find((r) => r.year === LAST_PLAN_YEAR)?.planned ?? null,
      };
    }),

    /**
     * Sở Tài chính approves a year's classification (every managing unit with classified units,
     * or those listed) and records the city-wide share on the core target in the same transaction.
     */
    approve: approve
      .input(z.object({ year, managingUnitCodes: z.array(unitCode).min(1).max(200).optional(), note: note.optional() }))
      .mutation(async ({ ctx, input }) => {
        const scope = scopeOf(ctx.access);
        if (scope !== 'all') {
          fail('FORBIDDEN', ctx.locale, { vi: 'Chỉ Sở Tài chính phê duyệt phân loại.', en: 'Only the Department of Finance approves classifications.' });
        }
        const directory = await managingUnitDirectory(ctx.services.core);
        const result = await ctx.db.transaction((tx) =>
          approveYear(tx, {
            year: input.year,
            managingUnitCodes: input.managingUnitCodes,
            note: input.note || null,
            actor: ctx.user.username,
            core: ctx.services.core,
            directory,
            locale: ctx.locale,
            audit: (entry) => ctx.audit(tx, entry),
          }),
        );
        if ('error' in result) fail('BAD_REQUEST', ctx.locale, result.error);
        return result;
      }),

    /** Returns an approved year of one managing unit for changes (its rows unlock). */
    reopen: approve
      .input(z.object({ year, managingUnitCode: unitCode, version, note: note.min(1, 'cần ghi lý do trả lại (give a reason)') }))
      .mutation(async ({ ctx, input }) => {
        const scope = scopeOf(ctx.access);
        if (scope !== 'all') {
          fail('FORBIDDEN', ctx.locale, { vi: 'Chỉ Sở Tài chính trả lại phân loại.', en: 'Only the Department of Finance returns classifications.' });
        }
        return ctx.db.transaction(async (tx) => {
          await lockYears(tx, [input.year], 'exclusive');
          const [current] = await tx
            .select()
            .from(yearApprovals)
            .where(and(eq(yearApprovals.year, input.year), eq(yearApprovals.managingUnitCode, input.managingUnitCode)));
          if (!current || current.status !== 'approved') {
            fail('BAD_REQUEST', ctx.locale, {
              vi: `Phân loại năm ${input.year} của đơn vị ${input.managingUnitCode} chưa được phê duyệt.`,
              en: `The ${input.year} classification of ${input.managingUnitCode} is not approved.`,
            });
          }
          if (current.version !== input.version) conflict(ctx.locale, current.decidedBy);
          const [after] = await tx
            .update(yearApprovals)
            .set({ status: 'returned', note: input.note, decidedBy: ctx.user.username, decidedAt: new Date(), version: sql`${yearApprovals.version} + 1` })
            .where(and(eq(yearApprovals.year, input.year), eq(yearApprovals.managingUnitCode, input.managingUnitCode), eq(yearApprovals.version, input.version)))
            .returning();
          if (!after) conflict(ctx.locale, null);
          await ctx.audit(tx, {
            action: 'tai-chinh.classification.reopen',
            entity: 'tai-chinh.year',
            entityId: `${input.year}:${input.managingUnitCode}`,
            before: current,
            after,
          });
          return approvalView(after);
        });
      }),
  }),

  reports: router({
    /**
     * The periodic report (xlsx) for a core reporting period (`2024-Q1`, `2024-H1`, `2024-Y`…):
     * the classification of the period's year (2025's for periods after the roadmap).
     */
    export: exportReports
      .input(z.object({ periodId: z.string().refine(isPeriodId, 'kỳ báo cáo không hợp lệ, ví dụ 2024-Q1 (invalid period, e.g. 2024-Q1)') }))
      .query(async ({ ctx, input }): Promise<FileDownload> => {
        const period = periodById(input.periodId);
        if (period.year < FIRST_PLAN_YEAR) {
          fail('BAD_REQUEST', ctx.locale, {
            vi: `Lộ trình tự chủ tài chính bắt đầu từ năm ${FIRST_PLAN_YEAR}.`,
            en: `The financial autonomy roadmap starts in ${FIRST_PLAN_YEAR}.`,
          });
        }
        const scope = scopeOf(ctx.access);
        const directory = await managingUnitDirectory(ctx.services.core);
        const units = await loadRegister(ctx.db, directory, scope);
        const approvals = await loadApprovals(ctx.db, scope);
        const views = new Map<string, ApprovalView>([...approvals].map(([key, row]) => [key, approvalView(row)]));
        const classificationYear = clampToPlanYear(period.year);
        const consolidation = consolidate(units, classificationYear, scope, views, await loadShareRecords(ctx.db));
        const scopeLabel = scope === 'all' ? 'Toàn Thành phố' : scope.map((code) => managingUnitRef(directory, code).name).join(', ');
        const workbook = buildReportWorkbook({
          period,
          year: classificationYear,
          scopeLabel,
          units,
          consolidation,
          exportedOn: dmy(today()),
          exportedBy: ctx.user.displayName,
        });
        const scopeSlug = scope === 'all' ? 'toan-thanh-pho' : scope.join('-').toLowerCase();
        return { fileName: `tu-chu-tai-chinh_${period.id}_${scopeSlug}.xlsx`, mimeType: XLSX_MIME, contentBase64: await workbookBase64(workbook) };
      }),
  }),
});

export type TaiChinhRouter = typeof taiChinhRouter;
