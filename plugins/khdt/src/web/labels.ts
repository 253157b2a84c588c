/** The labels and tag colours of the module's states, in both languages (the pages' StatusTag). */
import { TAG_COLORS } from '@dondoc/ui';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const STATUS_LABELS: Labels<'preparing' | 'in_progress' | 'completed' | 'suspended'> = {
  preparing: { vi: 'Chuẩn bị', en: 'Preparing' },
  in_progress: { vi: 'Đang triển khai', en: 'In progress' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  suspended: { vi: 'Tạm dừng', en: 'Suspended' },
};
export const STATUS_COLORS = { preparing: TAG_COLORS.grey, in_progress: TAG_COLORS.blue, completed: TAG_COLORS.green, suspended: TAG_COLORS.gold };

export const BEHIND_LABELS: Labels<'disbursement' | 'beneficiaries'> = {
  disbursement: { vi: 'Chậm giải ngân', en: 'Disbursement behind' },
  beneficiaries: { vi: 'Chậm đối tượng thụ hưởng', en: 'Beneficiaries behind' },
};
