import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@dondoc/db';
import { z } from 'zod';
import { hashPassword } from './passwords.ts';
import { units, users } from './schema.ts';
import { roles as allRoles, unitKinds, type Role, type SessionUser, type UnitKind, type UnitRef } from './types.ts';

export interface Unit extends UnitRef {
  sortOrder: number;
}

/** A user account as administration sees it; the password hash never leaves this package. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  title: string | null;
  unitCode: string | null;
  roles: Role[];
  active: boolean;
  createdAt: Date;
}

/** Who did something, as histories and notifications name them: full name, title and unit, never only the login. */
export interface Person {
  username: string;
  fullName: string;
  title: string | null;
  unitCode: string | null;
  unitName: string | null;
}

/** Usernames are compared trimmed and lower-cased everywhere: "  STC " signs in as `stc`. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export const newUserSchema = z.object({
  username: z.string().transform(normalizeUsername).pipe(z.string().regex(usernamePattern)),
  displayName: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).nullish().transform((title) => title || null),
  unitCode: z.string().min(1).nullable(),
  roles: z.array(z.enum(allRoles)).transform((list) => [...new Set(list)]),
  password: z.string().min(8).max(1024),
});
export type NewUser = z.input<typeof newUserSchema>;

export const unitSchema = z.object({
  code: z.string().regex(/^[A-Z0-9_]{1,32}$/),
  name: z.string().trim().min(1),
  kind: z.enum(unitKinds),
  sortOrder: z.number().int().default(0),
});
export type NewUnit = z.input<typeof unitSchema>;

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  title: users.title,
  unitCode: users.unitCode,
  roles: users.roles,
  active: users.active,
  createdAt: users.createdAt,
};

/** Columns of a user joined with their unit, enough to build a {@link SessionUser}. */
export const sessionUserColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  active: users.active,
  unitCode: units.code,
  unitName: units.name,
  unitKind: units.kind,
};

export interface SessionUserRow {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  unitCode: string | null;
  unitName: string | null;
  unitKind: UnitKind | null;
}

export function toSessionUser(row: SessionUserRow): SessionUser {
  return {
    id: row.userId,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles,
    unit: row.unitCode && row.unitName && row.unitKind ? { code: row.unitCode, name: row.unitName, kind: row.unitKind } : null,
  };
}

/** The user as a request sees it, or null when there is no such user or the account is disabled. */
export async function getSessionUser(db: Queryable, userId: string): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionUserColumns)
    .from(users)
    .leftJoin(units, eq(units.code, users.unitCode))
    .where(eq(users.id, userId));
  return row && row.active ? toSessionUser(row) : null;
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRecord | null> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.username, normalizeUsername(username)));
  return row ?? null;
}

/** The account and its password hash, for login only. */
export async function findCredentials(
  db: Queryable,
  normalizedUsername: string,
): Promise<{ id: string; active: boolean; passwordHash: string } | null> {
  const [row] = await db
    .select({ id: users.id, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, normalizedUsername));
  return row ?? null;
}

export async function createUser(db: Queryable, input: NewUser): Promise<UserRecord> {
  const user = newUserSchema.parse(input);
  const [row] = await db
    .insert(users)
    .values({
      username: user.username,
      displayName: user.displayName,
      title: user.title,
      unitCode: user.unitCode,
      roles: user.roles,
      passwordHash: await hashPassword(user.password),
    })
    .returning(userColumns);
  if (!row) throw new Error(`User ${user.username} was not created`);
  return row;
}

/**
 * The people behind these usernames (accounts disabled or not: a history outlives the job),
 * with their unit's name. Usernames with no account are left out.
 */
export async function listPeople(db: Queryable, usernames: Iterable<string>): Promise<Person[]> {
  const wanted = [...new Set(usernames)];
  if (wanted.length === 0) return [];
  return db
    .select({ username: users.username, fullName: users.displayName, title: users.title, unitCode: users.unitCode, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.code, users.unitCode))
    .where(inArray(users.username, wanted));
}

/** Active users holding a role, with their unit (who is told when something waits for that role). */
export async function listUsersWithRole(db: Queryable, role: Role): Promise<Array<{ username: string; unitCode: string | null }>> {
  return db
    .select({ username: users.username, unitCode: users.unitCode })
    .from(users)
    .where(and(eq(users.active, true), sql`${users.roles} @> array[${role}]::text[]`));
}

/** Disabling keeps the account (its audit trail points at it) but its sessions stop validating. */
export async function setUserActive(db: Queryable, userId: string, active: boolean): Promise<void> {
  await db.update(users).set({ active }).where(eq(users.id, userId));
}

const unitColumns = { code: units.code, name: units.name, kind: units.kind, sortOrder: units.sortOrder };

/** All units in display order: the UBND, then the departments, then the districts. */
export async function listUnits(db: Queryable): Promise<Unit[]> {
  return db.select(unitColumns).from(units).orderBy(asc(units.sortOrder), asc(units.code));
}

/** The units of the given codes only (one read by primary key), in `listUnits`' order: for answers that name a few units. */
export async function listUnitsByCode(db: Queryable, codes: Iterable<string>): Promise<Unit[]> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return [];
  return db.select(unitColumns).from(units).where(inArray(units.code, wanted)).orderBy(asc(units.sortOrder), asc(units.code));
}

export async function getUnit(db: Queryable, code: string): Promise<Unit | null> {
  const [row] = await db.select(unitColumns).from(units).where(eq(units.code, code));
  return row ?? null;
}

/**
 * Inserts new units and updates those whose name, kind or order changed; rows already as
 * given are not touched, so a repeated call writes nothing.
 */
export async function upsertUnits(db: Queryable, input: NewUnit[]): Promise<{ created: number; updated: number }> {
  if (input.length === 0) return { created: 0, updated: 0 };
  const rows = input.map((unit) => unitSchema.parse(unit));
  const codes = rows.map((row) => row.code);
  const existing = new Set(
    (await db.select({ code: units.code }).from(units).where(inArray(units.code, codes))).map((row) => row.code),
  );
  const written = await db
    .insert(units)
    .values(rows)
    .onConflictDoUpdate({
      target: units.code,
      set: { name: sql`excluded.name`, kind: sql`excluded.kind`, sortOrder: sql`excluded.sort_order` },
      setWhere: sql`(${units.name}, ${units.kind}, ${units.sortOrder}) is distinct from (excluded.name, excluded.kind, excluded.sort_order)`,
    })
    .returning({ code: units.code });
  const created = written.filter((row) => !existing.has(row.code)).length;
  return { created, updated: written.length - created };
}
