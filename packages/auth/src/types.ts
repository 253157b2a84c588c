/** Kinds of administrative unit in the city. */
export const unitKinds = ['ubnd', 'department', 'district'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Roles a user can hold. `admin` is the system administrator; the rest are the users' jobs. */
export const roles = ['admin', 'coordinator', 'unit_lead', 'officer'] as const;
export type Role = (typeof roles)[number];

export interface UnitRef {
  code: string;
  name: string;
  kind: UnitKind;
}

/** The signed-in user as every request sees it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  unit: UnitRef | null;
  roles: Role[];
}

/**
 * Scopes a role can be granted for a permission:
 * - `own`: rows of the user's own unit;
 * - `owner`: users of the module's owning unit, over every unit's rows;
 * - `all`: every unit's rows (coordinators).
 */
export const scopes = ['own', 'owner', 'all'] as const;
export type Scope = (typeof scopes)[number];

/** A permission a module declares: `<module>.<resource>:<action>` with default grants per role. */
export interface PermissionDeclaration {
  key: string;
  description: string;
  grants: Partial<Record<Role, Scope[]>>;
}

/** What the policy decided for one user and one permission. */
export type Access =
  | { allowed: false }
  /** `unitCodes: 'all'` — every unit; otherwise only these units' rows. */
  | { allowed: true; unitCodes: 'all' | string[] };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}
