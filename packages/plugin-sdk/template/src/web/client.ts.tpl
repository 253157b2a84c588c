/**
 * The module's tRPC client and react-query options (typed by `import type` of its own router:
 * no server code reaches the browser). Every query key starts with the module id.
 */
import { createModuleClient, createModuleQueries } from '@dondoc/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { ModuleRouter } from '../server/router.ts';

export const MODULE_ID = '__PLUGIN_ID__';
export const client = createModuleClient<ModuleRouter>(MODULE_ID);
export const queries = createModuleQueries<ModuleRouter>(MODULE_ID);

export type EntryList = inferRouterOutputs<ModuleRouter>['entries']['list'];
export type Entry = EntryList['items'][number];
export type ImportResult = inferRouterOutputs<ModuleRouter>['entries']['import'];
