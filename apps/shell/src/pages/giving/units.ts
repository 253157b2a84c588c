import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { matchesSearch, UNIT_GROUP_LABELS, type UnitGroup } from '@dondoc/core';
import { useLocale, useT } from '@dondoc/ui';
import { core } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';

export interface UnitOption {
  code: string;
  name: string;
  kind: 'department' | 'district';
}

type DirectoryUnit = Awaited<ReturnType<typeof core.units.list.query>>[number];

/** Departments and districts: the units tasks are given to and that report (the UBND gives them). */
function givenUnits(units: DirectoryUnit[]): UnitOption[] {
  return units.flatMap((unit) => (unit.kind === 'department' || unit.kind === 'district' ? [{ code: unit.code, name: unit.name, kind: unit.kind }] : []));
}

/**
 * The unit directory, read once (`units.list`, kept 10 minutes) for every picker: not the
 * overview, whose answer at city scale is 160 KB of figures for the same 600 names.
 */
function useDirectory<T>(select: (units: DirectoryUnit[]) => T, enabled: boolean) {
  return useQuery({ queryKey: coreKeys.units, queryFn: () => core.units.list.query(), staleTime: 10 * 60_000, select, enabled });
}

/** The units tasks can be given to: the departments and the districts (the UBND gives them). */
export function useUnits(enabled = true) {
  return useDirectory(givenUnits, enabled);
}

/** Every unit of the directory, the UBND included (a coordinator's own unit in a picker shows its name). */
export function useUnitDirectory(enabled = true) {
  return useDirectory(everyUnit, enabled);
}

function everyUnit(units: DirectoryUnit[]): DirectoryUnit[] {
  return units;
}

/** Unit names by code, falling back to the code itself. */
export function unitNamer<U extends { code: string; name: string }>(units: readonly U[] | undefined): (code: string) => string {
  const names = new Map((units ?? []).map((unit) => [unit.code, unit.name]));
  return (code) => names.get(code) ?? code;
}

/** Options of a unit select: departments, then districts, searched without regard to diacritics. */
export function useUnitSelect(units: UnitOption[] | undefined) {
  const t = useT('shell');
  return useMemo(() => {
    const list = units ?? [];
    const departments = list.filter((unit) => unit.kind === 'department');
    const districts = list.filter((unit) => unit.kind === 'district');
    const toOption = (unit: UnitOption) => ({ value: unit.code, label: unit.name });
    return {
      options: [
        { label: t('taskForm.departments'), title: t('taskForm.departments'), options: departments.map(toOption) },
        { label: t('taskForm.districts'), title: t('taskForm.districts'), options: districts.map(toOption) },
      ].filter((group) => group.options.length > 0),
      showSearch: {
        filterOption: (input: string, option?: { label?: unknown; options?: unknown }) =>
          !option?.options && matchesSearch(String(option?.label ?? ''), input),
      },
      count: { departments: departments.length, districts: districts.length, all: list.length },
    };
  }, [units, t]);
}

/** The words of a unit group ("Tất cả các quận, huyện, thị xã"). */
export function useGroupLabel(): (group: UnitGroup) => string {
  const { locale } = useLocale();
  return (group) => UNIT_GROUP_LABELS[group][locale];
}
