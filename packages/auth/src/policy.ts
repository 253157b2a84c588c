import type { Access, PermissionDeclaration, SessionUser } from './types.ts';

/** Permission keys look like `<module>.<resource>:<action>`, e.g. `tai-chinh.units:approve`. */
export const permissionKeyPattern = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

interface RegisteredPermission extends PermissionDeclaration {
  module: string;
  /** Code of the unit that owns the module (the `owner` scope); null for platform modules. */
  ownerUnitCode: string | null;
}

export class PermissionError extends Error {
  override name = 'PermissionError';
}

/**
 * Every permission the running modules declared, and the one policy that decides.
 * Modules register at start; procedures ask {@link PermissionRegistry.decide}.
 */
export class PermissionRegistry {
  private readonly byKey = new Map<string, RegisteredPermission>();

  register(module: string, ownerUnitCode: string | null, declarations: PermissionDeclaration[]): void {
    for (const declaration of declarations) {
      if (!permissionKeyPattern.test(declaration.key)) {
        throw new PermissionError(`Permission "${declaration.key}" is not of the form <module>.<resource>:<action>`);
      }
      if (!declaration.key.startsWith(`${module}.`)) {
        throw new PermissionError(`Module "${module}" cannot declare "${declaration.key}": keys start with "${module}."`);
      }
      if (this.byKey.has(declaration.key)) {
        throw new PermissionError(`Permission "${declaration.key}" is declared twice`);
      }
      this.byKey.set(declaration.key, { ...declaration, module, ownerUnitCode });
    }
  }

  /** Drops a module's permissions (a module that failed to start). */
  unregister(module: string): void {
    for (const [key, value] of this.byKey) if (value.module === module) this.byKey.delete(key);
  }

  list(): RegisteredPermission[] {
    return [...this.byKey.values()];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The single policy: what `user` may do under `key`. Unknown keys are denied. */
  decide(user: SessionUser | null, key: string): Access {
    return decide(user, this.byKey.get(key));
  }
}

/** Pure decision for one user and one registered permission. */
export function decide(
  user: SessionUser | null,
  permission: (PermissionDeclaration & { ownerUnitCode: string | null }) | undefined,
): Access {
  if (!user || !permission) return { allowed: false };
  if (user.roles.includes('admin')) return { allowed: true, unitCodes: 'all' };
  let own = false;
  for (const role of user.roles) {
    for (const scope of permission.grants[role] ?? []) {
      if (scope === 'all') return { allowed: true, unitCodes: 'all' };
      if (scope === 'owner' && user.unit && user.unit.code === permission.ownerUnitCode) {
        return { allowed: true, unitCodes: 'all' };
      }
      if (scope === 'own' && user.unit) own = true;
    }
  }
  return own && user.unit ? { allowed: true, unitCodes: [user.unit.code] } : { allowed: false };
}

/** Whether an access covers the rows of `unitCode`. */
export function coversUnit(access: Access, unitCode: string): boolean {
  return access.allowed && (access.unitCodes === 'all' || access.unitCodes.includes(unitCode));
}
