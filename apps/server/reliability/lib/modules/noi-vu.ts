/**
 * The authorization matrix's rows of noi-vu (Sở Nội vụ, owner `snv`): the consolidated report of
 * the period, Ba Đình's good model, Sở Nội vụ's inspections of Ba Đình (a follow-up, a
 * discipline case) and a leaf of the PAR INDEX scorecard Sở Nội vụ estimates.
 */
import { sql } from 'drizzle-orm';
import type { TestServer } from '../../../test/helpers.ts';
import type { Fixtures, Sample } from '../matrix.ts';
import { BD, csv, dataOf, rows, versioned, type Row, type Versioned } from '../matrix-kit.ts';

/**
 * Ba Đình's model, another unit's it may adopt; Sở Nội vụ's inspection of Ba Đình, another to close, a follow-up of the
 * first (and a discipline case); a leaf of the PAR INDEX scorecard only Sở Nội vụ estimates (no owner unit, or SNV alone).
 */
export type NoiVuFixtures = Record<'model' | 'inspection' | 'spareInspection' | 'followUp', Versioned> & {
  /** A model of Sở Xây dựng, recognised and marked for replication: Ba Đình adopts it. */
  adoptable: Versioned;
  /** The leaf, and an estimate that meets its target (none below it: no remediation needed). */
  node: Versioned & { value: number };
};

const REPORTS_READ = 'noi-vu.reports:read';
const CONSOLIDATE = 'noi-vu.reports:consolidate';
const MODELS_READ = 'noi-vu.models:read';
const EVALUATE = 'noi-vu.models:evaluate';
const INSPECTIONS_READ = 'noi-vu.inspections:read';
const INSPECT = 'noi-vu.inspections:write';
const SNV = (): string => 'SNV';
const modelFields = { year: 2026, field: 'thu_tuc', title: 'Một cửa không chờ', description: 'Tiếp nhận hồ sơ trực tuyến, trả kết quả tại nhà', results: 'Giảm 40% thời gian chờ' } as const;
const inspectionFields = { kind: 'cchc', plan: 'Kế hoạch kiểm tra CCHC năm 2026', inspectedOn: '2026-10-15' } as const;
const inspectionsCsv = csv('kiem-tra.csv', 'Loại kiểm tra,Kế hoạch,Mã đơn vị được kiểm tra,Ngày kiểm tra\nCải cách hành chính,Kế hoạch nhập thử,BADINH,20/10/2026\n');
const period = (fx: Fixtures) => ({ periodId: fx.period });

const n = (fx: Fixtures) => fx.noiVu;

export const samples: Record<string, Sample> = {
  'reports.get': { permission: REPORTS_READ, input: period },
  'reports.save': { permission: CONSOLIDATE, input: (fx) => ({ periodId: fx.period, version: null, narrative: { summary: 'Tình hình chung' } }) },
  'reports.remind': { permission: CONSOLIDATE, unit: BD, input: (fx) => ({ periodId: fx.period, unitCodes: [BD()] }) },
  'reports.document': { permission: REPORTS_READ, input: period },
  'reports.annexes': { permission: REPORTS_READ, input: period },

  'scorecards.list': { permission: 'noi-vu.scorecards:read', input: () => ({}) },
  'scorecards.get': { permission: 'noi-vu.scorecards:read', input: (fx) => ({ id: fx.scorecard.id }) },
  'scorecards.estimate': {
    permission: 'noi-vu.scorecards:estimate',
    unit: SNV,
    rowUser: () => 'snv',
    input: (fx) => ({ nodeId: n(fx).node.id, version: n(fx).node.version, value: n(fx).node.value, evidence: 'Báo cáo tự đánh giá của Sở Nội vụ' }),
  },
  'scorecards.ranking': { permission: 'noi-vu.scorecards:read', input: () => ({ year: 2025, kind: 'district' }) },

  'models.list': { permission: MODELS_READ, input: () => ({}) },
  'models.propose': { permission: 'noi-vu.models:propose', unit: BD, input: () => ({ ...modelFields, unitCode: BD(), title: 'Mô hình mới của Ba Đình' }) },
  'models.adopt': { permission: 'noi-vu.models:propose', unit: BD, input: (fx) => ({ modelId: n(fx).adoptable.id, unitCode: BD(), adoptedOn: fx.today, result: 'Áp dụng tại bộ phận một cửa' }) },
  'models.evaluate': { permission: EVALUATE, unit: BD, input: (fx) => ({ ...n(fx).model, decision: 'recognise', note: 'Mô hình hiệu quả' }) },
  'models.replicate': { permission: EVALUATE, unit: BD, input: (fx) => ({ ...n(fx).model, replicate: true }) },
  'models.export': { permission: MODELS_READ, input: () => ({}) },

  'inspections.list': { permission: INSPECTIONS_READ, unit: BD, outOfScope: 'list', input: () => ({ unitCode: BD() }) },
  'inspections.create': { permission: INSPECT, unit: BD, input: () => ({ ...inspectionFields, unitCode: BD(), plan: 'Kiểm tra đột xuất' }) },
  'inspections.update': { permission: INSPECT, unit: BD, input: (fx) => ({ ...n(fx).inspection, findings: 'Còn hồ sơ trễ hạn' }) },
  'inspections.close': { permission: INSPECT, unit: BD, input: (fx) => ({ ...n(fx).spareInspection, closedOn: fx.today }) },
  'inspections.addFollowUp': { permission: INSPECT, unit: BD, input: (fx) => ({ inspectionId: n(fx).inspection.id, what: 'Rà soát hồ sơ trễ hạn', dueOn: '2027-03-31' }) },
  'inspections.markFollowUp': { permission: INSPECT, unit: BD, input: (fx) => ({ ...n(fx).followUp, doneOn: fx.today }) },
  'inspections.discipline': { permission: INSPECTIONS_READ, unit: BD, outOfScope: 'list' },
  'inspections.addDiscipline': {
    permission: INSPECT,
    unit: BD,
    input: (fx) => ({ unitCode: BD(), inspectionId: n(fx).inspection.id, subject: 'Công chức bộ phận một cửa', violation: 'Trễ hạn hồ sơ', measure: 'khien_trach', decidedOn: fx.today }),
  },
  'inspections.template': { permission: INSPECT },
  'inspections.import': { permission: INSPECT, unit: BD, upload: () => ({ fields: { dryRun: true }, file: inspectionsCsv }) },
  'inspections.export': { permission: INSPECTIONS_READ, unit: BD, outOfScope: 'list', input: () => ({ unitCode: BD() }) },
  'overview.get': { permission: MODELS_READ },
};

