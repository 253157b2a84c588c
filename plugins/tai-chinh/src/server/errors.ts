import { messages, TRPCError, type Locale } from '@dondoc/trpc';

type ErrorCode = ConstructorParameters<typeof TRPCError>[0]['code'];

/** Throws a tRPC error whose message is in the caller's language. */
export function fail(code: ErrorCode, locale: Locale, text: { vi: string; en: string }): never {
  throw new TRPCError({ code, message: text[locale] });
}

/** A stale write: someone else changed the row after the caller read it. */
export function conflict(locale: Locale, who: string | null | undefined): never {
  throw new TRPCError({ code: 'CONFLICT', message: messages[locale].conflict(who || (locale === 'vi' ? 'người khác' : 'Someone else')) });
}

export function notFound(locale: Locale, what: { vi: string; en: string }): never {
  throw new TRPCError({ code: 'NOT_FOUND', message: messages[locale].notFound(what[locale]) });
}
