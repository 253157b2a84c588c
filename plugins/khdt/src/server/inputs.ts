/**
 * What the module's procedures accept (zod), with messages in the caller's language
 * (`localized`: the server answers only the caller's one).
 */
import { z } from 'zod';
import { isIsoDate, localized } from '@dondoc/plugin-sdk';
import { KHDT_INDICES, MAX_BENEFICIARIES, MAX_BUDGET, MAX_NAME, MAX_TEXT, SCHEME_STATUSES, schemeProblems } from '../domain/index.ts';

export const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, localized({ vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit code.' }));
const isoDate = z.string().refine(isIsoDate, localized({ vi: 'Ngày không hợp lệ (dd/mm/yyyy).', en: 'Invalid date (dd/mm/yyyy).' }));
const id = z.uuid(localized({ vi: 'Mã bản ghi không hợp lệ.', en: 'Invalid record id.' }));
const version = z.number().int().min(1);
const text = (what: { vi: string; en: string }, max: number) =>
  z
    .string()
    .trim()
    .min(1, localized({ vi: `Chưa nhập ${what.vi}.`, en: `The ${what.en} is required.` }))
    .max(max, localized({ vi: `Nội dung dài quá ${max} ký tự.`, en: `The text is longer than ${max} characters.` }));
const note = z
  .string()
  .trim()
  .max(MAX_TEXT, localized({ vi: `Nội dung dài quá ${MAX_TEXT} ký tự.`, en: `The text is longer than ${MAX_TEXT} characters.` }))
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .default(null);
const amount = z
  .number(localized({ vi: 'Số tiền phải là một số.', en: 'An amount must be a number.' }))
  .min(0, localized({ vi: 'Số tiền không được âm.', en: 'An amount must not be negative.' }))
  .max(MAX_BUDGET, localized({ vi: 'Số tiền lớn quá mức cho phép.', en: 'The amount is too large.' }));
const count = z
  .number()
  .int(localized({ vi: 'Số đối tượng phải là số nguyên.', en: 'A count must be a whole number.' }))
  .min(0, localized({ vi: 'Số đối tượng không được âm.', en: 'A count must not be negative.' }))
  .max(MAX_BENEFICIARIES, localized({ vi: 'Số đối tượng lớn quá mức cho phép.', en: 'The count is too large.' }))
  .nullable()
  .default(null);

export const schemeShape = z.object({
  name: text({ vi: 'tên Đề án, Kế hoạch', en: 'scheme name' }, MAX_NAME),
  decisionNumber: text({ vi: 'số quyết định phê duyệt', en: 'approving decision number' }, 100),
  decisionDate: isoDate,
  startOn: isoDate,
  endOn: isoDate,
  status: z.enum(SCHEME_STATUSES, localized({ vi: 'Trạng thái không hợp lệ.', en: 'Invalid status.' })),
  budgetAllocated: amount,
  budgetDisbursed: amount,
  beneficiaryTarget: count,
  beneficiaryActual: count,
  beneficiaryLabel: text({ vi: 'loại đối tượng thụ hưởng', en: 'beneficiary kind' }, 100).default('doanh nghiệp'),
  marginPct: z.number().min(0, localized({ vi: 'Ngưỡng từ 0 đến 100 điểm %.', en: 'The margin is 0 to 100 points.' })).max(100, localized({ vi: 'Ngưỡng từ 0 đến 100 điểm %.', en: 'The margin is 0 to 100 points.' })).nullable().default(null),
  note,
});

/** The figures must hold together (domain's `schemeProblems`): each problem on the field it is about. */
const consistent = <T extends z.ZodType<z.output<typeof schemeShape>>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    for (const problem of schemeProblems(value)) ctx.addIssue({ code: 'custom', message: localized(problem.message), path: [problem.field] });
  });

export const schemeFields = consistent(schemeShape);
export const createSchemeInput = consistent(schemeShape.extend({ unitCode: unitCode.optional() }));
export const updateSchemeInput = consistent(schemeShape.extend({ id, version }));
export const refInput = z.object({ id, version });
export const idInput = z.object({ id });
export const listSchemesInput = z.object({ unitCode: unitCode.optional(), status: z.enum(SCHEME_STATUSES).optional(), behindOnly: z.boolean().default(false) }).default({ behindOnly: false });

export const obstacleFields = z.object({
  description: text({ vi: 'nội dung khó khăn, vướng mắc', en: 'obstacle' }, MAX_TEXT),
  proposal: note,
  beyondAuthority: z.boolean().default(false),
  resolvedOn: isoDate.nullable().default(null),
});
export const addObstacleInput = obstacleFields.extend({ schemeId: id });
export const updateObstacleInput = obstacleFields.extend({ id, version });
export const importFields = z.object({ dryRun: z.boolean() });

// Scorecards
const score = z.number(localized({ vi: 'Điểm phải là một số.', en: 'A score must be a number.' })).min(0, localized({ vi: 'Điểm không được âm.', en: 'A score must not be negative.' }));
export const indexInput = z.object({ index: z.enum(KHDT_INDICES), year: z.number().int().min(2000).max(2100).optional() });
export const setTargetInput = z.object({
  nodeId: id,
  version,
  target: score.nullable().optional(),
  margin: score.nullable().optional(),
  ownerUnitCodes: z.array(unitCode).max(60).optional(),
});
export const estimateInput = z.object({
  nodeId: id,
  version,
  value: score,
  evidence: text({ vi: 'căn cứ, minh chứng của ước tính', en: 'evidence' }, 2000),
  asOf: isoDate.optional(),
  action: z
    .object({
      what: text({ vi: 'giải pháp khắc phục', en: 'remediation' }, 2000),
      ownerUnitCode: unitCode.optional(),
      dueOn: isoDate,
      openTask: z.boolean().default(false),
    })
    .optional(),
});
export const nodeInput = z.object({ nodeId: id });
