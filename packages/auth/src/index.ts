export * from './types.ts';
export { PermissionRegistry, PermissionError, decide, coversUnit, permissionKeyPattern } from './policy.ts';
export { authSchema, units, users, sessions, loginAttempts, auditLog } from './schema.ts';
export { authMigrations } from './migrations.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export {
  SESSION_COOKIE_NAME,
  SESSION_IDLE_MS,
  generateSessionToken,
  sessionIdFromToken,
  createSession,
  validateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  deleteExpiredSessions,
} from './sessions.ts';
export type { Session, SessionMeta, SessionValidation } from './sessions.ts';
export {
  login,
  loginDelayMs,
  pruneAuthRecords,
  AUTH_PRUNE_INTERVAL_MS,
  LOGIN_THROTTLE_WINDOW_MS,
  LOGIN_DELAY_BASE_MS,
  LOGIN_DELAY_MAX_MS,
  LOGIN_FREE_FAILURES,
  LOGIN_TRUSTED_ADDRESS_MS,
  LOGIN_ATTEMPT_RETENTION_MS,
} from './login.ts';
export type { LoginInput, LoginResult } from './login.ts';
export {
  normalizeUsername,
  usernamePattern,
  newUserSchema,
  unitSchema,
  getSessionUser,
  findUserByUsername,
  createUser,
  setUserActive,
  listPeople,
  listUsersWithRole,
  listUnits,
  listUnitsByCode,
  getUnit,
  upsertUnits,
} from './users.ts';
export type { Unit, UserRecord, NewUser, NewUnit, Person } from './users.ts';
export { writeAudit, writeAudits, listAudit } from './audit.ts';
export type { AuditRecord, AuditWrite, AuditQuery } from './audit.ts';
export {
  seedDemoDirectory,
  hanoiDirectory,
  hanoiDepartments2023,
  readHanoiDistricts,
  districtUnitCode,
  demoAccounts,
  UBND_UNIT_CODE,
  BA_DINH_UNIT_CODE,
  DEMO_PASSWORD,
} from './seed.ts';
export type { SeedResult } from './seed.ts';
