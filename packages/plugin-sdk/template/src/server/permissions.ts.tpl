import type { PermissionDeclaration } from '@dondoc/plugin-sdk';

/**
 * The module's permissions (`<module>.<resource>:<action>`) and who holds them by default.
 * Scopes: `own` — rows of the user's own unit; `owner` — users of the module's unit
 * (__PLUGIN_UNIT__), over every unit's rows; `all` — every unit's rows, for coordinators.
 */
export const PERMISSIONS = {
  entriesRead: '__PLUGIN_ID__.entries:read',
  entriesWrite: '__PLUGIN_ID__.entries:write',
} as const;

export const permissions = [
  {
    key: PERMISSIONS.entriesRead,
    description: 'Xem kết quả thực hiện của đơn vị mình (đơn vị chủ trì: mọi đơn vị) và xuất báo cáo',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.entriesWrite,
    description: 'Ghi, sửa, nhập từ tệp kết quả thực hiện của đơn vị mình',
    grants: { officer: ['own'], unit_lead: ['own'] },
  },
] as const satisfies readonly PermissionDeclaration[];
