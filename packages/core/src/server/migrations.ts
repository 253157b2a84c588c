import { fileURLToPath } from 'node:url';
import type { MigrationModule } from '@dondoc/db';

export const coreMigrations: MigrationModule = {
  name: 'core',
  migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)),
};
