import type { PermissionDeclaration } from '@dondoc/plugin-sdk';

/**
 * The module's permissions (`noi-vu.<resource>:<action>`) and who holds them by default.
 * Scopes: `own` — the user's own unit (a department or district proposes its models, adopts
 * others', estimates the index criteria it owns); `owner` — users of Sở Nội vụ (SNV), over every
 * unit (consolidating reports, evaluating models, inspecting); `all` — coordinators, reading.
 */
export const PERMISSIONS = {
  reportsRead: 'noi-vu.reports:read',
  reportsConsolidate: 'noi-vu.reports:consolidate',
  scorecardsRead: 'noi-vu.scorecards:read',
  scorecardsEstimate: 'noi-vu.scorecards:estimate',
  modelsRead: 'noi-vu.models:read',
  modelsPropose: 'noi-vu.models:propose',
  modelsEvaluate: 'noi-vu.models:evaluate',
  inspectionsRead: 'noi-vu.inspections:read',
  inspectionsWrite: 'noi-vu.inspections:write',
} as const;

export const permissions = [
  {
    key: PERMISSIONS.reportsRead,
    description: 'Xem báo cáo tổng hợp CCHC định kỳ, tình hình gửi báo cáo của các đơn vị',
    grants: { officer: ['owner'], unit_lead: ['owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.reportsConsolidate,
    description: 'Tổng hợp báo cáo CCHC định kỳ: đôn đốc đơn vị chưa gửi, soạn nội dung, xuất báo cáo (Sở Nội vụ)',
    grants: { officer: ['owner'], unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.scorecardsRead,
    description: 'Xem bảng điểm PAR INDEX, SIPAS, PAPI và xếp hạng CCHC các sở, quận, huyện',
    grants: { officer: ['all'], unit_lead: ['all'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.scorecardsEstimate,
    description: 'Tự đánh giá, ước tính điểm các tiêu chí đơn vị mình phụ trách, kèm minh chứng',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'] },
  },
  {
    key: PERMISSIONS.modelsRead,
    description: 'Xem mô hình, cách làm hay và việc nhân rộng',
    grants: { officer: ['all'], unit_lead: ['all'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.modelsPropose,
    description: 'Đề xuất mô hình, cách làm hay của đơn vị mình; ghi nhận việc áp dụng mô hình được nhân rộng',
    grants: { officer: ['own'], unit_lead: ['own'] },
  },
  {
    key: PERMISSIONS.modelsEvaluate,
    description: 'Đánh giá, công nhận mô hình và chọn mô hình nhân rộng (Sở Nội vụ)',
    grants: { officer: ['owner'], unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.inspectionsRead,
    description: 'Xem kết quả kiểm tra CCHC, kỷ luật, kỷ cương hành chính của đơn vị mình (Sở Nội vụ: mọi đơn vị)',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.inspectionsWrite,
    description: 'Lập kế hoạch, ghi kết quả kiểm tra, yêu cầu khắc phục, giao nhiệm vụ, ghi vụ việc kỷ luật (Sở Nội vụ)',
    grants: { officer: ['owner'], unit_lead: ['owner'] },
  },
] as const satisfies readonly PermissionDeclaration[];
