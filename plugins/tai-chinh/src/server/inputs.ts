/** The procedures' inputs, validated with zod; every message in both languages (`localized`), answered in the caller's. */
import { z } from 'zod';
import { isPeriodId, localized } from '@dondoc/plugin-sdk';
import { FIRST_PLAN_YEAR, isPlanYear, LAST_PLAN_YEAR, MAX_AMOUNT, MAX_NAME_LENGTH, MAX_SECTOR_LENGTH, roundAmount, cleanText } from '../domain/index.ts';

export const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, localized({ vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit code.' }));
export const year = z
  .number()
  .int()
  .refine(isPlanYear, localized({ vi: `Năm phải từ ${FIRST_PLAN_YEAR} đến ${LAST_PLAN_YEAR}.`, en: `The year must be ${FIRST_PLAN_YEAR}-${LAST_PLAN_YEAR}.` }));
const groupMessage = localized({ vi: 'Nhóm phải là 1-4.', en: 'The group must be 1-4.' });
const group = z.number().int().min(1, groupMessage).max(4, groupMessage);
const amount = z
  .number()
  .finite()
  .min(0, localized({ vi: 'Không được âm.', en: 'Must not be negative.' }))
  .max(MAX_AMOUNT, localized({ vi: 'Lớn quá mức cho phép.', en: 'Too large.' }))
  // Stored with two decimals: round here, so the check computed on the row is the one stored.
  .transform(roundAmount);
export const version = z.number().int().min(1);
const text = (max: number, required: { vi: string; en: string }, tooLong: { vi: string; en: string }) =>
  z.string().trim().min(1, localized(required)).max(max, localized(tooLong)).transform(cleanText);
const unitName = text(MAX_NAME_LENGTH, { vi: 'Chưa nhập tên đơn vị.', en: 'The name is required.' }, { vi: `Tên dài quá ${MAX_NAME_LENGTH} ký tự.`, en: `The name is longer than ${MAX_NAME_LENGTH} characters.` });
const sector = text(MAX_SECTOR_LENGTH, { vi: 'Chưa nhập lĩnh vực.', en: 'The sector is required.' }, { vi: `Lĩnh vực dài quá ${MAX_SECTOR_LENGTH} ký tự.`, en: `The sector is longer than ${MAX_SECTOR_LENGTH} characters.` });
const note = z.string().trim().max(1000, localized({ vi: 'Ghi chú dài quá 1000 ký tự.', en: 'The note is longer than 1000 characters.' }));

export const listInput = z.object({
  managingUnitCode: unitCode.optional(),
  year: year.optional(),
  search: z.string().trim().max(200).optional(),
  sector: z.string().trim().max(MAX_SECTOR_LENGTH).optional(),
  flag: z.enum(['mismatch', 'undetermined', 'behind', 'unclassified', 'pending']).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export const idInput = z.object({ id: z.uuid() });
export const createUnitInput = z.object({ managingUnitCode: unitCode.optional(), name: unitName, sector });
export const updateUnitInput = z.object({ id: z.uuid(), version, name: unitName, sector });
export const removeUnitInput = z.object({ id: z.uuid(), version });

export const yearInput = z
  .object({
    unitId: z.uuid(),
    year,
    /** The version the edit was made on; null when the year had no row yet. */
    version: version.nullable(),
    group: group.nullable(),
    revenueA: amount.nullable(),
    spendingB: amount.refine((value) => value > 0, localized({ vi: 'Chi thường xuyên (B) phải lớn hơn 0.', en: 'B must be more than 0.' })).nullable(),
    investmentCovered: z.boolean().default(false),
    plannedGroup: group.nullable(),
  })
  .superRefine((value, ctx) => {
    const parts = [value.group, value.revenueA, value.spendingB].filter((v) => v !== null).length;
    if (parts !== 0 && parts !== 3) {
      for (const path of ['group', 'revenueA', 'spendingB'] as const) {
        if (value[path] === null) {
          ctx.addIssue({ code: 'custom', path: [path], message: localized({ vi: 'Cần nhập đủ nhóm, tổng thu (A) và chi thường xuyên (B).', en: 'The group, A and B go together.' }) });
        }
      }
    }
    if (value.group === null && value.plannedGroup === null) {
      ctx.addIssue({ code: 'custom', path: ['group'], message: localized({ vi: 'Cần nhập phân loại hoặc nhóm theo lộ trình.', en: 'Enter a classification or a planned group.' }) });
    }
  });
export const clearYearInput = z.object({ unitId: z.uuid(), year, version });

export const summaryInput = z.object({ year: year.optional() });
export const approveInput = z.object({ year, managingUnitCodes: z.array(unitCode).min(1).max(200).optional(), note: note.optional() });
export const reopenInput = z.object({ year, managingUnitCode: unitCode, version, note: note.min(1, localized({ vi: 'Cần ghi lý do trả lại.', en: 'Give a reason.' })) });
export const exportInput = z.object({
  periodId: z.string().refine(isPeriodId, localized({ vi: 'Kỳ báo cáo không hợp lệ, ví dụ 2024-Q1.', en: 'Invalid period, e.g. 2024-Q1.' })),
});
