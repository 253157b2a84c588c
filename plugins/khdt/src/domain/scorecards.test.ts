import { describe, expect, it } from 'vitest';
import { estimateDay, missesOf, owingUnits, quarterStart, trendOf, type CardNode } from './scorecards.ts';

const unit = (code: string) => ({ code, name: `Đơn vị ${code}` });
const node = (over: Partial<CardNode> & Pick<CardNode, 'code'>): CardNode => ({
  id: `id-${over.code}`,
  parentId: 'root',
  name: `Tiêu chí ${over.code}`,
  isLeaf: true,
  ownEstimate: 7,
  estimateOn: '2026-10-05',
  estimate: 7,
  target: 6,
  shortfall: 0,
  ownClass: 'met',
  class: 'met',
  ownerUnits: [unit('SKHDT')],
  actions: [],
  escalation: null,
  ...over,
});

describe('quarters and the day estimates are owed for', () => {
  it('quarterStart', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-14', '2026-12-31'].map((d) => quarterStart(d as never))).toEqual(['2026-01-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
  });
  it('estimateDay: today within the index’s year, its last day after it', () => {
    expect(estimateDay(2026, '2026-12-02')).toBe('2026-12-02');
    expect(estimateDay(2023, '2026-12-02')).toBe('2023-12-31');
  });
});

describe('owingUnits', () => {
  it('lists, per owner unit, leaves never estimated or estimated before the quarter; parents are never owed', () => {
    const nodes = [
      node({ code: 'PCI', parentId: null, isLeaf: false, ownEstimate: null, estimateOn: null }),
      node({ code: '1' }),
      node({ code: '2', ownEstimate: null, estimate: null, estimateOn: null, ownerUnits: [unit('STNMT'), unit('SKHDT')] }),
      node({ code: '3', estimateOn: '2026-09-30', ownerUnits: [unit('VP')] }),
    ];
    expect(owingUnits(nodes, '2026-12-02')).toEqual([
      { unit: unit('SKHDT'), nodes: [{ id: 'id-2', code: '2', name: 'Tiêu chí 2', reason: 'missing', estimateOn: null }] },
      { unit: unit('STNMT'), nodes: [{ id: 'id-2', code: '2', name: 'Tiêu chí 2', reason: 'missing', estimateOn: null }] },
      { unit: unit('VP'), nodes: [{ id: 'id-3', code: '3', name: 'Tiêu chí 3', reason: 'stale', estimateOn: '2026-09-30' }] },
    ]);
    expect(owingUnits(nodes.slice(0, 2), '2026-10-01')).toEqual([]);
    expect(owingUnits([], '2026-10-01')).toEqual([]);
  });
});

describe('missesOf', () => {
  it('the short leaves, largest shortfall first, with whether an action is still due and whether it was escalated', () => {
    const nodes = [
      node({ code: '1' }),
      node({ code: '2', estimate: 5.9, target: 6, shortfall: 0.1, ownClass: 'at_risk', actions: [{ what: 'A', dueOn: '2026-11-30', ownerUnit: unit('STNMT') }] }),
      node({ code: '10', estimate: 5, target: 6.2, shortfall: 1.2, ownClass: 'off_track', escalation: { id: 'e', state: 'open' }, actions: [{ what: 'B', dueOn: '2026-12-15', ownerUnit: unit('STP') }] }),
      node({ code: '3', isLeaf: false, estimate: 1, target: 6, ownClass: 'off_track' }),
      node({ code: '4', estimate: null, target: 6, ownClass: 'missing' }),
    ];
    const misses = missesOf(nodes, '2026-12-02');
    expect(misses.map((m) => [m.code, m.shortfall, m.class, m.hasDueAction, m.escalated])).toEqual([
      ['10', 1.2, 'off_track', true, true],
      ['2', 0.1, 'at_risk', false, false],
    ]);
  });
});

describe('trendOf', () => {
  it('each year’s projection and target, with the published score of the year before a scorecard', () => {
    expect(
      trendOf([
        { year: 2023, estimate: 69.1, target: 70, lastYearScore: 68.6 },
        { year: 2024, estimate: 71, target: 72, lastYearScore: 69.4 },
      ]),
    ).toEqual([
      { year: 2022, score: 68.6, target: null, kind: 'published' },
      { year: 2023, score: 69.4, target: 70, kind: 'published' },
      { year: 2024, score: 71, target: 72, kind: 'projected' },
    ]);
    expect(trendOf([{ year: 2023, estimate: null, target: 23, lastYearScore: null }])).toEqual([{ year: 2023, score: null, target: 23, kind: 'projected' }]);
    expect(trendOf([])).toEqual([]);
  });
});
