import { z } from 'zod';
import { permissionKeyPattern, roles, scopes } from '@dondoc/auth';

/** Plugin ids are kebab-case: `tai-chinh`, `van-phong`. */
export const pluginIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'id must be kebab-case, e.g. "tai-chinh"');

export const permissionDeclarationSchema = z.object({
  key: z.string().regex(permissionKeyPattern, 'permission keys look like <module>.<resource>:<action>'),
  description: z.string().min(1),
  grants: z.partialRecord(z.enum(roles), z.array(z.enum(scopes))),
});

/** What a plugin states about itself; checked when the server loads it. */
export const pluginManifestSchema = z
  .object({
    id: pluginIdSchema,
    name: z.string().min(1),
    /** Code of the unit that owns the module, e.g. `STC`. */
    unit: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'unit is a unit code such as "STC"'),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version is semver, e.g. "1.0.0"'),
    permissions: z.array(permissionDeclarationSchema),
  })
  .superRefine((manifest, ctx) => {
    for (const [index, permission] of manifest.permissions.entries()) {
      if (!permission.key.startsWith(`${manifest.id}.`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['permissions', index, 'key'],
          message: `permission keys of plugin "${manifest.id}" start with "${manifest.id}."`,
        });
      }
    }
  });

export type PluginManifest = z.infer<typeof pluginManifestSchema>;

/** Postgres schema name of a plugin's tables: its id in snake case (`tai-chinh` → `tai_chinh`). */
export function pluginSchemaName(id: string): string {
  return id.replaceAll('-', '_');
}
