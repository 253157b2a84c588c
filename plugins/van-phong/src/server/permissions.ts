import type { PermissionDeclaration } from '@dondoc/plugin-sdk';

/**
 * The module's permissions (`van-phong.<resource>:<action>`) and who holds them by default.
 * Scopes: `own` — rows of the user's own unit (a department or district keeps its procedures,
 * plans, delegated dossiers and milestones); `owner` — users of the Văn phòng (VP, the module's
 * unit), over every unit's rows; `all` — every unit's rows, for coordinators (read only).
 */
export const PERMISSIONS = {
  read: 'van-phong.records:read',
  proceduresWrite: 'van-phong.procedures:write',
  proceduresPublish: 'van-phong.procedures:publish',
  plansWrite: 'van-phong.plans:write',
  plansReview: 'van-phong.plans:review',
  delegationsWrite: 'van-phong.delegations:write',
  delegationsReport: 'van-phong.delegations:report',
  milestonesWrite: 'van-phong.milestones:write',
} as const;

export const permissions = [
  {
    key: PERMISSIONS.read,
    description: 'Xem danh mục TTHC, phương án đơn giản hóa, ủy quyền và mô hình một cửa của đơn vị mình (Văn phòng, điều phối: mọi đơn vị); xuất báo cáo',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'], coordinator: ['all'] },
  },
  {
    key: PERMISSIONS.proceduresWrite,
    description: 'Thêm, sửa, nhập từ tệp danh mục TTHC của đơn vị mình',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'] },
  },
  {
    key: PERMISSIONS.proceduresPublish,
    description: 'Ghi nhận đăng tải TTHC lên Cơ sở dữ liệu quốc gia (Văn phòng UBND Thành phố)',
    grants: { officer: ['owner'], unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.plansWrite,
    description: 'Đề xuất, sửa phương án cắt giảm, đơn giản hóa TTHC của đơn vị mình',
    grants: { officer: ['own'], unit_lead: ['own'] },
  },
  {
    key: PERMISSIONS.plansReview,
    description: 'Phê duyệt, trả lại, ghi nhận thực thi phương án cắt giảm, đơn giản hóa (Lãnh đạo Văn phòng UBND Thành phố)',
    grants: { unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.delegationsWrite,
    description: 'Quản lý sổ theo dõi ủy quyền, kiểm tra, đánh giá và ngưỡng trễ hạn (Văn phòng UBND Thành phố)',
    grants: { officer: ['owner'], unit_lead: ['owner'] },
  },
  {
    key: PERMISSIONS.delegationsReport,
    description: 'Báo cáo số hồ sơ giải quyết đúng hạn, trễ hạn theo ủy quyền của đơn vị được ủy quyền',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'] },
  },
  {
    key: PERMISSIONS.milestonesWrite,
    description: 'Cập nhật các mốc mô hình Bộ phận một cửa hiện đại của đơn vị mình',
    grants: { officer: ['own', 'owner'], unit_lead: ['own', 'owner'] },
  },
] as const satisfies readonly PermissionDeclaration[];
