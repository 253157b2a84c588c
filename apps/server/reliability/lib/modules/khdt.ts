/**
 * The authorization matrix's rows of khdt (Sở Kế hoạch và Đầu tư, owner `skhdt`): Ba Đình's
 * business-support scheme and its obstacles, and a node of the PCI scorecard Ba Đình estimates
 * (Sở KH&ĐT makes Ba Đình its owner unit while the fixtures are built).
 */
import { sql } from 'drizzle-orm';
import type { TestServer } from '../../../test/helpers.ts';
import type { Fixtures, Sample } from '../matrix.ts';
import { BD, csv, dataOf, rows, versioned, type Row, type Versioned } from '../matrix-kit.ts';

/**
 * Ba Đình's scheme and one to remove; an obstacle beyond the department's authority (to
 * escalate) and one to remove; a leaf of the latest PCI scorecard Ba Đình estimates (`node`)
 * and another whose target Sở KH&ĐT sets (`otherNode`).
 */
export type KhdtFixtures = Record<'scheme' | 'spareScheme' | 'obstacle' | 'spareObstacle' | 'node' | 'otherNode', Versioned>;

const READ = 'khdt.schemes:read';
const WRITE = 'khdt.schemes:write';
const CARDS_READ = 'khdt.scorecards:read';
const CARDS_EDIT = 'khdt.scorecards:edit';
const schemeFields = {
  name: 'Đề án hỗ trợ doanh nghiệp Quận Ba Đình',
  decisionNumber: '15/QĐ-UBND',
  decisionDate: '2026-01-15',
  startOn: '2026-02-01',
  endOn: '2027-12-31',
  status: 'in_progress',
  budgetAllocated: 1200,
  budgetDisbursed: 300,
  beneficiaryTarget: 200,
  beneficiaryActual: 40,
} as const;
const obstacleFields = { description: 'Vướng mặt bằng cho khu hỗ trợ khởi nghiệp', proposal: 'Đề nghị UBND Thành phố bố trí quỹ đất', beyondAuthority: true };
const schemesCsv = csv(
  'de-an.csv',
  'Tên Đề án, Kế hoạch,Mã đơn vị chủ trì,Số quyết định phê duyệt,Ngày quyết định,Từ ngày,Đến ngày,Trạng thái,Kinh phí được giao (triệu đồng),Đã giải ngân (triệu đồng)\n' +
    `Đề án nhập thử,${'BADINH'},16/QĐ-UBND,15/01/2026,01/02/2026,31/12/2027,Đang triển khai,100,10\n`,
);

const k = (fx: Fixtures) => fx.khdt;

export const samples: Record<string, Sample> = {
  'schemes.list': { permission: READ, unit: BD, outOfScope: 'row', input: () => ({ unitCode: BD() }) },
  'schemes.get': { permission: READ, unit: BD, input: (fx) => ({ id: k(fx).scheme.id }) },
  'schemes.create': { permission: WRITE, unit: BD, input: () => ({ ...schemeFields, unitCode: BD(), name: 'Đề án mới của Ba Đình' }) },
  'schemes.update': { permission: WRITE, unit: BD, input: (fx) => ({ ...schemeFields, ...k(fx).scheme, budgetDisbursed: 400 }) },
  'schemes.remove': { permission: WRITE, unit: BD, input: (fx) => k(fx).spareScheme },
  'schemes.template': { permission: WRITE },
  // The file names Ba Đình in each row: whoever may not write Ba Đình's schemes gets a row error, not a 403.
  'schemes.import': { permission: WRITE, upload: () => ({ fields: { dryRun: true }, file: schemesCsv }) },
  'schemes.export': { permission: READ, unit: BD, outOfScope: 'list' },
  'obstacles.add': { permission: WRITE, unit: BD, input: (fx) => ({ ...obstacleFields, schemeId: k(fx).scheme.id }) },
  'obstacles.update': { permission: WRITE, unit: BD, input: (fx) => ({ ...obstacleFields, ...k(fx).obstacle, proposal: 'Bổ sung đề xuất' }) },
  'obstacles.remove': { permission: WRITE, unit: BD, input: (fx) => k(fx).spareObstacle },
  'obstacles.escalate': { permission: 'khdt.schemes:review', unit: BD, input: (fx) => k(fx).obstacle },
  'scorecards.list': { permission: CARDS_READ },
  'scorecards.page': { permission: CARDS_READ, input: () => ({ index: 'pci' }) },
  'scorecards.history': { permission: CARDS_READ, input: (fx) => ({ nodeId: k(fx).node.id }) },
  'scorecards.estimate': { permission: 'khdt.scorecards:estimate', unit: BD, input: (fx) => ({ nodeId: k(fx).node.id, version: k(fx).node.version, value: 0.5, evidence: 'Kết quả khảo sát doanh nghiệp quý này' }) },
  'scorecards.setTarget': { permission: CARDS_EDIT, input: (fx) => ({ nodeId: k(fx).otherNode.id, version: k(fx).otherNode.version, margin: 0.2 }) },
  'scorecards.remind': { permission: CARDS_EDIT, input: () => ({ index: 'pci' }) },
  'scorecards.useTargets': { permission: CARDS_EDIT },
  'overview.get': { permission: READ, unit: BD, outOfScope: 'list' },
};

/** Ba Đình's schemes and obstacles through the module's API as Ba Đình; two PCI leaves, the first given to Ba Đình by Sở KH&ĐT. */
export async function build(server: TestServer): Promise<{ fixtures: KhdtFixtures; secrets: string[] }> {
  const badinh = await server.signIn('badinh');
  const owner = await server.signIn('skhdt');
  const made = async (path: string, input: unknown) => versioned(await dataOf<Row>(await badinh.mutate('khdt', path, input), `khdt.${path}`), path);
  const scheme = await made('schemes.create', schemeFields);
  const spareScheme = await made('schemes.create', { ...schemeFields, name: 'Đề án để xóa' });
  const obstacle = await made('obstacles.add', { ...obstacleFields, schemeId: scheme.id });
  const spareObstacle = await made('obstacles.add', { ...obstacleFields, schemeId: scheme.id, beyondAuthority: false, description: 'Khó khăn để xóa' });
  const leaves = await rows(
    server,
    sql`select n.id, n.version from core.scorecard_nodes n join core.scorecards s on s.id = n.scorecard_id
        where s.index_kind = 'pci' and s.year = (select max(year) from core.scorecards where index_kind = 'pci')
          and not exists (select 1 from core.scorecard_nodes c where c.parent_id = n.id) order by n.code limit 2`,
  );
  const leaf = versioned(leaves[0], 'a leaf of the PCI scorecard');
  const given = await dataOf<Row>(await owner.mutate('khdt', 'scorecards.setTarget', { nodeId: leaf.id, version: leaf.version, target: null, ownerUnitCodes: [BD()] }), 'khdt.scorecards.setTarget');
  const [node] = await rows(server, sql`select id, version from core.scorecard_nodes where id = ${leaf.id}`);
  const fixtures: KhdtFixtures = { scheme, spareScheme, obstacle, spareObstacle, node: versioned(node ?? given, 'the PCI leaf of Ba Đình'), otherNode: versioned(leaves[1], 'a second leaf of the PCI scorecard') };
  return { fixtures, secrets: [scheme.id, spareScheme.id, obstacle.id, spareObstacle.id] };
}
