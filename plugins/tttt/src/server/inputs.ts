/**
 * What the module's procedures accept (zod), with messages in the caller's language
 * (`localized`: the server answers only the caller's one).
 */
import { z } from 'zod';
import { isIsoDate, localized, optionalText, requiredText } from '@dondoc/plugin-sdk';
import { CONNECTION_KINDS, CONNECTION_STATUSES, FEATURE_STATUSES, SEVERITIES } from '../domain/systems.ts';

export const MAX_TITLE = 500;
export const MAX_TEXT = 5000;
export const MAX_ITEMS = 100;

export const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, localized({ vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit code.' }));
/** A real calendar day in years 1900-2999 (the core's rule: the database refuses year 0000). */
const isoDate = z.string().refine(isIsoDate, localized({ vi: 'Ngày không hợp lệ (dd/mm/yyyy, năm từ 1900 đến 2999).', en: 'Invalid date (dd/mm/yyyy, years 1900 to 2999).' }));
/** An instant with its offset, on a day of years 1900-2999. */
const instant = z.iso
  .datetime({ offset: true, message: localized({ vi: 'Thời điểm không hợp lệ.', en: 'Invalid date and time.' }) })
  .refine((text) => isIsoDate(text.slice(0, 10)), localized({ vi: 'Thời điểm không hợp lệ (năm từ 1900 đến 2999).', en: 'Invalid date and time (years 1900 to 2999).' }));
const id = z.uuid(localized({ vi: 'Mã bản ghi không hợp lệ.', en: 'Invalid record id.' }));
const version = z.number().int().min(1);
const year = z.number().int(localized({ vi: 'Năm không hợp lệ.', en: 'Invalid year.' })).min(2020, localized({ vi: 'Năm không hợp lệ.', en: 'Invalid year.' })).max(2100, localized({ vi: 'Năm không hợp lệ.', en: 'Invalid year.' }));

/** A required text and an optional one (the kit's, with their messages in both languages). */
const required = (what: { vi: string; en: string }, max = MAX_TITLE) => requiredText(what, max);
const optional = (what: { vi: string; en: string }, max = MAX_TEXT) => optionalText(what, max);
function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: { vi: string; en: string }) {
  return z.enum(values, localized({ vi: `${what.vi[0]!.toUpperCase()}${what.vi.slice(1)} không hợp lệ.`, en: `Invalid ${what.en}.` }));
}

// Plans
export const yearInput = z.object({ year });
export const planRef = z.object({ unitCode: unitCode.optional(), year });

export const planItem = z.object({
  title: required({ vi: 'nhiệm vụ trọng tâm', en: 'key item' }),
  owner: required({ vi: 'đơn vị, người thực hiện', en: 'owner' }, 300),
  deadline: isoDate.nullable().default(null),
});

export const savePlanInput = z.object({
  unitCode: unitCode.optional(),
  year,
  /** The version the edit was made on (absent: a new plan). */
  version: version.optional(),
  title: required({ vi: 'tên kế hoạch', en: 'plan title' }),
  documentNumber: optional({ vi: 'số văn bản', en: 'document number' }, 100),
  documentDate: isoDate.nullable().default(null),
  summary: optional({ vi: 'tóm tắt', en: 'summary' }),
  contentCodes: z.array(z.string().trim().min(1).max(30)).max(100).default([]),
  items: z.array(planItem).max(MAX_ITEMS, localized({ vi: `Tối đa ${MAX_ITEMS} nhiệm vụ trọng tâm.`, en: `At most ${MAX_ITEMS} key items.` })).default([]),
});

export const submitPlanInput = z.object({ id, version });
export const attachDocumentFields = z.object({ id, version });
export const planIdInput = z.object({ id });
export const reviewPlanInput = z.object({
  id,
  version,
  decision: z.enum(['return', 'approve']),
  reasons: z.array(z.string().trim().max(2000, localized({ vi: 'Lý do dài quá 2000 ký tự.', en: 'A reason is longer than 2000 characters.' }))).max(20).default([]),
});
export const remindInput = z.object({ year, unitCodes: z.array(unitCode).min(1).max(500).optional() });
export const openItemTaskInput = z.object({ itemId: id });

// Required contents and settings
export const saveContentInput = z.object({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9._-]{0,29}$/, localized({ vi: 'Mã nội dung chỉ gồm chữ in hoa, số, dấu chấm, gạch (tối đa 30 ký tự).', en: 'A content code has capital letters, digits, dots and dashes only (at most 30).' })),
  title: required({ vi: 'nội dung', en: 'content' }),
  position: z.number().int().min(0).max(10_000),
  active: z.boolean().default(true),
  version: version.optional(),
});
export const settingsInput = z.object({
  staleAfterDays: z.number().int().min(0, localized({ vi: 'Số ngày không được âm.', en: 'The number of days must not be negative.' })).max(365, localized({ vi: 'Số ngày tối đa là 365.', en: 'At most 365 days.' })),
  securityLevel: z.number().int().min(1, localized({ vi: 'Cấp độ từ 1 đến 5.', en: 'The level is 1 to 5.' })).max(5, localized({ vi: 'Cấp độ từ 1 đến 5.', en: 'The level is 1 to 5.' })),
  lastAssessedOn: isoDate.nullable().default(null),
  version,
});

// The information system
export const featureFields = z.object({
  name: required({ vi: 'tên tính năng', en: 'feature name' }),
  owner: required({ vi: 'đơn vị, người phụ trách', en: 'owner' }, 300),
  deadline: isoDate.nullable().default(null),
  status: oneOf(FEATURE_STATUSES, { vi: 'trạng thái', en: 'status' }),
  note: optional({ vi: 'ghi chú', en: 'note' }),
});
export const connectionFields = z.object({
  name: required({ vi: 'tên kết nối', en: 'connection name' }),
  kind: oneOf(CONNECTION_KINDS, { vi: 'loại kết nối', en: 'connection kind' }),
  status: oneOf(CONNECTION_STATUSES, { vi: 'trạng thái', en: 'status' }),
  lastSuccessOn: isoDate.nullable().default(null),
  note: optional({ vi: 'ghi chú', en: 'note' }),
});
export const incidentFields = z.object({
  connectionId: id,
  startedAt: instant,
  endedAt: instant.nullable().default(null),
  description: required({ vi: 'mô tả sự cố', en: 'incident description' }, MAX_TEXT),
});
export const findingFields = z.object({
  title: required({ vi: 'nội dung phát hiện', en: 'finding' }),
  owner: required({ vi: 'đơn vị, người khắc phục', en: 'owner' }, 300),
  severity: oneOf(SEVERITIES, { vi: 'mức độ', en: 'severity' }),
  deadline: isoDate,
  resolvedOn: isoDate.nullable().default(null),
});

/** An edit of a row: its id, the version it was made on, and its fields. */
export const edit = <T extends z.ZodRawShape>(fields: z.ZodObject<T>) => fields.extend({ id, version });
export const removeInput = z.object({ id, version });
export const importFields = z.object({ dryRun: z.boolean() });
