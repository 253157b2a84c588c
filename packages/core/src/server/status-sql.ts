import { sql, type SQL } from 'drizzle-orm';
import { maxDate, periodForData, type IsoDate } from '../domain/index.ts';
import { tasks } from './schema.ts';

/**
 * The reporting period's last day used to tell "not yet due" from "in progress within
 * deadline": the end of the data window of the quarter `asOf` belongs to. One rule for the
 * SQL and for the pure function, so that filters and counts agree with the detail view.
 */
export function statusPeriodEnd(asOf: IsoDate): IsoDate {
  return maxDate(periodForData('quarter', asOf).windowEnd, asOf);
}

/**
 * `taskStatus` (domain/status.ts) as a SQL expression over `core.tasks`, so that lists can
 * filter and count by status in the database. Tested against the pure function.
 */
export function taskStatusSql(asOf: IsoDate): SQL<string> {
  const periodEnd = statusPeriodEnd(asOf);
  return sql<string>`(case
    when ${tasks.continuous} then 'continuous'
    when ${tasks.completedOn} is not null and ${tasks.completedOn} <= ${asOf}::date then
      case when ${tasks.deadline} is null or ${tasks.completedOn} <= ${tasks.deadline} then 'done_on_time' else 'done_late' end
    when ${tasks.deadline} is null then 'not_due'
    when ${tasks.deadline} < ${asOf}::date then 'overdue'
    when ${tasks.deadline} > ${periodEnd}::date then 'not_due'
    else 'in_progress'
  end)`;
}
