import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { dondocHeaders } from './http.ts';

/** The tRPC endpoint of a module's router (`core` for the common task core). */
export function moduleTrpcUrl(pluginId: string): string {
  return `/api/trpc/${pluginId}`;
}

/**
 * A typed vanilla tRPC client for a module's router, at `/api/trpc/<pluginId>`. Type it with
 * `import type` of the module's own router, so no server code reaches the browser bundle:
 *
 * ```ts
 * import type { FixtureRouter } from '../server/router.ts';
 * const client = createModuleClient<FixtureRouter>('fixture');
 * await client.list.query();
 * ```
 * Every request carries the session cookie (same origin) and `x-dondoc-locale`, so the
 * server answers errors in the interface language.
 */
export function createModuleClient<TRouter extends AnyRouter>(pluginId: string): TRPCClient<TRouter> {
  // dondoc's routers use no transformer (plain JSON), hence the options of an untyped link.
  const link = httpBatchLink<AnyRouter>({
    url: moduleTrpcUrl(pluginId),
    headers: () => dondocHeaders(),
    fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
  });
  return createTRPCClient<TRouter>({ links: [link] });
}
