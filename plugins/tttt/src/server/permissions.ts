import type { PermissionDeclaration } from '@dondoc/plugin-sdk';

/**
 * The module's permissions (`tttt.<resource>:<action>`) and who holds them by default.
 * Scopes: `own` — the user's own unit (a department or district keeps its own plan); `owner` —
 * users of Sở TT&TT (STTTT, the module's unit), over every unit; `all` — coordinators, reading.
 * The city's procedures information system (features, connections, security) is Sở TT&TT's:
 * its rows carry no unit, so only `owner` and `all` reach them.
 */
export const PERMISSIONS = {
  plansRead: 'tttt.plans:read',
  plansWrite: 'tttt.plans:write',
  plansSubmit: 'tttt.plans:submit',
  plansReview: 'tttt.plans:review',
  contentsWrite: 'tttt.contents:write',
  systemRead: 'tttt.system:read',
  systemWrite: 'tttt.system:write',
} as const;

export const permissions = [
  {
    key: PERMISSIONS.plansRead,
    description: 'Xem kế hoạch chuyển đổi số của đơn vị mình (Sở TT&TT: mọi đơn vị) và danh mục nội dung Kế hoạch 64',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.plansWrite,
    description: 'Soạn, sửa kế hoạch chuyển đổi số của đơn vị mình, đính kèm văn bản',
    grants: { officer: ['own'], unit_lead: ['own'] },
  },
  {
    // As the core's reports: officers prepare, the unit's lead sends (DOMAIN.md names no unit that lets officers submit).
    key: PERMISSIONS.plansSubmit,
    description: 'Gửi kế hoạch chuyển đổi số của đơn vị mình tới Sở TT&TT (Lãnh đạo đơn vị)',
    grants: { unit_lead: ['own'] },
  },
  {
    key: PERMISSIONS.plansReview,
    description: 'Trả lại, phê duyệt kế hoạch của các đơn vị; nhắc đơn vị chưa có kế hoạch; theo dõi nhiệm vụ trọng tâm (Lãnh đạo Sở TT&TT)',
    grants: { unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.contentsWrite,
    description: 'Sửa danh mục nội dung Kế hoạch 64 yêu cầu và các ngưỡng theo dõi',
    grants: { officer: ['owner'], unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.systemRead,
    description: 'Xem tính năng, kết nối, sự cố và an toàn thông tin của Hệ thống thông tin giải quyết TTHC',
    grants: { officer: ['owner'], unit_lead: ['owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.systemWrite,
    description: 'Cập nhật, nhập từ tệp tính năng, kết nối, sự cố và phát hiện an toàn thông tin',
    grants: { officer: ['owner'], unit_lead: ['owner'] },
  },
] as const satisfies readonly PermissionDeclaration[];
