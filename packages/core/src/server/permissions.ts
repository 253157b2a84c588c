import type { PermissionDeclaration } from '@dondoc/auth';

/**
 * What the task core lets each role do: officers update their own unit's tasks and may ask
 * for an extension; unit leads also submit reports and set their targets' baselines;
 * coordinators read everything, review, remind, answer escalations, give tasks (directives)
 * and decide extensions. Index scorecards: everyone reads them; the units owning a node estimate
 * it; the lead of the department owning the scorecard edits its structure and targets.
 */
export const corePermissions = [
  { key: 'core.tasks:read', description: 'Xem nhiệm vụ', grants: { officer: ['own'], unit_lead: ['own'], coordinator: ['all'] } },
  { key: 'core.tasks:update', description: 'Cập nhật tiến độ nhiệm vụ', grants: { officer: ['own'], unit_lead: ['own'] } },
  { key: 'core.tasks:confirm', description: 'Xác nhận hoàn thành nhiệm vụ do chuyên viên trình', grants: { unit_lead: ['own'] } },
  { key: 'core.targets:read', description: 'Xem chỉ tiêu', grants: { officer: ['all'], unit_lead: ['all'], coordinator: ['all'] } },
  { key: 'core.targets:record', description: 'Ghi nhận số liệu chỉ tiêu', grants: { officer: ['own'], unit_lead: ['own'] } },
  { key: 'core.reports:read', description: 'Xem báo cáo định kỳ', grants: { officer: ['own'], unit_lead: ['own'], coordinator: ['all'] } },
  { key: 'core.reports:write', description: 'Soạn báo cáo định kỳ', grants: { officer: ['own'], unit_lead: ['own'] } },
  { key: 'core.reports:submit', description: 'Gửi báo cáo định kỳ', grants: { unit_lead: ['own'] } },
  { key: 'core.reports:review', description: 'Tiếp nhận, trả lại báo cáo', grants: { coordinator: ['all'] } },
  { key: 'core.escalations:read', description: 'Xem kiến nghị vượt thẩm quyền', grants: { officer: ['own'], unit_lead: ['own'], coordinator: ['all'] } },
  { key: 'core.escalations:respond', description: 'Trả lời kiến nghị vượt thẩm quyền', grants: { coordinator: ['all'] } },
  { key: 'core.reminders:send', description: 'Đôn đốc đơn vị', grants: { unit_lead: ['own'], coordinator: ['all'] } },
  { key: 'core.notifications:read', description: 'Xem thông báo', grants: { officer: ['own'], unit_lead: ['own'], coordinator: ['own'] } },
  { key: 'core.overview:read', description: 'Xem tổng quan', grants: { officer: ['own'], unit_lead: ['own'], coordinator: ['all'] } },
  { key: 'core.directives:write', description: 'Giao nhiệm vụ: soạn, ban hành văn bản chỉ đạo; sửa, hủy nhiệm vụ đã giao', grants: { coordinator: ['all'] } },
  { key: 'core.extensions:request', description: 'Đề nghị gia hạn nhiệm vụ', grants: { officer: ['own'], unit_lead: ['own'] } },
  { key: 'core.extensions:decide', description: 'Duyệt đề nghị gia hạn', grants: { coordinator: ['all'] } },
  { key: 'core.targets:baseline', description: 'Đặt giá trị và ngày cơ sở của chỉ tiêu', grants: { unit_lead: ['own'] } },
  { key: 'core.scorecards:read', description: 'Xem bảng điểm các Chỉ số (PAR INDEX, SIPAS, PAPI, PCI, PGI)', grants: { officer: ['all'], unit_lead: ['all'], coordinator: ['all'] } },
  { key: 'core.scorecards:estimate', description: 'Ước tính điểm tiêu chí do đơn vị phụ trách, kèm minh chứng và giải pháp khắc phục', grants: { officer: ['own'], unit_lead: ['own'] } },
  { key: 'core.scorecards:edit', description: 'Sửa cấu trúc, điểm tối đa, mục tiêu của bảng điểm Chỉ số do đơn vị chủ trì', grants: { unit_lead: ['own'] } },
] as const satisfies readonly PermissionDeclaration[];

export type CorePermission = (typeof corePermissions)[number]['key'];
