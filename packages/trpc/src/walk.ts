import type { AnyRouter } from '@trpc/server';
import type { Meta } from './context.ts';

export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: Meta | undefined;
}

/** Every procedure of a router, with its path and metadata: for the anonymous-access guard test. */
export function listProcedures(appRouter: AnyRouter): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as Record<string, { _def: { type: ProcedureInfo['type']; meta?: Meta } }>;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    meta: procedure._def.meta,
  }));
}
