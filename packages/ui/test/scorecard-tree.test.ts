import { describe, expect, it } from 'vitest';
import { commonEn, commonVi } from '../src/locales/common.ts';
import { missingKeys } from '../src/i18n.ts';
import { contrastRatio } from '../src/palette.ts';
import { SCORE_CLASS_COLORS, scorecardRows, withAncestors } from '../src/ScorecardTree.tsx';

// PAR INDEX → field 3 → 3.1, 3.3; field 4 (as the core answers them, parents first).
const nodes = [
  { id: 'par', parentId: null, class: 'at_risk' },
  { id: 'f3', parentId: 'par', class: 'at_risk' },
  { id: 'c31', parentId: 'f3', class: 'met' },
  { id: 'c33', parentId: 'f3', class: 'off_track' },
  { id: 'f4', parentId: 'par', class: 'met' },
];

describe('ScorecardTree helpers', () => {
  it('builds the table’s tree from the flat list, children in order', () => {
    const rows = scorecardRows(nodes);
    expect(rows.map((r) => r.id)).toEqual(['par']);
    expect(rows[0]!.children?.map((r) => r.id)).toEqual(['f3', 'f4']);
    expect(rows[0]!.children?.[0]?.children?.map((r) => [r.id, r.key])).toEqual([['c31', 'c31'], ['c33', 'c33']]);
    expect(rows[0]!.children?.[1]?.children).toBeUndefined();
  });

  it('"only at risk" keeps the short nodes and their path to the index, nothing else', () => {
    const short = withAncestors(nodes, (id) => ['at_risk', 'off_track'].includes(nodes.find((n) => n.id === id)!.class));
    expect([...short].sort()).toEqual(['c33', 'f3', 'par']);
    const rows = scorecardRows(nodes, short);
    expect(rows[0]!.children?.map((r) => r.id)).toEqual(['f3']);
    expect(rows[0]!.children?.[0]?.children?.map((r) => r.id)).toEqual(['c33']);
    // Only a leaf short: its whole path is kept.
    expect([...withAncestors(nodes, (id) => id === 'c31')].sort()).toEqual(['c31', 'f3', 'par']);
    expect(withAncestors(nodes, () => false).size).toBe(0);
  });

  it('each class has a colour readable with white text; the texts exist in both languages', () => {
    for (const color of Object.values(SCORE_CLASS_COLORS)) expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(Object.keys(SCORE_CLASS_COLORS).sort()).toEqual(['at_risk', 'met', 'missing', 'no_target', 'off_track']);
    expect(missingKeys(commonVi.scorecard, commonEn.scorecard)).toEqual([]);
  });
});
