import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { PROJECTION_TARGETS, PROJECTION_YEAR } from '../domain/targets.ts';
import { permissions } from './permissions.ts';
import { moduleRouter } from './router.ts';
import { seedDemo } from './seed.ts';

/**
 * Sở Kế hoạch và Đầu tư (§5 of directive 2458/UBND-SNV): the business-support schemes the UBND
 * approved (§5.1), with their budgets, beneficiaries, obstacles and the "behind plan" flag; and the
 * PCI remediation plan (§5.2, Plan 167/KH-UBND, which also covers PGI) on the core scorecards,
 * whose projected scores are recorded on the targets declared here.
 */
export default definePlugin({
  id: 'khdt',
  name: 'Sở Kế hoạch và Đầu tư',
  unit: 'SKHDT',
  version: '0.1.0',
  permissions: [...permissions],
  targets: [
    {
      code: PROJECTION_TARGETS.pci,
      name: `Chỉ số PCI năm ${PROJECTION_YEAR} của Thành phố đạt từ 70 điểm (dự báo từ bảng điểm PCI)`,
      directive: '2458/UBND-SNV',
      clause: '5.2',
      direction: 'at_least',
      targetValue: 70,
      measureUnit: 'điểm',
      targetDate: `${PROJECTION_YEAR}-12-31`,
      // Hà Nội's last published PCI (2020: 68,6, rank 10); 2022's is unverified (INDICES.md).
      baselineValue: 68.6,
      baselineDate: '2020-12-31',
      ownerUnitCode: 'SKHDT',
    },
    {
      code: PROJECTION_TARGETS.pgi,
      name: `Chỉ số Xanh cấp tỉnh (PGI) năm ${PROJECTION_YEAR} của Thành phố đạt từ 23 điểm (dự báo từ bảng điểm PGI)`,
      directive: '2458/UBND-SNV',
      clause: '5.2',
      direction: 'at_least',
      targetValue: 23,
      measureUnit: 'điểm',
      targetDate: `${PROJECTION_YEAR}-12-31`,
      baselineValue: 0,
      baselineDate: '2022-12-31',
      ownerUnitCode: 'SKHDT',
    },
  ],
  router: moduleRouter,
  migrations: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  seed: async (ctx) => {
    if (await seedDemo(ctx)) ctx.log.info('demo data seeded');
  },
});
