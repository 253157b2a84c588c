/**
 * The module's router, mounted at `/api/trpc/van-phong`: thin procedures over the service, one
 * router per resource, each procedure naming its permission.
 */
import { router } from '@dondoc/trpc';
import { catalogueRouter } from './routers/catalogue.ts';
import { delegationsRouter } from './routers/delegations.ts';
import { milestonesRouter } from './routers/milestones.ts';
import { plansRouter } from './routers/plans.ts';

export const moduleRouter = router({
  procedures: catalogueRouter,
  plans: plansRouter,
  delegations: delegationsRouter,
  milestones: milestonesRouter,
});

export type ModuleRouter = typeof moduleRouter;
