import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@dondoc/db';
import { z } from 'zod';
import { hashPassword } from './passwords.ts';
import { users } from './schema.ts';
import type { Role } from './types.ts';
import { upsertUnits, type NewUnit } from './users.ts';

export const UBND_UNIT_CODE = 'UBND';
export const DEMO_PASSWORD = 'dondoc-demo';

/**
 * Departments and equivalent agencies of Hà Nội in 2023 (before the 2025 reorganisation).
 * Codes are upper-case ASCII abbreviations of the Vietnamese names; the five with a module
 * of their own (VP, STC, STTTT, SKHDT, SNV) are fixed by the outside contract.
 */
export const hanoiDepartments2023: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'VP', name: 'Văn phòng UBND Thành phố' },
  { code: 'SNV', name: 'Sở Nội vụ' },
  { code: 'STP', name: 'Sở Tư pháp' },
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư' },
  { code: 'STC', name: 'Sở Tài chính' },
  { code: 'SCT', name: 'Sở Công Thương' },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn' },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải' },
  { code: 'SXD', name: 'Sở Xây dựng' },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông' },
  { code: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội' },
  { code: 'SVHTT', name: 'Sở Văn hóa và Thể thao' },
  { code: 'SDL', name: 'Sở Du lịch' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' },
  { code: 'SYT', name: 'Sở Y tế' },
  { code: 'SQHKT', name: 'Sở Quy hoạch - Kiến trúc' },
  { code: 'TTTP', name: 'Thanh tra Thành phố' },
  { code: 'SNGV', name: 'Sở Ngoại vụ' },
  { code: 'BDT', name: 'Ban Dân tộc' },
];

/**
 * A district's unit code: `Q` (level-2 unit: quận, huyện or thị xã alike) and its official
 * level-2 id, which does not change when a district is renamed or reclassified.
 */
export function districtUnitCode(level2Id: string): string {
  return `Q${level2Id}`;
}

/** Quận Ba Đình, the unit of the demo account `badinh`. */
export const BA_DINH_UNIT_CODE = districtUnitCode('001');

const districtsCsvPath = fileURLToPath(new URL('../data/hanoi-districts-2023.csv', import.meta.url));
const districtRowSchema = z.object({ level2_id: z.string().regex(/^\d{3}$/), name: z.string().min(1) });

/** The 30 districts of `data/hanoi-districts-2023.csv`, in the file's (official) order. */
export function readHanoiDistricts(path: string = districtsCsvPath): Array<{ code: string; name: string }> {
  // The file is plain comma-separated values without quoting; a header names the columns.
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const row = districtRowSchema.parse(Object.fromEntries(columns.map((column, i) => [column, cells[i]?.trim()])));
    return { code: districtUnitCode(row.level2_id), name: row.name };
  });
}

/** The UBND first, then the departments, then the districts: the order lists show them in. */
export function hanoiDirectory(): NewUnit[] {
  return [
    { code: UBND_UNIT_CODE, name: 'UBND Thành phố Hà Nội', kind: 'ubnd', sortOrder: 0 },
    ...hanoiDepartments2023.map((unit, i) => ({ ...unit, kind: 'department' as const, sortOrder: 100 + i })),
    ...readHanoiDistricts().map((unit, i) => ({ ...unit, kind: 'district' as const, sortOrder: 200 + i })),
  ];
}

interface DemoAccount {
  username: string;
  displayName: string;
  unitCode: string | null;
  roles: Role[];
}

/** The demo accounts of the outside contract (CONTRACT.md), all with {@link DEMO_PASSWORD}. */
export const demoAccounts: ReadonlyArray<DemoAccount> = [
  { username: 'admin', displayName: 'Quản trị hệ thống', unitCode: null, roles: ['admin'] },
  { username: 'ubnd', displayName: 'Lãnh đạo UBND Thành phố', unitCode: UBND_UNIT_CODE, roles: ['coordinator'] },
  // The Văn phòng runs the city's follow-up task force: a coordinator as well as its unit's lead.
  { username: 'vp', displayName: 'Lãnh đạo Văn phòng UBND Thành phố', unitCode: 'VP', roles: ['unit_lead', 'coordinator'] },
  { username: 'stc', displayName: 'Lãnh đạo Sở Tài chính', unitCode: 'STC', roles: ['unit_lead'] },
  { username: 'stttt', displayName: 'Lãnh đạo Sở Thông tin và Truyền thông', unitCode: 'STTTT', roles: ['unit_lead'] },
  { username: 'skhdt', displayName: 'Lãnh đạo Sở Kế hoạch và Đầu tư', unitCode: 'SKHDT', roles: ['unit_lead'] },
  { username: 'snv', displayName: 'Lãnh đạo Sở Nội vụ', unitCode: 'SNV', roles: ['unit_lead'] },
  { username: 'stc.cv', displayName: 'Chuyên viên Sở Tài chính', unitCode: 'STC', roles: ['officer'] },
  { username: 'sxd', displayName: 'Lãnh đạo Sở Xây dựng', unitCode: 'SXD', roles: ['unit_lead'] },
  { username: 'badinh', displayName: 'Lãnh đạo UBND Quận Ba Đình', unitCode: BA_DINH_UNIT_CODE, roles: ['unit_lead'] },
];

export interface SeedResult {
  unitsCreated: number;
  usersCreated: number;
}

/**
 * Seeds the units of Hà Nội and the demo accounts. Idempotent: existing accounts keep their
 * password (a demo user who changed it keeps it) and only gain the roles the contract gives
 * them (roles are added, never taken away); the demo password is hashed at most once per
 * call, only when an account is missing.
 */
export async function seedDemoDirectory(db: Queryable): Promise<SeedResult> {
  const { created: unitsCreated } = await upsertUnits(db, hanoiDirectory());
  const usersCreated = await createMissingDemoAccounts(db);
  await addContractRoles(db);
  return { unitsCreated, usersCreated };
}

/** A demo account seeded before its contract role existed (vp as coordinator) gets it. */
async function addContractRoles(db: Queryable): Promise<void> {
  for (const account of demoAccounts) {
    await db
      .update(users)
      .set({ roles: sql`(select array_agg(distinct r order by r) from unnest(${users.roles} || ${sql.param(account.roles)}::text[]) as r)` })
      .where(and(eq(users.username, account.username), sql`not (${users.roles} @> ${sql.param(account.roles)}::text[])`));
  }
}

async function createMissingDemoAccounts(db: Queryable): Promise<number> {
  const usernames = demoAccounts.map((account) => account.username);
  const existing = new Set(
    (await db.select({ username: users.username }).from(users).where(inArray(users.username, usernames))).map(
      (row) => row.username,
    ),
  );
  const missing = demoAccounts.filter((account) => !existing.has(account.username));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await db
    .insert(users)
    .values(missing.map((account) => ({ ...account, passwordHash })))
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id });
  return created.length;
}
