import { defineConfig } from 'drizzle-kit';

/** `pnpm db:generate` writes the module's migrations to ./drizzle (schema `tai_chinh` only). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/schema.ts',
  out: './drizzle',
  schemaFilter: ['tai_chinh'],
});
