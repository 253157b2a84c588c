/**
 * The module as the server runs it, without HTTP, from the SDK's test kit
 * (`@dondoc/plugin-sdk/testing`): a migrated test database (auth, core, then this module's
 * migrations) with the Hà Nội directory, the demo accounts and directive 2458; the permission
 * registry with the core's permissions and this module's (owned by STC); a tRPC caller of the
 * module's router per user, with the context the server builds for a request.
 *
 * Plugins may not import apps or e2e (tools/check-deps.mjs): the kit is built from packages.
 * Each harness gets a database of its own, cloned from a template the kit builds once (migrated
 * and seeded, these accounts included). One harness per test file (in `beforeAll`): a PGlite
 * instance still costs a second or more and hundreds of MB.
 */
import type { DatabaseKind } from '@dondoc/plugin-sdk';
import { createPluginHarness, rejection, type Caller as KitCaller, type PluginHarness } from '@dondoc/plugin-sdk/testing';
import plugin from '../src/server/plugin.ts';
import type { TaiChinhRouter } from '../src/server/router.ts';

export { rejection };

/**
 * Accounts the tests sign in as, besides the demo ones (admin, ubnd, stc, stc.cv, sxd, badinh…):
 * a second district (Hoàn Kiếm), an officer of Ba Đình, a department with units (Sở Y tế) and
 * a user without a unit.
 */
export const extraAccounts = [
  { username: 'hoankiem', displayName: 'Lãnh đạo UBND Quận Hoàn Kiếm', unitCode: 'Q002', roles: ['unit_lead' as const] },
  { username: 'badinh.cv', displayName: 'Chuyên viên UBND Quận Ba Đình', unitCode: 'Q001', roles: ['officer' as const] },
  { username: 'syt', displayName: 'Lãnh đạo Sở Y tế', unitCode: 'SYT', roles: ['unit_lead' as const] },
  { username: 'nounit', displayName: 'Cán bộ chưa gán đơn vị', unitCode: null, roles: ['officer' as const] },
];

export type Username = 'admin' | 'ubnd' | 'vp' | 'stc' | 'stc.cv' | 'sxd' | 'badinh' | (typeof extraAccounts)[number]['username'];
export type Caller = KitCaller<TaiChinhRouter>;
export type Harness = PluginHarness<TaiChinhRouter>;

export function createHarness(kind: DatabaseKind): Promise<Harness> {
  return createPluginHarness(plugin, kind, {
    accounts: extraAccounts.map((account) => ({ ...account, password: 'mat-khau-thu-nghiem' })),
  });
}
