import { listUnits } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';

export interface UnitName {
  code: string;
  name: string;
}

/** Unit names by code, for answers that name units (core stores only codes; auth owns units). */
export async function unitDirectory(db: Queryable): Promise<Map<string, UnitName>> {
  return directoryOf(await listUnits(db));
}

/** Unit names by code, from units already read. */
export function directoryOf(units: ReadonlyArray<UnitName>): Map<string, UnitName> {
  return new Map(units.map((unit) => [unit.code, { code: unit.code, name: unit.name }]));
}

export function unitRef(directory: Map<string, UnitName>, code: string): UnitName {
  return directory.get(code) ?? { code, name: code };
}
