import type { Locale } from './i18n.ts';

/** Picks the text of a `{ vi, en }` pair (e.g. a module's nav label) for a language. */
export function localized(text: { vi: string; en: string }, locale: Locale): string {
  return locale === 'en' ? text.en || text.vi : text.vi;
}
