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
export { cleanFileName, formatLimit, UPLOAD_ENVELOPE_BYTES, UPLOAD_LIMITS, uploadBodyLimit, uploadInput, uploadProcedure } from './upload.ts';
export type { UploadedFile, UploadKind } from './upload.ts';
export { badTextMessage, badTextText, findBadText } from './text.ts';
export type { BadText, BadTextKind } from './text.ts';
