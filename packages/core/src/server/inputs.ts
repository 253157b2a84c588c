/**
 * The zod rules of what comes from outside, once for every core procedure (router.ts,
 * directives.ts, extensions.ts): messages are `localized` tokens, so a refusal (400) reads in the
 * caller's language. The forms check the same limits with the same words before sending.
 */
import { z } from 'zod';
import { localized } from '@dondoc/trpc';
import { isIsoDate } from '../domain/index.ts';

/** A real calendar date `YYYY-MM-DD` in years 1900-2999 (so 2026-11-31 is refused, never moved to another day). */
export const isoDateInput = z
  .string()
  .refine(isIsoDate, localized({ vi: 'Ngày phải có dạng YYYY-MM-DD và là một ngày có thật, năm từ 1900 đến 2999.', en: 'Date must be YYYY-MM-DD, a real day in years 1900 to 2999.' }));

export const unitCodeInput = z.string().regex(/^[A-Z][A-Z0-9_]*$/, localized({ vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit code.' }));

function tooLong(max: number) {
  return localized({ vi: `Nội dung dài quá ${max.toLocaleString('vi-VN')} ký tự: hãy rút gọn trước khi lưu.`, en: `The text is longer than ${max.toLocaleString('en-US')} characters: shorten it before saving.` });
}

/** A text of at most `max` characters once trimmed; a longer one is refused with its limit, never cut. */
export const textInput = (max: number) => z.string().trim().max(max, tooLong(max));

/** A text that must not be empty once trimmed. */
export const requiredText = (max: number, vi: string, en: string) => z.string().trim().min(1, localized({ vi, en })).max(max, tooLong(max));

const progressMessage = localized({ vi: 'Tiến độ phải từ 0 đến 100 (số nguyên).', en: 'Progress must be a whole number from 0 to 100.' });

/** A task's progress: a whole percentage 0-100; 150 is refused, never saved as 100. */
export const progressInput = z.number(progressMessage).int(progressMessage).min(0, progressMessage).max(100, progressMessage);
