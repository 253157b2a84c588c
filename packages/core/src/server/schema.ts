import { sql } from 'drizzle-orm';

import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** The task core's tables, in its own Postgres schema. Units are referenced by code (auth owns them). */
export const coreSchema = pgSchema('core');

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const directives = coreSchema.table('directives', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** e.g. `2458/UBND-SNV` */
  number: text('number').notNull().unique(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  issuer: text('issuer').notNull(),
  subject: text('subject').notNull(),
  /** Who signed it (người ký), e.g. "Lê Hồng Sơn, Phó Chủ tịch". */
  signer: text('signer'),
  fullText: text('full_text').notNull(),
  /** draft → issued. Nothing of a draft (its tasks are drafts too) is visible to the units. */
  state: text('state').notNull().default('issued'),
  issuedAt: timestamp('issued_at', { withTimezone: true }),
  issuedBy: text('issued_by'),
  createdBy: text('created_by'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
  createdAt: createdAt(),
});

/**
 * The tasks of a directive while it is a draft (giao nhiệm vụ). Issuing the directive turns
 * each into real tasks: one task for one unit, or one parent with a child per unit.
 */
export const taskDrafts = coreSchema.table(
  'task_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** Clause of the directive, e.g. `1`, `2.3`. */
    clause: text('clause').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** `{ kind: 'units', unitCodes }` or `{ kind: 'group', group: 'departments' | 'districts' | 'all' }`. */
    assignees: jsonb('assignees').notNull(),
    /** Who follows up a task given to several units (the parent's lead); the issuing unit by default. */
    followUpUnitCode: text('follow_up_unit_code'),
    coordinatorUnitCodes: text('coordinator_unit_codes').array().notNull().default(sql`'{}'::text[]`),
    deadline: date('deadline', { mode: 'string' }),
    continuous: boolean('continuous').notNull().default(false),
    cadence: text('cadence').notNull().default('quarter'),
    /** Numeric targets: `[{ name, direction, targetValue, measureUnit, targetDate, baselineValue, baselineDate }]`. */
    targets: jsonb('targets').notNull().default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
  },
  (t) => [index('task_drafts_directive_idx').on(t.directiveId, t.position)],
);

export const directiveReferences = coreSchema.table(
  'directive_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    /** Kind of document: Kế hoạch, Quyết định, Nghị quyết, Chương trình, Công văn… */
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    title: text('title').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('directive_references_directive_idx').on(t.directiveId)],
);

export const tasks = coreSchema.table(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    directiveId: uuid('directive_id')
      .notNull()
      .references(() => directives.id),
    /** Clause of the directive, e.g. `1.6`, `3.1`. */
    clause: text('clause').notNull(),
    /** A task given to every unit is one parent with a child per unit. */
    parentId: uuid('parent_id'),
    isParent: boolean('is_parent').notNull().default(false),
    title: text('title').notNull(),
    content: text('content').notNull(),
    leadUnitCode: text('lead_unit_code').notNull(),
    /** The deadline in force: after an approved extension, the approved date. */
    deadline: date('deadline', { mode: 'string' }),
    /** The deadline first given, kept once an extension moves `deadline` (null: never extended). */
    originalDeadline: date('original_deadline', { mode: 'string' }),
    /** The directive's text does not state this deadline: it was inferred (shown as such). */
    deadlineInferred: boolean('deadline_inferred').notNull().default(false),
    /** The text does not name this lead (the follow-up unit of a task given to every unit). */
    leadInferred: boolean('lead_inferred').notNull().default(false),
    continuous: boolean('continuous').notNull().default(false),
    /** Reporting cadence of a continuous task: month / quarter / half / year. */
    cadence: text('cadence'),
    /** The day the task was given (its directive issued). */
    assignedOn: date('assigned_on', { mode: 'string' }),
    /** active | cancelled (with a reason): a cancelled task is kept but no longer counted. */
    state: text('state').notNull().default('active'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by'),
    cancelReason: text('cancel_reason'),
    progress: integer('progress').notNull().default(0),
    completedOn: date('completed_on', { mode: 'string' }),
    /** The day the completion was entered in the portal (beside the completion date it states). */
    completionEnteredOn: date('completion_entered_on', { mode: 'string' }),
    /** A completion an officer sent to the unit's lead to confirm (chờ lãnh đạo xác nhận): the officer's date of completion and who. */
    completionPendingOn: date('completion_pending_on', { mode: 'string' }),
    completionPendingBy: text('completion_pending_by'),
    /** The lead's note when returning a completion to the officer (cleared by the next completion). */
    completionReturnNote: text('completion_return_note'),
    result: text('result'),
    /** The result document of a completed task: its number and date (số, ngày văn bản)… */
    resultDocNumber: text('result_doc_number'),
    resultDocDate: date('result_doc_date', { mode: 'string' }),
    /** …or an evidence file (`evidence_files`). */
    resultFileId: uuid('result_file_id'),
    /** Date of the last progress update (report or edit): drives "chưa cập nhật tiến độ". */
    lastProgressOn: date('last_progress_on', { mode: 'string' }),
    /** The department module that opened this task through the core API (a remediation task, say); null: given by a directive. */
    openedByModule: text('opened_by_module'),
    /** Title, code and content without diacritics, lower-case: diacritic-blind search. */
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('tasks_lead_unit_idx').on(t.leadUnitCode, t.code),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_directive_idx').on(t.directiveId),
    index('tasks_deadline_idx').on(t.deadline),
    // Status counts per unit (overview) read only these columns of leaf tasks.
    index('tasks_leaf_status_idx').on(t.leadUnitCode, t.continuous, t.completedOn, t.deadline).where(sql`not ${t.isParent}`),
  ],
);

