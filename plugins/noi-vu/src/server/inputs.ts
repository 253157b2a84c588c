/**
 * What the module's procedures accept (zod), with messages in the caller's language
 * (`localized`: the server answers only the caller's one).
 */
import { z } from 'zod';
import { isIsoDate, isPeriodId, localized, optionalText, requiredText, SCORECARD_INDICES } from '@dondoc/plugin-sdk';
import { MAX_NARRATIVE, NARRATIVE_KEYS } from '../domain/report.ts';
import { MODEL_FIELDS } from '../domain/models.ts';
import { DISCIPLINE_MEASURES, INSPECTION_KINDS } from '../domain/inspections.ts';

export const MAX_TITLE = 500;
export const MAX_TEXT = 5000;

export const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, localized({ vi: 'Mã đơn vị không hợp lệ.', en: 'Invalid unit code.' }));
export const isoDate = z.string().refine(isIsoDate, localized({ vi: 'Ngày không hợp lệ (dd/mm/yyyy).', en: 'Invalid date (dd/mm/yyyy).' }));
const id = z.uuid(localized({ vi: 'Mã bản ghi không hợp lệ.', en: 'Invalid record id.' }));
const version = z.number().int().min(1);
const year = z.number().int().min(2020, localized({ vi: 'Năm không hợp lệ.', en: 'Invalid year.' })).max(2100, localized({ vi: 'Năm không hợp lệ.', en: 'Invalid year.' }));
const periodId = z.string().refine(isPeriodId, localized({ vi: 'Kỳ báo cáo không hợp lệ (ví dụ 2026-Q4).', en: 'Invalid reporting period (e.g. 2026-Q4).' }));

const required = requiredText;
const optional = optionalText;

// Consolidated reports
export const periodInput = z.object({ periodId });
export const remindInput = z.object({ periodId, unitCodes: z.array(unitCode).min(1).max(500).optional() });
export const saveReportInput = z.object({
  periodId,
  /** The version the edit was made on (null: the period has no consolidated report yet). */
  version: version.nullable(),
  narrative: z.object(Object.fromEntries(NARRATIVE_KEYS.map((key) => [key, z.string().max(MAX_NARRATIVE, localized({ vi: `Nội dung dài quá ${MAX_NARRATIVE} ký tự.`, en: `The text is longer than ${MAX_NARRATIVE} characters.` })).optional()])) as Record<(typeof NARRATIVE_KEYS)[number], z.ZodOptional<z.ZodString>>),
  number: z.number().int().min(1).max(99_999).nullable().default(null),
  signerName: optional({ vi: 'người ký', en: 'signer' }, 200),
  signerTitle: optional({ vi: 'chức vụ người ký', en: 'signer’s title' }, 200),
});

// Scorecards
export const scorecardsInput = z.object({ year: year.optional(), index: z.enum(SCORECARD_INDICES).optional() });
export const scorecardInput = z.object({ id });
export const estimateInput = z.object({
  nodeId: id,
  version,
  value: z.number().finite(),
  evidence: required({ vi: 'căn cứ, minh chứng', en: 'evidence' }, 2000),
  asOf: isoDate.optional(),
  action: z
    .object({
      what: required({ vi: 'giải pháp khắc phục', en: 'remediation' }, 2000),
      ownerUnitCode: unitCode.optional(),
      dueOn: isoDate,
      openTask: z.boolean().default(false),
    })
    .optional(),
});
export const rankingInput = z.object({ year, kind: z.enum(['department', 'district']) });

// Good models
export const modelsInput = z.object({ year: year.optional() });
export const proposeInput = z.object({
  unitCode: unitCode.optional(),
  year,
  field: z.enum(MODEL_FIELDS, localized({ vi: 'Lĩnh vực không hợp lệ.', en: 'Invalid field.' })),
  title: required({ vi: 'tên mô hình', en: 'model name' }),
  description: required({ vi: 'mô tả', en: 'description' }, MAX_TEXT),
  results: required({ vi: 'kết quả đạt được', en: 'results' }, MAX_TEXT),
  evidence: optional({ vi: 'minh chứng', en: 'evidence' }, 2000),
});
export const evaluateInput = z.object({ id, version, decision: z.enum(['recognise', 'reject']), note: optional({ vi: 'nhận xét', en: 'note' }, 2000) });
export const replicateInput = z.object({ id, version, replicate: z.boolean() });
export const adoptInput = z.object({ modelId: id, unitCode: unitCode.optional(), adoptedOn: isoDate, result: required({ vi: 'kết quả áp dụng', en: 'result' }, MAX_TEXT) });

// Inspections
export const inspectionsInput = z.object({ year: year.optional(), unitCode: unitCode.optional() });
export const inspectionFields = z.object({
  kind: z.enum(INSPECTION_KINDS, localized({ vi: 'Loại kiểm tra không hợp lệ.', en: 'Invalid inspection kind.' })),
  plan: required({ vi: 'kế hoạch kiểm tra', en: 'plan' }),
  unitCode,
  inspectedOn: isoDate,
  findings: optional({ vi: 'kết quả, phát hiện', en: 'findings' }, MAX_TEXT),
});
export const createInspectionInput = inspectionFields;
export const updateInspectionInput = inspectionFields.partial().extend({ id, version });
export const closeInspectionInput = z.object({ id, version, closedOn: isoDate });
export const followUpInput = z.object({ inspectionId: id, what: required({ vi: 'nội dung yêu cầu khắc phục', en: 'follow-up' }, 2000), dueOn: isoDate, openTask: z.boolean().default(false) });
export const followUpDoneInput = z.object({ id, version, doneOn: isoDate.nullable() });
export const disciplineInput = z.object({
  unitCode,
  inspectionId: id.optional(),
  subject: required({ vi: 'đối tượng vi phạm', en: 'subject' }, 300),
  violation: required({ vi: 'hành vi vi phạm', en: 'violation' }, 2000),
  measure: z.enum(DISCIPLINE_MEASURES, localized({ vi: 'Hình thức kỷ luật không hợp lệ.', en: 'Invalid measure.' })),
  decidedOn: isoDate,
  decisionNumber: optional({ vi: 'số quyết định', en: 'decision number' }, 100),
  published: z.boolean().default(true),
});
export const importInput = z.object({ dryRun: z.boolean() });
