/**
 * The module's tRPC client and react-query options (typed by `import type` of its own router:
 * no server code reaches the browser). Every query key starts with the module id:
 * `queryClient.invalidateQueries(taiChinh.pathFilter())` refreshes the whole module.
 */
import { createModuleClient, createModuleQueries } from '@dondoc/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { TaiChinhRouter } from '../server/router.ts';

export const client = createModuleClient<TaiChinhRouter>('tai-chinh');
export const taiChinh = createModuleQueries<TaiChinhRouter>('tai-chinh');

export type Outputs = inferRouterOutputs<TaiChinhRouter>;
export type UnitView = Outputs['units']['get'];
export type YearView = UnitView['years'][number];
export type Consolidation = Outputs['consolidation']['summary'];
export type ImportResult = Outputs['units']['import'];
