/**
 * Who may read what: one rule for every read path. A task is read under `core.tasks:read` (its
 * lead and coordinating units, its parent's lead, the coordinators); what a unit reports on it
 * follows the reports policy instead: its report lines, figures and evidence `core.reports:read`,
 * its escalations `core.escalations:read` — the unit itself and those granted every unit (the
 * coordinators). Seeing a task (a parent's lead follows its children up) never opens its units'
 * reports or escalations: `reports.get`, `escalations.list`, `tasks.get` and the module API's
 * `tasks.get` all filter through the functions here.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Access } from '@dondoc/auth';

/** Whether `access` covers the rows of at least one of `unitCodes`. */
export function canSee(access: Access, unitCodes: string[]): boolean {
  return access.allowed && (access.unitCodes === 'all' || unitCodes.some((code) => (access.unitCodes as string[]).includes(code)));
}

/** The rows `access` covers, by their unit column: no condition for every unit, none at all when not allowed. */
export function unitScope(access: Access, unitColumn: PgColumn): SQL | undefined {
  if (!access.allowed) return sql`false`;
  if (access.unitCodes === 'all') return undefined;
  return access.unitCodes.length > 0 ? inArray(unitColumn, access.unitCodes) : sql`false`;
}

/** What the caller may read of the units' follow-up: their reports and their escalations. */
export interface FollowUpReaders {
  reports: Access;
  escalations: Access;
}

/** The caller's follow-up readers, as the policy decides them (`decide(key)`: the registry's decision for this caller). */
export function followUpReaders(decide: (key: string) => Access): FollowUpReaders {
  return { reports: decide('core.reports:read'), escalations: decide('core.escalations:read') };
}
