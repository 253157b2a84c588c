import { useMemo } from 'react';
import { useSession, type SessionUser } from '@dondoc/ui';

/** The permission keys of the task core the shell looks at. */
export const perm = {
  tasksRead: 'core.tasks:read',
  tasksUpdate: 'core.tasks:update',
  targetsRead: 'core.targets:read',
  targetsRecord: 'core.targets:record',
  targetsBaseline: 'core.targets:baseline',
  reportsRead: 'core.reports:read',
  reportsWrite: 'core.reports:write',
  reportsSubmit: 'core.reports:submit',
  reportsReview: 'core.reports:review',
  escalationsRead: 'core.escalations:read',
  escalationsRespond: 'core.escalations:respond',
  remindersSend: 'core.reminders:send',
  notificationsRead: 'core.notifications:read',
  overviewRead: 'core.overview:read',
  directivesWrite: 'core.directives:write',
  extensionsRequest: 'core.extensions:request',
  extensionsDecide: 'core.extensions:decide',
} as const;

/** `GET /api/auth/me` also lists the permission keys the user holds (not yet in `SessionUser`'s type). */
export function permissionsOf(user: SessionUser): string[] {
  const permissions = (user as SessionUser & { permissions?: unknown }).permissions;
  return Array.isArray(permissions) ? permissions.filter((key): key is string => typeof key === 'string') : [];
}

export interface Access {
  /** True when the user holds this permission (the server decides the scope; the shell only hides). */
  can(key: string): boolean;
  /** True when the user holds at least one of these permissions. */
  canAny(keys: readonly string[]): boolean;
  /** Coordinators and admins read every unit's rows; they may pick a unit in lists. */
  seesAllUnits: boolean;
  isAdmin: boolean;
  /** The user's own unit, when they belong to one. */
  unitCode: string | null;
  /** True when the user acts for this unit (their own unit; admins act for all). */
  actsFor(unitCode: string): boolean;
}

export function accessOf(user: SessionUser): Access {
  const keys = new Set(permissionsOf(user));
  const isAdmin = user.roles.includes('admin');
  const unitCode = user.unit?.code ?? null;
  const can = (key: string) => keys.has(key);
  return {
    can,
    canAny: (list) => list.some(can),
    seesAllUnits: isAdmin || user.roles.includes('coordinator'),
    isAdmin,
    unitCode,
    actsFor: (code) => isAdmin || (unitCode !== null && unitCode === code),
  };
}

/** What the signed-in user may do, from `useSession().user.permissions`. */
export function useAccess(): Access {
  const { user } = useSession();
  return useMemo(() => accessOf(user), [user]);
}
