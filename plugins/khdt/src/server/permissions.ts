import type { PermissionDeclaration } from '@dondoc/plugin-sdk';

/**
 * The module's permissions (`khdt.<resource>:<action>`) and who holds them by default.
 * Scopes: `own` — the user's own unit (a lead unit keeps its schemes; an owner unit estimates its
 * criteria); `owner` — users of Sở KH&ĐT (SKHDT), over every unit; `all` — coordinators, reading.
 */
export const PERMISSIONS = {
  schemesRead: 'khdt.schemes:read',
  schemesWrite: 'khdt.schemes:write',
  schemesReview: 'khdt.schemes:review',
  scorecardsRead: 'khdt.scorecards:read',
  scorecardsEstimate: 'khdt.scorecards:estimate',
  scorecardsEdit: 'khdt.scorecards:edit',
} as const;

export const permissions = [
  {
    key: PERMISSIONS.schemesRead,
    description: 'Xem các Đề án, Kế hoạch hỗ trợ doanh nghiệp do đơn vị mình chủ trì (Sở KH&ĐT: mọi đơn vị), xuất báo cáo',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.schemesWrite,
    description: 'Cập nhật Đề án do đơn vị mình chủ trì: kinh phí, giải ngân, đối tượng thụ hưởng, khó khăn vướng mắc; nhập từ tệp (Sở KH&ĐT: mọi đơn vị)',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'] },
  },
  {
    key: PERMISSIONS.schemesReview,
    description: 'Tổng hợp, báo cáo UBND Thành phố các khó khăn vượt thẩm quyền (Lãnh đạo Sở KH&ĐT)',
    grants: { unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.scorecardsRead,
    description: 'Xem bảng điểm PCI, PGI: mục tiêu, ước tính, đơn vị chưa cập nhật, chỉ tiêu dự báo không đạt',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.scorecardsEstimate,
    description: 'Cập nhật ước tính kèm minh chứng cho chỉ số thành phần, chỉ tiêu do đơn vị mình phụ trách; nêu giải pháp khắc phục',
    grants: { officer: ['own'], unit_lead: ['own'] },
  },
  {
    key: PERMISSIONS.scorecardsEdit,
    description: 'Đặt mục tiêu năm, ngưỡng và đơn vị phụ trách từng chỉ số thành phần, chỉ tiêu PCI, PGI (Sở KH&ĐT)',
    grants: { officer: ['owner'], unit_lead: ['owner'] },
  },
] as const satisfies readonly PermissionDeclaration[];
