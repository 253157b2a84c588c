import type { Locale } from '@dondoc/ui';

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
}

/** A number in the interface language (12,5 in Vietnamese, 12.5 in English). */
export function formatNumber(value: number | null | undefined, locale: Locale, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : numberFormat(locale, digits).format(value);
}

/** A fraction in [0, 1] as a percentage, or "—" for none (nothing due). */
export function formatRate(rate: number | null | undefined, locale: Locale): string {
  return rate === null || rate === undefined ? '—' : `${numberFormat(locale, 1).format(rate * 100)}%`;
}

/** A byte count as kB / MB. */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${numberFormat(locale, 0).format(bytes / 1024)} kB`;
  return `${numberFormat(locale, 1).format(bytes / (1024 * 1024))} MB`;
}
