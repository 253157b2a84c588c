/** The labels and tag colours of the module's states, in both languages (the pages' StatusTag). */
import { TAG_COLORS } from '@dondoc/ui';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const PLAN_STATE_LABELS: Labels<'none' | 'draft' | 'submitted' | 'returned' | 'approved'> = {
  none: { vi: 'Chưa có kế hoạch', en: 'No plan' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Chờ xem xét', en: 'Awaiting review' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
};
export const PLAN_STATE_COLORS = { none: TAG_COLORS.grey, draft: TAG_COLORS.blue, submitted: TAG_COLORS.gold, returned: TAG_COLORS.red, approved: TAG_COLORS.green };

export const FEATURE_STATUS_LABELS: Labels<'planned' | 'in_progress' | 'done'> = {
  planned: { vi: 'Chưa làm', en: 'Planned' },
  in_progress: { vi: 'Đang làm', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
};
export const FEATURE_STATUS_COLORS = { planned: TAG_COLORS.grey, in_progress: TAG_COLORS.blue, done: TAG_COLORS.green };

export const CONNECTION_STATUS_LABELS: Labels<'planned' | 'testing' | 'live' | 'broken'> = {
  planned: { vi: 'Kế hoạch', en: 'Planned' },
  testing: { vi: 'Thử nghiệm', en: 'Testing' },
  live: { vi: 'Đang chạy', en: 'Live' },
  broken: { vi: 'Gián đoạn', en: 'Broken' },
};
export const CONNECTION_STATUS_COLORS = { planned: TAG_COLORS.grey, testing: TAG_COLORS.cyan, live: TAG_COLORS.green, broken: TAG_COLORS.red };

export const CONNECTION_KIND_LABELS: Labels<'population' | 'sector' | 'ministry'> = {
  population: { vi: 'CSDL quốc gia về dân cư', en: 'National population database' },
  sector: { vi: 'CSDL chuyên ngành', en: 'Sector database' },
  ministry: { vi: 'Hệ thống của Bộ, ngành', en: 'Ministry system' },
};

export const SEVERITY_LABELS: Labels<'low' | 'medium' | 'high' | 'critical'> = {
  low: { vi: 'Thấp', en: 'Low' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  high: { vi: 'Cao', en: 'High' },
  critical: { vi: 'Nghiêm trọng', en: 'Critical' },
};
export const SEVERITY_COLORS = { low: TAG_COLORS.grey, medium: TAG_COLORS.gold, high: TAG_COLORS.orange, critical: TAG_COLORS.red };
