import { fileURLToPath } from 'node:url';
import type { MigrationModule } from '@dondoc/db';

/** The kit's own schema (`kit`: the import journal); run after auth's, before core's and the plugins'. */
export const kitMigrations: MigrationModule = {
  name: 'kit',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};
