import type { AuditEntry, PermissionRegistry, SessionUser } from '@dondoc/auth';
import { getUnit, listUnits, type UnitRef } from '@dondoc/auth';
import type { Db, Queryable } from '@dondoc/db';
import type { Locale } from '@dondoc/trpc';
import type { IsoDate } from '../domain/index.ts';
import { fail } from './errors.ts';
import { audit, defaultToday, moduleLogger, queryable, write, type Bound, type CoreLogger } from './module-api/binding.ts';
import { moduleEscalations } from './module-api/escalations.ts';
import { moduleNotices } from './module-api/notices.ts';
import { moduleReports } from './module-api/reports.ts';
import { moduleTasks } from './module-api/tasks.ts';
import { moduleScorecards } from './module-api/scorecards.ts';
import { moduleOverview } from './module-api/overview.ts';
import { findTarget, getTarget, recordMeasurement, type MeasurementInput } from './targets.ts';
import { peopleOf, type Person } from './people.ts';

/**
 * What a department module may do with the core, through the plugin SDK (`ctx.services.core`):
 * units, its targets, tasks (read, open, follow, link, move on the ones it opened), the reports
 * of a period and reminders, escalations to the UBND, a logger, the clock and the locale.
 * Bound to the module and the calling user: every change is audited under the caller's name
 * with the module named, in the change's transaction.
 *
 * **Transactions.** A call made inside the procedure's `ctx.db.transaction(async (tx) => …)`
 * runs in that transaction (the request context's `db` records it): it commits or rolls back
 * with the module's own change, and on PGlite it does not wait for it. The `{ tx }` options
 * of `units` and `targets` still work but are deprecated: nothing needs passing.
 *
 * **Access.** Reads and writes follow the caller's permissions as the core's own procedures
 * do; where a module's duty reaches further (Sở Nội vụ consolidating every unit's reports, Sở
 * Tài chính over every unit's tasks of its clause), the module names the permission of its own
 * that grants it (`permission: '<module>.<resource>:<action>'`), decided by the one policy.
 */
export interface CoreApi {
  units: {
    /** @param options.tx deprecated: the caller's transaction is joined by itself. */
    list(options?: { tx?: Queryable }): Promise<UnitRef[]>;
    get(code: string, options?: { tx?: Queryable }): Promise<UnitRef | null>;
  };
  targets: {
    get(code: string, asOf?: IsoDate, options?: { tx?: Queryable }): ReturnType<typeof getTarget>;
    /**
     * Records the module's computed value of one of its targets for a date (replacing the
     * module's earlier value for that date). A share may carry what it was computed from
     * (`numerator`, `denominator`: the value must be their ratio × 100 rounded to two
     * decimals), whether it is `provisional`, and a short `basis`; BAD_REQUEST otherwise.
     */
    recordMeasurement(code: string, input: MeasurementInput, options?: { tx?: Queryable }): Promise<{ id: number; value: number; asOf: IsoDate }>;
  };
  people: {
    /**
     * Who is behind each username (a register's `updatedBy`, a decision's author), as the core's
     * answers name them: `{ username, fullName, title, unitCode, unitName }`; a username with no
     * account keeps its login as its name, the seed's actors read "Dữ liệu mẫu (hệ thống)".
     */
    of(usernames: Iterable<string | null | undefined>, options?: { tx?: Queryable }): Promise<Record<string, Person>>;
  };
  tasks: ReturnType<typeof moduleTasks>;
  reports: ReturnType<typeof moduleReports>;
  escalations: ReturnType<typeof moduleEscalations>;
  /**
   * The index scorecards (PAR INDEX, SIPAS, PAPI, PCI, PGI): `list`, `get` (the tree rolled up),
   * `history`, `saveEstimate` (the owner unit; below target it needs a remediation action and opens
   * an escalation, the projected score is measured on the scorecard's core target), `updateNode`,
   * `addNode`, `removeNode` (the owning department). Each takes an optional `permission` of the module's own.
   */
  scorecards: ReturnType<typeof moduleScorecards>;
  /** Notices to units (a notification with a link into the module), once a unit, link and day. */
  notices: ReturnType<typeof moduleNotices>;
  /** The overview's figures (`overview.summary`) and the targets with their forecasts, as of a date. */
  overview: ReturnType<typeof moduleOverview>;
  /** The request's logger; every line names the module (and the request). */
  log: CoreLogger;
  /** Today in Hà Nội (`hanoiDateOf`), or the context's clock in tests. */
  today(): IsoDate;
  /** The caller's language. */
  locale: Locale;
}

export interface CoreApiBinding {
  db: Db;
  moduleId: string;
  actor: SessionUser | null;
  requestId: string | null;
  locale: Locale;
  /** The one policy, to decide the module's own permissions it names (without it: the core's only). */
  permissions?: PermissionRegistry;
  /** The request's logger (default: JSON lines on stdout / stderr). */
  log?: CoreLogger;
  /** The clock (default: today in Hà Nội); tests set a date. */
  today?: () => IsoDate;
}

export function createCoreApi(binding: CoreApiBinding): CoreApi {
  const b: Bound = {
    db: binding.db,
    moduleId: binding.moduleId,
    actor: binding.actor,
    requestId: binding.requestId,
    locale: binding.locale,
    permissions: binding.permissions ?? null,
    log: moduleLogger(binding.moduleId, binding.requestId, binding.log),
    today: binding.today ?? defaultToday,
  };
  const { locale, moduleId, actor } = b;
  return {
    units: {
      list: (options = {}) => listUnits(queryable(b, options.tx)),
      get: (code, options = {}) => getUnit(queryable(b, options.tx), code),
    },
    targets: {
      get: (code, asOf, options = {}) => getTarget(queryable(b, options.tx), code, asOf ?? b.today(), locale),
      recordMeasurement: (code, input, options = {}) =>
        write(b, options.tx, async (tx) => {
          const target = await findTarget(tx, code);
          if (!target) fail('NOT_FOUND', locale, { vi: `Không tìm thấy chỉ tiêu ${code}.`, en: `Target ${code} not found.` });
          const { before, after } = await recordMeasurement(tx, target, { ...input, source: moduleId, author: actor?.username ?? moduleId }, locale);
          const entry: AuditEntry = { action: 'core.target.record', entity: 'core.target', entityId: target.id, before, after };
          await audit(b, tx, entry);
          return { id: after.id, value: after.value, asOf: after.asOf };
        }),
    },
    people: {
      of: async (usernames, options = {}) => {
        const wanted = [...new Set([...usernames].filter((u): u is string => !!u))];
        const person = await peopleOf(queryable(b, options.tx), wanted, locale);
        return Object.fromEntries(wanted.map((username) => [username, person(username)!]));
      },
    },
    tasks: moduleTasks(b),
    reports: moduleReports(b),
    escalations: moduleEscalations(b),
    scorecards: moduleScorecards(b),
    notices: moduleNotices(b),
    overview: moduleOverview(b),
    log: b.log,
    today: b.today,
    locale,
  };
}

declare module '@dondoc/trpc' {
  interface Services {
    /** The core API bound to the calling module and user (plugins: `ctx.services.core`). */
    core: CoreApi;
  }
}
