/** The procedures information system: features, connections and incidents, security and the module's settings (Sở TT&TT's; coordinators read). */
import { permissionProcedure, router, uploadProcedure } from '@dondoc/trpc';
import { tableWorkbook, xlsxDownload } from '@dondoc/plugin-sdk';
import { connectionFields, edit, featureFields, findingFields, importFields, incidentFields, removeInput, settingsInput } from '../inputs.ts';
import { connectionsRegister, featuresRegister, importByName } from '../imports.ts';
import { PERMISSIONS } from '../permissions.ts';
import { connectionsSheet, featuresSheet } from '../spreadsheet.ts';
import { CONNECTION, createIncident, createRow, FEATURE, FINDING, getSettings, INCIDENT, listConnections, listFeatures, removeRow, security, updateIncident, updateRow, updateSettings } from '../system.ts';
import { dmy } from './format.ts';

const read = permissionProcedure(PERMISSIONS.systemRead);
const write = permissionProcedure(PERMISSIONS.systemWrite);
const settingsWrite = permissionProcedure(PERMISSIONS.contentsWrite);

const FEATURE_STATUS_VI = { planned: 'Chưa làm', in_progress: 'Đang làm', done: 'Hoàn thành' } as const;
const SEVERITY_VI = { low: 'Thấp', medium: 'Trung bình', high: 'Cao', critical: 'Nghiêm trọng' } as const;

export const featuresRouter = router({
  list: read.query(({ ctx }) => listFeatures(ctx)),
  create: write.input(featureFields).mutation(({ ctx, input }) => createRow(ctx, FEATURE, input)),
  update: write.input(edit(featureFields)).mutation(({ ctx, input }) => updateRow(ctx, FEATURE, input)),
  remove: write.input(removeInput).mutation(({ ctx, input }) => removeRow(ctx, FEATURE, input)),
  template: write.query(async ({ ctx }) => xlsxDownload(await featuresSheet.template(ctx.locale), 'mau-nhap-tinh-nang.xlsx')),
  /** The features register (xlsx or csv, multipart): `dryRun` checks everything and writes nothing. */
  import: uploadProcedure(write, 'spreadsheet', importFields).mutation(({ ctx, input }) => importByName(ctx, featuresRegister, input)),
  export: read.query(async ({ ctx }) => {
    const { items, counts, today } = await listFeatures(ctx);
    const workbook = await tableWorkbook({
      sheetName: 'Tính năng',
      title: ['TÍNH NĂNG HỆ THỐNG THÔNG TIN GIẢI QUYẾT TTHC CẦN HOÀN THIỆN', `Xuất ngày ${dmy(today)} bởi ${ctx.user.displayName}`],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Tính năng, chức năng', width: 48 },
        { header: 'Phụ trách', width: 28 },
        { header: 'Hạn', width: 12 },
        { header: 'Trạng thái', width: 14 },
        { header: 'Quá hạn', width: 10 },
      ],
      rows: items.map((row, index) => [index + 1, row.name, row.owner, dmy(row.deadline), FEATURE_STATUS_VI[row.status], row.overdue ? 'Quá hạn' : '']),
      footer: [`Tổng số ${counts.total}, hoàn thành ${counts.done}, còn ${counts.open}, quá hạn ${counts.overdue}.`],
    });
    return xlsxDownload(workbook, 'tinh-nang-he-thong-tthc.xlsx');
  }),
});

export const connectionsRouter = router({
  list: read.query(({ ctx }) => listConnections(ctx)),
  create: write.input(connectionFields).mutation(({ ctx, input }) => createRow(ctx, CONNECTION, input)),
  update: write.input(edit(connectionFields)).mutation(({ ctx, input }) => updateRow(ctx, CONNECTION, input)),
  remove: write.input(removeInput).mutation(({ ctx, input }) => removeRow(ctx, CONNECTION, input)),
  /** The import template (xlsx): the columns, examples, instructions. */
  template: write.query(async ({ ctx }) => xlsxDownload(await connectionsSheet.template(ctx.locale), 'mau-nhap-ket-noi.xlsx')),
  /** The connections register (xlsx or csv, multipart): `dryRun` checks everything and writes nothing. */
  import: uploadProcedure(write, 'spreadsheet', importFields).mutation(({ ctx, input }) => importByName(ctx, connectionsRegister, input)),
});

export const incidentsRouter = router({
  create: write.input(incidentFields).mutation(({ ctx, input }) => createIncident(ctx, input)),
  update: write.input(edit(incidentFields)).mutation(({ ctx, input }) => updateIncident(ctx, input)),
  remove: write.input(removeInput).mutation(({ ctx, input }) => removeRow(ctx, INCIDENT, input)),
});

export const securityRouter = router({
  get: read.query(({ ctx }) => security(ctx)),
  createFinding: write.input(findingFields).mutation(({ ctx, input }) => createRow(ctx, FINDING, input)),
  updateFinding: write.input(edit(findingFields)).mutation(({ ctx, input }) => updateRow(ctx, FINDING, input)),
  removeFinding: write.input(removeInput).mutation(({ ctx, input }) => removeRow(ctx, FINDING, input)),
  /** The findings as an xlsx, with the system's level and last assessment. */
  export: read.query(async ({ ctx }) => {
    const { today, settings, counts, findings } = await security(ctx);
    const workbook = await tableWorkbook({
      sheetName: 'An toàn thông tin',
      title: [
        'AN TOÀN THÔNG TIN HỆ THỐNG THÔNG TIN GIẢI QUYẾT TTHC',
        `Cấp độ ${settings.securityLevel}; đánh giá gần nhất: ${settings.lastAssessedOn ? dmy(settings.lastAssessedOn) : 'chưa đánh giá'} — xuất ngày ${dmy(today)} bởi ${ctx.user.displayName}`,
      ],
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Phát hiện', width: 48 },
        { header: 'Phụ trách khắc phục', width: 30 },
        { header: 'Mức độ', width: 14 },
        { header: 'Hạn', width: 12 },
        { header: 'Ngày khắc phục', width: 14 },
        { header: 'Quá hạn', width: 10 },
      ],
      rows: findings.map((row, index) => [index + 1, row.title, row.owner, SEVERITY_VI[row.severity], dmy(row.deadline), dmy(row.resolvedOn), row.overdue ? 'Quá hạn' : '']),
      footer: [`Chưa khắc phục ${counts.open}, quá hạn ${counts.overdue}.`],
    });
    return xlsxDownload(workbook, 'an-toan-thong-tin-he-thong-tthc.xlsx');
  }),
});

export const settingsRouter = router({
  get: read.query(({ ctx }) => getSettings(ctx)),
  update: settingsWrite.input(settingsInput).mutation(({ ctx, input }) => updateSettings(ctx, input)),
});
