export {
  router,
  mergeRouters,
  createCallerFactory,
  middleware,
  publicProcedure,
  protectedProcedure,
  permissionProcedure,
  assertUnitAccess,
} from './init.ts';
export { messages } from './messages.ts';
export { conflict, fail, localized, localizedZodError, notFound, parseLocalized, resolveLocalized } from './errors.ts';
export type { ErrorCode, LocalizedText } from './errors.ts';
export { listProcedures } from './walk.ts';
export type { ProcedureInfo } from './walk.ts';
export type { Context, Meta, Locale, Services } from './context.ts';
export { TRPCError } from '@trpc/server';
export { UPLOAD_LIMITS } from './upload.ts';
export type { UploadKind } from './upload.ts';
