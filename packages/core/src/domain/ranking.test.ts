import { describe, expect, it } from 'vitest';
import { competitionRanks, unitsInRankedGroups } from './ranking.ts';

describe('competitionRanks', () => {
  it('highest first, ties share a rank, the next one skips ("1, 2, 2, 4")', () => {
    const ranks = competitionRanks([
      { key: 'STC', value: 0.9 },
      { key: 'SNV', value: 0.94 },
      { key: 'SXD', value: 0.9 },
      { key: 'SYT', value: 0.5 },
    ]);
    expect([...ranks]).toEqual([
      ['STC', 2],
      ['SNV', 1],
      ['SXD', 2],
      ['SYT', 4],
    ]);
  });
  it('entries without a value are kept, unranked; none at all gives an empty map', () => {
    expect([...competitionRanks([{ key: 'A', value: null }, { key: 'B', value: 0 }])]).toEqual([
      ['A', null],
      ['B', 1],
    ]);
    expect(competitionRanks([]).size).toBe(0);
  });
});

describe('unitsInRankedGroups', () => {
  const u = (name: string, kind: string | null, rank: number | null) => ({ name, kind, rank });
  it('departments then districts, each by rank, the unranked last by Vietnamese name; other kinds left out', () => {
    const groups = unitsInRankedGroups([
      u('Quận Đống Đa', 'district', null),
      u('Sở Y tế', 'department', 2),
      u('Quận Ba Đình', 'district', 1),
      u('Sở Xây dựng', 'department', 1),
      u('Quận Cầu Giấy', 'district', null),
      u('UBND Thành phố', 'ubnd', null),
      u('Sở Tư pháp', 'department', 2),
    ]);
    expect(groups.map((g) => [g.kind, g.units.map((x) => x.name)])).toEqual([
      ['department', ['Sở Xây dựng', 'Sở Tư pháp', 'Sở Y tế']],
      ['district', ['Quận Ba Đình', 'Quận Cầu Giấy', 'Quận Đống Đa']],
    ]);
  });
  it('leaves out an empty group', () => {
    expect(unitsInRankedGroups([u('Quận Ba Đình', 'district', null)]).map((g) => g.kind)).toEqual(['district']);
  });
});
