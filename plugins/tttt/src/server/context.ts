import type { Access, SessionUser } from '@dondoc/plugin-sdk';
import type { Context } from '@dondoc/trpc';

/** A procedure's context after `permissionProcedure`: a signed-in user and the access the permission granted. */
export type ModuleContext = Context & { user: SessionUser; access: Extract<Access, { allowed: true }> };

/** The directive and clause the module serves: §4.1 of 2458/UBND-SNV (digital-transformation plans). */
export const DIRECTIVE = '2458/UBND-SNV';
export const PLAN_CLAUSE = '4.1';
