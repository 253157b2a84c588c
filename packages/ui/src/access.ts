import { useMemo } from 'react';
import { useSession, type SessionUser } from './session.tsx';

/** What the signed-in user may do, from `GET /api/auth/me` (the server decides; pages only hide). */
export interface Access {
  /** True when the user holds this permission key (`core.tasks:update`, `tai-chinh.units:write`…). */
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

/** The permission keys of a session user (only strings; none when the answer had none). */
export function permissionsOf(user: Pick<SessionUser, 'permissions'>): string[] {
  return Array.isArray(user.permissions) ? user.permissions.filter((key): key is string => typeof key === 'string') : [];
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

/** What the signed-in user may do (`accessOf` of `useSession().user`). */
export function useAccess(): Access {
  const { user } = useSession();
  return useMemo(() => accessOf(user), [user]);
}
