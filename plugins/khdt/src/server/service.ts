/**
 * Business-support schemes: the module's one write path (procedures and the import go through
 * these functions, each change audited in its transaction). A lead unit keeps its own schemes and
 * their obstacles; Sở KH&ĐT sees and edits every unit's, and raises to the UBND the obstacles
 * beyond the department's authority (a core escalation under §5.1's task); coordinators read.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { deleteVersioned, fail, insertAudited, updateVersioned, type Queryable } from '@dondoc/plugin-sdk';
import { assertUnitAccess } from '@dondoc/trpc';
import type { z } from 'zod';
import { schemeProgress, summarizeSchemes } from '../domain/index.ts';
import { DIRECTIVE, SCHEMES_CLAUSE, type ModuleContext } from './context.ts';
import type { addObstacleInput, createSchemeInput, listSchemesInput, refInput, updateObstacleInput, updateSchemeInput } from './inputs.ts';
import { PERMISSIONS } from './permissions.ts';
import { obstacles, schemes, type ObstacleRow, type SchemeRow } from './schema.ts';

const SCHEME = { vi: 'Đề án, Kế hoạch hỗ trợ doanh nghiệp', en: 'Business-support scheme' };
const OBSTACLE = { vi: 'khó khăn, vướng mắc', en: 'Obstacle' };

/** The page of a scheme in the module (the escalation's link back). */
export const schemePath = (id: string) => `/m/khdt/de-an/${id}`;

/** The unit a new scheme is for: the one asked (within the caller's access) or the caller's own. */
function unitFor(ctx: ModuleContext, code: string | undefined): string {
  const unit = code ?? ctx.user.unit?.code;
  if (!unit) fail('BAD_REQUEST', ctx.locale, { vi: 'Tài khoản không thuộc đơn vị nào.', en: 'Your account belongs to no unit.' });
  assertUnitAccess(ctx, unit);
  return unit;
}

const scopeFilter = (access: ModuleContext['access']): SQL | undefined => (access.unitCodes === 'all' ? undefined : inArray(schemes.unitCode, access.unitCodes));

async function unitNames(ctx: ModuleContext): Promise<Map<string, string>> {
  return new Map((await ctx.services.core.units.list()).map((unit) => [unit.code, unit.name]));
}

function withProgress(ctx: ModuleContext, row: SchemeRow, rowObstacles: ObstacleRow[], names: Map<string, string>) {
  const open = rowObstacles.filter((o) => o.resolvedOn === null);
  return {
    ...row,
    unitName: names.get(row.unitCode) ?? row.unitCode,
    progress: schemeProgress(row, ctx.services.core.today()),
    openObstacles: open.length,
    escalated: rowObstacles.filter((o) => o.escalationId !== null).length,
    awaitingEscalation: open.filter((o) => o.beyondAuthority && o.escalationId === null).length,
  };
}

export async function listSchemes(ctx: ModuleContext, input: z.output<typeof listSchemesInput>) {
  if (input.unitCode) assertUnitAccess(ctx, input.unitCode);
  const rows = await ctx.db
    .select()
    .from(schemes)
    .where(and(scopeFilter(ctx.access), input.unitCode ? eq(schemes.unitCode, input.unitCode) : undefined, input.status ? eq(schemes.status, input.status) : undefined))
    .orderBy(asc(schemes.decisionDate), asc(schemes.name));
  const all = rows.length > 0 ? await ctx.db.select().from(obstacles).where(inArray(obstacles.schemeId, rows.map((r) => r.id))) : [];
  const names = await unitNames(ctx);
  const items = rows.map((row) => withProgress(ctx, row, all.filter((o) => o.schemeId === row.id), names)).filter((row) => !input.behindOnly || row.progress.isBehind);
  return { today: ctx.services.core.today(), items, summary: summarizeSchemes(items) };
}

async function schemeFor(ctx: ModuleContext, db: Queryable, id: string, lock = false): Promise<SchemeRow> {
  const query = db.select().from(schemes).where(eq(schemes.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) fail('NOT_FOUND', ctx.locale, { vi: `Không tìm thấy ${SCHEME.vi}.`, en: `${SCHEME.en} not found.` });
  // Outside the caller's units it does not exist for them.
  if (ctx.access.unitCodes !== 'all' && !ctx.access.unitCodes.includes(row.unitCode)) fail('NOT_FOUND', ctx.locale, { vi: `Không tìm thấy ${SCHEME.vi}.`, en: `${SCHEME.en} not found.` });
  return row;
}

export async function getScheme(ctx: ModuleContext, id: string) {
  const row = await schemeFor(ctx, ctx.db, id);
  const list = await ctx.db.select().from(obstacles).where(eq(obstacles.schemeId, id)).orderBy(asc(obstacles.createdAt));
  const people = await ctx.services.core.people.of([row.updatedBy, ...list.map((o) => o.updatedBy)]);
  return { ...withProgress(ctx, row, list, await unitNames(ctx)), updatedByPerson: people[row.updatedBy] ?? null, obstacles: list };
}

export async function createScheme(ctx: ModuleContext, input: z.output<typeof createSchemeInput>) {
  const { unitCode: asked, ...fields } = input;
  const unitCode = unitFor(ctx, asked);
  if (!(await ctx.services.core.units.get(unitCode))) fail('BAD_REQUEST', ctx.locale, { vi: `Không có đơn vị ${unitCode}.`, en: `There is no unit ${unitCode}.` });
  return ctx.db.transaction((tx) =>
    insertAudited(tx, schemes, {
      values: { unitCode, ...fields, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'khdt.scheme.create', entity: 'khdt.scheme', entityId: (row) => row.id },
      auditWrite: ctx.audit,
    }),
  );
}

export async function updateScheme(ctx: ModuleContext, input: z.output<typeof updateSchemeInput>) {
  const { id, version, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const current = await schemeFor(ctx, tx, id, true);
    return updateVersioned(tx, schemes, {
      id: eq(schemes.id, id),
      version,
      current,
      set: fields,
      actor: ctx.user.username,
      locale: ctx.locale,
      what: SCHEME,
      audit: { action: 'khdt.scheme.update', entity: 'khdt.scheme', entityId: id },
      auditWrite: ctx.audit,
    });
  });
}

