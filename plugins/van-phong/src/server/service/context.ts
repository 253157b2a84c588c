/** What every part of the service shares: the caller's context, scopes, units and people. */
import { inArray, type SQL } from 'drizzle-orm';
import { fail, type Access, type SessionUser } from '@dondoc/plugin-sdk';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { assertUnitAccess, type Context } from '@dondoc/trpc';

/** A procedure's context after `permissionProcedure`: a signed-in user and the access the permission granted. */
export type ModuleContext = Context & { user: SessionUser; access: Extract<Access, { allowed: true }> };

/** The unit a write is for: the one asked (within the caller's access) or the caller's own; it must exist. */
export async function unitFor(ctx: ModuleContext, code: string | undefined): Promise<string> {
  const unit = code ?? ctx.user.unit?.code;
  if (!unit) fail('BAD_REQUEST', ctx.locale, { vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' });
  assertUnitAccess(ctx, unit);
  if (!(await ctx.services.core.units.get(unit))) fail('BAD_REQUEST', ctx.locale, { vi: `Không có đơn vị ${unit}.`, en: `No unit ${unit}.` });
  return unit;
}

/** The rows the caller's permission reaches by the unit column: every unit's, or its own units'. */
export function scopeFilter(access: ModuleContext['access'], column: PgColumn): SQL | undefined {
  return access.unitCodes === 'all' ? undefined : inArray(column, access.unitCodes.length > 0 ? access.unitCodes : ['']);
}

/** Unit names by code (through the core API). */
export async function unitNames(ctx: ModuleContext): Promise<Map<string, string>> {
  return new Map((await ctx.services.core.units.list()).map((unit) => [unit.code, unit.name]));
}

/** People's names behind usernames (through the core API): `name(username)` is "Full name" or the login. */
export async function peopleNames(ctx: ModuleContext, usernames: Iterable<string | null | undefined>): Promise<(username: string | null | undefined) => string | null> {
  const people = await ctx.services.core.people.of(usernames);
  return (username) => (username ? (people[username]?.fullName ?? username) : null);
}
