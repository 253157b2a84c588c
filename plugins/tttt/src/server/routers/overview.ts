/** The overview widget's figures: plans approved, features overdue, connections by status and stale, findings overdue. */
import { permissionProcedure, router } from '@dondoc/trpc';
import { PLAN_TARGET_YEAR } from '../../domain/plans.ts';
import { PERMISSIONS } from '../permissions.ts';
import { listPlans } from '../service.ts';
import { listConnections, listFeatures, security } from '../system.ts';

export const overviewRouter = router({
  get: permissionProcedure(PERMISSIONS.systemRead).query(async ({ ctx }) => {
    const [plans, features, connections, secure] = await Promise.all([listPlans(ctx, PLAN_TARGET_YEAR), listFeatures(ctx), listConnections(ctx), security(ctx)]);
    return {
      year: PLAN_TARGET_YEAR,
      plans: plans.share,
      features: features.counts,
      connections: { ...connections.counts, staleAfterDays: connections.staleAfterDays },
      findings: secure.counts,
      assessmentOverdue: secure.assessmentOverdue,
    };
  }),
});
