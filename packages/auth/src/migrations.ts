import { fileURLToPath } from 'node:url';
import type { MigrationModule } from '@dondoc/db';

/** The auth schema's migrations (drizzle-kit, `pnpm db:generate`); run them before core's and the plugins'. */
export const authMigrations: MigrationModule = {
  name: 'auth',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};
