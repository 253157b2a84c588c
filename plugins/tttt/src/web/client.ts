/**
 * The module's tRPC client and react-query options (typed by `import type` of its own router:
 * no server code reaches the browser). Every query key starts with the module id.
 */
import { createModuleClient, createModuleQueries } from '@dondoc/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { ModuleRouter } from '../server/router.ts';

export const MODULE_ID = 'tttt';
export const client = createModuleClient<ModuleRouter>(MODULE_ID);
export const queries = createModuleQueries<ModuleRouter>(MODULE_ID);

type Outputs = inferRouterOutputs<ModuleRouter>;
export type PlanList = Outputs['plans']['list'];
export type PlanListRow = PlanList['units'][number];
export type PlanDetail = Outputs['plans']['get'];
export type StoredPlan = NonNullable<PlanDetail['plan']>;
export type FeatureList = Outputs['features']['list'];
export type ConnectionList = Outputs['connections']['list'];
export type Security = Outputs['security']['get'];
export type RequiredContent = Outputs['contents']['list'][number];
export type ImportResult = Outputs['connections']['import'];