/** Ba Đình's model through the module's API as Ba Đình, the inspections as Sở Nội vụ, a PAR INDEX leaf looked up. */
export async function build(server: TestServer, scorecardId: string): Promise<{ fixtures: NoiVuFixtures; secrets: string[] }> {
  const badinh = await server.signIn('badinh');
  const owner = await server.signIn('snv');
  const made = async (client: typeof badinh, path: string, input: unknown) => versioned(await dataOf<Row>(await client.mutate('noi-vu', path, input), `noi-vu.${path}`), path);
  const model = await made(badinh, 'models.propose', modelFields);
  const other = await made(await server.signIn('sxd'), 'models.propose', { ...modelFields, title: 'Số hóa hồ sơ xây dựng' });
  const recognised = await made(owner, 'models.evaluate', { ...other, decision: 'recognise', note: 'Hiệu quả' });
  const adoptable = await made(owner, 'models.replicate', { ...recognised, replicate: true });
  const inspection = await made(owner, 'inspections.create', { ...inspectionFields, unitCode: BD() });
  const spareInspection = await made(owner, 'inspections.create', { ...inspectionFields, unitCode: BD(), plan: 'Kiểm tra để kết thúc' });
  const followUp = await made(owner, 'inspections.addFollowUp', { inspectionId: inspection.id, what: 'Niêm yết TTHC', dueOn: '2027-01-31' });
  // A published discipline case of Ba Đình: `inspections.discipline` shows it to Ba Đình's readers only.
  const discipline = await dataOf<Row>(
    await owner.mutate('noi-vu', 'inspections.addDiscipline', { unitCode: BD(), inspectionId: inspection.id, subject: 'Công chức tiếp nhận hồ sơ', violation: 'Trễ hạn', measure: 'khien_trach', decidedOn: '2026-11-02' }),
    'noi-vu.inspections.addDiscipline',
  );
  // Not the core matrix's nodes ('4' it estimates, '3.4' it removes).
  const [leaf] = await rows(
    server,
    sql`select n.id, n.version, n.target, n.max_points from core.scorecard_nodes n where n.scorecard_id = ${scorecardId} and n.code not in ('4', '3.4') and n.owner_unit_codes <@ array['SNV']::text[]
        and not exists (select 1 from core.scorecard_nodes c where c.parent_id = n.id) order by n.code desc limit 1`,
  );
  const value = Number(leaf?.target ?? leaf?.max_points ?? 1);
  const fixtures: NoiVuFixtures = { model, adoptable, inspection, spareInspection, followUp, node: { ...versioned(leaf, 'a leaf of the PAR INDEX scorecard'), value } };
  return { fixtures, secrets: [inspection.id, spareInspection.id, followUp.id, String(discipline.id)] };
}
