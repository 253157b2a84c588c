import type { PermissionDeclaration } from '@dondoc/plugin-sdk';

/**
 * The module's permissions (`<module>.<resource>:<action>`) and who holds them by default.
 * Scopes: `own` — rows of the user's own unit (a district or department keeps its own public
 * service units); `owner` — users of Sở Tài chính (STC, the module's unit), over every unit's
 * rows; `all` — every unit's rows, for coordinators. The one policy in @dondoc/auth decides.
 */
export const PERMISSIONS = {
  unitsRead: 'tai-chinh.units:read',
  unitsWrite: 'tai-chinh.units:write',
  classificationApprove: 'tai-chinh.classification:approve',
  reportsExport: 'tai-chinh.reports:export',
} as const;

export type TaiChinhPermission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export const taiChinhPermissions = [
  {
    key: PERMISSIONS.unitsRead,
    description: 'Xem danh sách đơn vị sự nghiệp công lập, phân loại tự chủ, lộ trình và tổng hợp',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.unitsWrite,
    description: 'Thêm, sửa, nhập từ tệp đơn vị sự nghiệp và phân loại tự chủ của đơn vị mình',
    grants: { officer: ['own'], unit_lead: ['own'] },
  },
  {
    key: PERMISSIONS.classificationApprove,
    description: 'Phê duyệt, trả lại phân loại tự chủ từng năm (Lãnh đạo Sở Tài chính)',
    grants: { unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.reportsExport,
    description: 'Xuất báo cáo định kỳ về tự chủ tài chính (xlsx)',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
  },
] as const satisfies readonly PermissionDeclaration[];
