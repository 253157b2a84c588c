import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { coversUnit, type Access } from '@dondoc/auth';
import type { Context, Locale, Meta } from './context.ts';
import { messages } from './messages.ts';
import { resolveLocalized } from './errors.ts';
import { badTextText, findBadText } from './text.ts';

/** The one initTRPC of the whole server: every router, core's and each plugin's, is built from it. */
const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      const locale = ctx?.locale ?? 'vi';
      return {
        ...shape,
        // An internal error's own text (SQL, stack) is for the logs, never for the caller.
        message:
          error.code === 'INTERNAL_SERVER_ERROR'
            ? messages[locale].internal(ctx?.requestId ?? '')
            : zodError
              ? messages[locale].invalidInput
              : (transportMessage(error, locale) ?? resolveLocalized(shape.message, locale)),
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          // Field-level problems for forms, in the caller's language only; never a stack trace.
          fieldErrors: zodError
            ? zodError.issues.map((issue) => ({ path: issue.path.map(String), message: resolveLocalized(issue.message, locale) }))
            : undefined,
        },
      };
    },
  });

/**
 * tRPC's own refusals of a request it cannot read, in the caller's language: its texts are
 * English, and a JSON parse error quotes the input back (`Unexpected token 'x', "x…" is not valid JSON`).
 */
function transportMessage(error: TRPCError, locale: Locale): string | null {
  const text = messages[locale];
  if (error.cause instanceof SyntaxError) return text.badJson;
  if (error.code === 'METHOD_NOT_SUPPORTED') return text.methodNotSupported;
  if (error.code === 'UNSUPPORTED_MEDIA_TYPE') return text.unsupportedContentType;
  if (error.code === 'NOT_FOUND' && error.message.startsWith('No procedure found on path')) return text.noProcedure;
  if (error.code === 'BAD_REQUEST' && error.message === '"input" needs to be an object when doing a batch call') return text.batchInput;
  return null;
}

/**
 * Every procedure starts here: an input holding a NUL or a lone surrogate anywhere (values and
 * keys, any depth) is refused with BAD_REQUEST in the caller's language before any schema,
 * permission check or handler runs (such text makes the database fail, a 500).
 */
const procedure = t.procedure.use(async ({ ctx, getRawInput, next }) => {
  let raw: unknown;
  try {
    raw = await getRawInput();
  } catch {
    // An unreadable body is the input parser's to refuse.
    return next();
  }
  const found = findBadText(raw);
  if (found) throw new TRPCError({ code: 'BAD_REQUEST', message: badTextText(found, ctx.locale) });
  return next();
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Open to anonymous callers. Declared public in its meta, so the anonymous walk test lets it pass. */
export const publicProcedure = procedure.meta({ public: true });

/** Needs a signed-in user. */
export const protectedProcedure = procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: messages[ctx.locale].unauthorized });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Needs `permission` (`<module>.<resource>:<action>`), decided by the one policy. Adds
 * `ctx.access`: the units whose rows this user may touch under that permission.
 */
export function permissionProcedure(permission: string) {
  return protectedProcedure.use(({ ctx, next }) => {
    const access = ctx.permissions.decide(ctx.user, permission);
    if (!access.allowed) {
      throw new TRPCError({ code: 'FORBIDDEN', message: messages[ctx.locale].forbidden(permission) });
    }
    const granted: Extract<Access, { allowed: true }> = access;
    return next({ ctx: { ...ctx, access: granted } });
  });
}

/** Throws FORBIDDEN unless `access` covers the rows of `unitCode`. */
export function assertUnitAccess(ctx: { access: Access; locale: Context['locale'] }, unitCode: string): void {
  if (!coversUnit(ctx.access, unitCode)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: messages[ctx.locale].forbiddenUnit(unitCode) });
  }
}
