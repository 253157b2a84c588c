import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Role, UnitKind } from './types.ts';

/** Everything auth owns lives in its own Postgres schema, like every other module. */
export const authSchema = pgSchema('auth');

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The UBND, its departments and its districts. */
export const units = authSchema.table(
  'units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [check('units_kind_check', sql`${t.kind} in ('ubnd', 'department', 'district')`)],
);

export const users = authSchema.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique('users_username_unique'),
    displayName: text('display_name').notNull(),
    // The person's position (chức vụ), e.g. "Trưởng phòng"; null when not given.
    title: text('title'),
    // Null for accounts that belong to no unit (the system administrator).
    unitCode: text('unit_code').references(() => units.code, { onUpdate: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().$type<Role[]>().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    // Lookups are by the lower-cased name; storing anything else would make two accounts of "An" and "an".
    check('users_username_lower_check', sql`${t.username} = lower(${t.username})`),
    check('users_roles_check', sql`${t.roles} <@ array['admin', 'coordinator', 'unit_lead', 'officer']::text[]`),
    index('users_unit_code_idx').on(t.unitCode),
  ],
);

/** Server-side sessions. `id` is the SHA-256 (hex) of the token: the token itself is never stored. */
export const sessions = authSchema.table(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

/**
 * Every sign-in attempt, for throttling and for the record. A row starts as a failure and
 * becomes a success (or a throttled refusal) once decided, so that concurrent guesses count
 * against each other before their passwords are even checked.
 */
export const loginAttempts = authSchema.table(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip'),
    succeeded: boolean('succeeded').notNull().default(false),
    // Refused by the throttle without checking the password; not counted as a failure.
    throttled: boolean('throttled').notNull().default(false),
    // Arrived, password not yet checked: counted by concurrent attempts as a failure that may come.
    pending: boolean('pending').notNull().default(false),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_username_at_idx').on(t.username, t.at),
    index('login_attempts_username_ip_at_idx').on(t.username, t.ip, t.at),
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
  ],
);

/** Append-only: a trigger (migration `audit_append_only`) refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = authSchema.table(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamptz('at').notNull().defaultNow(),
    // No foreign key: the trail must outlive the account, hence the copied username too.
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId, t.id), index('audit_log_at_idx').on(t.at)],
);
