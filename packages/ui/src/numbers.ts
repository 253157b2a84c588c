import type { Locale } from './i18n.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${maximumFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** What a figure shows when there is none. */
export const NO_VALUE = '—';

/** A number the way the interface language writes it: vi "1.234.567,5", en "1,234,567.5"; "—" for none. */
export function formatNumber(value: number | null | undefined, locale: Locale = 'vi', maximumFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return numberFormat(locale, maximumFractionDigits).format(value);
}

/** A percentage (already × 100) with two decimals at most: vi "12,5%", en "12.5%"; "—" for none. */
export function formatPercent(value: number | null | undefined, locale: Locale = 'vi', maximumFractionDigits = 2): string {
  const text = formatNumber(value, locale, maximumFractionDigits);
  return text === NO_VALUE ? text : `${text}%`;
}

/** A fraction in [0, 1] as a percentage with one decimal ("87,5%"); "—" for none (nothing due). */
export function formatRate(rate: number | null | undefined, locale: Locale = 'vi'): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? NO_VALUE : formatPercent(rate * 100, locale, 1);
}

/** A byte count as B / kB / MB ("512 kB", "1,5 MB"). */
export function formatBytes(bytes: number, locale: Locale = 'vi'): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${numberFormat(locale, 0).format(bytes / 1024)} kB`;
  return `${numberFormat(locale, 1).format(bytes / (1024 * 1024))} MB`;
}