/** Deadline extensions (gia hạn): asked by the lead unit, decided by a coordinator. */
export const deadlineExtensions = coreSchema.table(
  'deadline_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    requestedBy: text('requested_by').notNull(),
    requestedByUnitCode: text('requested_by_unit_code').notNull(),
    reason: text('reason').notNull(),
    /** The deadline when asked, and the date asked for. */
    previousDeadline: date('previous_deadline', { mode: 'string' }).notNull(),
    proposedDeadline: date('proposed_deadline', { mode: 'string' }).notNull(),
    /** pending → approved | declined */
    state: text('state').notNull().default('pending'),
    /** The date the coordinator approved (the one asked for, or another). */
    approvedDeadline: date('approved_deadline', { mode: 'string' }),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [index('deadline_extensions_task_idx').on(t.taskId), index('deadline_extensions_state_idx').on(t.state, t.createdAt)],
);

export const taskCoordinators = coreSchema.table(
  'task_coordinators',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').notNull(),
    /** The directive's text does not name this unit: it was inferred (shown as such). */
    inferred: boolean('inferred').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitCode] }), index('task_coordinators_unit_idx').on(t.unitCode)],
);

/** Progress history of a task as users see it (the audit log keeps the full trail). */
export const taskUpdates = coreSchema.table(
  'task_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    byUsername: text('by_username').notNull(),
    progress: integer('progress').notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [index('task_updates_task_idx').on(t.taskId, t.at)],
);

export const targets = coreSchema.table('targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Unit of measure, e.g. `%`. */
  measureUnit: text('measure_unit').notNull(),
  direction: text('direction').notNull(),
  baselineValue: doublePrecision('baseline_value').notNull(),
  baselineDate: date('baseline_date', { mode: 'string' }).notNull(),
  targetValue: doublePrecision('target_value').notNull(),
  targetDate: date('target_date', { mode: 'string' }).notNull(),
  ownerUnitCode: text('owner_unit_code').notNull(),
  /** `manual` (entered by hand) or `module` (computed by a department module). */
  source: text('source').notNull(),
  sourceModule: text('source_module'),
  directiveId: uuid('directive_id').references(() => directives.id),
  taskId: uuid('task_id').references(() => tasks.id),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
  createdAt: createdAt(),
});

export const measurements = coreSchema.table(
  'measurements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** `manual`, or the id of the module that computed it. */
    source: text('source').notNull(),
    note: text('note'),
    author: text('author').notNull(),
    /**
     * What a share was computed from (value = numerator ÷ denominator × 100, rounded to two
     * decimals): e.g. 16 autonomous units of 600 registered. Both or neither.
     */
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    /** A value that will change as its source completes (e.g. not every unit approved yet). */
    provisional: boolean('provisional').notNull().default(false),
    /** A short account of what the value rests on, e.g. "đã duyệt 4/17 đơn vị chủ quản". */
    basis: text('basis'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('measurements_target_date_source_idx').on(t.targetId, t.asOf, t.source),
    check(
      'measurements_ratio_check',
      sql`(${t.numerator} is null and ${t.denominator} is null) or (${t.denominator} > 0 and ${t.numerator} >= 0 and ${t.numerator} <= ${t.denominator})`,
    ),
  ],
);

