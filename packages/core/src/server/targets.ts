import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { coversUnit, writeAudit, type Access } from '@dondoc/auth';
import type { Context } from '@dondoc/trpc';
import type { Db, Queryable } from '@dondoc/db';
import type { Locale } from '@dondoc/trpc';
import { forecastTarget, sparklinePoints, type IsoDate, type TargetDirection } from '../domain/index.ts';
import { updateRow } from './versioned.ts';
import { conflict, fail, notFound } from './errors.ts';
import { directives, measurements, targets, tasks } from './schema.ts';
import { unitDirectory, unitRef, type UnitName } from './units.ts';
import { peopleOf } from './people.ts';

type TargetRow = typeof targets.$inferSelect;
type MeasurementRow = typeof measurements.$inferSelect;

function forecastOf(target: TargetRow, rows: MeasurementRow[], asOf: IsoDate) {
  return forecastTarget(
    {
      direction: target.direction as TargetDirection,
      baselineValue: target.baselineValue,
      baselineDate: target.baselineDate,
      targetValue: target.targetValue,
      targetDate: target.targetDate,
    },
    rows.map((m) => ({ value: m.value, asOf: m.asOf })),
    asOf,
  );
}

async function measurementsByTarget(db: Queryable, targetIds: string[]) {
  const byTarget = new Map<string, MeasurementRow[]>();
  if (targetIds.length === 0) return byTarget;
  const rows = await db.select().from(measurements).where(inArray(measurements.targetId, targetIds)).orderBy(asc(measurements.asOf), asc(measurements.id));
  for (const row of rows) {
    const list = byTarget.get(row.targetId);
    if (list) list.push(row);
    else byTarget.set(row.targetId, [row]);
  }
  return byTarget;
}

/** Every target with its forecast as of `asOf`. */
export async function listTargets(db: Queryable, asOf: IsoDate) {
  const rows = await db.select().from(targets).orderBy(asc(targets.code));
  const byTarget = await measurementsByTarget(db, rows.map((t) => t.id));
  const directory = await unitDirectory(db);
  return rows.map((target) => {
    const measured = byTarget.get(target.id) ?? [];
    const forecast = forecastOf(target, measured, asOf);
    return {
      ...targetView(target, directory),
      forecast: {
        class: forecast.class,
        projectedValue: forecast.projectedValue,
        reachedOn: forecast.reachedOn,
        latestValue: forecast.latestValue,
        latestOn: forecast.latestOn,
      },
      /** What its sparkline draws (the watch list): the measurements up to `asOf`, thinned. */
      trend: sparklinePoints(measured.map((m) => ({ value: m.value, asOf: m.asOf as IsoDate })), asOf),
    };
  });
}

/** A target as the API answers it (without measurements and forecast). */
function targetView(target: TargetRow, directory: Map<string, UnitName>) {
  return {
    id: target.id,
    code: target.code,
    name: target.name,
    measureUnit: target.measureUnit,
    direction: target.direction as TargetDirection,
    baselineValue: target.baselineValue,
    baselineDate: target.baselineDate,
    targetValue: target.targetValue,
    targetDate: target.targetDate,
    ownerUnit: unitRef(directory, target.ownerUnitCode),
    source: target.source,
    sourceModule: target.sourceModule,
    taskId: target.taskId,
    version: target.version,
    updatedBy: target.updatedBy,
  };
}

export async function findTarget(db: Queryable, code: string): Promise<TargetRow | undefined> {
  const [target] = await db.select().from(targets).where(eq(targets.code, code));
  return target;
}

/** One target, its measurements and its forecast with the trend line. */
export async function getTarget(db: Queryable, code: string, asOf: IsoDate, locale: Locale) {
  const target = await findTarget(db, code);
  if (!target) notFound(locale, { vi: `chỉ tiêu ${code}`, en: `Target ${code}` });
  const rows = (await measurementsByTarget(db, [target.id])).get(target.id) ?? [];
  const directory = await unitDirectory(db, [target.ownerUnitCode]);
  const forecast = forecastOf(target, rows, asOf);
  const person = await peopleOf(db, [target.updatedBy, ...rows.map((m) => m.author)], locale);
  return {
    ...targetView(target, directory),
    updatedBy: person(target.updatedBy),
    measurements: rows.map((m) => ({
      id: m.id,
      value: m.value,
      asOf: m.asOf,
      source: m.source,
      note: m.note,
      author: person(m.author),
      numerator: m.numerator,
      denominator: m.denominator,
      provisional: m.provisional,
      basis: m.basis,
    })),
    forecast,
  };
}

