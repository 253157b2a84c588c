import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { TARGET_CODE } from '../domain/entries.ts';
import { permissions } from './permissions.ts';
import { moduleRouter } from './router.ts';

/**
 * __PLUGIN_NAME__: the results units report (kết quả thực hiện), their import from a
 * spreadsheet and export to xlsx, and the target the module records. The core creates or
 * updates the declared target when the module loads.
 */
export default definePlugin({
  id: '__PLUGIN_ID__',
  name: '__PLUGIN_NAME__',
  unit: '__PLUGIN_UNIT__',
  version: '0.1.0',
  permissions: [...permissions],
  targets: [
    {
      code: TARGET_CODE,
      name: 'Tổng số kết quả thực hiện được ghi nhận trong năm 2027',
      directive: '2458/UBND-SNV',
      // The clause of the directive the target serves: set it to the module's own.
      clause: '1.1',
      direction: 'at_least',
      targetValue: 100,
      measureUnit: 'kết quả',
      targetDate: '2027-12-31',
      baselineValue: 0,
      baselineDate: '2026-12-01',
    },
  ],
  router: moduleRouter,
  migrations: fileURLToPath(new URL('../../drizzle', import.meta.url)),
});
