import { createHash } from 'node:crypto';
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '@dondoc/db';
import { addDays, hanoiDateOf, periodForData, type IsoDate } from '../domain/index.ts';
import { DIRECTIVE_2458 } from './directive-2458.ts';
import { directives, measurements, targets, tasks, taskUpdates } from './schema.ts';

/**
 * A plausible state of directive 2458 today, for the demo only (tests seed the directive
 * untouched): most units finished the clauses with a deadline, some late, a few not yet;
 * most continuous tasks were updated this period; the two manual targets have measurements.
 * Deterministic: the same unit always gets the same outcome.
 */
interface Outcome {
  /** Share of units done on time, then late; the rest are not done. */
  onTime: number;
  late: number;
  /** Completion dates are spread over these windows. */
  onTimeFrom: IsoDate;
  lateUntil: IsoDate;
}

const outcomes: Record<string, Outcome> = {
  '1.1': { onTime: 0.8, late: 0.1, onTimeFrom: '2023-10-01', lateUntil: '2024-03-31' },
  '1.4': { onTime: 0.6, late: 0.25, onTimeFrom: '2025-01-15', lateUntil: '2026-06-30' },
  '1.6': { onTime: 0.7, late: 0.2, onTimeFrom: '2023-08-20', lateUntil: '2023-12-15' },
  '5.2': { onTime: 1, late: 0, onTimeFrom: '2023-11-01', lateUntil: '2023-12-31' },
  '6.2': { onTime: 1, late: 0, onTimeFrom: '2023-11-15', lateUntil: '2023-12-31' },
  '2.2': { onTime: 0, late: 1, onTimeFrom: '2025-12-31', lateUntil: '2026-02-10' },
};

const manualMeasurements: Record<string, Array<[IsoDate, number]>> = {
  '2458-CT1': [['2023-12-31', 5], ['2024-06-30', 9], ['2024-12-31', 14], ['2025-06-30', 17], ['2025-12-31', 21]],
  '2458-CT2': [['2023-12-31', 3], ['2024-06-30', 6], ['2024-12-31', 10], ['2025-06-30', 13], ['2025-12-31', 16]],
};

/** A stable number in [0, 1) for a text. */
function unitFraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

function dateBetween(from: IsoDate, to: IsoDate, fraction: number): IsoDate {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, Math.floor(span * fraction));
}

export async function seedDemoProgress2458(db: Db, today: IsoDate = hanoiDateOf(Date.now())): Promise<{ updated: number }> {
  const [directive] = await db.select({ id: directives.id }).from(directives).where(eq(directives.number, DIRECTIVE_2458.number));
  if (!directive) return { updated: 0 };
  // Once any task carries progress, the demo is under way: leave it to its users.
  const started = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.directiveId, directive.id), gt(tasks.version, 1))).limit(1);
  if (started.length > 0) return { updated: 0 };
  const leaves = await db.select().from(tasks).where(and(eq(tasks.directiveId, directive.id), eq(tasks.isParent, false)));
  const windowStart = periodForData('quarter', today).windowStart;
  let updated = 0;
  await db.transaction(async (tx) => {
    for (const task of leaves) {
      const roll = unitFraction(task.code);
      const outcome = outcomes[task.clause];
      let completedOn: IsoDate | null = null;
      let progress: number;
      let lastProgressOn: IsoDate;
      if (outcome && task.deadline) {
        if (roll < outcome.onTime) completedOn = dateBetween(outcome.onTimeFrom, task.deadline, roll / outcome.onTime);
        else if (roll < outcome.onTime + outcome.late) completedOn = dateBetween(addDays(task.deadline, 1), outcome.lateUntil, (roll - outcome.onTime) / outcome.late);
        if (completedOn && completedOn > today) completedOn = null;
        progress = completedOn ? 100 : 40 + Math.floor(roll * 50);
        lastProgressOn = completedOn ?? dateBetween(windowStart, today, roll);
      } else {
        // Continuous: three in four units reported this period; the rest are flagged.
        progress = 50 + Math.floor(roll * 45);
        lastProgressOn = roll < 0.75 ? dateBetween(windowStart, today, roll) : addDays(windowStart, -20 - Math.floor(roll * 60));
      }
      // A completion carries its result document (number and date), as the portal asks of it.
      const result = completedOn
        ? { resultDocNumber: `${100 + Math.floor(roll * 900)}/BC-${task.leadUnitCode}`, resultDocDate: completedOn, completionEnteredOn: completedOn }
        : {};
      await tx.update(tasks).set({ progress, completedOn, lastProgressOn, version: 2, updatedBy: 'du-lieu-mau', ...result }).where(eq(tasks.id, task.id));
      await tx.insert(taskUpdates).values({ taskId: task.id, byUsername: 'du-lieu-mau', progress, completedOn, note: 'Dữ liệu mẫu', at: new Date(`${lastProgressOn}T09:00:00+07:00`) });
      updated++;
    }
    const manual = await tx.select().from(targets).where(inArray(targets.code, Object.keys(manualMeasurements)));
    for (const target of manual) {
      for (const [asOf, value] of manualMeasurements[target.code] ?? []) {
        if (asOf > today) continue;
        await tx.insert(measurements).values({ targetId: target.id, value, asOf, source: 'manual', note: 'Dữ liệu mẫu', author: 'du-lieu-mau' }).onConflictDoNothing();
      }
    }
  });
  return { updated };
}
