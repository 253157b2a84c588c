import type { AuditEntry, SessionUser } from '@dondoc/auth';
import { getUnit, listUnits, writeAudit, type UnitRef } from '@dondoc/auth';
import type { Db, Queryable } from '@dondoc/db';
import type { Locale } from '@dondoc/trpc';
import { hanoiDateOf, type IsoDate } from '../domain/index.ts';
import { fail } from './errors.ts';
import { findTarget, getTarget, recordMeasurement, type MeasurementInput } from './targets.ts';

/**
 * What a department module may do with the core, through the plugin SDK: read units, read
 * targets, record measurements of the targets it computes. Bound to the module and the
 * calling user, so every change is audited under their names.
 */
export interface CoreApi {
  units: {
    /** Pass the caller's transaction when calling inside one: on PGlite a query outside it would wait for it to end. */
    list(options?: { tx?: Queryable }): Promise<UnitRef[]>;
    get(code: string, options?: { tx?: Queryable }): Promise<UnitRef | null>;
  };
  targets: {
    get(code: string, asOf?: IsoDate, options?: { tx?: Queryable }): ReturnType<typeof getTarget>;
    /**
     * Records the module's computed value of one of its targets for a date (replacing the
     * module's earlier value for that date). Pass the caller's transaction to make it part
     * of the module's own change. A share may carry what it was computed from
     * (`numerator`, `denominator`: the value must be their ratio × 100 rounded to two
     * decimals), whether it is `provisional`, and a short `basis`; BAD_REQUEST otherwise.
     */
    recordMeasurement(code: string, input: MeasurementInput, options?: { tx?: Queryable }): Promise<{ id: number; value: number; asOf: IsoDate }>;
  };
}

export interface CoreApiBinding {
  db: Db;
  moduleId: string;
  actor: SessionUser | null;
  requestId: string | null;
  locale: Locale;
}

export function createCoreApi(binding: CoreApiBinding): CoreApi {
  const { db, moduleId, actor, requestId, locale } = binding;
  return {
    units: {
      list: (options = {}) => listUnits(options.tx ?? db),
      get: (code, options = {}) => getUnit(options.tx ?? db, code),
    },
    targets: {
      get: (code, asOf, options = {}) => getTarget(options.tx ?? db, code, asOf ?? hanoiDateOf(Date.now()), locale),
      recordMeasurement: async (code, input, options = {}) => {
        const run = async (tx: Queryable) => {
          const target = await findTarget(tx, code);
          if (!target) fail('NOT_FOUND', locale, { vi: `Không tìm thấy chỉ tiêu ${code}.`, en: `Target ${code} not found.` });
          const { before, after } = await recordMeasurement(tx, target, { ...input, source: moduleId, author: actor?.username ?? moduleId }, locale);
          const entry: AuditEntry = { action: 'core.target.record', entity: 'core.target', entityId: target.id, before, after };
          await writeAudit(tx, { actor, requestId, entry });
          return { id: after.id, value: after.value, asOf: after.asOf };
        };
        return options.tx ? run(options.tx) : db.transaction((tx) => run(tx));
      },
    },
  };
}

declare module '@dondoc/trpc' {
  interface Services {
    /** The core API bound to the calling module and user (plugins: `ctx.services.core`). */
    core: CoreApi;
  }
}