export interface MeasurementInput {
  value: number;
  asOf: IsoDate;
  note?: string | null | undefined;
  /**
   * What a share (in %) was computed from, both or neither: denominator > 0 and
   * 0 ≤ numerator ≤ denominator, and `value` must then be numerator ÷ denominator × 100
   * rounded to two decimals (the caller states the value it shows; the core checks it).
   */
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
  /** The value will change as its source completes (default false). */
  provisional?: boolean | undefined;
  /** A short account of what the value rests on (at most 200 characters), e.g. "đã duyệt 4/17 đơn vị chủ quản". */
  basis?: string | null | undefined;
}

/** numerator ÷ denominator × 100 rounded to two decimals, half away from zero (as the modules round their shares). */
export function ratioPercent(numerator: number, denominator: number): number {
  return Math.round(((numerator / denominator) * 100 + Number.EPSILON) * 100) / 100;
}

export const MEASUREMENT_BASIS_MAX = 200;

/** Checks the optional figures of a measurement; answers the message of the first problem, or null. */
export function measurementInputProblem(input: MeasurementInput): { vi: string; en: string } | null {
  const { numerator, denominator } = input;
  if (!Number.isFinite(input.value)) return { vi: 'Giá trị số liệu phải là một số.', en: 'The value must be a finite number.' };
  const hasNumerator = numerator !== null && numerator !== undefined;
  const hasDenominator = denominator !== null && denominator !== undefined;
  if (hasNumerator !== hasDenominator) return { vi: 'Tử số và mẫu số phải có cùng nhau.', en: 'Numerator and denominator go together.' };
  if (hasNumerator && hasDenominator) {
    if (!Number.isFinite(denominator) || denominator <= 0) return { vi: 'Mẫu số phải lớn hơn 0.', en: 'The denominator must be greater than 0.' };
    if (!Number.isFinite(numerator) || numerator < 0 || numerator > denominator) {
      return { vi: 'Tử số phải từ 0 đến mẫu số.', en: 'The numerator must be between 0 and the denominator.' };
    }
    const expected = ratioPercent(numerator, denominator);
    if (Math.abs(expected - input.value) > 1e-9) {
      return {
        vi: `Giá trị ${input.value} không khớp với ${numerator}/${denominator} = ${expected}%.`,
        en: `The value ${input.value} does not match ${numerator}/${denominator} = ${expected}%.`,
      };
    }
  }
  if (input.provisional !== undefined && typeof input.provisional !== 'boolean') return { vi: 'Cờ tạm tính không hợp lệ.', en: 'Invalid provisional flag.' };
  if (input.basis !== null && input.basis !== undefined && (typeof input.basis !== 'string' || input.basis.length > MEASUREMENT_BASIS_MAX)) {
    return { vi: `Căn cứ tối đa ${MEASUREMENT_BASIS_MAX} ký tự.`, en: `The basis is at most ${MEASUREMENT_BASIS_MAX} characters.` };
  }
  return null;
}

/**
 * Records (or replaces) a target's measurement for a date and source. `source` is
 * `manual` for values entered by hand, or the id of the module that computed it.
 */
