import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../domain/index.ts';
import { tasks } from './schema.ts';

/**
 * `taskStatus` (domain/status.ts) as a SQL expression over `core.tasks`, so that lists can
 * filter and count by status in the database. Tested against the pure function. Like it, it
 * depends on the as-of date, the deadline and the completion date only.
 */
export function taskStatusSql(asOf: IsoDate): SQL<string> {
  return sql<string>`(case
    when ${tasks.continuous} then 'continuous'
    when ${tasks.completedOn} is not null and ${tasks.completedOn} <= ${asOf}::date then
      case when ${tasks.deadline} is null or ${tasks.completedOn} <= ${tasks.deadline} then 'done_on_time' else 'done_late' end
    when ${tasks.deadline} < ${asOf}::date then 'overdue'
    else 'in_progress'
  end)`;
}