export async function removeScheme(ctx: ModuleContext, input: z.output<typeof refInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await schemeFor(ctx, tx, input.id, true);
    await deleteVersioned(tx, schemes, {
      id: eq(schemes.id, input.id),
      version: input.version,
      current,
      locale: ctx.locale,
      what: SCHEME,
      audit: { action: 'khdt.scheme.remove', entity: 'khdt.scheme', entityId: input.id },
      auditWrite: ctx.audit,
    });
    return { id: input.id };
  });
}

export async function addObstacle(ctx: ModuleContext, input: z.output<typeof addObstacleInput>) {
  const { schemeId, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    await schemeFor(ctx, tx, schemeId);
    return insertAudited(tx, obstacles, {
      values: { schemeId, ...fields, createdBy: ctx.user.username, updatedBy: ctx.user.username },
      audit: { action: 'khdt.obstacle.create', entity: 'khdt.obstacle', entityId: (row) => row.id },
      auditWrite: ctx.audit,
    });
  });
}

async function obstacleFor(ctx: ModuleContext, tx: Queryable, id: string) {
  const [row] = await tx.select().from(obstacles).where(eq(obstacles.id, id)).for('update');
  if (!row) fail('NOT_FOUND', ctx.locale, { vi: `Không tìm thấy ${OBSTACLE.vi}.`, en: `${OBSTACLE.en} not found.` });
  const scheme = await schemeFor(ctx, tx, row.schemeId);
  return { row, scheme };
}

export async function updateObstacle(ctx: ModuleContext, input: z.output<typeof updateObstacleInput>) {
  const { id, version, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const { row } = await obstacleFor(ctx, tx, id);
    return updateVersioned(tx, obstacles, {
      id: eq(obstacles.id, id),
      version,
      current: row,
      set: fields,
      actor: ctx.user.username,
      locale: ctx.locale,
      what: OBSTACLE,
      audit: { action: 'khdt.obstacle.update', entity: 'khdt.obstacle', entityId: id },
      auditWrite: ctx.audit,
    });
  });
}

export async function removeObstacle(ctx: ModuleContext, input: z.output<typeof refInput>) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await obstacleFor(ctx, tx, input.id);
    if (row.escalationId) fail('BAD_REQUEST', ctx.locale, { vi: 'Khó khăn đã báo cáo UBND Thành phố: không xóa được, hãy ghi ngày đã giải quyết.', en: 'The obstacle was raised to the UBND: it cannot be removed; record the day it was resolved.' });
    await deleteVersioned(tx, obstacles, {
      id: eq(obstacles.id, input.id),
      version: input.version,
      current: row,
      locale: ctx.locale,
      what: OBSTACLE,
      audit: { action: 'khdt.obstacle.remove', entity: 'khdt.obstacle', entityId: input.id },
      auditWrite: ctx.audit,
    });
    return { id: input.id };
  });
}

/**
 * Sở KH&ĐT raises an obstacle beyond the department's authority to the UBND: a core escalation
 * under the task of §5.1, linking back to the scheme; the obstacle keeps the escalation's id. Once.
 */
export async function escalateObstacle(ctx: ModuleContext, input: z.output<typeof refInput>) {
  return ctx.db.transaction(async (tx) => {
    const { row, scheme } = await obstacleFor(ctx, tx, input.id);
    if (!row.beyondAuthority) fail('BAD_REQUEST', ctx.locale, { vi: 'Chỉ báo cáo UBND Thành phố các khó khăn vượt thẩm quyền.', en: 'Only obstacles beyond the department’s authority go to the UBND.' });
    if (row.resolvedOn) fail('BAD_REQUEST', ctx.locale, { vi: 'Khó khăn đã được giải quyết.', en: 'The obstacle is resolved.' });
    if (row.escalationId) fail('CONFLICT', ctx.locale, { vi: 'Khó khăn đã được báo cáo UBND Thành phố.', en: 'The obstacle was already raised to the UBND.' });
    const task = (await ctx.services.core.tasks.clauses(DIRECTIVE)).find((t) => t.clause === SCHEMES_CLAUSE);
    if (!task) fail('BAD_REQUEST', ctx.locale, { vi: `Chưa có nhiệm vụ mục ${SCHEMES_CLAUSE} của văn bản ${DIRECTIVE}.`, en: `There is no task for clause ${SCHEMES_CLAUSE} of ${DIRECTIVE}.` });
    const raised = await ctx.services.core.escalations.raise({
      taskId: task.id,
      reason: `${scheme.name} (Quyết định số ${scheme.decisionNumber}): ${row.description}`.slice(0, 5000),
      ...(row.proposal ? { proposal: row.proposal } : {}),
      link: { path: schemePath(scheme.id), label: scheme.name.slice(0, 300) },
      permission: PERMISSIONS.schemesReview,
    });
    return updateVersioned(tx, obstacles, {
      id: eq(obstacles.id, row.id),
      version: input.version,
      current: row,
      set: { escalationId: raised.id, escalatedOn: ctx.services.core.today() },
      actor: ctx.user.username,
      locale: ctx.locale,
      what: OBSTACLE,
      audit: { action: 'khdt.obstacle.escalate', entity: 'khdt.obstacle', entityId: row.id },
      auditWrite: ctx.audit,
    });
  });
}
