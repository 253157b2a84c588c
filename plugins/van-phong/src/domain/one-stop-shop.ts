/**
 * The modern one-stop-shop model (Bộ phận tiếp nhận và trả kết quả hiện đại, Plan 01/KH-UBND of
 * 03/01/2023): each department and district tracks its milestones; the Văn phòng follows the
 * city-wide progress and reports it to the city (directive 2458 §2, third duty).
 */
import type { IsoDate } from '@dondoc/plugin-sdk/web';
import { groupSorted } from './group.ts';
import { percentOf } from './simplification.ts';

export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface MilestoneFacts {
  unitCode: string;
  dueOn: IsoDate;
  status: MilestoneStatus;
  doneOn: IsoDate | null;
}

export interface Progress {
  total: number;
  done: number;
  inProgress: number;
  /** Not done and due before `asOf`. */
  overdue: number;
  /** Done after their due date. */
  doneLate: number;
  /** done ÷ total × 100, two decimals; null with no milestone. */
  percent: number | null;
}

function progressOf(milestones: readonly MilestoneFacts[], asOf: IsoDate): Progress {
  let done = 0;
  let inProgress = 0;
  let overdue = 0;
  let doneLate = 0;
  for (const milestone of milestones) {
    if (milestone.status === 'done') {
      done += 1;
      if (milestone.doneOn !== null && milestone.doneOn > milestone.dueOn) doneLate += 1;
    } else {
      if (milestone.status === 'in_progress') inProgress += 1;
      if (milestone.dueOn < asOf) overdue += 1;
    }
  }
  return { total: milestones.length, done, inProgress, overdue, doneLate, percent: percentOf(done, milestones.length) };
}

/** The city-wide progress and each unit's (by unit code, sorted), as of `asOf`. */
export function oneStopShopProgress(milestones: readonly MilestoneFacts[], asOf: IsoDate): { city: Progress; byUnit: Array<{ unitCode: string } & Progress> } {
  return {
    city: progressOf(milestones, asOf),
    byUnit: groupSorted(milestones, (milestone) => milestone.unitCode).map(([unitCode, list]) => ({ unitCode, ...progressOf(list, asOf) })),
  };
}

/** A milestone is done with its date, and only then. */
export function milestoneProblem(status: MilestoneStatus, doneOn: IsoDate | null): { vi: string; en: string } | null {
  if (status === 'done' && doneOn === null) return { vi: 'Mốc đã hoàn thành cần có ngày hoàn thành.', en: 'A done milestone needs its completion date.' };
  if (status !== 'done' && doneOn !== null) return { vi: 'Chỉ mốc đã hoàn thành mới có ngày hoàn thành.', en: 'Only a done milestone has a completion date.' };
  return null;
}