export const reports = coreSchema.table(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code').notNull(),
    cadence: text('cadence').notNull(),
    /** e.g. `2024-Q1` */
    periodId: text('period_id').notNull(),
    /** draft (→ with_lead → draft | submitted) → submitted → accepted | returned (→ submitted again) */
    state: text('state').notNull().default('draft'),
    /** Sent to the unit's lead (trình lãnh đạo): when and by which officer; kept after the lead's decision. */
    sentToLeadAt: timestamp('sent_to_lead_at', { withTimezone: true }),
    sentToLeadBy: text('sent_to_lead_by'),
    /** The lead's note when returning the draft to the officer (null once sent again or submitted). */
    leadNote: text('lead_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    returnReason: text('return_reason'),
    /** How many times it was submitted: the number of its last frozen version (`report_versions`). */
    submissions: integer('submissions').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('reports_unit_period_idx').on(t.unitCode, t.periodId),
    index('reports_state_idx').on(t.state, t.periodId),
  ],
);

export const reportItems = coreSchema.table(
  'report_items',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    progress: integer('progress'),
    result: text('result'),
    obstacles: text('obstacles'),
    proposals: text('proposals'),
    beyondAuthority: boolean('beyond_authority').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.taskId] })],
);

/**
 * A submitted report as it was submitted: its figures and lines, frozen. Later changes to
 * the tasks never alter it; a returned report resubmitted is a new version.
 */
export const reportVersions = coreSchema.table(
  'report_versions',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** 1 for the first submission, 2 after a return and resubmission… */
    number: integer('number').notNull(),
    /** submitted → accepted | returned */
    state: text('state').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: text('submitted_by').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    returnReason: text('return_reason'),
    /** Status counts, completion rate, tasks due in the period — as of the period's data window end. */
    figures: jsonb('figures').notNull(),
    /** One line per covered task: code, title, deadline, status, progress, result, obstacles… */
    lines: jsonb('lines').notNull(),
    /** The evidence files attached when it was submitted (metadata; the bytes stay in evidence_files). */
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.number] })],
);

