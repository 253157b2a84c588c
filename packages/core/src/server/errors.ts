import { TRPCError } from '@trpc/server';
import { messages, type Locale } from '@dondoc/trpc';

export interface Texts {
  vi: string;
  en: string;
}

/** Throws a TRPCError whose message is in the caller's language. */
export function fail(code: TRPCError['code'], locale: Locale, texts: Texts): never {
  throw new TRPCError({ code, message: texts[locale] });
}

export function notFound(locale: Locale, what: Texts): never {
  throw new TRPCError({ code: 'NOT_FOUND', message: messages[locale].notFound(what[locale]) });
}

/** A stale write: name who changed the row since the caller read it. */
export function conflict(locale: Locale, who: string | null): never {
  throw new TRPCError({ code: 'CONFLICT', message: messages[locale].conflict(who ?? (locale === 'vi' ? 'người khác' : 'someone else')) });
}
