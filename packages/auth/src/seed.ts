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
  /** The person's full name (họ và tên). */
  displayName: string;
  /** Their position (chức vụ). */
  title: string;
  unitCode: string | null;
  roles: Role[];
}

/**
 * The demo accounts of the outside contract (CONTRACT.md), all with {@link DEMO_PASSWORD}:
 * invented people with the positions such an account would hold.
 */
export const demoAccounts: ReadonlyArray<DemoAccount> = [
  { username: 'admin', displayName: 'Quản trị hệ thống', title: 'Quản trị viên', unitCode: null, roles: ['admin'] },
  { username: 'ubnd', displayName: 'Lê Minh Quang', title: 'Phó Chủ tịch UBND Thành phố', unitCode: UBND_UNIT_CODE, roles: ['coordinator'] },
  // The Văn phòng runs the city's follow-up task force: a coordinator as well as its unit's lead.
  { username: 'vp', displayName: 'Phạm Thu Hà', title: 'Chánh Văn phòng', unitCode: 'VP', roles: ['unit_lead', 'coordinator'] },
  { username: 'stc', displayName: 'Nguyễn Đức Long', title: 'Giám đốc Sở', unitCode: 'STC', roles: ['unit_lead'] },
  { username: 'stttt', displayName: 'Đỗ Thị Lan', title: 'Giám đốc Sở', unitCode: 'STTTT', roles: ['unit_lead'] },
  { username: 'skhdt', displayName: 'Hoàng Văn Nam', title: 'Phó Giám đốc Sở', unitCode: 'SKHDT', roles: ['unit_lead'] },
  { username: 'snv', displayName: 'Vũ Thị Hương', title: 'Giám đốc Sở', unitCode: 'SNV', roles: ['unit_lead'] },
  { username: 'stc.cv', displayName: 'Trịnh Quốc Bảo', title: 'Chuyên viên Phòng Ngân sách', unitCode: 'STC', roles: ['officer'] },
  { username: 'sxd', displayName: 'Bùi Anh Tuấn', title: 'Giám đốc Sở', unitCode: 'SXD', roles: ['unit_lead'] },
  { username: 'badinh', displayName: 'Nguyễn Văn An', title: 'Trưởng phòng Nội vụ', unitCode: BA_DINH_UNIT_CODE, roles: ['unit_lead'] },
];

/** The names earlier versions seeded (a role, not a person): an account still so named takes its person's name. */
const formerDemoNames: Readonly<Record<string, string>> = {
  ubnd: 'Lãnh đạo UBND Thành phố',
  vp: 'Lãnh đạo Văn phòng UBND Thành phố',
  stc: 'Lãnh đạo Sở Tài chính',
  stttt: 'Lãnh đạo Sở Thông tin và Truyền thông',
  skhdt: 'Lãnh đạo Sở Kế hoạch và Đầu tư',
  snv: 'Lãnh đạo Sở Nội vụ',
  'stc.cv': 'Chuyên viên Sở Tài chính',
  sxd: 'Lãnh đạo Sở Xây dựng',
  badinh: 'Lãnh đạo UBND Quận Ba Đình',
};

export interface SeedResult {
  unitsCreated: number;
  usersCreated: number;
}

/**
 * Seeds the units of Hà Nội and the demo accounts. Idempotent: existing accounts keep their
 * password (a demo user who changed it keeps it) and only gain the roles the contract gives
 * them (roles are added, never taken away); an account without a title gets its person's
 * title, and its name when it still has the role-like name an earlier version gave it (a
 * name someone changed is kept). The demo password is hashed at most once per call, only
 * when an account is missing.
 */
export async function seedDemoDirectory(db: Queryable): Promise<SeedResult> {
  const { created: unitsCreated } = await upsertUnits(db, hanoiDirectory());
  const usersCreated = await createMissingDemoAccounts(db);
  await addContractRoles(db);
  await fillDemoPeople(db);
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

/** Demo accounts seeded before users had titles get their person's title (and name, when still the old one). */
async function fillDemoPeople(db: Queryable): Promise<void> {
  for (const account of demoAccounts) {
    const former = formerDemoNames[account.username] ?? account.displayName;
    await db
      .update(users)
      .set({
        title: account.title,
        displayName: sql`case when ${users.displayName} = ${former} then ${account.displayName} else ${users.displayName} end`,
      })
      .where(and(eq(users.username, account.username), sql`coalesce(trim(${users.title}), '') = ''`));
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
