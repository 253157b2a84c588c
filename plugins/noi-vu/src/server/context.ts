import type { Access, SessionUser } from '@dondoc/plugin-sdk';
import type { Context } from '@dondoc/trpc';

/** A procedure's context after `permissionProcedure`: a signed-in user and the access the permission granted. */
export type ModuleContext = Context & { user: SessionUser; access: Extract<Access, { allowed: true }> };

/** The directive the module serves: 2458/UBND-SNV, §6 (Sở Nội vụ) and §1.9 (inspections, discipline). */
export const DIRECTIVE = '2458/UBND-SNV';
/** Follow-ups of an inspection open tasks under §1.9 (thanh tra, kiểm tra công vụ; kỷ luật, kỷ cương hành chính). */
export const INSPECTION_CLAUSE = '1.9';
