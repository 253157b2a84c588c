import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { fixtureRouter } from './router.ts';

/** A module used only by tests: it proves the plugin runtime end to end. */
export default definePlugin({
  id: 'fixture',
  name: 'Mô-đun kiểm thử',
  unit: 'STC',
  version: '0.1.0',
  permissions: [
    {
      key: 'fixture.items:read',
      description: 'Xem các mục',
      grants: { officer: ['own'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
    },
    {
      key: 'fixture.items:write',
      description: 'Thêm mục',
      grants: { officer: ['own'], unit_lead: ['own'] },
    },
  ],
  router: fixtureRouter,
  migrations: fileURLToPath(new URL('../../drizzle', import.meta.url)),
});
