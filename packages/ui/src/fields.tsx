import { Input, type FormRule as Rule, type GetProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TypedDate } from './dates.ts';
import { getLocale, i18n } from './i18n.ts';
import { formatNumber } from './numbers.ts';

/**
 * The text a person typed in a date field that reads as no day, kept with the value that stands
 * for it. The date field itself (`DateField.tsx`) is in `@dondoc/ui/date-picker`, loaded by the
 * pages that show one; its rules and messages are here, light enough for every page.
 */
export const typedTexts = new WeakMap<Dayjs, { text: string; problem: Exclude<TypedDate, { iso: string | null }> }>();

/** The message of a refused typed date, in the interface language. */
export function typedDateMessage(text: string, parsed: Exclude<TypedDate, { iso: string | null }>): string {
  const t = (key: string, values: Record<string, unknown>) => i18n.t(`common:date.${key}`, values);
  switch (parsed.problem) {
    case 'impossible':
      return t('impossible', { text: text.trim(), month: parsed.month, year: parsed.year, days: parsed.daysInMonth });
    case 'month':
      return t('month', { text: text.trim() });
    case 'year':
      return t('year', { year: parsed.year });
    default:
      return t('format', { text: text.trim() });
  }
}

/** The form value of a date field whose text reads as no day (an invalid dayjs: `fromDayjs` gives null). */
export function refusedDate(text: string, problem: Exclude<TypedDate, { iso: string | null }>): Dayjs {
  const value = dayjs(Number.NaN);
  typedTexts.set(value, { text, problem });
  return value;
}

/** Why a date field's value is refused (the text typed could not be a day); null when it is a day or empty. */
export function refusedDateMessage(value: unknown): string | null {
  if (!dayjs.isDayjs(value) || value.isValid()) return null;
  const typed = typedTexts.get(value);
  return typed ? typedDateMessage(typed.text, typed.problem) : typedDateMessage('', { problem: 'format' });
}

/** The rule every `DateField` carries in its `Form.Item`: refuses the save while the typed text is no day, saying why. */
export function typedDateRule(): Rule {
  return {
    validator: (_, value: unknown) => {
      const message = refusedDateMessage(value);
      return message ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  };
}

/** The message of a text over its limit: its length, the limit, how much to cut. */
export function tooLongMessage(length: number, max: number): string {
  const locale = getLocale();
  return i18n.t('common:text.tooLong', { length: formatNumber(length, locale, 0), max: formatNumber(max, locale, 0), over: formatNumber(length - max, locale, 0) });
}

/** The rule of a `LimitedText`'s `Form.Item`: refuses the save while the text is over `max` characters, saying by how much. */
export function maxTextRule(max: number): Rule {
  return {
    validator: (_, value: unknown) =>
      typeof value === 'string' && value.trim().length > max ? Promise.reject(new Error(tooLongMessage(value.trim().length, max))) : Promise.resolve(),
  };
}

/**
 * A text area with a limit that never cuts what is typed or pasted: the count shows `length / max`
 * and turns red over it; the `Form.Item`'s `maxTextRule(max)` says how much is too long and refuses
 * the save until it is shortened.
 */
export function LimitedText({ max, ...props }: Omit<GetProps<typeof Input.TextArea>, 'maxLength' | 'showCount' | 'count'> & { max: number }) {
  return <Input.TextArea {...props} count={{ show: true, max }} />;
}
