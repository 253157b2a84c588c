/** The labels of the module's enumerations, in both languages: the pages show them, the exports write the Vietnamese. */
import type { Label } from '@dondoc/plugin-sdk/web';
import type { EvaluationKind, Recommendation, DelegationFlag } from './delegation.ts';
import type { MilestoneStatus } from './one-stop-shop.ts';
import type { OnlineService, ProcedureKind, ProcedureLevel } from './procedures.ts';
import type { PlanAction, PlanStatus } from './simplification.ts';

export const LEVEL_LABELS: Record<ProcedureLevel, Label> = { city: { vi: 'Thành phố', en: 'City' }, district: { vi: 'Huyện', en: 'District' }, commune: { vi: 'Xã', en: 'Commune' } };
export const KIND_LABELS: Record<ProcedureKind, Label> = { external: { vi: 'Người dân, doanh nghiệp', en: 'Citizens and businesses' }, internal: { vi: 'Nội bộ', en: 'Internal' } };
export const ONLINE_LABELS: Record<OnlineService, Label> = { full: { vi: 'Toàn trình', en: 'Fully online' }, partial: { vi: 'Một phần', en: 'Partly online' }, none: { vi: 'Không', en: 'None' } };
export const ACTION_LABELS: Record<PlanAction, Label> = { cut: { vi: 'Bãi bỏ', en: 'Cut' }, simplify: { vi: 'Đơn giản hóa', en: 'Simplify' } };
export const PLAN_STATUS_LABELS: Record<PlanStatus, Label> = {
  proposed: { vi: 'Đề xuất', en: 'Proposed' },
  returned: { vi: 'Trả lại', en: 'Returned' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  implemented: { vi: 'Đã thực thi', en: 'Implemented' },
};
export const RECOMMENDATION_LABELS: Record<Recommendation, Label> = { keep: { vi: 'Giữ nguyên', en: 'Keep' }, adjust: { vi: 'Điều chỉnh', en: 'Adjust' }, revoke: { vi: 'Thu hồi', en: 'Revoke' } };
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, Label> = { inspection: { vi: 'Kiểm tra', en: 'Inspection' }, evaluation: { vi: 'Đánh giá', en: 'Evaluation' } };
export const FLAG_LABELS: Record<DelegationFlag, Label> = {
  ending_soon: { vi: 'Sắp hết hạn', en: 'Ending soon' },
  ended: { vi: 'Đã hết hạn', en: 'Ended' },
  late_rate: { vi: 'Tỷ lệ trễ hạn cao', en: 'High late rate' },
};
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, Label> = {
  not_started: { vi: 'Chưa triển khai', en: 'Not started' },
  in_progress: { vi: 'Đang triển khai', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
};
