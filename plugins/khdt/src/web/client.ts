/**
 * The module's tRPC client and react-query options (typed by `import type` of its own router:
 * no server code reaches the browser). Every query key starts with the module id.
 */
import { createModuleClient, createModuleQueries } from '@dondoc/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { ModuleRouter } from '../server/router.ts';

export const MODULE_ID = 'khdt';
export const client = createModuleClient<ModuleRouter>(MODULE_ID);
export const queries = createModuleQueries<ModuleRouter>(MODULE_ID);

type Outputs = inferRouterOutputs<ModuleRouter>;
export type SchemeList = Outputs['schemes']['list'];
export type SchemeListRow = SchemeList['items'][number];
export type SchemeDetail = Outputs['schemes']['get'];
export type Obstacle = SchemeDetail['obstacles'][number];
export type IndexPageData = Outputs['scorecards']['page'];
export type ImportResult = Outputs['schemes']['import'];
