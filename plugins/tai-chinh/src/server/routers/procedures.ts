/** The module's procedures, one per permission it declares. */
import { permissionProcedure } from '@dondoc/trpc';
import { PERMISSIONS } from '../permissions.ts';

export const read = permissionProcedure(PERMISSIONS.unitsRead);
export const write = permissionProcedure(PERMISSIONS.unitsWrite);
export const approve = permissionProcedure(PERMISSIONS.classificationApprove);
export const exportReports = permissionProcedure(PERMISSIONS.reportsExport);
