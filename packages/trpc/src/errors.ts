/**
 * Errors and texts in the caller's language, once for the core and every module.
 *
 * - `fail`, `notFound`, `conflict` throw a TRPCError whose message is already in `locale`.
 * - `localized({ vi, en })` is a string that carries both languages, usable wherever a
 *   string message goes (a zod message, a TRPCError message): the errorFormatter turns it
 *   into the caller's language only (`resolveLocalized`).
 * - zod's own default messages come out the same way: importing this module sets zod's
 *   global `localeError` to a `localized` token built from `z.locales.vi()` and `z.locales.en()`.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Locale } from './context.ts';
import { messages } from './messages.ts';

export interface LocalizedText {
  vi: string;
  en: string;
}

export type ErrorCode = TRPCError['code'];

/**
 * A localized token reads as "vi (en)" where it is shown raw (logs, developer messages), between
 * invisible separators (U+2063) that tell it from a plain string.
 */
const MARK = '\u2063';
const TOKEN = /^\u2063([\s\S]*?)\u2063 \(([\s\S]*)\)\u2063$/;

/** Both languages in one string (e.g. a zod message); `resolveLocalized` picks one. */
export function localized(text: LocalizedText): string {
  return `${MARK}${text.vi}${MARK} (${text.en})${MARK}`;
}

/** Both texts of a `localized` token, or null when `message` is a plain string. */
export function parseLocalized(message: string): LocalizedText | null {
  const match = TOKEN.exec(message);
  return match ? { vi: match[1]!, en: match[2]! } : null;
}

/** A message in `locale`: a token's text in that language, any other string as it is. */
export function resolveLocalized(message: string, locale: Locale): string {
  return parseLocalized(message)?.[locale] ?? message;
}

/** Throws a TRPCError whose message is in the caller's language. */
export function fail(code: ErrorCode, locale: Locale, text: LocalizedText): never {
  throw new TRPCError({ code, message: text[locale] });
}

/** NOT_FOUND: "Không tìm thấy <what>." / "<What> not found.". */
export function notFound(locale: Locale, what: LocalizedText): never {
  throw new TRPCError({ code: 'NOT_FOUND', message: messages[locale].notFound(what[locale]) });
}

/** A stale write (CONFLICT), naming who changed the row since the caller read it. */
export function conflict(locale: Locale, who: string | null | undefined): never {
  throw new TRPCError({ code: 'CONFLICT', message: messages[locale].conflict(who || (locale === 'vi' ? 'người khác' : 'Someone else')) });
}

type LocaleError = NonNullable<Parameters<typeof z.config>[0]>['localeError'];
const zodLocales = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

function zodText(locale: Locale, issue: Parameters<NonNullable<LocaleError>>[0]): string {
  const result = zodLocales[locale]?.(issue);
  return typeof result === 'string' ? result : (result?.message ?? '');
}

/** zod's default messages in both languages (a `localized` token), for the errorFormatter to pick from. */
export const localizedZodError: NonNullable<LocaleError> = (issue) => localized({ vi: zodText('vi', issue), en: zodText('en', issue) });

z.config({ localeError: localizedZodError });
