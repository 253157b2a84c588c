/**
 * The module's router, mounted at `/api/trpc/tai-chinh`. Built only from @dondoc/trpc's
 * procedures: every procedure names its permission, and row access follows `ctx.access`
 * (a district sees and edits its own units; Sở Tài chính and coordinators see all). Every
 * mutation goes through the module's one write path (`service.ts`): audited in its own
 * transaction, versioned (a stale edit gets CONFLICT naming who changed the row).
 */
import { router } from '@dondoc/trpc';
import { PLAN_YEARS } from '../domain/index.ts';
import { PERMISSIONS } from './permissions.ts';
import { managingUnitDirectory } from './register.ts';
import { consolidationRouter } from './routers/consolidation.ts';
import { read } from './routers/procedures.ts';
import { reportsRouter } from './routers/reports.ts';
import { unitsRouter } from './routers/units.ts';
import { yearsRouter } from './routers/years.ts';
import { currentYear, scopeOf, today } from './service.ts';

export const taiChinhRouter = router({
  /** What the caller may do here (the pages show only that) and the roadmap years. */
  access: read.query(async ({ ctx }) => {
    const allowed = (key: string) => ctx.permissions.decide(ctx.user, key).allowed;
    const scope = scopeOf(ctx.access);
    const writeAccess = ctx.permissions.decide(ctx.user, PERMISSIONS.unitsWrite);
    const writeScope = scopeOf(writeAccess);
    const directory = await managingUnitDirectory(ctx.services.core);
    const managing = [...directory.values()].filter((unit) => unit.kind === 'department' || unit.kind === 'district');
    return {
      scope: scope === 'all' ? ('all' as const) : ('own' as const),
      unitCodes: scope,
      ownUnit: ctx.user.unit ? { code: ctx.user.unit.code, name: ctx.user.unit.name, kind: ctx.user.unit.kind } : null,
      canWrite: writeAccess.allowed,
      /** The managing units whose registers the caller may change. */
      writableUnits: writeAccess.allowed ? managing.filter((unit) => writeScope === 'all' || writeScope.includes(unit.code)) : [],
      canApprove: allowed(PERMISSIONS.classificationApprove),
      canExport: allowed(PERMISSIONS.reportsExport),
      years: [...PLAN_YEARS],
      currentYear: currentYear(),
      today: today(),
    };
  }),
  units: unitsRouter,
  years: yearsRouter,
  consolidation: consolidationRouter,
  reports: reportsRouter,
});

export type TaiChinhRouter = typeof taiChinhRouter;
