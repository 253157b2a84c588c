/**
 * The schemes' import on the kit's `importByKey`: a row whose decision number and name are stored
 * (case and spacing ignored) updates that scheme, a new one adds one, a row equal to what is stored
 * is left as it is. The lead unit's code must be a unit of the city the importer may write for (a
 * lead unit: its own; Sở KH&ĐT: any). The dry run lists every row's errors and writes nothing; the
 * import writes every row or none, each change audited and versioned.
 */
import { importByKey } from '@dondoc/plugin-sdk';
import type { ModuleContext } from './context.ts';
import { schemes } from './schema.ts';
import { schemeKey, schemesSheet, type SchemeSheetRow } from './spreadsheet.ts';

const valuesOf = (row: SchemeSheetRow) => ({
  name: row.name,
  unitCode: row.unitCode.trim().toUpperCase(),
  decisionNumber: row.decisionNumber,
  decisionDate: row.decisionDate,
  startOn: row.startOn,
  endOn: row.endOn,
  status: row.status,
  budgetAllocated: row.budgetAllocated,
  budgetDisbursed: row.budgetDisbursed,
  beneficiaryTarget: row.beneficiaryTarget ?? null,
  beneficiaryActual: row.beneficiaryActual ?? null,
  note: row.note || null,
});

export async function importSchemes(ctx: ModuleContext, input: { dryRun: boolean; file: { name: string; bytes: Uint8Array } }) {
  const known = new Set((await ctx.services.core.units.list()).map((u) => u.code));
  const column = schemesSheet.columns.find((c) => c.key === 'unitCode')!.header[ctx.locale];
  const reachable = (code: string) => ctx.access.unitCodes === 'all' || ctx.access.unitCodes.includes(code);
  const vi = ctx.locale === 'vi';
  return importByKey({
    db: ctx.db,
    spreadsheet: schemesSheet,
    file: { bytes: input.file.bytes, fileName: input.file.name },
    dryRun: input.dryRun,
    locale: ctx.locale,
    module: 'khdt',
    actor: ctx.user.username,
    audit: ctx,
    table: schemes,
    entity: 'khdt.scheme',
    what: { vi: 'Đề án, Kế hoạch hỗ trợ doanh nghiệp', en: 'Business-support scheme' },
    keyOf: schemeKey,
    valuesOf,
    refuse: (values, current, row) => {
      if (!known.has(values.unitCode)) return { row: row.row, column, message: vi ? `Không có đơn vị mã ${values.unitCode}.` : `There is no unit ${values.unitCode}.` };
      const outside = !reachable(values.unitCode) ? values.unitCode : current && !reachable(current.unitCode) ? current.unitCode : null;
      return outside ? { row: row.row, column, message: vi ? `Bạn không được cập nhật Đề án của đơn vị ${outside}.` : `You may not update the schemes of unit ${outside}.` } : null;
    },
  });
}
