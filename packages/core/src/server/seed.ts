import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { listUnits } from '@dondoc/auth';
import type { Db } from '@dondoc/db';
import { normalizeForSearch } from '../domain/index.ts';
import { clauses2458, DIRECTIVE_2458, references2458, targets2458, type ClauseSeed } from './directive-2458.ts';
import { directiveReferences, directives, targets, taskCoordinators, tasks } from './schema.ts';

const directiveText = () => readFileSync(new URL('../../data/2458-UBND-SNV-2023.md', import.meta.url), 'utf8');

export function searchTextOf(code: string, title: string, content: string): string {
  return normalizeForSearch(`${code} ${title} ${content}`);
}

type NewTask = typeof tasks.$inferInsert;

function taskRow(directiveId: string, clause: ClauseSeed, code: string, leadUnitCode: string, extra: Partial<NewTask> = {}): NewTask {
  return {
    code,
    directiveId,
    clause: clause.clause,
    title: clause.title,
    content: clause.content,
    leadUnitCode,
    deadline: clause.deadline,
    continuous: clause.deadline === null,
    cadence: clause.cadence,
    searchText: searchTextOf(code, clause.title, clause.content),
    ...extra,
  };
}

/**
 * Loads directive 2458 (the demo's directive): its text, references, tasks — each §1 clause
 * as a parent with a child per department and district — and its targets. Idempotent: a
 * directive already there is left as it is.
 */
export async function seedDirective2458(db: Db): Promise<{ created: boolean; tasks: number; targets: number }> {
  const [existing] = await db.select({ id: directives.id }).from(directives).where(eq(directives.number, DIRECTIVE_2458.number));
  if (existing) return { created: false, tasks: 0, targets: 0 };
  const units = (await listUnits(db)).filter((unit) => unit.kind === 'department' || unit.kind === 'district');
  return db.transaction(async (tx) => {
    const [directive] = await tx
      .insert(directives)
      .values({ number: DIRECTIVE_2458.number, issuedOn: DIRECTIVE_2458.issuedOn, issuer: DIRECTIVE_2458.issuer, subject: DIRECTIVE_2458.subject, fullText: directiveText() })
      .returning({ id: directives.id });
    if (!directive) throw new Error('directive insert returned nothing');
    await tx.insert(directiveReferences).values(references2458.map((ref, position) => ({ ...ref, directiveId: directive.id, position })));
    let taskCount = 0;
    const taskIdByClause = new Map<string, string>();
    for (const clause of clauses2458) {
      const code = `${DIRECTIVE_2458.codePrefix}-${clause.clause}`;
      if (clause.assignee === 'every-unit') {
        const [parent] = await tx
          .insert(tasks)
          .values(taskRow(directive.id, clause, code, clause.parentLead ?? 'UBND', { isParent: true }))
          .returning({ id: tasks.id });
        if (!parent) throw new Error('task insert returned nothing');
        taskIdByClause.set(clause.clause, parent.id);
        await tx.insert(tasks).values(units.map((unit) => taskRow(directive.id, clause, `${code}-${unit.code}`, unit.code, { parentId: parent.id })));
        taskCount += 1 + units.length;
      } else {
        const [task] = await tx.insert(tasks).values(taskRow(directive.id, clause, code, clause.assignee)).returning({ id: tasks.id });
        if (!task) throw new Error('task insert returned nothing');
        taskIdByClause.set(clause.clause, task.id);
        if (clause.coordinators?.length) {
          await tx.insert(taskCoordinators).values(clause.coordinators.map((unitCode) => ({ taskId: task.id, unitCode })));
        }
        taskCount += 1;
      }
    }
    await tx.insert(targets).values(
      targets2458.map((target) => ({
        code: target.code,
        name: target.name,
        measureUnit: target.measureUnit,
        direction: target.direction,
        baselineValue: target.baselineValue,
        baselineDate: target.baselineDate,
        targetValue: target.targetValue,
        targetDate: target.targetDate,
        ownerUnitCode: target.ownerUnitCode,
        source: target.source,
        sourceModule: target.sourceModule ?? null,
        directiveId: directive.id,
        taskId: taskIdByClause.get(target.clause) ?? null,
      })),
    );
    return { created: true, tasks: taskCount, targets: targets2458.length };
  });
}