/** Files: a report's evidence, a task's result file, a directive's attached text. */
export const evidenceFiles = coreSchema.table(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    directiveId: uuid('directive_id').references(() => directives.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => tasks.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_report_idx').on(t.reportId), index('evidence_task_idx').on(t.taskId), index('evidence_directive_idx').on(t.directiveId)],
);

export const escalations = coreSchema.table(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').references(() => reports.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    unitCode: text('unit_code').notNull(),
    obstacle: text('obstacle').notNull(),
    proposal: text('proposal'),
    /** open → answered → closed */
    state: text('state').notNull().default('open'),
    response: text('response'),
    respondedBy: text('responded_by'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Raised through the core API by this department module (null: from a report)… */
    moduleId: text('module_id'),
    /** …with a link back into the module's page (`/m/<moduleId>/…`) and its label. */
    linkPath: text('link_path'),
    linkLabel: text('link_label'),
    /** The task the coordinator gave from the answer (`escalations.giveTask`), if any. */
    followUpTaskId: uuid('follow_up_task_id').references(() => tasks.id),
    /** Opened by a scorecard estimate below its target: the node it is about (`scorecard_nodes`). */
    scorecardNodeId: uuid('scorecard_node_id').references(() => scorecardNodes.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('escalations_state_idx').on(t.state, t.createdAt), index('escalations_unit_idx').on(t.unitCode)],
);

export const reminders = coreSchema.table(
  'reminders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    unitCode: text('unit_code').notNull(),
    message: text('message').notNull(),
    sentBy: text('sent_by').notNull(),
    sentByUnitCode: text('sent_by_unit_code'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reminders_task_idx').on(t.taskId)],
);

export const notifications = coreSchema.table(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitCode: text('unit_code').notNull(),
    /** reminder | escalation_answered | escalation_followed_up | report_accepted | report_returned | report_submitted | escalation_opened | extension_requested | report_reminder | report_to_lead | report_lead_returned | task_completion_to_lead | … */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The English title and body, when the notice was written in both languages (null: Vietnamese only). */
    titleEn: text('title_en'),
    bodyEn: text('body_en'),
    /** Who caused it (a username), null for the system's own notices. */
    actor: text('actor'),
    /** Path in the portal, e.g. `/nhiem-vu/<id>`. */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_unit_idx').on(t.unitCode, t.createdAt)],
);

/**
 * A department module's rows linked to a task (a unit's classification, a consolidation line…),
 * keyed by the module: the task page can show them, the module finds its rows' tasks.
 */
export const taskLinks = coreSchema.table(
  'task_links',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    moduleId: text('module_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    /** The kind of the module's row, e.g. `unit`, `classification`. */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    label: text('label'),
    /** Where the row is shown in the module: `/m/<moduleId>/…`. */
    path: text('path'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('task_links_module_task_entity_idx').on(t.moduleId, t.taskId, t.entity, t.entityId),
    index('task_links_module_entity_idx').on(t.moduleId, t.entity, t.entityId),
    index('task_links_task_idx').on(t.taskId),
  ],
);

/** Users who follow a task (through a department module): the tasks a module shows them as theirs to watch. */
export const taskFollowers = coreSchema.table(
  'task_followers',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    username: text('username').notNull(),
    /** The module through which the user follows it. */
    moduleId: text('module_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index('task_followers_user_idx').on(t.userId)],
);

/** Reminders to a unit to submit its report of a period: at most one a unit, period and Hà Nội day. */
export const reportReminders = coreSchema.table(
  'report_reminders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    periodId: text('period_id').notNull(),
    unitCode: text('unit_code').notNull(),
    /** The Hà Nội date it was sent. */
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    sentBy: text('sent_by').notNull(),
    /** The module that sent it (null: the core). */
    moduleId: text('module_id'),
    message: text('message').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('report_reminders_period_unit_day_idx').on(t.periodId, t.unitCode, t.sentOn)],
);

/**
 * The counts behind the overview, kept by a trigger on `core.tasks` in the transaction of every
 * task write (migration 0010), so that no request counts the tasks from scratch. A counted task
 * (a leaf, not cancelled, not continuous) has a status as of any date that changes only on a
 * few days: it is past its deadline from `deadline + 1`, done (on time or late) from
 * `completed_on`, and both from `greatest(deadline + 1, completed_on)`. Each of these days is an
 * event of a kind; the number of events of a kind up to a date, by unit, gives every status as
 * of that date (domain/status-events.ts). Events are kept per day, month and year (`grain`), so
 * that the sum up to a date reads the years before it, the months before it in its year and the
 * days before it in its month: rows that grow with units and time, not with tasks.
 */
export const taskStatusEvents = coreSchema.table(
  'task_status_events',
  {
    /** `y` | `m` | `d`: the bucket is the first day of its year, its month, or the day itself. */
    grain: text('grain').notNull(),
    bucket: date('bucket', { mode: 'string' }).notNull(),
    unitCode: text('unit_code').notNull(),
    /** `due` | `past_deadline` | `done_on_time` | `done_late` | `past_deadline_done` */
    kind: text('kind').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.bucket, t.unitCode, t.kind] })],
);

/**
 * The events up to one date (today, as last asked), by unit and kind: the overview's counts as
 * of today are these rows alone. Kept by the same trigger; moved to a new date by
 * `core.roll_task_status_snapshot` (migration 0010) when no write is under way.
 */
export const taskStatusSnapshot = coreSchema.table(
  'task_status_snapshot',
  {
    asOf: date('as_of', { mode: 'string' }).notNull(),
    unitCode: text('unit_code').notNull(),
    kind: text('kind').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.asOf, t.unitCode, t.kind] })],
);

/** Per lead unit, the counted tasks' totals that do not depend on a date, kept by the same trigger. */
export const taskUnitTotals = coreSchema.table('task_unit_totals', {
  unitCode: text('unit_code').primaryKey(),
  /** Counted tasks with a deadline or none (leaf, active, not continuous). */
  dated: integer('dated').notNull().default(0),
  continuous: integer('continuous').notNull().default(0),
  /** Counted tasks whose deadline an approved extension moved (gia hạn). */
  extended: integer('extended').notNull().default(0),
});

/**
 * Versions of data that answers are cached by, bumped by statement triggers in the writing
 * transaction (migration 0010): `forecasts` moves with every write to targets and measurements,
 * so the overview's forecast classes are recomputed exactly when they may have changed;
 * `overview` moves once in each transaction that writes tasks, reminders or units, at its
 * commit (migration 0011), so the overview's figures are computed once per change and shared.
 */