export async function recordMeasurement(
  tx: Queryable,
  target: TargetRow,
  input: MeasurementInput & { source: string; author: string },
  locale: Locale,
) {
  if (input.source === 'manual' && target.source !== 'manual') {
    fail('BAD_REQUEST', locale, {
      vi: `Chỉ tiêu ${target.code} do mô-đun ${target.sourceModule ?? ''} tính, không nhập tay.`,
      en: `Target ${target.code} is computed by module ${target.sourceModule ?? ''}; it is not entered by hand.`,
    });
  }
  if (input.source !== 'manual' && target.sourceModule !== input.source) {
    fail('FORBIDDEN', locale, {
      vi: `Mô-đun ${input.source} không được ghi số liệu cho chỉ tiêu ${target.code}.`,
      en: `Module ${input.source} may not record measurements of target ${target.code}.`,
    });
  }
  const problem = measurementInputProblem(input);
  if (problem) fail('BAD_REQUEST', locale, problem);
  const figures = {
    numerator: input.numerator ?? null,
    denominator: input.denominator ?? null,
    provisional: input.provisional ?? false,
    basis: input.basis?.trim() || null,
  };
  const [before] = await tx
    .select()
    .from(measurements)
    .where(sql`${measurements.targetId} = ${target.id} and ${measurements.asOf} = ${input.asOf} and ${measurements.source} = ${input.source}`);
  const [row] = await tx
    .insert(measurements)
    .values({ targetId: target.id, value: input.value, asOf: input.asOf, source: input.source, note: input.note ?? null, author: input.author, ...figures })
    .onConflictDoUpdate({
      target: [measurements.targetId, measurements.asOf, measurements.source],
      set: { value: input.value, note: input.note ?? null, author: input.author, ...figures, createdAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('measurement upsert returned nothing');
  return { before: before ?? null, after: row };
}

/**
 * The owner unit sets the baseline its forecast starts from (value and date, the date not
 * after the target date nor after today). Versioned: a stale version gets CONFLICT.
 */
export async function setTargetBaseline(
  ctx: Pick<Context, 'db' | 'locale' | 'audit'> & { user: { username: string }; access: Access },
  input: { code: string; version: number; baselineValue: number; baselineDate: IsoDate },
  today: IsoDate,
) {
  const { locale } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [target] = await tx.select().from(targets).where(eq(targets.code, input.code)).for('update');
    if (!target) notFound(locale, { vi: `chỉ tiêu ${input.code}`, en: `Target ${input.code}` });
    if (!coversUnit(ctx.access, target.ownerUnitCode)) {
      fail('FORBIDDEN', locale, { vi: 'Chỉ đơn vị chủ quản chỉ tiêu được đặt giá trị cơ sở.', en: 'Only the unit that owns the target may set its baseline.' });
    }
    if (target.version !== input.version) conflict(locale, target.updatedBy);
    if (input.baselineDate > target.targetDate) {
      fail('BAD_REQUEST', locale, { vi: 'Ngày cơ sở không được sau ngày phải đạt chỉ tiêu.', en: 'The baseline date cannot be after the target date.' });
    }
    if (input.baselineDate > today) fail('BAD_REQUEST', locale, { vi: 'Ngày cơ sở không được sau hôm nay.', en: 'The baseline date cannot be in the future.' });
    const baseline = (t: typeof target) => ({ baselineValue: t.baselineValue, baselineDate: t.baselineDate, version: t.version });
    const updated = await updateRow(ctx, tx, targets, {
      version: input.version,
      row: target,
      set: { baselineValue: input.baselineValue, baselineDate: input.baselineDate },
      what: { vi: `chỉ tiêu ${input.code}`, en: `Target ${input.code}` },
      action: 'core.target.baseline',
      entity: 'core.target',
      auditView: (before, after) => ({ before: baseline(before), after: baseline(after) }),
    });
    return { code: updated.code, version: updated.version, baselineValue: updated.baselineValue, baselineDate: updated.baselineDate };
  });
}

/**
 * A target a department module declares in its manifest: created when the module loads,
 * updated when its declaration changes. `directive` (its number, e.g. `2458/UBND-SNV`) and
 * `clause` link it to that clause's top-level task when the directive is there.
 */
export interface TargetDeclaration {
  code: string;
  name: string;
  directive: string;
  clause: string;
  direction: TargetDirection;
  targetValue: number;
  measureUnit: string;
  targetDate: IsoDate;
  baselineValue: number;
  baselineDate: IsoDate;
  /** Owner unit (default: the module's unit). */
  ownerUnitCode?: string | undefined;
}

/** Fields a declaration sets on each load; the baseline only while the owner never set it (version 1). */
const declaredFields = ['name', 'direction', 'targetValue', 'measureUnit', 'targetDate', 'ownerUnitCode', 'directiveId', 'taskId'] as const;

/**
 * Creates or updates the targets a module declares (by code), in one transaction: a missing
 * target is created (source `module`, sourceModule = the module); an existing one of the
 * module gets the declared name, direction, value, unit, date, owner and directive link, and
 * the declared baseline only while its owner never set one (version 1) — its row, its
 * measurements and an owner's baseline stay. A manual target (entered by hand, no module) is
 * adopted: it becomes the module's (one audit row `core.target.adopt`), keeping its row and the
 * measurements entered so far; from then on it is no longer entered by hand. Throws on a code
 * held by another module. One audit row (actor none, `core.target.declare`) per created or
 * changed target. Answers the codes created and updated (adopted ones among them).
 */
export async function declareModuleTargets(
  db: Db,
  moduleId: string,
  moduleUnitCode: string,
  declarations: readonly TargetDeclaration[],
): Promise<{ created: string[]; updated: string[] }> {
  const created: string[] = [];
  const updated: string[] = [];
  if (declarations.length === 0) return { created, updated };
  await db.transaction(async (tx) => {
    for (const declaration of declarations) {
      const [directive] = await tx.select({ id: directives.id }).from(directives).where(eq(directives.number, declaration.directive));
      const [task] = directive
        ? await tx
            .select({ id: tasks.id })
            .from(tasks)
            .where(and(eq(tasks.directiveId, directive.id), eq(tasks.clause, declaration.clause), isNull(tasks.parentId)))
            .orderBy(asc(tasks.code))
            .limit(1)
        : [];
      const wanted = {
        name: declaration.name,
        direction: declaration.direction,
        targetValue: declaration.targetValue,
        measureUnit: declaration.measureUnit,
        targetDate: declaration.targetDate,
        ownerUnitCode: declaration.ownerUnitCode ?? moduleUnitCode,
        directiveId: directive?.id ?? null,
        taskId: task?.id ?? null,
      };
      const [existing] = await tx.select().from(targets).where(eq(targets.code, declaration.code)).for('update');
      if (!existing) {
        const [row] = await tx
          .insert(targets)
          .values({ code: declaration.code, ...wanted, baselineValue: declaration.baselineValue, baselineDate: declaration.baselineDate, source: 'module', sourceModule: moduleId })
          .returning();
        if (!row) throw new Error('target insert returned nothing');
        await writeAudit(tx, { actor: null, requestId: null, entry: { action: 'core.target.declare', entity: 'core.target', entityId: row.id, before: null, after: row } });
        created.push(row.code);
        continue;
      }
      if (existing.source === 'manual' && existing.sourceModule === null) {
        // A target entered by hand until a module computes it: the module adopts it. Its row and
        // the measurements entered so far stay; from now on only the module records it.
        const [adopted] = await tx
          .update(targets)
          .set({ source: 'module', sourceModule: moduleId, updatedAt: new Date() })
          .where(and(eq(targets.id, existing.id), eq(targets.version, existing.version)))
          .returning();
        if (!adopted) throw new Error('target adoption returned nothing');
        await writeAudit(tx, {
          actor: null,
          requestId: null,
          entry: { action: 'core.target.adopt', entity: 'core.target', entityId: adopted.id, before: { source: existing.source, sourceModule: null }, after: { source: 'module', sourceModule: moduleId } },
        });
        Object.assign(existing, adopted);
        updated.push(adopted.code);
      } else if (existing.source !== 'module' || existing.sourceModule !== moduleId) {
        throw new Error(`module "${moduleId}" declares target ${declaration.code}, which is held by module "${existing.sourceModule ?? ''}"`);
      }
      const change: Partial<typeof targets.$inferInsert> = {};
      for (const field of declaredFields) {
        // A directive not (yet) there keeps the link the target has.
        if ((field === 'directiveId' || field === 'taskId') && wanted[field] === null) continue;
        if (existing[field] !== wanted[field]) Object.assign(change, { [field]: wanted[field] });
      }
      if (existing.version === 1 && (existing.baselineValue !== declaration.baselineValue || existing.baselineDate !== declaration.baselineDate)) {
        change.baselineValue = declaration.baselineValue;
        change.baselineDate = declaration.baselineDate;
      }
      if (Object.keys(change).length === 0) continue;
      if (!updated.includes(existing.code)) updated.push(existing.code);
      // The manifest's fields, not a user's edit: the version stays (it tells whether the owner set
      // the baseline), but the write holds only on the version read under the lock above.
      const [row] = await tx
        .update(targets)
        .set({ ...change, updatedAt: new Date() })
        .where(and(eq(targets.id, existing.id), eq(targets.version, existing.version)))
        .returning();
      if (!row) throw new Error('target update returned nothing');
      const before = Object.fromEntries(Object.keys(change).map((key) => [key, existing[key as keyof TargetRow]]));
      await writeAudit(tx, { actor: null, requestId: null, entry: { action: 'core.target.declare', entity: 'core.target', entityId: row.id, before, after: change } });
    }
  });
  return { created, updated };
}
