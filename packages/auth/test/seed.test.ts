import { count, eq } from 'drizzle-orm';
import { createTestDatabase, testBackends, type TestDatabase } from '@dondoc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authMigrations,
  BA_DINH_UNIT_CODE,
  DEMO_PASSWORD,
  demoAccounts,
  findUserByUsername,
  getUnit,
  listPeople,
  listUnits,
  listUnitsByCode,
  listUsersWithRole,
  login,
  seedDemoDirectory,
  units,
  upsertUnits,
  users,
  type SeedResult,
} from '../src/index.ts';

const MUST_HAVE_DEPARTMENTS = {
  VP: 'Văn phòng UBND Thành phố',
  STC: 'Sở Tài chính',
  STTTT: 'Sở Thông tin và Truyền thông',
  SKHDT: 'Sở Kế hoạch và Đầu tư',
  SNV: 'Sở Nội vụ',
  SXD: 'Sở Xây dựng',
};

describe.each(testBackends)('demo directory on %s', (backend) => {
  let t: TestDatabase;
  let first: SeedResult;

  const userCount = async () => (await t.db.select({ n: count() }).from(users))[0]?.n;
  const passwordHashes = async () =>
    (await t.db.select({ username: users.username, hash: users.passwordHash }).from(users)).sort((a, b) =>
      a.username.localeCompare(b.username),
    );

  beforeAll(async () => {
    t = await createTestDatabase(backend, [authMigrations]);
    first = await seedDemoDirectory(t.db);
  });
  afterAll(async () => t?.close());

  it('creates the UBND, the departments, the 30 districts and the demo accounts', async () => {
    const all = await listUnits(t.db);
    expect(first).toEqual({ unitsCreated: all.length, usersCreated: demoAccounts.length });
    expect(all[0]).toMatchObject({ code: 'UBND', name: 'UBND Thành phố Hà Nội', kind: 'ubnd' });
    const departments = all.filter((unit) => unit.kind === 'department');
    expect(departments.length).toBeGreaterThanOrEqual(20);
    for (const [code, name] of Object.entries(MUST_HAVE_DEPARTMENTS)) {
      expect(departments).toContainEqual(expect.objectContaining({ code, name }));
    }
    for (const unit of all) expect(unit.code).toMatch(/^[A-Z0-9]+$/);
    expect(all.filter((unit) => unit.kind === 'district')).toHaveLength(30);
    expect(await getUnit(t.db, BA_DINH_UNIT_CODE)).toMatchObject({ name: 'Quận Ba Đình', kind: 'district' });
    expect(await getUnit(t.db, 'Q269')).toMatchObject({ name: 'Thị xã Sơn Tây' });
    // A few units by code: only those asked for (each once, unknown codes left out), in the directory's order.
    const few = await listUnitsByCode(t.db, ['Q269', BA_DINH_UNIT_CODE, 'STC', 'Q269', 'KHONG-CO']);
    expect(few.map((unit) => unit.code)).toEqual(all.map((unit) => unit.code).filter((code) => ['Q269', BA_DINH_UNIT_CODE, 'STC'].includes(code)));
    expect(few.find((unit) => unit.code === 'STC')).toEqual(all.find((unit) => unit.code === 'STC'));
    expect(await listUnitsByCode(t.db, [])).toEqual([]);
  });

  it('gives every demo account its unit and role, and the demo password', async () => {
    expect(await findUserByUsername(t.db, 'admin')).toMatchObject({ unitCode: null, roles: ['admin'] });
    expect(await findUserByUsername(t.db, 'ubnd')).toMatchObject({ unitCode: 'UBND', roles: ['coordinator'] });
    expect(await findUserByUsername(t.db, 'stc.cv')).toMatchObject({ unitCode: 'STC', roles: ['officer'] });
    expect(await findUserByUsername(t.db, 'sxd')).toMatchObject({ unitCode: 'SXD', roles: ['unit_lead'] });
    expect(await findUserByUsername(t.db, 'badinh')).toMatchObject({ unitCode: BA_DINH_UNIT_CODE, roles: ['unit_lead'] });
    // The Văn phòng runs the city's follow-up task force: its lead is a coordinator too.
    expect((await findUserByUsername(t.db, 'vp'))?.roles.toSorted()).toEqual(['coordinator', 'unit_lead']);
    const result = await login(t.db, { username: 'badinh', password: DEMO_PASSWORD, ip: '10.9.0.1' });
    expect(result).toMatchObject({ ok: true, user: { unit: { code: BA_DINH_UNIT_CODE, name: 'Quận Ba Đình' } } });
    // One hash for the whole call: the demo password is hashed once, not once per user.
    expect(new Set((await passwordHashes()).map((row) => row.hash)).size).toBe(1);
  });

  it('changes nothing the second time', async () => {
    const usersBefore = await userCount();
    const hashesBefore = await passwordHashes();
    const unitsBefore = await listUnits(t.db);
    expect(await seedDemoDirectory(t.db)).toEqual({ unitsCreated: 0, usersCreated: 0 });
    expect(await userCount()).toBe(usersBefore);
    expect(await passwordHashes()).toEqual(hashesBefore);
    expect(await listUnits(t.db)).toEqual(unitsBefore);
    expect((await listUnits(t.db)).filter((unit) => unit.kind === 'district')).toHaveLength(30);
  });

  it('gives an account seeded before its contract role the role, and keeps roles it has', async () => {
    // A database seeded when vp was only a unit lead, and an admin who made sxd a coordinator too.
    await t.db.update(users).set({ roles: ['unit_lead'] }).where(eq(users.username, 'vp'));
    await t.db.update(users).set({ roles: ['unit_lead', 'coordinator'] }).where(eq(users.username, 'sxd'));
    const hashesBefore = await passwordHashes();
    await seedDemoDirectory(t.db);
    expect((await findUserByUsername(t.db, 'vp'))?.roles.toSorted()).toEqual(['coordinator', 'unit_lead']);
    expect((await findUserByUsername(t.db, 'sxd'))?.roles.toSorted()).toEqual(['coordinator', 'unit_lead']);
    expect(await passwordHashes()).toEqual(hashesBefore);
  });

  it('names every demo account as a person with a title, and listPeople answers them with their unit', async () => {
    for (const account of demoAccounts) {
      const user = await findUserByUsername(t.db, account.username);
      expect(user?.title, account.username).toBeTruthy();
      expect(user?.displayName, account.username).not.toMatch(/^Lãnh đạo /);
    }
    expect(await listPeople(t.db, ['badinh', 'badinh', 'nobody'])).toEqual([
      { username: 'badinh', fullName: 'Nguyễn Văn An', title: 'Trưởng phòng Nội vụ', unitCode: BA_DINH_UNIT_CODE, unitName: 'Quận Ba Đình' },
    ]);
    expect((await listUsersWithRole(t.db, 'coordinator')).map((u) => u.username).toSorted()).toEqual(['sxd', 'ubnd', 'vp']);
  });

  it('fills the names and titles of demo accounts seeded before users had titles, keeping a name someone changed', async () => {
    // A database of the previous version: role-like names, no titles; an admin renamed stc.
    await t.db.update(users).set({ title: null, displayName: 'Lãnh đạo UBND Quận Ba Đình' }).where(eq(users.username, 'badinh'));
    await t.db.update(users).set({ title: null, displayName: 'Trần Văn Bình' }).where(eq(users.username, 'stc'));
    await t.db.update(users).set({ title: 'Phó Giám đốc', displayName: 'Lãnh đạo Sở Nội vụ' }).where(eq(users.username, 'snv'));
    await seedDemoDirectory(t.db);
    expect(await findUserByUsername(t.db, 'badinh')).toMatchObject({ displayName: 'Nguyễn Văn An', title: 'Trưởng phòng Nội vụ' });
    expect(await findUserByUsername(t.db, 'stc')).toMatchObject({ displayName: 'Trần Văn Bình', title: 'Giám đốc Sở' });
    // An account with a title is someone's data: left alone.
    expect(await findUserByUsername(t.db, 'snv')).toMatchObject({ displayName: 'Lãnh đạo Sở Nội vụ', title: 'Phó Giám đốc' });
  });

  it('upsertUnits updates changed units and leaves the others alone', async () => {
    const stc = await getUnit(t.db, 'STC');
    if (!stc) throw new Error('STC missing');
    const result = await upsertUnits(t.db, [
      { ...stc, name: 'Sở Tài chính Hà Nội' },
      { code: 'SNV', name: 'Sở Nội vụ', kind: 'department', sortOrder: (await getUnit(t.db, 'SNV'))?.sortOrder ?? 0 },
      { code: 'TEST', name: 'Đơn vị thử', kind: 'department', sortOrder: 999 },
    ]);
    expect(result).toEqual({ created: 1, updated: 1 });
    expect((await t.db.select().from(units).where(eq(units.code, 'STC')))[0]?.name).toBe('Sở Tài chính Hà Nội');
  });
});
