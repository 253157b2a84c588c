/**
 * Numbers as Vietnamese spreadsheets and forms write them: "." groups thousands and ","
 * marks decimals ("1.234.567", "1.234.567,5", "12,5"). Files made by software in English
 * also reach us, so a few unambiguous English forms are read too.
 *
 * Accepted (after trimming, and dropping spaces and a trailing "đ", "đồng", "VNĐ", "VND"):
 * - `1234567`                         digits only;
 * - `1.234.567` / `1.234.567,89`      Vietnamese thousands, optional decimal comma;
 * - `1234,5`                          Vietnamese decimal comma;
 * - `1,234,567` / `1,234,567.89` / `1,234.5`   English thousands (two or more comma groups,
 *                                     or comma groups followed by a decimal point);
 * - `12.5`, `0.25`, `1234.567`        a single dot that is not Vietnamese thousands grouping
 *                                     (1-3 digits, then groups of exactly three) is a decimal
 *                                     point;
 * - a leading `-`, or the whole in parentheses `(1.234)`, for a negative number.
 * Ambiguous by design: `1.234` is one thousand two hundred thirty-four (Vietnamese reading)
 * and `1,234` is one point two three four.
 * Anything else (letters, `1..2`, `1.23.4`, empty) is not a number: `null`.
 */

const CURRENCY_SUFFIX = /\s*(?:đồng|đ|vnđ|vnd)\.?$/iu;

const PATTERNS: Array<{ re: RegExp; normalize: (s: string) => string }> = [
  { re: /^\d+$/, normalize: (s) => s },
  { re: /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, normalize: (s) => s.replaceAll('.', '').replace(',', '.') },
  { re: /^\d+,\d+$/, normalize: (s) => s.replace(',', '.') },
  { re: /^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$/, normalize: (s) => s.replaceAll(',', '') },
  { re: /^\d{1,3}(?:,\d{3})+\.\d+$/, normalize: (s) => s.replaceAll(',', '') },
  { re: /^\d+\.\d+$/, normalize: (s) => s },
];

/** Reads a number written the Vietnamese way (see above); null when the text is not one. */
export function parseVietnameseNumber(input: string | number | null | undefined): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (typeof input !== 'string') return null;
  let text = input.normalize('NFC').trim().replace(CURRENCY_SUFFIX, '');
  // Spaces (also no-break and narrow no-break) are thousands separators in some files.
  text = text.replace(/[\s\u00a0\u202f]/gu, '');
  if (text === '') return null;
  let negative = false;
  const parenthesized = /^\((.*)\)$/.exec(text);
  if (parenthesized) {
    negative = true;
    text = parenthesized[1] ?? '';
  } else if (text.startsWith('-') || text.startsWith('−')) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  // Order matters: "1.234" matches the Vietnamese thousands pattern before the decimal-point one.
  for (const { re, normalize } of PATTERNS) {
    if (!re.test(text)) continue;
    const value = Number(normalize(text));
    if (!Number.isFinite(value)) return null;
    return negative ? -value : value;
  }
  return null;
}
