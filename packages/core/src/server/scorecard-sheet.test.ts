import { describe, expect, it } from 'vitest';
import { ownerCodes, planSheetImport, type ScorecardSheetRow, type SheetNode } from './scorecard-sheet.ts';

const node = (code: string, parentCode: string | null, over: Partial<SheetNode> = {}): SheetNode => ({
  code,
  parentCode,
  name: `Tiêu chí ${code}`,
  maxPoints: null,
  weight: null,
  lastYearScore: null,
  target: null,
  margin: null,
  ownerUnitCodes: [],
  source: null,
  unverified: false,
  ...over,
});
const row = (n: SheetNode, line: number): ScorecardSheetRow => ({
  row: line,
  code: n.code,
  parentCode: n.parentCode,
  name: n.name,
  maxPoints: n.maxPoints,
  weight: n.weight,
  lastYearScore: n.lastYearScore,
  target: n.target,
  margin: n.margin,
  owners: n.ownerUnitCodes.join(', ') || null,
  unverified: n.unverified,
  source: n.source,
});
const units = new Set(['SNV', 'VP']);
const tree = [node('PAR', null), node('1', 'PAR', { maxPoints: 9, target: 8.5, ownerUnitCodes: ['VP'] }), node('2', 'PAR'), node('2.1', '2'), node('2.2', '2')];

describe('planSheetImport', () => {
  it('the same rows change nothing', () => {
    expect(planSheetImport(tree, tree.map(row), units, 'vi')).toEqual({ add: [], change: [], remove: [], errors: [] });
  });

  it('adds, changes only the fields that differ, moves a node, removes the missing ones children first', () => {
    const rows = [node('PAR', null), node('1', 'PAR', { maxPoints: 9, target: 8, ownerUnitCodes: ['VP', 'SNV'] }), node('2', 'PAR'), node('2.2', '1'), node('3', 'PAR')].map(row);
    const plan = planSheetImport([...tree, node('2.1.1', '2.1')], rows, units, 'vi');
    expect(plan.add.map((n) => n.code)).toEqual(['3']);
    expect(plan.change).toEqual([
      { code: '1', set: { target: 8, ownerUnitCodes: ['VP', 'SNV'] } },
      { code: '2.2', set: { parentCode: '1' } },
    ]);
    expect(plan.remove).toEqual(['2.1.1', '2.1']);
    expect(plan.errors).toEqual([]);
  });

  it('refuses another root, a parent not in the file, a cycle and unknown owner units', () => {
    const rows = [node('PCI', null), node('1', 'PCI', { ownerUnitCodes: ['XYZ'] }), node('2', '9'), node('a', 'b'), node('b', 'a')].map(row);
    expect(planSheetImport(tree, rows, units, 'en').errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [1, 'Owner units (codes)', 'There is no unit XYZ.'],
      [0, '', 'The file must have exactly one root row, the index PAR (no parent code).'],
      [0, '', 'Node 2 has a parent that does not exist.'],
      [0, '', 'Node a is in a cycle.'],
      [0, '', 'Node b is in a cycle.'],
    ]);
  });

  it('ownerCodes reads codes separated by commas, semicolons or spaces, upper-cased, once each', () => {
    expect(ownerCodes(' vp; SNV,vp  snv ', units)).toEqual({ codes: ['VP', 'SNV'], unknown: [] });
    expect(ownerCodes(null, units)).toEqual({ codes: [], unknown: [] });
    expect(ownerCodes('STC', units)).toEqual({ codes: ['STC'], unknown: ['STC'] });
  });
});
