import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { taiChinhPermissions } from './permissions.ts';
import { taiChinhRouter } from './router.ts';
import { seedDemoRegister } from './seed.ts';

/**
 * Sở Tài chính — Tự chủ tài chính: the register of public service units, their autonomy
 * group per year (Decree 60/2021) and roadmap (Plan 189/KH-UBND), consolidated and approved
 * by Sở Tài chính, recording the share of autonomous units on the core target 2458-CT3.
 */
export default definePlugin({
  id: 'tai-chinh',
  name: 'Sở Tài chính — Tự chủ tài chính',
  unit: 'STC',
  version: '0.1.0',
  permissions: [...taiChinhPermissions],
  router: taiChinhRouter,
  migrations: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  seed: async (ctx) => {
    const created = await seedDemoRegister(ctx);
    if (created > 0) ctx.log.info('demo register seeded', { units: created });
  },
});
