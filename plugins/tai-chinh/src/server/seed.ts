/**
 * Demo data (DONDOC_DEMO=1): a few public service units of two districts and three
 * departments, with four years of classification and roadmap, written to the module's own
 * tables only. Nothing is approved: signing in as `stc` and approving a year records the
 * share on the core target, which is the demo's journey.
 *
 * Idempotent: it writes only into an empty register (a restart, or a register users already
 * filled, is left as it is).
 */
import { sql } from 'drizzle-orm';
import type { PluginContext } from '@dondoc/plugin-sdk';
import { nameKey, type AutonomyGroup } from '../domain/index.ts';
import { serviceUnits, unitYears } from './schema.ts';

/** One year: [group, A, B (million đồng), planned group, investment covered?]; null: not classified. */
type DemoYear = [AutonomyGroup | null, number | null, number | null, AutonomyGroup | null, boolean?];

interface DemoUnit {
  managing: string;
  name: string;
  sector: string;
  /** 2022, 2023, 2024, 2025 */
  years: [DemoYear, DemoYear, DemoYear, DemoYear];
}

const EDU = 'Giáo dục và đào tạo';
const HEALTH = 'Y tế - Dân số';
const CULTURE = 'Văn hóa, thể thao và du lịch';
const ECONOMY = 'Hoạt động kinh tế và lĩnh vực khác';

export const demoUnits: DemoUnit[] = [
  // Quận Ba Đình
  { managing: 'Q001', name: 'Trường Mầm non Hoa Sen', sector: EDU, years: [[4, 150, 2100, 4], [4, 160, 2150, 3], [3, 300, 2200, 3], [3, 320, 2250, 3]] },
  { managing: 'Q001', name: 'Trung tâm Văn hóa - Thông tin và Thể thao quận Ba Đình', sector: CULTURE, years: [[3, 2300, 5000, 3], [3, 2800, 5000, 3], [2, 5100, 5000, 2], [2, 5400, 5100, 2]] },
  { managing: 'Q001', name: 'Ban Quản lý dự án đầu tư xây dựng quận Ba Đình', sector: ECONOMY, years: [[2, 12500, 12000, 2], [2, 13000, 12400, 2], [2, 13800, 12900, 2], [2, 14100, 13300, 2]] },
  // Entered as group 3, but its 2024 figures (7.5%) imply group 4: the register flags it.
  { managing: 'Q001', name: 'Trường THCS Phan Chu Trinh', sector: EDU, years: [[4, 140, 2000, 4], [4, 150, 2000, 3], [3, 150, 2000, 3], [3, 250, 2100, 3]] },
  // Quận Hoàn Kiếm
  { managing: 'Q002', name: 'Trường Tiểu học Điện Biên', sector: EDU, years: [[3, 450, 3000, 3], [3, 480, 3050, 3], [3, 520, 3100, 3], [3, 560, 3150, 3]] },
  { managing: 'Q002', name: 'Ban Quản lý Phố cổ Hà Nội', sector: CULTURE, years: [[3, 3200, 6400, 3], [3, 3500, 6500, 3], [3, 3900, 6600, 2], [3, 4200, 6700, 2]] },
  { managing: 'Q002', name: 'Trung tâm Dịch vụ đô thị Hoàn Kiếm', sector: ECONOMY, years: [[3, 6100, 7000, 3], [2, 7200, 7100, 2], [2, 7600, 7300, 2], [null, null, null, 2]] },
  // Sở Y tế
  { managing: 'SYT', name: 'Bệnh viện Đa khoa Xanh Pôn', sector: HEALTH, years: [[2, 620000, 600000, 2], [2, 650000, 630000, 2], [2, 690000, 660000, 2], [2, 720000, 700000, 1]] },
  { managing: 'SYT', name: 'Bệnh viện Thanh Nhàn', sector: HEALTH, years: [[2, 480000, 470000, 2], [2, 500000, 485000, 2], [2, 530000, 500000, 2], [1, 560000, 520000, 1, true]] },
  { managing: 'SYT', name: 'Trung tâm Kiểm soát bệnh tật Hà Nội', sector: HEALTH, years: [[4, 5000, 160000, 4], [4, 6000, 165000, 4], [4, 7000, 170000, 4], [4, 8000, 175000, 4]] },
  { managing: 'SYT', name: 'Bệnh viện Phổi Hà Nội', sector: HEALTH, years: [[3, 70000, 110000, 3], [3, 78000, 112000, 3], [3, 85000, 115000, 2], [3, 92000, 118000, 2]] },
  // Sở Giáo dục và Đào tạo
  { managing: 'SGDDT', name: 'Trường THPT Chu Văn An', sector: EDU, years: [[3, 9000, 30000, 3], [3, 9500, 30500, 3], [3, 10000, 31000, 3], [3, 10500, 31500, 3]] },
  { managing: 'SGDDT', name: 'Trường THPT Việt Đức', sector: EDU, years: [[3, 8000, 29000, 3], [3, 8400, 29500, 3], [3, 8800, 30000, 3], [3, 9200, 30500, 3]] },
  { managing: 'SGDDT', name: 'Trường Cao đẳng Sư phạm Hà Tây', sector: EDU, years: [[3, 21000, 40000, 3], [3, 26000, 40500, 2], [2, 41000, 41000, 2], [2, 43000, 41500, 2]] },
  // Sở Văn hóa và Thể thao
  { managing: 'SVHTT', name: 'Nhà hát Chèo Hà Nội', sector: CULTURE, years: [[3, 6000, 24000, 3], [3, 6500, 24500, 3], [3, 7000, 25000, 3], [3, 7600, 25500, 3]] },
  { managing: 'SVHTT', name: 'Thư viện Hà Nội', sector: CULTURE, years: [[4, 900, 21000, 4], [4, 950, 21500, 4], [4, 1000, 22000, 4], [4, 1100, 22500, 4]] },
];

const MILLION = 1_000_000;

/** Seeds the demo register when it is empty. Returns the number of units written. */
export async function seedDemoRegister(ctx: Pick<PluginContext, 'db' | 'core'>): Promise<number> {
  const [{ count } = { count: 0 }] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(serviceUnits);
  if (count > 0) return 0;
  const known = new Set((await ctx.core.units.list()).map((unit) => unit.code));
  const units = demoUnits.filter((unit) => known.has(unit.managing));
  if (units.length === 0) return 0;
  return ctx.db.transaction(async (tx) => {
    const created = await tx
      .insert(serviceUnits)
      .values(units.map((unit) => ({ managingUnitCode: unit.managing, name: unit.name, nameKey: nameKey(unit.name), sector: unit.sector, createdBy: 'demo', updatedBy: 'demo' })))
      .onConflictDoNothing()
      .returning({ id: serviceUnits.id, managingUnitCode: serviceUnits.managingUnitCode, nameKey: serviceUnits.nameKey });
    const idOf = new Map(created.map((row) => [`${row.managingUnitCode}|${row.nameKey}`, row.id]));
    const years = units.flatMap((unit) => {
      const unitId = idOf.get(`${unit.managing}|${nameKey(unit.name)}`);
      if (!unitId) return [];
      return unit.years.map(([group, a, b, planned, investment], index) => ({
        unitId,
        year: 2022 + index,
        autonomyGroup: group,
        revenueA: a === null ? null : a * MILLION,
        spendingB: b === null ? null : b * MILLION,
        investmentCovered: investment ?? false,
        plannedGroup: planned,
        updatedBy: 'demo',
      }));
    });
    if (years.length > 0) await tx.insert(unitYears).values(years).onConflictDoNothing();
    return created.length;
  });
}
