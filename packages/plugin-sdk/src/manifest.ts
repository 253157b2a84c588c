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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are ISO, e.g. "2025-12-31"');
const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'unit is a unit code such as "STC"');

/**
 * A numeric target the module computes, created or updated by the core when the module loads
 * (`declareModuleTargets`): its row, measurements and an owner's baseline survive a changed
 * declaration. `directive` is the directive's number and `clause` its clause: the target is
 * linked to that clause's top-level task when the directive is there.
 */
export const targetDeclarationSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'target codes look like "2458-CT3"'),
  name: z.string().min(1),
  directive: z.string().min(1),
  clause: z.string().min(1),
  direction: z.enum(['at_least', 'at_most']),
  targetValue: z.number(),
  measureUnit: z.string().min(1),
  targetDate: isoDate,
  baselineValue: z.number(),
  baselineDate: isoDate,
  /** Owner unit's code; default: the module's `unit`. */
  ownerUnitCode: unitCode.optional(),
});

/** What a plugin states about itself; checked when the server loads it. */
export const pluginManifestSchema = z
  .object({
    id: pluginIdSchema,
    name: z.string().min(1),
    /** Code of the unit that owns the module, e.g. `STC`. */
    unit: unitCode,
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'version is semver, e.g. "1.0.0"'),
    permissions: z.array(permissionDeclarationSchema),
    /** Targets the module computes and records (see `targetDeclarationSchema`). */
    targets: z.array(targetDeclarationSchema).optional(),
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
    const codes = new Set<string>();
    for (const [index, target] of (manifest.targets ?? []).entries()) {
      if (codes.has(target.code)) ctx.addIssue({ code: 'custom', path: ['targets', index, 'code'], message: `target ${target.code} is declared twice` });
      codes.add(target.code);
      if (target.baselineDate > target.targetDate) ctx.addIssue({ code: 'custom', path: ['targets', index, 'baselineDate'], message: 'the baseline date is after the target date' });
    }
  });

export type PluginManifest = z.infer<typeof pluginManifestSchema>;
export type TargetDeclaration = z.infer<typeof targetDeclarationSchema>;

/** Postgres schema name of a plugin's tables: its id in snake case (`tai-chinh` → `tai_chinh`). */
export function pluginSchemaName(id: string): string {
  return id.replaceAll('-', '_');
}
