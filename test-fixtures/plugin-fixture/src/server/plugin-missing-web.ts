import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { permissionProcedure, router } from '@dondoc/trpc';

/**
 * A test-only module whose server starts but whose web build is missing: its remote entry
 * answers 404, and the shell must show an error panel in its place.
 */
export default definePlugin({
  id: 'missing-web',
  name: 'Mô-đun thiếu giao diện',
  unit: 'STC',
  version: '0.1.0',
  permissions: [{ key: 'missing-web.page:read', description: 'Xem', grants: { unit_lead: ['own'], officer: ['own'] } }],
  router: router({ ping: permissionProcedure('missing-web.page:read').query(() => 'pong') }),
  migrations: fileURLToPath(new URL('../../drizzle-empty', import.meta.url)),
});
