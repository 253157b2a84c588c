/**
 * Inspections (kiểm tra) of reform work and of public-service discipline (kỷ luật, kỷ cương
 * hành chính), pure rules: a follow-up required of the inspected unit is done, due or overdue on
 * a day; an inspection is closed only when every follow-up is done; the discipline cases §1 of
 * directive 2458 asks to publish.
 */
import type { IsoDate } from '@dondoc/plugin-sdk';

export const INSPECTION_KINDS = ['cchc', 'discipline'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, { vi: string; en: string }> = {
  cchc: { vi: 'Kiểm tra công tác CCHC', en: 'Reform inspection' },
  discipline: { vi: 'Kiểm tra kỷ luật, kỷ cương hành chính', en: 'Discipline inspection' },
};

export type FollowUpStatus = 'done' | 'open' | 'overdue';
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, { vi: string; en: string }> = {
  done: { vi: 'Đã khắc phục', en: 'Done' },
  open: { vi: 'Đang khắc phục', en: 'Open' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};

export function followUpStatus(followUp: { dueOn: IsoDate; doneOn: IsoDate | null }, today: IsoDate): FollowUpStatus {
  if (followUp.doneOn) return 'done';
  return followUp.dueOn < today ? 'overdue' : 'open';
}

/** Whether an inspection may be closed: every follow-up done. Answers the follow-ups still open. */
export function openFollowUps<T extends { doneOn: IsoDate | null }>(followUps: readonly T[]): T[] {
  return followUps.filter((f) => !f.doneOn);
}

/** Counts of an inspection's (or a year's) follow-ups by status on `today`. */
export function followUpCounts(followUps: ReadonlyArray<{ dueOn: IsoDate; doneOn: IsoDate | null }>, today: IsoDate): Record<FollowUpStatus, number> & { total: number } {
  const counts = { done: 0, open: 0, overdue: 0, total: followUps.length };
  for (const f of followUps) counts[followUpStatus(f, today)]++;
  return counts;
}

/** The disciplinary measures of Decree 112/2020/NĐ-CP (civil servants). */
export const DISCIPLINE_MEASURES = ['khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec'] as const;
export type DisciplineMeasure = (typeof DISCIPLINE_MEASURES)[number];
export const DISCIPLINE_MEASURE_LABELS: Record<DisciplineMeasure, { vi: string; en: string }> = {
  khien_trach: { vi: 'Khiển trách', en: 'Reprimand' },
  canh_cao: { vi: 'Cảnh cáo', en: 'Warning' },
  ha_bac_luong: { vi: 'Hạ bậc lương', en: 'Salary downgrade' },
  giang_chuc: { vi: 'Giáng chức', en: 'Demotion' },
  cach_chuc: { vi: 'Cách chức', en: 'Dismissal from post' },
  buoc_thoi_viec: { vi: 'Buộc thôi việc', en: 'Forced resignation' },
};
