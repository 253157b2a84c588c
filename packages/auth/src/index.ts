export * from './types.ts';
export { PermissionRegistry, PermissionError, decide, coversUnit, permissionKeyPattern } from './policy.ts';
