/** `core.tasks`: the tasks a department module reads, opens, follows, links its rows to and moves on. */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { listUnits } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import { CADENCES, flaggedForLeadership, isIsoDate, taskStatus, type Cadence, type IsoDate, type TaskStatus } from '../../domain/index.ts';
import { codePrefix } from '../directives.ts';
import { fail, notFound } from '../errors.ts';
import { directives, notifications, taskCoordinators, taskFollowers, taskLinks, tasks } from '../schema.ts';
import { searchTextOf } from '../seed.ts';
import { taskStatusSql } from '../status-sql.ts';
import { activeTask, canSee, getTask, involvesUnits, progressFlag, remindersWhileOverdueSql, taskUnitCodes, updateTask } from '../tasks.ts';
import { unitDirectory, unitRef, type UnitName } from '../units.ts';
import { followUpReaders } from '../visibility.ts';
import { accessOf, assertCovers, decideAccess, assertModulePath, audit, authorOf, parse, queryable, write, type Bound, type GrantedAccess } from './binding.ts';

const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');
const unitCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/);
const directiveNumber = z.string().trim().min(1).max(100);
const clause = z.string().trim().min(1).max(30);
const permission = z.string().max(200).optional();
const taskRef = z.union([z.uuid(), z.string().trim().min(1).max(100)]);
const entityRef = z.object({ entity: z.string().trim().min(1).max(60), entityId: z.string().trim().min(1).max(200) });

const listInput = z.object({
  directiveNumber: directiveNumber.optional(),
  clause: clause.optional(),
  unitCode: unitCode.optional(),
  linkedTo: entityRef.optional(),
  /** Only the tasks this module opened. */
  openedByModule: z.boolean().optional(),
  /** Only the tasks the caller follows (parents included). */
  followed: z.boolean().optional(),
  asOf: isoDate.optional(),
  limit: z.number().int().min(1).max(2000).default(500),
  permission,
});
const openInput = z.object({
  directiveNumber,
  clause: clause.optional(),
  unitCode,
  title: z.string().trim().min(1).max(500),
  content: z.string().trim().max(10_000).optional(),
  deadline: isoDate.optional(),
  continuous: z.boolean().default(false),
  cadence: z.enum(CADENCES).optional(),
  coordinatorUnitCodes: z.array(unitCode).max(100).default([]),
  permission,
});
const linkInput = entityRef.extend({
  label: z.string().trim().min(1).max(300).optional(),
  path: z.string().trim().min(1).max(500).optional(),
});
const progressInput = z.object({
  progress: z.number().int().min(0).max(100),
  note: z.string().trim().max(2000).optional(),
  completedOn: isoDate.nullable().optional(),
  result: z.string().trim().max(5000).nullable().optional(),
  resultDocNumber: z.string().trim().max(100).nullable().optional(),
  resultDocDate: isoDate.nullable().optional(),
  /** The version the module read: CONFLICT when the task changed since (omitted: the current one). */
  version: z.number().int().min(1).optional(),
});

export type TaskListOptions = z.input<typeof listInput>;
export type OpenTaskInput = z.input<typeof openInput>;
export type TaskLinkInput = z.input<typeof linkInput>;
export type TaskProgressInput = z.input<typeof progressInput>;

/** A top-level task of a directive (a clause): one unit's task, or the parent of one task per unit. */
export interface ClauseTask {
  id: string;
  code: string;
  clause: string;
  title: string;
  isParent: boolean;
  leadUnit: UnitName;
  deadline: IsoDate | null;
  continuous: boolean;
  status: TaskStatus;
  progress: number;
}

/** A task as `tasks.list` answers it. */
export interface ModuleTaskItem {
  id: string;
  code: string;
  clause: string;
  title: string;
  parentId: string | null;
  leadUnit: UnitName;
  deadline: IsoDate | null;
  continuous: boolean;
  cadence: string | null;
  status: TaskStatus;
  progress: number;
  completedOn: IsoDate | null;
  noProgressUpdate: boolean;
  flaggedForLeadership: boolean;
  /** The module that opened it (null: given by a directive). */
  openedByModule: string | null;
  version: number;
}

