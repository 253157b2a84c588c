/** `units.*`: the register, filtered and paged; a unit's create, edit and removal; the import and its template. */
import { z } from 'zod';
import { headerKey, xlsxDownload } from '@dondoc/plugin-sdk';
import { assertUnitAccess, router, uploadProcedure } from '@dondoc/trpc';
import { createUnitInput, idInput, listInput, removeUnitInput, unitCode, updateUnitInput } from '../inputs.ts';
import { importRegister, registerSheet } from '../imports.ts';
import { loadRegister, managingUnitDirectory, managingUnitRef } from '../register.ts';
import { currentYear, insertUnit, managingUnitFor, oneUnitView, removeUnit, scopeOf, unitFor, updateUnit, withUniqueName } from '../service.ts';
import { read, write } from './procedures.ts';

export const unitsRouter = router({
  /** The register, filtered and paged; `year` is the year the flags are read on. */
  list: read.input(listInput).query(async ({ ctx, input }) => {
    if (input.managingUnitCode) assertUnitAccess(ctx, input.managingUnitCode);
    const all = await loadRegister(ctx.db, await managingUnitDirectory(ctx.services.core), scopeOf(ctx.access));
    const focus = input.year ?? currentYear();
    const search = input.search ? headerKey(input.search) : '';
    const sectorKey = input.sector ? headerKey(input.sector) : '';
    const items = all.filter((unit) => {
      if (input.managingUnitCode && unit.managingUnit.code !== input.managingUnitCode) return false;
      if (search && !headerKey(unit.name).includes(search)) return false;
      if (sectorKey && headerKey(unit.sector) !== sectorKey) return false;
      const y = unit.years.find((row) => row.year === focus);
      switch (input.flag) {
        case undefined:
          return true;
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
    const start = (input.page - 1) * input.pageSize;
    return {
      total: items.length,
      page: input.page,
      pageSize: input.pageSize,
      year: focus,
      items: items.slice(start, start + input.pageSize),
      managingUnits: [...new Map(all.map((unit) => [unit.managingUnit.code, unit.managingUnit])).values()],
      sectors: [...new Set(all.map((unit) => unit.sector))].sort((a, b) => a.localeCompare(b, 'vi')),
    };
  }),

  get: read.input(idInput).query(async ({ ctx, input }) => {
    await unitFor(ctx, ctx.db, input.id);
    return oneUnitView(ctx, input.id);
  }),

  create: write.input(createUnitInput).mutation(async ({ ctx, input }) => {
    const managing = await managingUnitFor(ctx, input.managingUnitCode);
    const created = await withUniqueName(ctx, input.name, async () => managing.name, () =>
      ctx.db.transaction((tx) => insertUnit(ctx, tx, managing.code, { name: input.name, sector: input.sector })),
    );
    return oneUnitView(ctx, created.id);
  }),

  update: write.input(updateUnitInput).mutation(async ({ ctx, input }) => {
    const managingUnitName = async () => {
      const [directory, unit] = await Promise.all([managingUnitDirectory(ctx.services.core), unitFor(ctx, ctx.db, input.id)]);
      return managingUnitRef(directory, unit.managingUnitCode).name;
    };
    await withUniqueName(ctx, input.name, managingUnitName, () =>
      ctx.db.transaction(async (tx) => updateUnit(ctx, tx, await unitFor(ctx, tx, input.id), input.version, { name: input.name, sector: input.sector })),
    );
    return oneUnitView(ctx, input.id);
  }),

  /** Removes a unit entered by mistake, with its years; refused once a year of it is approved. */
  remove: write.input(removeUnitInput).mutation(async ({ ctx, input }) => {
    const directory = await managingUnitDirectory(ctx.services.core);
    await ctx.db.transaction(async (tx) => removeUnit(ctx, tx, directory, await unitFor(ctx, tx, input.id), input.version));
    return { id: input.id };
  }),

  /** The import template (xlsx): the columns, two example rows, instructions. */
  template: read.query(async ({ ctx }) => xlsxDownload(await registerSheet.template(ctx.locale), 'mau-nhap-don-vi-su-nghiep.xlsx')),

  /**
   * Imports a spreadsheet (xlsx or csv, sent as a file) into a managing unit's register.
   * `dryRun` checks everything and writes nothing; the real import writes every row or none.
   */
  import: uploadProcedure(write, 'spreadsheet', z.object({ managingUnitCode: unitCode.optional(), dryRun: z.boolean() })).mutation(async ({ ctx, input }) => {
    const managingUnit = await managingUnitFor(ctx, input.managingUnitCode);
    return importRegister(ctx, managingUnit, { bytes: input.file.bytes, fileName: input.file.name }, input.dryRun);
  }),
});
