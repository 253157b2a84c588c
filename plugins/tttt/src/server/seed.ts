/**
 * Demo data (DONDOC_DEMO=1): the procedures information system's features, connections and
 * findings as Sở TT&TT might keep them, two units' plans for 2027 under way (Quận Hoàn Kiếm's
 * submitted, Sở Xây dựng's a draft), and the target's reading of 01/9/2026 (no plan approved
 * yet). Quận Ba Đình has no plan: it writes one in the demo's journey. Idempotent: it writes only
 * into an empty module (a restart, or data users already entered, is left as it is).
 */
import { sql } from 'drizzle-orm';
import { addDays, type PluginContext } from '@dondoc/plugin-sdk';
import { planShare, shareBasis } from '../domain/plans.ts';
import { PLAN_TARGET_CODE, PLAN_TARGET_YEAR } from '../domain/target.ts';
import { connections, features, findings, planItems, plans } from './schema.ts';

const SEED = 'du-lieu-mau';
const EARLIER_READING = '2026-09-01';

export async function seedDemo(ctx: PluginContext): Promise<boolean> {
  const [{ n }] = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(connections)) as [{ n: number }];
  if (n > 0) return false;
  const today = ctx.core.today();
  const who = { createdBy: SEED, updatedBy: SEED };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(features).values([
      { name: 'Thanh toán trực tuyến phí, lệ phí trên Cổng dịch vụ công', owner: 'Trung tâm Công nghệ thông tin và Truyền thông', deadline: addDays(today, -12), status: 'in_progress', ...who },
      { name: 'Ký số kết quả giải quyết TTHC', owner: 'Trung tâm Công nghệ thông tin và Truyền thông', deadline: addDays(today, 45), status: 'in_progress', ...who },
      { name: 'Tái sử dụng dữ liệu đã số hóa khi nộp hồ sơ', owner: 'Phòng Công nghệ thông tin', deadline: addDays(today, 90), status: 'planned', ...who },
      { name: 'Tra cứu tình trạng hồ sơ bằng mã QR', owner: 'Phòng Công nghệ thông tin', deadline: addDays(today, -60), status: 'done', ...who },
    ]);
    await tx.insert(connections).values([
      { name: 'CSDL quốc gia về dân cư', kind: 'population', status: 'live', lastSuccessOn: addDays(today, -1), ...who },
      { name: 'Cổng dịch vụ công quốc gia', kind: 'ministry', status: 'live', lastSuccessOn: addDays(today, -2), ...who },
      { name: 'CSDL đăng ký doanh nghiệp', kind: 'sector', status: 'broken', lastSuccessOn: addDays(today, -11), ...who },
      { name: 'CSDL hộ tịch điện tử', kind: 'sector', status: 'testing', lastSuccessOn: null, ...who },
      { name: 'Hệ thống bảo hiểm xã hội', kind: 'ministry', status: 'planned', lastSuccessOn: null, ...who },
    ]);
    await tx.insert(findings).values([
      { title: 'Chưa cập nhật bản vá máy chủ ứng dụng', owner: 'Trung tâm An toàn thông tin', severity: 'high', deadline: addDays(today, -5), ...who },
      { title: 'Tài khoản quản trị chưa xác thực hai lớp', owner: 'Trung tâm Công nghệ thông tin và Truyền thông', severity: 'critical', deadline: addDays(today, 10), ...who },
      { title: 'Nhật ký truy cập lưu chưa đủ 6 tháng', owner: 'Phòng Công nghệ thông tin', severity: 'medium', deadline: addDays(today, -30), resolvedOn: addDays(today, -35), ...who },
    ]);
    const [hoanKiem] = await tx
      .insert(plans)
      .values({ unitCode: 'Q002', year: PLAN_TARGET_YEAR, state: 'submitted', title: `Kế hoạch chuyển đổi số quận Hoàn Kiếm năm ${PLAN_TARGET_YEAR}`, documentNumber: '198/KH-UBND', documentDate: addDays(today, -10), contentCodes: ['CDS-01', 'CDS-02', 'CDS-03', 'CDS-04', 'CDS-05', 'CDS-06', 'CDS-07', 'CDS-08', 'CDS-09', 'CDS-10'], submissions: 1, submittedAt: new Date(), submittedBy: SEED, ...who })
      .returning();
    await tx.insert(planItems).values({ planId: hoanKiem!.id, position: 0, title: 'Số hóa hồ sơ hộ tịch tại 18 phường', owner: 'Phòng Tư pháp', deadline: `${PLAN_TARGET_YEAR}-06-30` });
    await tx.insert(plans).values({ unitCode: 'SXD', year: PLAN_TARGET_YEAR, state: 'draft', title: `Kế hoạch chuyển đổi số ngành xây dựng năm ${PLAN_TARGET_YEAR}`, contentCodes: ['CDS-01', 'CDS-03', 'CDS-05'], ...who });
  });
  // The reading of 01/9/2026: no unit's plan for 2027 approved yet (the trend's first point).
  if (EARLIER_READING <= today) {
    const share = planShare(await ctx.core.units.list(), new Map());
    await ctx.core.targets.recordMeasurement(PLAN_TARGET_CODE, { value: 0, asOf: EARLIER_READING, numerator: 0, denominator: share.owing, basis: shareBasis(share, PLAN_TARGET_YEAR) });
  }
  return true;
}