export const dataVersions = coreSchema.table('data_versions', {
  name: text('name').primaryKey(),
  // bigint: one step per committed write transaction, for the life of a deployment.
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * An index's scorecard for a year (PAR INDEX, SIPAS, PAPI, PCI, PGI), owned by the department that
 * leads it (Sở Nội vụ, Sở KH&ĐT): its tree is `scorecard_nodes`, its projected score a measurement
 * of `target_id`, its misses escalations about `task_id` (the directive's task it serves).
 */
export const scorecards = coreSchema.table(
  'scorecards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** par_index | sipas | papi | pci | pgi (`SCORECARD_INDICES`) */
    indexKind: text('index_kind').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    ownerUnitCode: text('owner_unit_code').notNull(),
    /** The directive's task the scorecard serves (2458 §6.2 for Sở Nội vụ's, §5.2 for Sở KH&ĐT's): escalations and remediation tasks go under it. */
    taskId: uuid('task_id').references(() => tasks.id),
    /** The core target the index's projected score is measured against (its forecast moves with the estimates). */
    targetId: uuid('target_id').references(() => targets.id),
    /** Last year's published rank, e.g. "3/63" (null: not published or not known). */
    lastYearRank: text('last_year_rank'),
    /** Where the structure and figures come from: `[{ label, url }]`. */
    sources: jsonb('sources').notNull().default(sql`'[]'::jsonb`),
    /** What of the structure is not confirmed in a primary text (shown as such), null: all verified. */
    unverifiedNote: text('unverified_note'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scorecards_index_year_idx').on(t.indexKind, t.year)],
);

/** A node of a scorecard's tree: the index, a field or sub-index, a criterion, a component criterion. */
export const scorecardNodes = coreSchema.table(
  'scorecard_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    /** e.g. `1`, `1.2`, `1.2.3` (unique in its scorecard; the root's is the index's short name). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    maxPoints: doublePrecision('max_points'),
    weight: doublePrecision('weight'),
    lastYearScore: doublePrecision('last_year_score'),
    target: doublePrecision('target'),
    /** Short of the target by more than this → off track (set by the owner; null: at risk only). */
    margin: doublePrecision('margin'),
    /** The units that estimate the node (empty: the scorecard's owner). */
    ownerUnitCodes: text('owner_unit_codes').array().notNull().default(sql`'{}'::text[]`),
    /** The owner's current estimate, its evidence, its date and who (history: `scorecard_estimates`). */
    estimate: doublePrecision('estimate'),
    estimateEvidence: text('estimate_evidence'),
    estimateOn: date('estimate_on', { mode: 'string' }),
    estimatedBy: text('estimated_by'),
    /** Where this node's structure comes from, and whether it is not verified in a primary text. */
    source: text('source'),
    unverified: boolean('unverified').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scorecard_nodes_code_idx').on(t.scorecardId, t.code), index('scorecard_nodes_parent_idx').on(t.parentId)],
);

/** Every estimate saved on a node, as saved (the node keeps the current one). */
export const scorecardEstimates = coreSchema.table(
  'scorecard_estimates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => scorecardNodes.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    evidence: text('evidence').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    byUsername: text('by_username').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('scorecard_estimates_node_idx').on(t.nodeId, t.createdAt)],
);

/** A remediation action for a node forecast to miss: what, who, by when; optionally a core task given to its unit. */
export const scorecardActions = coreSchema.table(
  'scorecard_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => scorecardNodes.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    ownerUnitCode: text('owner_unit_code').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The core task opened for it (followed like any task), null: none. */
    taskId: uuid('task_id').references(() => tasks.id),
    /** The escalation to the UBND opened with it. */
    escalationId: uuid('escalation_id').references(() => escalations.id),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('scorecard_actions_node_idx').on(t.nodeId)],
);

/**
 * Hà Nội's internal PAR INDEX results of its departments and districts (Sở Nội vụ's yearly
 * assessment, in percent): the city's ranking of its units, with the move since last year.
 */
export const parUnitScores = coreSchema.table(
  'par_unit_scores',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    year: integer('year').notNull(),
    unitCode: text('unit_code').notNull(),
    score: doublePrecision('score').notNull(),
    /** Where the figure comes from (a published result), null: the demo's plausible figure. */
    source: text('source'),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('par_unit_scores_year_unit_idx').on(t.year, t.unitCode)],
);

export const coreTables = {
  directives,
  taskDrafts,
  deadlineExtensions,
  reportVersions,
  directiveReferences,
  tasks,
  taskCoordinators,
  taskUpdates,
  targets,
  measurements,
  reports,
  reportItems,
  evidenceFiles,
  escalations,
  reminders,
  notifications,
  taskLinks,
  taskFollowers,
  reportReminders,
  taskStatusEvents,
  taskStatusSnapshot,
  taskUnitTotals,
  dataVersions,
  scorecards,
  scorecardNodes,
  scorecardEstimates,
  scorecardActions,
  parUnitScores,
};

