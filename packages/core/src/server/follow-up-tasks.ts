/** The tasks given from escalations' answers (`answer-tasks.ts`), as the escalation lists and the task page show them. */
import { inArray } from 'drizzle-orm';
import type { Queryable } from '@dondoc/db';
import { tasks } from './schema.ts';
import { unitDirectory, unitRef } from './units.ts';

/** By id. */
export async function followUpTasks(db: Queryable, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, FollowUpTask>();
  const rows = await db.select({ id: tasks.id, code: tasks.code, title: tasks.title, leadUnitCode: tasks.leadUnitCode }).from(tasks).where(inArray(tasks.id, wanted));
  const directory = await unitDirectory(db);
  return new Map(rows.map((row) => [row.id, { id: row.id, code: row.code, title: row.title, leadUnit: unitRef(directory, row.leadUnitCode) }]));
}

export interface FollowUpTask {
  id: string;
  code: string;
  title: string;
  leadUnit: { code: string; name: string };
}
