/**
 * The authorization matrix's rows of tttt (Sở Thông tin và Truyền thông, owner `stttt`): Ba Đình's
 * digital-transformation plan (with a key item and its document), and the information system's
 * registers (features, connections, incidents, findings), which belong to no one unit.
 */
import { sql } from 'drizzle-orm';
import type { TestServer } from '../../../test/helpers.ts';
import type { Fixtures, Sample } from '../matrix.ts';
import { BD, csv, dataOf, rows, upload, versioned, type Row, type Versioned } from '../matrix-kit.ts';

export interface TtttFixtures {
  year: number;
  /** Ba Đình's plan of the target year (a draft with its document), its submitted plan of the year before (to review), and the key item of its approved plan two years before. */
  plan: Versioned;
  submitted: Versioned;
  itemId: string;
  content: { code: string; version: number };
  settings: { version: number };
  feature: Versioned;
  spareFeature: Versioned;
  connection: Versioned;
  spareConnection: Versioned;
  incident: Versioned;
  spareIncident: Versioned;
  finding: Versioned;
  spareFinding: Versioned;
}

const READ = 'tttt.plans:read';
const SYSTEM_READ = 'tttt.system:read';
const SYSTEM_WRITE = 'tttt.system:write';
/** The year of the module's target (Plan 64): Ba Đình's plan is for it. */
const YEAR = 2027;
const pdf = { name: 'ke-hoach.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') };
const planFields = { year: YEAR, title: 'Kế hoạch chuyển đổi số Quận Ba Đình', items: [{ title: 'Số hóa hồ sơ một cửa', owner: 'Văn phòng HĐND và UBND Quận', deadline: '2027-06-30' }] };
const featureFields = { name: 'Tính năng kiểm thử phân quyền', owner: 'Sở TT&TT', deadline: '2027-06-30', status: 'planned' } as const;
const connectionFields = { name: 'Kết nối kiểm thử phân quyền', kind: 'sector', status: 'testing' } as const;
const incidentFields = (connectionId: string) => ({ connectionId, startedAt: '2026-11-01T08:00:00+07:00', description: 'Mất kết nối trong 2 giờ' });
const findingFields = { title: 'Phát hiện kiểm thử phân quyền', owner: 'Sở TT&TT', severity: 'medium', deadline: '2027-03-31' } as const;
const featuresCsv = csv('tinh-nang.csv', 'Tính năng, chức năng,Phụ trách,Hạn hoàn thành,Trạng thái\nTính năng nhập thử,Sở TT&TT,30/06/2027,Đang làm\n');
const connectionsCsv = csv('ket-noi.csv', 'Tên kết nối,Loại,Trạng thái\nKết nối nhập thử,Chuyên ngành,Thử nghiệm\n');

const t = (fx: Fixtures) => fx.tttt;

export const samples: Record<string, Sample> = {
  'plans.list': { permission: READ, unit: BD, outOfScope: 'list', input: () => ({ year: YEAR }) },
  'plans.get': { permission: READ, unit: BD, input: () => ({ unitCode: BD(), year: YEAR }) },
  'plans.save': { permission: 'tttt.plans:write', unit: BD, input: (fx) => ({ ...planFields, unitCode: BD(), version: t(fx).plan.version }) },
  'plans.submit': { permission: 'tttt.plans:submit', unit: BD, input: (fx) => t(fx).plan },
  'plans.attach': { permission: 'tttt.plans:write', unit: BD, upload: (fx) => ({ fields: t(fx).plan, file: pdf }) },
  'plans.document': { permission: READ, unit: BD, input: (fx) => ({ id: t(fx).plan.id }) },
  'plans.review': { permission: 'tttt.plans:review', unit: BD, input: (fx) => ({ ...t(fx).submitted, decision: 'return', reasons: ['Bổ sung nội dung'] }) },
  'plans.remind': { permission: 'tttt.plans:review', unit: BD, input: () => ({ year: YEAR, unitCodes: [BD()] }) },
  'plans.openItemTask': { permission: 'tttt.plans:review', unit: BD, input: (fx) => ({ itemId: t(fx).itemId }) },
  'plans.export': { permission: READ, unit: BD, outOfScope: 'list', input: () => ({ year: YEAR }) },
  'contents.list': { permission: READ },
  'contents.save': { permission: 'tttt.contents:write', input: (fx) => ({ ...t(fx).content, title: 'Nội dung kiểm thử (sửa)', position: 90 }) },

  'features.list': { permission: SYSTEM_READ },
  'features.create': { permission: SYSTEM_WRITE, input: () => featureFields },
  'features.update': { permission: SYSTEM_WRITE, input: (fx) => ({ ...featureFields, ...t(fx).feature, status: 'in_progress' }) },
  'features.remove': { permission: SYSTEM_WRITE, input: (fx) => t(fx).spareFeature },
  'features.template': { permission: SYSTEM_WRITE },
  'features.import': { permission: SYSTEM_WRITE, upload: () => ({ fields: { dryRun: true }, file: featuresCsv }) },
  'features.export': { permission: SYSTEM_READ },
  'connections.list': { permission: SYSTEM_READ },
  'connections.create': { permission: SYSTEM_WRITE, input: () => connectionFields },
  'connections.update': { permission: SYSTEM_WRITE, input: (fx) => ({ ...connectionFields, ...t(fx).connection, status: 'live', lastSuccessOn: fx.today }) },
  'connections.remove': { permission: SYSTEM_WRITE, input: (fx) => t(fx).spareConnection },
  'connections.template': { permission: SYSTEM_WRITE },
  'connections.import': { permission: SYSTEM_WRITE, upload: () => ({ fields: { dryRun: true }, file: connectionsCsv }) },
  'incidents.create': { permission: SYSTEM_WRITE, input: (fx) => incidentFields(t(fx).connection.id) },
  'incidents.update': { permission: SYSTEM_WRITE, input: (fx) => ({ ...incidentFields(t(fx).connection.id), ...t(fx).incident, endedAt: '2026-11-01T10:00:00+07:00' }) },
  'incidents.remove': { permission: SYSTEM_WRITE, input: (fx) => t(fx).spareIncident },
  'security.get': { permission: SYSTEM_READ },
  'security.createFinding': { permission: SYSTEM_WRITE, input: () => findingFields },
  'security.updateFinding': { permission: SYSTEM_WRITE, input: (fx) => ({ ...findingFields, ...t(fx).finding, resolvedOn: fx.today }) },
  'security.removeFinding': { permission: SYSTEM_WRITE, input: (fx) => t(fx).spareFinding },
  'security.export': { permission: SYSTEM_READ },
  'settings.get': { permission: SYSTEM_READ },
  'settings.update': { permission: 'tttt.contents:write', input: (fx) => ({ staleAfterDays: 30, securityLevel: 3, lastAssessedOn: null, version: t(fx).settings.version }) },
  'overview.get': { permission: SYSTEM_READ },
};

