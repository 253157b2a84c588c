/**
 * The part of @dondoc/auth that runs in a browser: types and the permission policy, so the
 * shell can hide what the server would refuse with the very same check. No database, no
 * argon2, no `node:` modules here.
 */
export * from './types.ts';
export { PermissionRegistry, PermissionError, decide, coversUnit, permissionKeyPattern } from './policy.ts';
