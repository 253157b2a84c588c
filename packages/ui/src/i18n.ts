import { useCallback, useSyncExternalStore } from 'react';
import i18next, { type TFunction } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { commonEn, commonVi } from './locales/common.ts';

export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];
export const defaultLocale: Locale = 'vi';
/** Where the chosen interface language is remembered. */
export const LOCALE_STORAGE_KEY = 'dondoc.locale';
/** The request header carrying the interface language to the server. */
export const LOCALE_HEADER = 'x-dondoc-locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

function storage(): Storage | null {
  try {
    return typeof globalThis.localStorage === 'undefined' ? null : globalThis.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): fall back to the default
  }
}

function initialLocale(): Locale {
  const saved = storage()?.getItem(LOCALE_STORAGE_KEY);
  return isLocale(saved) ? saved : defaultLocale;
}

/** A nested record of texts, e.g. `{ form: { title: 'Tiêu đề' } }`. */
export interface ResourceTree {
  [key: string]: string | ResourceTree;
}

/**
 * The one i18next instance of the page. `@dondoc/ui` is a federation singleton, so the shell
 * and every module share it: a module adds its own namespace with `addResources`.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: initialLocale(),
  fallbackLng: defaultLocale,
  supportedLngs: [...locales],
  ns: ['common'],
  defaultNS: 'common',
  resources: { vi: { common: commonVi }, en: { common: commonEn } },
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});
applyLocaleSideEffects(i18n.language as Locale);

function applyLocaleSideEffects(locale: Locale): void {
  dayjs.locale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The current interface language (outside React). */
export function getLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : defaultLocale;
}

/** Switches the interface language, remembers it, and moves dayjs and `<html lang>` along. */
export async function setLocale(locale: Locale): Promise<void> {
  if (!isLocale(locale)) throw new Error(`Unsupported locale "${String(locale)}"`);
  try {
    storage()?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // quota or privacy mode: the choice just is not remembered
  }
  await i18n.changeLanguage(locale);
}
i18n.on('languageChanged', (language) => {
  if (isLocale(language)) applyLocaleSideEffects(language);
});

function subscribeLocale(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

/** The interface language and its setter; re-renders when the language changes. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const locale = useSyncExternalStore(subscribeLocale, getLocale, getLocale);
  const set = useCallback((next: Locale) => void setLocale(next), []);
  return { locale, setLocale: set };
}

/** The translate function of a namespace (`common` by default); re-renders on language change. */
export function useT(namespace = 'common'): TFunction {
  return useTranslation(namespace, { i18n }).t;
}

/**
 * Every key path (`a.b.c`) present in one tree and missing in the other. Empty when the two
 * languages of a namespace are complete.
 */
export function missingKeys(vi: ResourceTree, en: ResourceTree): string[] {
  const paths = (tree: ResourceTree, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [`${prefix}${key}`] : paths(value, `${prefix}${key}.`),
    );
  const viPaths = new Set(paths(vi));
  const enPaths = new Set(paths(en));
  return [
    ...[...viPaths].filter((path) => !enPaths.has(path)).map((path) => `en: ${path}`),
    ...[...enPaths].filter((path) => !viPaths.has(path)).map((path) => `vi: ${path}`),
  ];
}

/**
 * Adds a module's texts under its own namespace (use the module id). Call it at import time of
 * the module's web entry, then read them with `useT('<namespace>')`.
 */
export function addResources(namespace: string, resources: { vi: ResourceTree; en: ResourceTree }): void {
  const missing = missingKeys(resources.vi, resources.en);
  if (missing.length > 0) console.warn(`[dondoc i18n] namespace "${namespace}" is incomplete: ${missing.join(', ')}`);
  i18n.addResourceBundle('vi', namespace, resources.vi, true, true);
  i18n.addResourceBundle('en', namespace, resources.en, true, true);
}