/** Ba Đình's plan made through the module's API as Ba Đình; the registers' rows as Sở TT&TT; a content and the settings read back. */
export async function build(server: TestServer): Promise<{ fixtures: TtttFixtures; secrets: string[] }> {
  const badinh = await server.signIn('badinh');
  const owner = await server.signIn('stttt');
  const made = async (client: typeof badinh, path: string, input: unknown) => versioned(await dataOf<Row>(await client.mutate('tttt', path, input), `tttt.${path}`), path);
  const saved = await made(badinh, 'plans.save', planFields);
  const plan = versioned(await dataOf<Row>(await upload(badinh, 'tttt', 'plans.attach', { fields: saved, file: pdf }), 'tttt.plans.attach'), 'plan with its document');
  // Plans of the years before, whole (every content Plan 64 asks), sent to Sở TT&TT: one approved, one waiting.
  const contentCodes = (await rows(server, sql`select code from tttt.required_contents where active`)).map((row) => String(row.code));
  const sent = async (year: number) => {
    const draft = await made(badinh, 'plans.save', { ...planFields, year, contentCodes });
    return made(badinh, 'plans.submit', draft);
  };
  const submitted = await sent(YEAR - 1);
  const approved = await made(owner, 'plans.review', { ...(await sent(YEAR - 2)), decision: 'approve' });
  const [item] = await rows(server, sql`select id from tttt.plan_items where plan_id = ${approved.id}`);
  if (!item) throw new Error('fixture missing: a key item of Ba Đình’s approved plan');
  const content = await dataOf<Row>(await owner.mutate('tttt', 'contents.save', { code: 'KT-PQ', title: 'Nội dung kiểm thử', position: 90, active: false }), 'tttt.contents.save');
  const settings = await dataOf<Row>(await owner.query('tttt', 'settings.get'), 'tttt.settings.get');
  const connection = await made(owner, 'connections.create', connectionFields);
  const fixtures: TtttFixtures = {
    year: YEAR,
    plan,
    submitted,
    itemId: String(item.id),
    content: { code: String(content.code), version: Number(content.version) },
    settings: { version: Number(settings.version) },
    feature: await made(owner, 'features.create', featureFields),
    spareFeature: await made(owner, 'features.create', { ...featureFields, name: 'Tính năng để xóa' }),
    connection,
    spareConnection: await made(owner, 'connections.create', { ...connectionFields, name: 'Kết nối để xóa' }),
    incident: await made(owner, 'incidents.create', incidentFields(connection.id)),
    spareIncident: await made(owner, 'incidents.create', { ...incidentFields(connection.id), description: 'Sự cố để xóa' }),
    finding: await made(owner, 'security.createFinding', findingFields),
    spareFinding: await made(owner, 'security.createFinding', { ...findingFields, title: 'Phát hiện để xóa' }),
  };
  return { fixtures, secrets: [plan.id, submitted.id, approved.id, fixtures.itemId] };
}
