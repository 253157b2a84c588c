/** The procedures' inputs, validated with zod; every message in both languages (`localized`), answered in the caller's. */
import { z } from 'zod';
import { isIsoDate, localized } from '@dondoc/plugin-sdk';
import {
  EVALUATION_KINDS,
  MAX_CODE_LENGTH,
  MAX_COST,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  MILESTONE_STATUSES,
  ONLINE_SERVICES,
  PLAN_ACTIONS,
  PROCEDURE_KINDS,
  PROCEDURE_LEVELS,
  RECOMMENDATIONS,
} from '../domain/index.ts';

export const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, localized({ vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit code.' }));
/** A real calendar day in years 1900-2999 (the core's rule): 0000-01-01 is refused, not sent to the database. */
const isoDate = z.string().refine(isIsoDate, localized({ vi: 'Ngày không hợp lệ (dd/mm/yyyy, năm từ 1900 đến 2999).', en: 'Invalid date (dd/mm/yyyy, years 1900 to 2999).' }));
const id = z.uuid(localized({ vi: 'Mã bản ghi không hợp lệ.', en: 'Invalid record id.' }));
const version = z.number().int().min(1);
const text = (max: number, what: { vi: string; en: string }) =>
  z
    .string()
    .trim()
    .min(1, localized({ vi: `Chưa nhập ${what.vi}.`, en: `The ${what.en} is required.` }))
    .max(max, localized({ vi: `${what.vi[0]!.toLocaleUpperCase('vi')}${what.vi.slice(1)} dài quá ${max} ký tự.`, en: `The ${what.en} is longer than ${max} characters.` }));
const optionalText = (max: number, what: { vi: string; en: string }) =>
  z
    .string()
    .trim()
    .max(max, localized({ vi: `${what.vi[0]!.toLocaleUpperCase('vi')}${what.vi.slice(1)} dài quá ${max} ký tự.`, en: `The ${what.en} is longer than ${max} characters.` }))
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: { vi: string; en: string }) =>
  z.enum(values, localized({ vi: `${what.vi[0]!.toLocaleUpperCase('vi')}${what.vi.slice(1)} phải là một trong: ${values.join(', ')}.`, en: `The ${what.en} must be one of: ${values.join(', ')}.` }));
const cost = z
  .number()
  .finite()
  .min(0, localized({ vi: 'Chi phí không được âm.', en: 'The cost must not be negative.' }))
  .max(MAX_COST, localized({ vi: 'Chi phí lớn quá mức cho phép.', en: 'The cost is too large.' }));
const days = z
  .number()
  .int(localized({ vi: 'Số ngày phải là số nguyên.', en: 'Days must be a whole number.' }))
  .min(0, localized({ vi: 'Số ngày không được âm.', en: 'Days must not be negative.' }))
  .max(3650, localized({ vi: 'Số ngày lớn quá mức cho phép.', en: 'Too many days.' }));
const count = z
  .number()
  .int(localized({ vi: 'Số hồ sơ phải là số nguyên.', en: 'Dossiers must be a whole number.' }))
  .min(0, localized({ vi: 'Số hồ sơ không được âm.', en: 'Dossiers must not be negative.' }))
  .max(10_000_000, localized({ vi: 'Số hồ sơ lớn quá mức cho phép.', en: 'Too many dossiers.' }));

export const procedureCode = z
  .string()
  .trim()
  .min(1, localized({ vi: 'Chưa nhập mã thủ tục.', en: 'The procedure code is required.' }))
  .max(MAX_CODE_LENGTH, localized({ vi: `Mã thủ tục dài quá ${MAX_CODE_LENGTH} ký tự.`, en: `The procedure code is longer than ${MAX_CODE_LENGTH} characters.` }));

export const procedureFields = z.object({
  code: procedureCode,
  name: text(MAX_NAME_LENGTH, { vi: 'tên thủ tục', en: 'procedure name' }),
  field: text(200, { vi: 'lĩnh vực', en: 'field' }),
  level: oneOf(PROCEDURE_LEVELS, { vi: 'cấp thực hiện', en: 'level' }),
  kind: oneOf(PROCEDURE_KINDS, { vi: 'loại thủ tục', en: 'kind' }),
  decisionNumber: optionalText(100, { vi: 'số quyết định công bố', en: 'announcing decision' }),
  announcedOn: isoDate.nullable().default(null),
  onlineService: oneOf(ONLINE_SERVICES, { vi: 'dịch vụ công trực tuyến', en: 'online service' }),
  complianceCost: cost.nullable().default(null),
});

export const listInput = z.object({ ownerUnitCode: unitCode.optional() });
export const asOfInput = z.object({ asOf: isoDate.optional() });
export const createProcedureInput = procedureFields.extend({ ownerUnitCode: unitCode.optional() });
export const updateProcedureInput = procedureFields.extend({ id, version });
export const removeInput = z.object({ id, version });
export const publishInput = z.object({ id, version, publishedOn: isoDate.nullable() });
export const importFields = z.object({ ownerUnitCode: unitCode.optional(), dryRun: z.boolean() });

export const planFields = z.object({
  action: oneOf(PLAN_ACTIONS, { vi: 'phương án', en: 'action' }),
  content: text(MAX_TEXT_LENGTH, { vi: 'nội dung phương án', en: 'plan content' }),
  costBefore: cost,
  costAfter: cost,
  daysBefore: days.nullable().default(null),
  daysAfter: days.nullable().default(null),
});
export const proposePlanInput = planFields.extend({ procedureId: id });
export const updatePlanInput = planFields.extend({ id, version });
export const reviewPlanInput = z.object({ id, version, note: optionalText(MAX_TEXT_LENGTH, { vi: 'ý kiến', en: 'note' }) });
export const returnPlanInput = z.object({ id, version, note: text(MAX_TEXT_LENGTH, { vi: 'lý do trả lại', en: 'reason' }) });
export const implementPlanInput = z.object({ id, version, implementedOn: isoDate });

export const delegationFields = z.object({
  procedureId: id,
  delegatingAuthority: text(200, { vi: 'cơ quan ủy quyền', en: 'delegating authority' }),
  delegateUnitCode: unitCode,
  decisionNumber: text(100, { vi: 'số quyết định ủy quyền', en: 'decision' }),
  startsOn: isoDate,
  endsOn: isoDate.nullable().default(null),
});
export const createDelegationInput = delegationFields;
export const updateDelegationInput = delegationFields.extend({ id, version });
export const dossiersInput = z.object({ id, version, onTime: count, late: count });
export const evaluateInput = z.object({
  delegationId: id,
  kind: oneOf(EVALUATION_KINDS, { vi: 'hình thức', en: 'kind' }),
  evaluatedOn: isoDate,
  findings: text(MAX_TEXT_LENGTH, { vi: 'kết quả kiểm tra, đánh giá', en: 'findings' }),
  recommendation: oneOf(RECOMMENDATIONS, { vi: 'kiến nghị', en: 'recommendation' }),
});
export const thresholdInput = z.object({
  version: version.nullable(),
  lateThreshold: z
    .number()
    .finite()
    .min(0, localized({ vi: 'Ngưỡng phải từ 0 đến 100%.', en: 'The threshold must be 0-100%.' }))
    .max(100, localized({ vi: 'Ngưỡng phải từ 0 đến 100%.', en: 'The threshold must be 0-100%.' })),
});

export const milestoneFields = z.object({
  title: text(MAX_NAME_LENGTH, { vi: 'nội dung mốc', en: 'milestone' }),
  dueOn: isoDate,
  status: oneOf(MILESTONE_STATUSES, { vi: 'trạng thái', en: 'status' }),
  doneOn: isoDate.nullable().default(null),
  note: optionalText(MAX_TEXT_LENGTH, { vi: 'ghi chú', en: 'note' }),
});
export const createMilestoneInput = milestoneFields.extend({ unitCode: unitCode.optional() });
export const updateMilestoneInput = milestoneFields.extend({ id, version });
