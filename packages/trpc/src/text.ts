/**
 * Text no input may carry: the NUL character (Postgres refuses it in `text`, PGlite too) and
 * lone UTF-16 surrogates (not Unicode: they cannot be stored or shown). Checked once for every
 * procedure (the `t.procedure` of `init.ts`) and for the JSON bodies of `/api/auth`, before any
 * schema or handler sees the value.
 */
import type { Locale } from './context.ts';
import type { LocalizedText } from './errors.ts';

export type BadTextKind = 'nul' | 'surrogate';

export interface BadText {
  /** Where in the input: `['lines', '2', 'note']`; an object key itself is reported at its own path. */
  path: string[];
  kind: BadTextKind;
}

/** A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units: no `u` flag). */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function kindOf(value: string): BadTextKind | null {
  if (!BAD_TEXT.test(value)) return null;
  return value.includes('\u0000') ? 'nul' : 'surrogate';
}

/**
 * The first string (value or object key) in `value` that holds a NUL or a lone surrogate, or null.
 * Walks plain objects and arrays, iteratively (any depth); a `FormData` upload is checked by its own parser.
 */
export function findBadText(value: unknown): BadText | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: item, path } = next;
    if (typeof item === 'string') {
      const kind = kindOf(item);
      if (kind) return { path, kind };
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push({ value: item[i], path: [...path, String(i)] });
      continue;
    }
    const proto = Object.getPrototypeOf(item) as unknown;
    if (proto !== Object.prototype && proto !== null) continue;
    const entries = Object.entries(item);
    for (const [key] of entries) {
      const keyKind = kindOf(key);
      if (keyKind) return { path: [...path, key], kind: keyKind };
    }
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
  }
  return null;
}

/** What the caller is told, in both languages. */
export const badTextMessage: Record<BadTextKind, LocalizedText> = {
  nul: {
    vi: 'Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL). Hãy xoá ký tự đó rồi gửi lại.',
    en: 'The data contains an invalid character (NUL). Remove it and send again.',
  },
  surrogate: {
    vi: 'Dữ liệu gửi lên có ký tự Unicode không hợp lệ (nửa cặp surrogate). Hãy nhập lại đoạn văn bản đó.',
    en: 'The data contains an invalid Unicode character (a lone surrogate). Type that text again.',
  },
};

/** The message for `found` in `locale`, naming the field when there is one. */
export function badTextText(found: BadText, locale: Locale): string {
  const text = badTextMessage[found.kind][locale];
  if (found.path.length === 0) return text;
  const field = found.path.join('.');
  return locale === 'vi' ? `${text} (trường ${field})` : `${text} (field ${field})`;
}
