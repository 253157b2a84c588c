import type { Access, SessionUser } from '@dondoc/plugin-sdk';
import type { Context } from '@dondoc/trpc';

/** A procedure's context after `permissionProcedure`: a signed-in user and the access the permission granted. */
export type ModuleContext = Context & { user: SessionUser; access: Extract<Access, { allowed: true }> };

/** The directive and clauses the module serves: §5.1 (business-support schemes) and §5.2 (PCI) of 2458/UBND-SNV. */
export const DIRECTIVE = '2458/UBND-SNV';
export const SCHEMES_CLAUSE = '5.1';
