/**
 * The authorization matrix's rows of van-phong (Văn phòng UBND Thành phố, owner `vp`): Ba Đình's
 * procedures, its simplification plan, a delegation to it and its one-stop-shop milestones.
 */
import type { TestServer } from '../../../test/helpers.ts';
import type { Fixtures, Sample } from '../matrix.ts';
import { BD, csv, dataOf, type Row, type Versioned, versioned } from '../matrix-kit.ts';

export interface VanPhongFixtures {
  /** Ba Đình's procedure (with a plan and a delegation) and another to remove. */
  procedure: Versioned;
  spareProcedure: Versioned;
  plan: Versioned;
  /** A second procedure of Ba Đình (to publish) and its plan, which only the Văn phòng's review procedures touch. */
  reviewedProcedure: Versioned;
  reviewedPlan: Versioned;
  delegation: Versioned;
  milestone: Versioned;
  spareMilestone: Versioned;
}

const READ = 'van-phong.records:read';
const procedureFields = { name: 'Thủ tục kiểm thử phân quyền', field: 'Nội vụ', level: 'district', kind: 'internal', onlineService: 'none' } as const;
const planFields = { action: 'simplify', content: 'Rút ngắn thời gian giải quyết', costBefore: 100, costAfter: 60 } as const;
const delegationFields = (procedureId: string) => ({ procedureId, delegatingAuthority: 'UBND Thành phố', delegateUnitCode: BD(), decisionNumber: '4610/QĐ-UBND', startsOn: '2026-01-01' });
const milestoneFields = { title: 'Bố trí Bộ phận một cửa', dueOn: '2027-06-30', status: 'not_started' } as const;
const proceduresCsv = csv('danh-muc-tthc.csv', 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Loại thủ tục,Dịch vụ công trực tuyến\nKT.9001,Thủ tục nhập thử,Nội vụ,Cấp huyện,Nội bộ,Không\n');

const vp = (fx: Fixtures) => fx.vanPhong;

export const samples: Record<string, Sample> = {
  'procedures.list': { permission: READ, unit: BD, outOfScope: 'row', input: () => ({ ownerUnitCode: BD() }) },
  'procedures.create': { permission: 'van-phong.procedures:write', unit: BD, input: () => ({ ...procedureFields, ownerUnitCode: BD(), code: 'KT.9002' }) },
  'procedures.update': { permission: 'van-phong.procedures:write', unit: BD, input: (fx) => ({ ...vp(fx).procedure, ...procedureFields, code: 'KT.9000' }) },
  'procedures.remove': { permission: 'van-phong.procedures:write', unit: BD, input: (fx) => vp(fx).spareProcedure },
  'procedures.publish': { permission: 'van-phong.procedures:publish', unit: BD, input: (fx) => ({ ...vp(fx).reviewedProcedure, publishedOn: null }) },
  'procedures.backlog': { permission: READ, unit: BD, outOfScope: 'list', input: () => ({}) },
  'procedures.template': { permission: 'van-phong.procedures:write' },
  'procedures.import': { permission: 'van-phong.procedures:write', unit: BD, upload: () => ({ fields: { ownerUnitCode: BD(), dryRun: true }, file: proceduresCsv }) },
  'procedures.export': { permission: READ, unit: BD, outOfScope: 'row', input: () => ({ ownerUnitCode: BD() }) },

  'plans.list': { permission: READ, unit: BD, outOfScope: 'row', input: () => ({ ownerUnitCode: BD() }) },
  'plans.propose': { permission: 'van-phong.plans:write', unit: BD, input: (fx) => ({ ...planFields, procedureId: vp(fx).procedure.id }) },
  'plans.update': { permission: 'van-phong.plans:write', unit: BD, input: (fx) => ({ ...planFields, ...vp(fx).plan }) },
  'plans.approve': { permission: 'van-phong.plans:review', unit: BD, input: (fx) => ({ ...vp(fx).reviewedPlan, note: 'Đồng ý' }) },
  'plans.return': { permission: 'van-phong.plans:review', unit: BD, input: (fx) => ({ ...vp(fx).reviewedPlan, note: 'Bổ sung số liệu chi phí' }) },
  'plans.implement': { permission: 'van-phong.plans:review', unit: BD, input: (fx) => ({ ...vp(fx).reviewedPlan, implementedOn: fx.today }) },
  'plans.shares': { permission: READ },
  'plans.export': { permission: READ, unit: BD, outOfScope: 'row', input: () => ({ ownerUnitCode: BD() }) },

  'delegations.list': { permission: READ, unit: BD, outOfScope: 'list', input: () => ({}) },
  'delegations.units': { permission: 'van-phong.delegations:write' },
  'delegations.create': { permission: 'van-phong.delegations:write', unit: BD, input: (fx) => delegationFields(vp(fx).procedure.id) },
  'delegations.update': { permission: 'van-phong.delegations:write', unit: BD, input: (fx) => ({ ...delegationFields(vp(fx).procedure.id), ...vp(fx).delegation }) },
  'delegations.evaluate': {
    permission: 'van-phong.delegations:write',
    unit: BD,
    input: (fx) => ({ delegationId: vp(fx).delegation.id, kind: 'inspection', evaluatedOn: fx.today, findings: 'Giải quyết đúng quy trình', recommendation: 'keep' }),
  },
  'delegations.setThreshold': { permission: 'van-phong.delegations:write', input: () => ({ version: null, lateThreshold: 10 }) },
  'delegations.reportDossiers': { permission: 'van-phong.delegations:report', unit: BD, input: (fx) => ({ ...vp(fx).delegation, onTime: 12, late: 1 }) },
  'delegations.export': { permission: READ, unit: BD, outOfScope: 'list', input: () => ({}) },

  'milestones.list': { permission: READ, unit: BD, outOfScope: 'row', input: () => ({ ownerUnitCode: BD() }) },
  'milestones.create': { permission: 'van-phong.milestones:write', unit: BD, input: () => ({ ...milestoneFields, unitCode: BD() }) },
  'milestones.update': { permission: 'van-phong.milestones:write', unit: BD, input: (fx) => ({ ...milestoneFields, ...vp(fx).milestone, status: 'in_progress' }) },
  'milestones.remove': { permission: 'van-phong.milestones:write', unit: BD, input: (fx) => vp(fx).spareMilestone },
};

/** Ba Đình's rows, made through the module's API as Ba Đình (and the delegation as the Văn phòng). */
export async function build(server: TestServer): Promise<{ fixtures: VanPhongFixtures; secrets: string[] }> {
  const badinh = await server.signIn('badinh');
  const office = await server.signIn('vp');
  const made = async (client: typeof badinh, path: string, input: unknown) => versioned(await dataOf<Row>(await client.mutate('van-phong', path, input), `van-phong.${path}`), path);
  const procedure = await made(badinh, 'procedures.create', { ...procedureFields, code: 'KT.9000' });
  const spareProcedure = await made(badinh, 'procedures.create', { ...procedureFields, code: 'KT.9001' });
  const plan = await made(badinh, 'plans.propose', { ...planFields, procedureId: procedure.id });
  const reviewedProcedure = await made(badinh, 'procedures.create', { ...procedureFields, code: 'KT.9003', name: 'Thủ tục chờ phê duyệt phương án' });
  const reviewedPlan = await made(badinh, 'plans.propose', { ...planFields, procedureId: reviewedProcedure.id, action: 'cut', costAfter: 0 });
  const delegation = await made(office, 'delegations.create', delegationFields(procedure.id));
  const milestone = await made(badinh, 'milestones.create', milestoneFields);
  const spareMilestone = await made(badinh, 'milestones.create', { ...milestoneFields, title: 'Số hóa hồ sơ' });
  const fixtures = { procedure, spareProcedure, plan, reviewedProcedure, reviewedPlan, delegation, milestone, spareMilestone };
  return { fixtures, secrets: Object.values(fixtures).map((row) => row.id) };
}
