/**
 * What the module's procedures accept (zod), with messages in the caller's language
 * (`localized`: the server answers only the caller's one).
 */
import { z } from 'zod';
import { localized } from '@dondoc/plugin-sdk';
import { MAX_NOTE_LENGTH, MAX_QUANTITY, MAX_TITLE_LENGTH } from '../domain/entries.ts';

export const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, localized({ vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit code.' }));
const isoDate = z.iso.date(localized({ vi: 'Ngày không hợp lệ (dd/mm/yyyy).', en: 'Invalid date (dd/mm/yyyy).' }));

export const entryFields = z.object({
  title: z
    .string()
    .trim()
    .min(1, localized({ vi: 'Chưa nhập nội dung.', en: 'The content is required.' }))
    .max(MAX_TITLE_LENGTH, localized({ vi: `Nội dung dài quá ${MAX_TITLE_LENGTH} ký tự.`, en: `The content is longer than ${MAX_TITLE_LENGTH} characters.` })),
  quantity: z
    .number()
    .int(localized({ vi: 'Số lượng phải là số nguyên.', en: 'The quantity must be a whole number.' }))
    .min(0, localized({ vi: 'Số lượng không được âm.', en: 'The quantity must not be negative.' }))
    .max(MAX_QUANTITY, localized({ vi: 'Số lượng lớn quá mức cho phép.', en: 'The quantity is too large.' })),
  doneOn: isoDate,
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH, localized({ vi: `Ghi chú dài quá ${MAX_NOTE_LENGTH} ký tự.`, en: `The note is longer than ${MAX_NOTE_LENGTH} characters.` }))
    .nullable()
    .default(null),
});

export const listInput = z.object({
  unitCode: unitCode.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});

export const createInput = entryFields.extend({ unitCode: unitCode.optional() });
export const updateInput = entryFields.extend({ id: z.uuid(), version: z.number().int().min(1) });
export const removeInput = z.object({ id: z.uuid(), version: z.number().int().min(1) });
export const importFields = z.object({ unitCode: unitCode.optional(), dryRun: z.boolean() });