/** A module's row linked to a task. */
export interface TaskLink {
  taskId: string;
  taskCode: string;
  entity: string;
  entityId: string;
  label: string | null;
  path: string | null;
}

const readAccess = (b: Bound, key?: string) => accessOf(b, key, 'core.tasks:read');

async function findDirective(b: Bound, db: Queryable, number: string) {
  const [directive] = await db.select().from(directives).where(eq(directives.number, number));
  // A draft exists only for those who give tasks (as `directives.get`).
  if (!directive || (directive.state !== 'issued' && !decideAccess(b, 'core.directives:write').allowed)) notFound(b.locale, { vi: `văn bản chỉ đạo ${number}`, en: `Directive ${number}` });
  return directive;
}

/** A task by id or code, as the caller may see it (NOT_FOUND otherwise, as `tasks.get`). */
async function visibleTask(b: Bound, db: Queryable, ref: string, access: GrantedAccess) {
  const [task] = await db.select().from(tasks).where(z.uuid().safeParse(ref).success ? eq(tasks.id, ref) : eq(tasks.code, ref));
  if (!task || !canSee(access, await taskUnitCodes(db, task))) notFound(b.locale, { vi: `nhiệm vụ ${ref}`, en: `Task ${ref}` });
  return task;
}

export function moduleTasks(b: Bound) {
  const api = {
    /** The clauses of a directive: its top-level tasks (active; not the ones modules opened), in code order. */
    async clauses(number: string, options: { asOf?: IsoDate; tx?: Queryable } = {}): Promise<ClauseTask[]> {
      const db = queryable(b, options.tx);
      const directive = await findDirective(b, db, parse(b, directiveNumber, number));
      const asOf = options.asOf ?? b.today();
      const rows = await db
        .select()
        .from(tasks)
        .where(and(eq(tasks.directiveId, directive.id), isNull(tasks.parentId), isNull(tasks.openedByModule), activeTask))
        .orderBy(asc(tasks.code));
      const directory = await unitDirectory(db);
      return rows.map((t) => ({
        id: t.id,
        code: t.code,
        clause: t.clause,
        title: t.title,
        isParent: t.isParent,
        leadUnit: unitRef(directory, t.leadUnitCode),
        deadline: t.deadline,
        continuous: t.continuous,
        status: taskStatus(t, asOf),
        progress: t.progress,
      }));
    },

    /**
     * Leaf tasks (the ones a unit carries out) of the caller's units, or of every unit under
     * the module's `permission` when its scope is wider: by directive, clause, unit, the
     * module's row they are linked to, or only those the module opened.
     */
    async list(options: TaskListOptions = {}, legacy: { tx?: Queryable } = {}): Promise<ModuleTaskItem[]> {
      const input = parse(b, listInput, options);
      const db = queryable(b, legacy.tx);
      const access = readAccess(b, input.permission);
      const asOf = input.asOf ?? b.today();
      const status = taskStatusSql(asOf);
      const conditions: SQL[] = [activeTask];
      if (input.followed) {
        if (!b.actor) return [];
        conditions.push(sql`${tasks.id} in (select ${taskFollowers.taskId} from ${taskFollowers} where ${taskFollowers.userId} = ${b.actor.id})`);
      } else conditions.push(eq(tasks.isParent, false));
      if (access.unitCodes !== 'all') conditions.push(involvesUnits(access.unitCodes));
      if (input.unitCode) conditions.push(involvesUnits([input.unitCode]));
      if (input.directiveNumber) conditions.push(eq(tasks.directiveId, (await findDirective(b, db, input.directiveNumber)).id));
      if (input.clause) conditions.push(sql`(${tasks.clause} = ${input.clause} or ${tasks.clause} like ${`${input.clause}.%`})`);
      if (input.openedByModule) conditions.push(eq(tasks.openedByModule, b.moduleId));
      if (input.linkedTo) {
        conditions.push(sql`${tasks.id} in (select ${taskLinks.taskId} from ${taskLinks} where ${taskLinks.moduleId} = ${b.moduleId}
          and ${taskLinks.entity} = ${input.linkedTo.entity} and ${taskLinks.entityId} = ${input.linkedTo.entityId})`);
      }
      const rows = await db
        .select({ task: tasks, status, remindersWhileOverdue: remindersWhileOverdueSql(asOf) })
        .from(tasks)
        .where(and(...conditions))
        .orderBy(asc(tasks.code))
        .limit(input.limit);
      const directory = await unitDirectory(db);
      return rows.map(({ task: t, status: s, remindersWhileOverdue }) => ({
        id: t.id,
        code: t.code,
        clause: t.clause,
        title: t.title,
        parentId: t.parentId,
        leadUnit: unitRef(directory, t.leadUnitCode),
        deadline: t.deadline,
        continuous: t.continuous,
        cadence: t.cadence,
        status: s as TaskStatus,
        progress: t.progress,
        completedOn: t.completedOn,
        noProgressUpdate: progressFlag(t, s as TaskStatus, asOf),
        flaggedForLeadership: flaggedForLeadership(s as TaskStatus, Number(remindersWhileOverdue)),
        openedByModule: t.openedByModule,
        version: t.version,
      }));
    },

    /** One task (by id or code) with everything its page shows, as the core's `tasks.get`, plus the module's links to it. */
    async get(ref: string, options: { asOf?: IsoDate; permission?: string; tx?: Queryable } = {}) {
      const db = queryable(b, options.tx);
      const access = readAccess(b, options.permission);
      const task = await visibleTask(b, db, parse(b, taskRef, ref), access);
      const detail = await getTask(db, access, followUpReaders((key) => decideAccess(b, key)), task.id, options.asOf ?? b.today(), b.locale);
      return { ...detail, openedByModule: task.openedByModule, links: await linksOfTask(db, b.moduleId, task.id) };
    },

    /**
     * Opens a task of a directive for a unit on the module's behalf (a remediation task, say):
     * recorded as opened by the module, the unit notified, audited. Only for units the caller's
     * `permission` covers (default `core.directives:write`, those who give tasks): FORBIDDEN otherwise.
     */
    async open(raw: OpenTaskInput): Promise<{ id: string; code: string; version: number }> {
      const input = parse(b, openInput, raw);
      const access = accessOf(b, input.permission, 'core.directives:write');
      assertCovers(b, access, [input.unitCode]);
      return write(b, undefined, async (tx) => {
        const directive = await findDirective(b, tx, input.directiveNumber);
        if (directive.state !== 'issued') {
          fail('BAD_REQUEST', b.locale, { vi: `Văn bản ${directive.number} chưa ban hành: chưa mở nhiệm vụ được.`, en: `Directive ${directive.number} is not issued yet: no task can be opened under it.` });
        }
        const known = new Set((await listUnits(tx)).map((u) => u.code));
        const unknown = [input.unitCode, ...input.coordinatorUnitCodes].filter((code) => !known.has(code));
        if (unknown.length > 0) fail('BAD_REQUEST', b.locale, { vi: `Không có đơn vị ${unknown.join(', ')}.`, en: `There is no unit ${unknown.join(', ')}.` });
        if (input.clause) {
          const [inClause] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.directiveId, directive.id), eq(tasks.clause, input.clause))).limit(1);
          if (!inClause) fail('BAD_REQUEST', b.locale, { vi: `Văn bản ${directive.number} không có mục ${input.clause}.`, en: `Directive ${directive.number} has no clause ${input.clause}.` });
        }
        const today = b.today();
        const deadline = input.continuous ? null : (input.deadline ?? null);
        if (deadline && deadline < today) fail('BAD_REQUEST', b.locale, { vi: 'Hạn hoàn thành không được trước hôm nay.', en: 'The deadline cannot be before today.' });
        // `<prefix>-<clause>-<unit>-M<n>`: the M marks a task a module opened.
        const base = [codePrefix(directive.number), input.clause, input.unitCode].filter(Boolean).join('-');
        const taken = new Set((await tx.select({ code: tasks.code }).from(tasks).where(sql`${tasks.code} like ${`${base}-M%`}`)).map((r) => r.code));
        let n = 1;
        while (taken.has(`${base}-M${n}`)) n++;
        const code = `${base}-M${n}`;
        const content = input.content || input.title;
        const [task] = await tx
          .insert(tasks)
          .values({
            code,
            directiveId: directive.id,
            clause: input.clause ?? '',
            title: input.title,
            content,
            leadUnitCode: input.unitCode,
            deadline,
            continuous: input.continuous,
            cadence: input.cadence ?? ('quarter' satisfies Cadence),
            assignedOn: today,
            openedByModule: b.moduleId,
            searchText: searchTextOf(code, input.title, content),
            updatedBy: authorOf(b),
          })
          .returning();
        if (!task) throw new Error('task insert returned nothing');
        const coordinators = [...new Set(input.coordinatorUnitCodes)].filter((c) => c !== input.unitCode);
        if (coordinators.length > 0) await tx.insert(taskCoordinators).values(coordinators.map((unitCode) => ({ taskId: task.id, unitCode })));
        await tx.insert(notifications).values({
          unitCode: input.unitCode,
          kind: 'task_assigned',
          title: `Nhiệm vụ mới: ${code}`,
          body: `${input.title} (Văn bản ${directive.number}; phân hệ ${b.moduleId}${deadline ? `; hạn ${deadline.split('-').reverse().join('/')}` : ''}).`,
          link: `/nhiem-vu/${task.id}`,
        });
        await audit(b, tx, {
          action: 'core.task.open',
          entity: 'core.task',
          entityId: task.id,
          after: { code, directiveId: directive.id, clause: task.clause, leadUnitCode: task.leadUnitCode, coordinators, title: task.title, deadline, assignedOn: today },
        });
        return { id: task.id, code, version: task.version };
      });
    },

    /**
     * The caller follows a task they may see: the module lists it among theirs (`following`).
     * Idempotent; audited the first time.
     */
    async follow(taskId: string, options: { permission?: string } = {}): Promise<{ following: true; followers: number }> {
      if (!b.actor) fail('BAD_REQUEST', b.locale, { vi: 'Chỉ người dùng đăng nhập mới theo dõi được nhiệm vụ.', en: 'Only a signed-in user can follow a task.' });
      const actor = b.actor;
      const access = readAccess(b, options.permission);
      return write(b, undefined, async (tx) => {
        const task = await visibleTask(b, tx, parse(b, z.uuid(), taskId), access);
        const added = await tx
          .insert(taskFollowers)
          .values({ taskId: task.id, userId: actor.id, username: actor.username, moduleId: b.moduleId })
          .onConflictDoNothing()
          .returning({ taskId: taskFollowers.taskId });
        if (added.length > 0) await audit(b, tx, { action: 'core.task.follow', entity: 'core.task', entityId: task.id, after: { follower: actor.username } });
        const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(taskFollowers).where(eq(taskFollowers.taskId, task.id));
        return { following: true as const, followers: Number(count?.n ?? 0) };
      });
    },

    /** The tasks the caller follows (through any module) and may still see, in code order. */
    following(options: Omit<TaskListOptions, 'followed'> = {}): Promise<ModuleTaskItem[]> {
      return api.list({ ...options, followed: true });
    },

    /** Links one of the module's rows to a task the caller may see (again: updates its label and path). Audited. */
    async link(taskId: string, raw: TaskLinkInput, options: { permission?: string } = {}): Promise<TaskLink> {
      const input = parse(b, linkInput, raw);
      if (input.path) assertModulePath(b, input.path);
      const access = readAccess(b, options.permission);
      return write(b, undefined, async (tx) => {
        const task = await visibleTask(b, tx, parse(b, z.uuid(), taskId), access);
        const values = { moduleId: b.moduleId, taskId: task.id, entity: input.entity, entityId: input.entityId, label: input.label ?? null, path: input.path ?? null, createdBy: authorOf(b) };
        await tx
          .insert(taskLinks)
          .values(values)
          .onConflictDoUpdate({ target: [taskLinks.moduleId, taskLinks.taskId, taskLinks.entity, taskLinks.entityId], set: { label: values.label, path: values.path } });
        await audit(b, tx, { action: 'core.task.link', entity: 'core.task', entityId: task.id, after: { entity: input.entity, entityId: input.entityId, label: values.label, path: values.path } });
        return { taskId: task.id, taskCode: task.code, entity: input.entity, entityId: input.entityId, label: values.label, path: values.path };
      });
    },

    /** Removes a link of the module's (nothing when there is none). Audited when one was removed. */
    async unlink(taskId: string, ref: { entity: string; entityId: string }): Promise<{ removed: boolean }> {
      const { entity, entityId } = parse(b, entityRef, ref);
      const id = parse(b, z.uuid(), taskId);
      return write(b, undefined, async (tx) => {
        const removed = await tx
          .delete(taskLinks)
          .where(and(eq(taskLinks.moduleId, b.moduleId), eq(taskLinks.taskId, id), eq(taskLinks.entity, entity), eq(taskLinks.entityId, entityId)))
          .returning({ id: taskLinks.id });
        if (removed.length > 0) await audit(b, tx, { action: 'core.task.unlink', entity: 'core.task', entityId: id, before: { entity, entityId } });
        return { removed: removed.length > 0 };
      });
    },

    /** The module's links: of one of its rows (`{ entity, entityId }`) to tasks, or of a task (its id) to its rows. */
    async links(of: { entity: string; entityId: string } | string, options: { tx?: Queryable } = {}): Promise<TaskLink[]> {
      const db = queryable(b, options.tx);
      if (typeof of === 'string') return linksOfTask(db, b.moduleId, parse(b, z.uuid(), of));
      const { entity, entityId } = parse(b, entityRef, of);
      return linkRows(db, and(eq(taskLinks.moduleId, b.moduleId), eq(taskLinks.entity, entity), eq(taskLinks.entityId, entityId)));
    },

    /**
     * Moves on a task this module opened (FORBIDDEN for any other): progress, completion and its
     * result, with the core's own rules (`tasks.update`: version, CONFLICT naming who changed it,
     * a completion needs its result document or file, history and audit rows).
     */
    async updateProgress(taskId: string, raw: TaskProgressInput) {
      const input = parse(b, progressInput, raw);
      const id = parse(b, z.uuid(), taskId);
      return write(b, undefined, async (tx) => {
        const [task] = await tx.select({ openedByModule: tasks.openedByModule, version: tasks.version }).from(tasks).where(eq(tasks.id, id));
        if (!task) notFound(b.locale, { vi: 'nhiệm vụ', en: 'Task' });
        if (task.openedByModule !== b.moduleId) {
          fail('FORBIDDEN', b.locale, { vi: `Phân hệ ${b.moduleId} chỉ cập nhật được nhiệm vụ do chính nó mở.`, en: `Module ${b.moduleId} may update only the tasks it opened.` });
        }
        const { version, ...update } = input;
        return updateTask(
          { db: tx as never, locale: b.locale, audit: (t, entry) => audit(b, t, entry), user: { username: authorOf(b) }, access: { allowed: true, unitCodes: 'all' } },
          { id, version: version ?? task.version, ...update },
          b.today(),
        );
      });
    },
  };
  return api;
}

async function linksOfTask(db: Queryable, moduleId: string, taskId: string): Promise<TaskLink[]> {
  return linkRows(db, and(eq(taskLinks.moduleId, moduleId), eq(taskLinks.taskId, taskId)));
}

async function linkRows(db: Queryable, where: SQL | undefined): Promise<TaskLink[]> {
  return db
    .select({ taskId: taskLinks.taskId, taskCode: tasks.code, entity: taskLinks.entity, entityId: taskLinks.entityId, label: taskLinks.label, path: taskLinks.path })
    .from(taskLinks)
    .innerJoin(tasks, eq(tasks.id, taskLinks.taskId))
    .where(where)
    .orderBy(asc(tasks.code), asc(taskLinks.entity), asc(taskLinks.entityId));
}

/** Every module's rows linked to a task, for its page (the core shows them; a module sees only its own). */
export async function listTaskLinks(db: Queryable, taskId: string) {
  return db
    .select({ moduleId: taskLinks.moduleId, entity: taskLinks.entity, entityId: taskLinks.entityId, label: taskLinks.label, path: taskLinks.path })
    .from(taskLinks)
    .where(eq(taskLinks.taskId, taskId))
    .orderBy(asc(taskLinks.moduleId), asc(taskLinks.id));
}

