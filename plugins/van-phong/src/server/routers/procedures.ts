/** One procedure per permission the module declares. */
import { permissionProcedure } from '@dondoc/trpc';
import { PERMISSIONS } from '../permissions.ts';

export const read = permissionProcedure(PERMISSIONS.read);
export const proceduresWrite = permissionProcedure(PERMISSIONS.proceduresWrite);
export const proceduresPublish = permissionProcedure(PERMISSIONS.proceduresPublish);
export const plansWrite = permissionProcedure(PERMISSIONS.plansWrite);
export const plansReview = permissionProcedure(PERMISSIONS.plansReview);
export const delegationsWrite = permissionProcedure(PERMISSIONS.delegationsWrite);
export const delegationsReport = permissionProcedure(PERMISSIONS.delegationsReport);
export const milestonesWrite = permissionProcedure(PERMISSIONS.milestonesWrite);
