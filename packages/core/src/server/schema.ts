import { sql } from 'drizzle-orm';

import {
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
};

