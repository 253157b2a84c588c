/**
 * Demo data (DONDOC_DEMO=1): three business-support schemes as Sở KH&ĐT might follow them — one on
 * plan, one behind plan (Sở Công Thương's, with an obstacle beyond the department's authority not yet
 * raised to the UBND), one completed — and the PCI and PGI scorecards' projections recorded on the
 * targets the module declares. Idempotent: schemes only into an empty module; the targets' link
 * is made once (the core's `useTarget` leaves a linked scorecard as it is).
 */
import { sql } from 'drizzle-orm';
import { addDays, type CoreApi, type IsoDate, type PluginContext } from '@dondoc/plugin-sdk';
import { KHDT_INDICES, PROJECTION_TARGETS, PROJECTION_YEAR } from '../domain/index.ts';
import { obstacles, schemes } from './schema.ts';

const SEED = 'du-lieu-mau';

/**
 * The index's projection recorded on the target this module declares (a scorecard of the demo's
 * year, when the core holds one). `onlyUnlinked`: leaves a scorecard already linked as it is (the
 * seed at every start: no new measurement or audit row each time).
 */
export async function useDeclaredTargets(core: CoreApi, permission?: string, onlyUnlinked = false) {
  const out = [];
  const scope = permission ? { permission } : {};
  for (const index of KHDT_INDICES) {
    const [card] = await core.scorecards.list({ index, year: PROJECTION_YEAR, ...scope });
    if (!card) continue;
    if (onlyUnlinked && (await core.scorecards.get(card.id, scope)).target?.code === PROJECTION_TARGETS[index]) continue;
    out.push(await core.scorecards.useTarget({ id: card.id, targetCode: PROJECTION_TARGETS[index], ...scope }));
  }
  return out;
}

export async function seedDemo(ctx: PluginContext): Promise<boolean> {
  await useDeclaredTargets(ctx.core, undefined, true);
  const [{ n }] = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(schemes)) as [{ n: number }];
  if (n > 0) return false;
  const who = { createdBy: SEED, updatedBy: SEED };
  // Periods around today: the on-plan scheme stays on plan and the late one late whenever the demo is started.
  const today = ctx.core.today();
  const day = (days: number) => addDays(today, days) as IsoDate;
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(schemes)
      .values([
        {
          unitCode: 'SKHDT',
          name: 'Đề án hỗ trợ doanh nghiệp nhỏ và vừa trên địa bàn Thành phố',
          decisionNumber: '512/QĐ-UBND',
          decisionDate: day(-312),
          startOn: day(-300),
          endOn: day(400),
          status: 'in_progress' as const,
          budgetAllocated: 45000,
          budgetDisbursed: 21000,
          beneficiaryTarget: 1500,
          beneficiaryActual: 640,
          ...who,
        },
        {
          unitCode: 'SCT',
          name: 'Kế hoạch hỗ trợ doanh nghiệp chuyển đổi số, phát triển thương mại điện tử',
          decisionNumber: '1187/QĐ-UBND',
          decisionDate: day(-341),
          startOn: day(-335),
          endOn: day(29),
          status: 'in_progress' as const,
          budgetAllocated: 18000,
          budgetDisbursed: 6200,
          beneficiaryTarget: 400,
          beneficiaryActual: 150,
          ...who,
        },
        {
          unitCode: 'SKHCN',
          name: 'Chương trình hỗ trợ doanh nghiệp đổi mới sáng tạo',
          decisionNumber: '845/QĐ-UBND',
          decisionDate: day(-295),
          startOn: day(-276),
          endOn: day(-32),
          status: 'completed' as const,
          budgetAllocated: 9500,
          budgetDisbursed: 9320,
          beneficiaryTarget: 120,
          beneficiaryActual: 126,
          ...who,
        },
      ])
      .returning({ id: schemes.id, unitCode: schemes.unitCode });
    const sct = rows.find((r) => r.unitCode === 'SCT')!;
    await tx.insert(obstacles).values([
      {
        schemeId: sct.id,
        description: 'Doanh nghiệp hộ kinh doanh chuyển lên không thuộc đối tượng hỗ trợ theo quy định hiện hành; nhiều hồ sơ phải trả lại.',
        proposal: 'Đề nghị UBND Thành phố cho phép mở rộng đối tượng hỗ trợ sang hộ kinh doanh chuyển đổi thành doanh nghiệp trong năm nay.',
        beyondAuthority: true,
        ...who,
      },
      {
        schemeId: sct.id,
        description: 'Chậm thẩm định hồ sơ đề nghị hỗ trợ do thiếu cán bộ.',
        proposal: 'Sở Công Thương bố trí thêm cán bộ thẩm định trong quý IV.',
        ...who,
      },
    ]);
  });
  return true;
}
