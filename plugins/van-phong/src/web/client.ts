/**
 * The module's tRPC client and react-query options (typed by `import type` of its own router:
 * no server code reaches the browser). Every query key starts with the module id.
 */
import { createModuleClient, createModuleQueries } from '@dondoc/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { ModuleRouter } from '../server/router.ts';

export const MODULE_ID = 'van-phong';
export const client = createModuleClient<ModuleRouter>(MODULE_ID);
export const queries = createModuleQueries<ModuleRouter>(MODULE_ID);

type Outputs = inferRouterOutputs<ModuleRouter>;
export type Procedure = Outputs['procedures']['list'][number];
export type BacklogItem = Outputs['procedures']['backlog']['items'][number];
export type Plan = Outputs['plans']['list'][number];
export type Shares = Outputs['plans']['shares'];
export type Delegation = Outputs['delegations']['list']['items'][number];
export type Milestone = Outputs['milestones']['list']['items'][number];
export type ImportResult = Outputs['procedures']['import'];

/** The permissions the pages ask about (the server decides; the pages hide what it would refuse). */
export { PERMISSIONS as CAN } from '../server/permissions.ts';
