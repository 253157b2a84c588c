import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { AUTONOMY_TARGET_CODE } from '../domain/target.ts';
import { taiChinhPermissions } from './permissions.ts';
import { taiChinhRouter } from './router.ts';
import { seedDemoRegister } from './seed.ts';

/**
 * Sở Tài chính — Tự chủ tài chính: the register of public service units, their autonomy
 * group per year (Decree 60/2021) and roadmap (Plan 189/KH-UBND), consolidated and approved
 * by Sở Tài chính, recording the share of autonomous units on target 2458-CT3, which it
 * declares here (clause 3.1 of directive 2458/UBND-SNV; the core creates or updates it on load).
 */
export default definePlugin({
  id: 'tai-chinh',
  name: 'Sở Tài chính — Tự chủ tài chính',
  unit: 'STC',
  version: '0.1.0',
  permissions: [...taiChinhPermissions],
  targets: [
    {
      code: AUTONOMY_TARGET_CODE,
      name: 'Tối thiểu 20% đơn vị sự nghiệp công lập tự chủ tài chính đến năm 2025',
      directive: '2458/UBND-SNV',
      clause: '3.1',
      direction: 'at_least',
      targetValue: 20,
      measureUnit: '%',
      targetDate: '2025-12-31',
      // As of Plan 189/KH-UBND (06/7/2022); Sở Tài chính may set another (kept on every load).
      baselineValue: 9.6,
      baselineDate: '2022-07-06',
      ownerUnitCode: 'STC',
    },
  ],
  router: taiChinhRouter,
  migrations: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  seed: async (ctx) => {
    const created = await seedDemoRegister(ctx);
    if (created > 0) ctx.log.info('demo register seeded', { units: created });
  },
});
