/**
 * The module's words for its ids, Vietnamese first, shared by the pages and the xlsx exports
 * (which the server writes in Vietnamese: they are official reports).
 */
import type { AutonomyGroup, ClassificationStatus } from './groups.ts';
import type { RoadmapStatus } from './consolidation.ts';
import type { Label } from '@dondoc/plugin-sdk/web';

export type { Label };

export const GROUP_LABELS: Readonly<Record<AutonomyGroup, Label>> = {
  1: { vi: 'Nhóm 1 — Tự bảo đảm chi thường xuyên và chi đầu tư', en: 'Group 1 — covers recurrent and investment spending' },
  2: { vi: 'Nhóm 2 — Tự bảo đảm chi thường xuyên', en: 'Group 2 — covers recurrent spending' },
  3: { vi: 'Nhóm 3 — Tự bảo đảm một phần chi thường xuyên', en: 'Group 3 — covers part of recurrent spending' },
  4: { vi: 'Nhóm 4 — Do Nhà nước bảo đảm chi thường xuyên', en: 'Group 4 — recurrent spending funded by the State' },
};

export const GROUP_SHORT_LABELS: Readonly<Record<AutonomyGroup, Label>> = {
  1: { vi: 'Nhóm 1', en: 'Group 1' },
  2: { vi: 'Nhóm 2', en: 'Group 2' },
  3: { vi: 'Nhóm 3', en: 'Group 3' },
  4: { vi: 'Nhóm 4', en: 'Group 4' },
};

export const CLASSIFICATION_STATUS_LABELS: Readonly<Record<ClassificationStatus, Label>> = {
  ok: { vi: 'Khớp số liệu', en: 'Matches the figures' },
  mismatch: { vi: 'Không khớp số liệu', en: 'Does not match the figures' },
  undetermined: { vi: 'Không tính được mức tự bảo đảm', en: 'Level cannot be computed' },
  unclassified: { vi: 'Chưa phân loại', en: 'Not classified' },
};

export const ROADMAP_STATUS_LABELS: Readonly<Record<RoadmapStatus, Label>> = {
  ahead: { vi: 'Vượt lộ trình', en: 'Ahead of roadmap' },
  on_plan: { vi: 'Đúng lộ trình', en: 'On roadmap' },
  behind: { vi: 'Chậm lộ trình', en: 'Behind roadmap' },
  no_plan: { vi: 'Chưa có lộ trình', en: 'No roadmap' },
  no_data: { vi: 'Chưa có số liệu', en: 'No figures yet' },
};

export type ApprovalStatus = 'pending' | 'approved' | 'returned';

export const APPROVAL_STATUS_LABELS: Readonly<Record<ApprovalStatus, Label>> = {
  pending: { vi: 'Chờ phê duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  returned: { vi: 'Trả lại để chỉnh sửa', en: 'Returned for changes' },
};

/** Sectors of public service units (Decree 60/2021), offered as suggestions; any text is accepted. */
export const SECTOR_SUGGESTIONS: readonly Label[] = [
  { vi: 'Giáo dục và đào tạo', en: 'Education and training' },
  { vi: 'Giáo dục nghề nghiệp', en: 'Vocational education' },
  { vi: 'Y tế - Dân số', en: 'Health and population' },
  { vi: 'Văn hóa, thể thao và du lịch', en: 'Culture, sport and tourism' },
  { vi: 'Thông tin và truyền thông', en: 'Information and communications' },
  { vi: 'Khoa học và công nghệ', en: 'Science and technology' },
  { vi: 'Hoạt động kinh tế và lĩnh vực khác', en: 'Economic and other services' },
];

/** A text in the language asked. */
export function labelIn(label: Label, locale: 'vi' | 'en'): string {
  return locale === 'en' ? label.en : label.vi;
}
