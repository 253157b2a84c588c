import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { REPORT_TARGET_CODE, REPORT_TARGET_DATE } from '../domain/target.ts';
import { permissions } from './permissions.ts';
import { moduleRouter } from './router.ts';
import { seedDemo } from './seed.ts';

/**
 * Sở Nội vụ (§6 of directive 2458/UBND-SNV): the consolidated periodic CCHC report for the UBND
 * (every unit's submitted report, reminders to those who have not, the Decree 30 .docx with
 * the overview's figures and its xlsx annexes); the PAR INDEX, SIPAS and PAPI scorecards on
 * the core and the yearly PAR ranking; good models and their replication; inspections,
 * follow-ups and discipline cases. The share of units submitting the periodic report is
 * recorded on the target declared here.
 */
export default definePlugin({
  id: 'noi-vu',
  name: 'Sở Nội vụ',
  unit: 'SNV',
  version: '0.1.0',
  permissions: [...permissions],
  targets: [
    {
      code: REPORT_TARGET_CODE,
      name: '100% sở, ngành, quận, huyện gửi báo cáo định kỳ công tác cải cách hành chính',
      directive: '2458/UBND-SNV',
      clause: '6.1',
      direction: 'at_least',
      targetValue: 100,
      measureUnit: '%',
      targetDate: REPORT_TARGET_DATE,
      baselineValue: 0,
      baselineDate: '2026-09-15',
      ownerUnitCode: 'SNV',
    },
  ],
  router: moduleRouter,
  migrations: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  seed: async (ctx) => {
    if (await seedDemo(ctx)) ctx.log.info('demo data seeded');
  },
});
