/**
 * Good models and practices (mô hình, cách làm hay), pure rules: a unit proposes one; Sở Nội vụ
 * evaluates it (recognised or not, with a note) and may mark a recognised one for replication;
 * other units record that they adopted a model marked for replication, with their result.
 */
export const MODEL_STATES = ['proposed', 'recognised', 'not_recognised'] as const;
export type ModelState = (typeof MODEL_STATES)[number];

export const MODEL_STATE_LABELS: Record<ModelState, { vi: string; en: string }> = {
  proposed: { vi: 'Chờ đánh giá', en: 'Awaiting evaluation' },
  recognised: { vi: 'Được công nhận', en: 'Recognised' },
  not_recognised: { vi: 'Không công nhận', en: 'Not recognised' },
};

/** The reform fields a model belongs to (as the CCHC report's part II). */
export const MODEL_FIELDS = ['the_che', 'thu_tuc', 'to_chuc', 'cong_vu', 'tai_chinh', 'chinh_quyen_so'] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];
export const MODEL_FIELD_LABELS: Record<ModelField, { vi: string; en: string }> = {
  the_che: { vi: 'Cải cách thể chế', en: 'Institutions' },
  thu_tuc: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedures' },
  to_chuc: { vi: 'Cải cách tổ chức bộ máy', en: 'Organisation' },
  cong_vu: { vi: 'Cải cách chế độ công vụ', en: 'Civil service' },
  tai_chinh: { vi: 'Cải cách tài chính công', en: 'Public finance' },
  chinh_quyen_so: { vi: 'Chính quyền điện tử, chính quyền số', en: 'Digital government' },
};

export type ModelRefusal = 'not_proposed' | 'not_recognised' | 'own_model' | 'not_for_replication' | 'note_required';

/** Whether Sở Nội vụ may evaluate the model now: only a proposed one; refusing recognition needs a note. */
export function evaluationRefusal(state: ModelState, decision: 'recognise' | 'reject', note: string | null): ModelRefusal | null {
  if (state !== 'proposed') return 'not_proposed';
  if (decision === 'reject' && !note?.trim()) return 'note_required';
  return null;
}

/** Whether Sở Nội vụ may mark the model for replication (or unmark it): only a recognised one. */
export function replicationRefusal(state: ModelState): ModelRefusal | null {
  return state === 'recognised' ? null : 'not_recognised';
}

/** Whether a unit may record an adoption: a model marked for replication, proposed by another unit. */
export function adoptionRefusal(model: { state: ModelState; replicate: boolean; unitCode: string }, adopterUnitCode: string): ModelRefusal | null {
  if (model.unitCode === adopterUnitCode) return 'own_model';
  if (model.state !== 'recognised' || !model.replicate) return 'not_for_replication';
  return null;
}

/** Counts by state, the models marked for replication and the units that adopted them. */
export function modelCounts(models: ReadonlyArray<{ state: ModelState; replicate: boolean; adoptions: number }>) {
  const counts: Record<ModelState, number> = { proposed: 0, recognised: 0, not_recognised: 0 };
  for (const m of models) counts[m.state]++;
  return { ...counts, total: models.length, replicating: models.filter((m) => m.state === 'recognised' && m.replicate).length, adoptions: models.reduce((sum, m) => sum + m.adoptions, 0) };
}
