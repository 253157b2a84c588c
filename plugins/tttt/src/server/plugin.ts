import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { PLAN_TARGET_CODE, PLAN_TARGET_YEAR } from '../domain/plans.ts';
import { permissions } from './permissions.ts';
import { moduleRouter } from './router.ts';
import { seedDemo } from './seed.ts';

/**
 * Sở Thông tin và Truyền thông (§4 of directive 2458/UBND-SNV): every department's and district's
 * digital-transformation plan, checked against Plan 64/KH-UBND and reviewed by Sở TT&TT, the share
 * of units with an approved plan recorded on the target declared here; and the city's procedures
 * information system — its features, connections and security. The core creates or updates the
 * target when the module loads.
 */
export default definePlugin({
  id: 'tttt',
  name: 'Sở Thông tin và Truyền thông',
  unit: 'STTTT',
  version: '0.1.0',
  permissions: [...permissions],
  targets: [
    {
      code: PLAN_TARGET_CODE,
      name: `100% sở, ngành, quận, huyện có kế hoạch chuyển đổi số năm ${PLAN_TARGET_YEAR} được phê duyệt`,
      directive: '2458/UBND-SNV',
      clause: '4.1',
      direction: 'at_least',
      targetValue: 100,
      measureUnit: '%',
      // Units' plans for the year are due before it starts; Sở TT&TT approves them by the end of its first quarter.
      targetDate: `${PLAN_TARGET_YEAR}-03-31`,
      baselineValue: 0,
      baselineDate: '2026-07-01',
      ownerUnitCode: 'STTTT',
    },
  ],
  router: moduleRouter,
  migrations: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  seed: async (ctx) => {
    if (await seedDemo(ctx)) ctx.log.info('demo data seeded');
  },
});
