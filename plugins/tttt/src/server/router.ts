/**
 * The module's router, mounted at `/api/trpc/tttt`: thin procedures over the service, one router
 * per resource, each procedure naming its permission.
 */
import { router } from '@dondoc/trpc';
import { contentsRouter, plansRouter } from './routers/plans.ts';
import { connectionsRouter, featuresRouter, incidentsRouter, securityRouter, settingsRouter } from './routers/system.ts';
import { overviewRouter } from './routers/overview.ts';

export const moduleRouter = router({
  plans: plansRouter,
  contents: contentsRouter,
  features: featuresRouter,
  connections: connectionsRouter,
  incidents: incidentsRouter,
  security: securityRouter,
  settings: settingsRouter,
  overview: overviewRouter,
});

export type ModuleRouter = typeof moduleRouter;
