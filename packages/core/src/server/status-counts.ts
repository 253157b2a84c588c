/**
 * Reads of the counts the trigger of migration 0010 keeps (schema.ts, `taskStatusEvents`,
 * `taskStatusSnapshot`, `taskUnitTotals`; the rule in domain/status-events.ts): status counts
 * of the counted tasks by lead unit as of any date, without counting the tasks.
 *
 * The events up to a date come from, cheapest first: the snapshot, when it is of that date
 * (today: the snapshot is moved to today by the first read of the day); the snapshot and the
 * day and month buckets between it and the date, when they are at most two months apart; or
 * the year buckets before the date's year, the month buckets of its year before its month and
 * the day buckets of its month up to the date. Everything one answer needs is read in one
 * statement, so that it is of one moment.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '@dondoc/db';
import {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  makeIsoDate,
  parseIsoDate,
  STATUS_EVENT_KINDS,
  statusCountsFromEvents,
  type EventCounts,
  type IsoDate,
  type StatusCounts,
  type StatusEventKind,
} from '../domain/index.ts';

/** Which units to read: every one, or these (a unit's user reads their own only). */
export type UnitSelection = 'all' | readonly string[];

const TOTALS = ['dated', 'continuous', 'extended'] as const;

/** At most this many days between the snapshot and an as-of date, the snapshot is the start. */
const SNAPSHOT_REACH_DAYS = 62;

const monthStart = (date: IsoDate) => {
  const { year, month } = parseIsoDate(date);
  return makeIsoDate(year, month, 1);
};
const monthEnd = (date: IsoDate) => {
  const { year, month } = parseIsoDate(date);
  return makeIsoDate(year, month, daysInMonth(year, month));
};

function unitFilter(units: UnitSelection): SQL {
  return units === 'all' ? sql`` : sql` and unit_code in (${sql.join(units.length > 0 ? units.map((u) => sql`${u}`) : [sql`null`], sql`, `)})`;
}
const kindFilter = (kind?: StatusEventKind) => (kind ? sql` and kind = ${kind}` : sql``);

function bucketRows(grain: 'y' | 'm' | 'd', from: IsoDate | null, to: IsoDate, filter: SQL, sign = 1): SQL {
  return sql`select unit_code, kind, ${sign}::int * n as n from core.task_status_events where grain = ${grain}${from ? sql` and bucket >= ${from}::date` : sql``} and bucket <= ${to}::date${filter}`;
}

/** The events with a day in [from, to]: the whole months inside by their month buckets, the rest by day. */
function eventsBetween(from: IsoDate, to: IsoDate, filter: SQL, sign = 1): SQL[] {
  if (compareDates(from, to) > 0) return [];
  const firstWhole = from === monthStart(from) ? from : addDays(monthEnd(from), 1);
  const lastWholeEnd = to === monthEnd(to) ? to : addDays(monthStart(to), -1);
  if (compareDates(firstWhole, lastWholeEnd) > 0) return [bucketRows('d', from, to, filter, sign)];
  const parts = [bucketRows('m', firstWhole, monthStart(lastWholeEnd), filter, sign)];
  if (compareDates(from, firstWhole) < 0) parts.push(bucketRows('d', from, addDays(firstWhole, -1), filter, sign));
  if (compareDates(lastWholeEnd, to) < 0) parts.push(bucketRows('d', addDays(lastWholeEnd, 1), to, filter, sign));
  return parts;
}

/** The events with a day on or before `asOf`, from the snapshot of `snapshotOn` when it is near. */
function eventsUpTo(asOf: IsoDate, snapshotOn: IsoDate | null, filter: SQL): SQL[] {
  if (snapshotOn !== null && Math.abs(daysBetween(snapshotOn, asOf)) <= SNAPSHOT_REACH_DAYS) {
    const snapshot = sql`select unit_code, kind, n from core.task_status_snapshot where as_of = ${snapshotOn}::date${filter}`;
    const order = compareDates(asOf, snapshotOn);
    if (order === 0) return [snapshot];
    return order > 0 ? [snapshot, ...eventsBetween(addDays(snapshotOn, 1), asOf, filter)] : [snapshot, ...eventsBetween(addDays(asOf, 1), snapshotOn, filter, -1)];
  }
  const { year } = parseIsoDate(asOf);
  const yearStart = makeIsoDate(year, 1, 1);
  return [
    bucketRows('y', null, addDays(yearStart, -1), filter),
    ...(monthStart(asOf) === yearStart ? [] : [bucketRows('m', yearStart, addDays(monthStart(asOf), -1), filter)]),
    bucketRows('d', monthStart(asOf), asOf, filter),
  ];
}

export interface UnitStatusCounts {
  counts: StatusCounts;
  extended: number;
  /** Tasks due within the period (đến hạn trong kỳ): not continuous, deadline in it. */
  dueInPeriod: number;
}

export interface KeptCountsOptions {
  asOf: IsoDate;
  period: { start: IsoDate; end: IsoDate };
  units: UnitSelection;
  /** Today in Hà Nội: a read as of today first moves the snapshot to today (once a day). */
  today: IsoDate;
}

/** Status counts as of a date and the tasks due within a period, by lead unit, from the kept counts. */
export async function keptStatusCounts(db: Queryable, options: KeptCountsOptions): Promise<Map<string, UnitStatusCounts>> {
  const { asOf, period, units, today } = options;
  const [snapshot] = await queryRows<{ on: string | null }>(
    db,
    asOf === today ? sql`select core.roll_task_status_snapshot(${today}::date)::text as on` : sql`select max(as_of)::text as on from core.task_status_snapshot`,
  );
  const filter = unitFilter(units);
  const union = (parts: SQL[]) => sql.join(parts, sql` union all `);
  // One row per unit (the parts pivoted in the database: fewer rows to send and parse).
  const kept = (part: string, kind: string) => sql.raw(`coalesce(sum(n) filter (where part = '${part}' and kind = '${kind}'), 0)::int as ${part}_${kind}`);
  const rows = await queryRows<Record<string, number> & { unit_code: string }>(
    db,
    sql`select unit_code, ${sql.join([...STATUS_EVENT_KINDS.map((k) => kept('e', k)), kept('q', 'due'), ...TOTALS.map((k) => kept('t', k))], sql`, `)} from (
        select 'e' as part, unit_code, kind, n from (${union(eventsUpTo(asOf, snapshot?.on ?? null, filter))}) as e
        union all
        select 'q', unit_code, kind, n from (${union(eventsBetween(period.start, period.end, sql`${filter}${kindFilter('due')}`))}) as q
        union all
        select 't', unit_code, total.kind, total.n from core.task_unit_totals,
          lateral (values ('dated', dated), ('continuous', continuous), ('extended', extended)) as total(kind, n)
        where (dated > 0 or continuous > 0)${filter}
      ) as parts group by unit_code having coalesce(sum(n) filter (where part = 't' and kind in ('dated', 'continuous')), 0) > 0`,
  );
  const result = new Map<string, UnitStatusCounts>();
  for (const row of rows) {
    const events = Object.fromEntries(STATUS_EVENT_KINDS.map((k) => [k, Number(row[`e_${k}`])])) as EventCounts;
    const totals = { dated: Number(row.t_dated), continuous: Number(row.t_continuous) };
    result.set(row.unit_code, { counts: statusCountsFromEvents(totals, events), extended: Number(row.t_extended), dueInPeriod: Number(row.q_due) });
  }
  return result;
}
