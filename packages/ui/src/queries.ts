import type { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AnyRouter } from '@trpc/server';
import { createModuleClient } from './trpc.ts';

let pageQueryClient: QueryClient | null = null;

/** Called by `DondocProvider` with the page's one query client (the shell's; modules share it). */
export function registerQueryClient(client: QueryClient): void {
  pageQueryClient = client;
}

/** The page's query client, as `DondocProvider` holds it; throws outside one. */
export function getQueryClient(): QueryClient {
  if (!pageQueryClient) throw new Error('No query client yet: render <DondocProvider> (the shell does) before using module queries');
  return pageQueryClient;
}

/** A module's react-query options: keys prefixed with the module id (`[['tai-chinh'], ['units', 'list'], …]`). */
export type ModuleQueries<TRouter extends AnyRouter> = TRPCOptionsProxy<TRouter, { keyPrefix: true }>;

/**
 * The tRPC react-query options of a module's router, on its client (`createModuleClient`) and
 * the page's query client, so that no module writes a query key:
 *
 * ```ts
 * const taiChinh = createModuleQueries<TaiChinhRouter>('tai-chinh');
 * useQuery(taiChinh.units.list.queryOptions(input));
 * useMutation(taiChinh.units.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(taiChinh.pathFilter()) }));
 * ```
 * Every key starts with the module id: `taiChinh.pathFilter()` refreshes the whole module and
 * no other, even where two modules name a procedure alike.
 */
export function createModuleQueries<TRouter extends AnyRouter>(moduleId: string): ModuleQueries<TRouter> {
  return createTRPCOptionsProxy<TRouter, { keyPrefix: true }>({
    client: createModuleClient<TRouter>(moduleId),
    queryClient: getQueryClient,
    keyPrefix: moduleId,
  });
}
