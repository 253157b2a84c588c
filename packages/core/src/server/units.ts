import { listUnits, listUnitsByCode } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';

export interface UnitName {
  code: string;
  name: string;
}

/** Unit names by code, for answers that name units (core stores only codes; auth owns units). */
export async function unitDirectory(db: Queryable, only?: Iterable<string>): Promise<Map<string, UnitName>> {
  // `only`: the codes an answer names (a page of tasks, one target): 600 units read and mapped
  // for two names were most of such a read's time at city scale.
  return directoryOf(only ? await listUnitsByCode(db, only) : await listUnits(db));
}

/** Unit names by code, from units already read. */
export function directoryOf(units: ReadonlyArray<UnitName>): Map<string, UnitName> {
  return new Map(units.map((unit) => [unit.code, { code: unit.code, name: unit.name }]));
}

export function unitRef(directory: Map<string, UnitName>, code: string): UnitName {
  return directory.get(code) ?? { code, name: code };
}
