/**
 * The module's tRPC client and react-query options (typed by `import type` of its own router:
 * no server code reaches the browser). Every query key starts with the module id.
 */
import { createModuleClient, createModuleQueries } from '@dondoc/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { ModuleRouter } from '../server/router.ts';

export const MODULE_ID = 'noi-vu';
export const client = createModuleClient<ModuleRouter>(MODULE_ID);
export const queries = createModuleQueries<ModuleRouter>(MODULE_ID);

type Outputs = inferRouterOutputs<ModuleRouter>;
export type ReportView = Outputs['reports']['get'];
export type ModelList = Outputs['models']['list'];
export type Model = ModelList['items'][number];
export type InspectionList = Outputs['inspections']['list'];
export type Inspection = InspectionList['items'][number];
export type DisciplineCase = Outputs['inspections']['discipline'][number];
export type ImportResult = Outputs['inspections']['import'];
