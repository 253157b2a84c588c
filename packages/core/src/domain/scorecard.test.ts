import { describe, expect, it } from 'vitest';
import {
  formatIndexScore,
  INDEX_METHODS,
  isMiss,
  levelLabel,
  rankUnits,
  pathToIndex,
  rollUpScorecard,
  scoreClass,
  scoreProblem,
  treeProblems,
  type ScoreNodeInput,
} from './scorecard.ts';

const node = (id: string, parentId: string | null, fields: Omit<ScoreNodeInput, 'id' | 'parentId'> = {}): ScoreNodeInput => ({ id, parentId, ...fields });

describe('PAR INDEX: points summed, shown out of 100 and as a percentage', () => {
  const tree = [
    node('par', null),
    node('f1', 'par', { maxPoints: 60 }),
    node('c1', 'f1', { maxPoints: 30, estimate: 25, target: 28, lastYearScore: 26 }),
    node('c2', 'f1', { maxPoints: 30, estimate: 27.5, target: 27, lastYearScore: 27 }),
    node('f2', 'par', { maxPoints: 40, estimate: 36.25, target: 35, lastYearScore: 36.58 }),
  ];

  it('adds estimates, targets and last year up to the index (by hand: 25 + 27,5 + 36,25 = 88,75)', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.par_index, tree);
    expect(rolled.get('f1')).toMatchObject({ estimate: 52.5, target: 55, lastYearScore: 53, max: 60, percent: 87.5, isLeaf: false, depth: 1 });
    expect(rolled.get('par')).toMatchObject({ estimate: 88.75, target: 90, lastYearScore: 89.58, max: 100, percent: 88.75, shortfall: 1.25 });
    expect(formatIndexScore(INDEX_METHODS.par_index, 88.75)).toBe('88,75/100 (88,75%)');
    expect(formatIndexScore(INDEX_METHODS.par_index, 88.75, 'en')).toBe('88.75/100 (88.75%)');
  });

  it('a leaf below its target marks its whole path up to the index at risk, not its siblings', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.par_index, tree);
    expect(['c1', 'f1', 'par'].map((id) => rolled.get(id)?.class)).toEqual(['at_risk', 'at_risk', 'at_risk']);
    expect(rolled.get('c2')?.class).toBe('met');
    expect(rolled.get('f2')?.class).toBe('met');
  });

  it('a leaf met everywhere but raised targets elsewhere: an ancestor meeting its own target still shows the shortfall below it', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.par_index, tree.map((n) => (n.id === 'par' ? { ...n, target: 85 } : n)));
    expect(rolled.get('par')?.ownClass).toBe('met');
    expect(rolled.get('par')?.class).toBe('at_risk');
  });

  it('off track only when the node itself is short by more than its owner’s margin', () => {
    const withMargins = tree.map((n) => (n.id === 'par' ? { ...n, margin: 1 } : n.id === 'c1' ? { ...n, margin: 5 } : n));
    const rolled = rollUpScorecard(INDEX_METHODS.par_index, withMargins);
    expect(rolled.get('par')?.class).toBe('off_track'); // short by 1,25 > 1
    expect(rolled.get('c1')?.class).toBe('at_risk'); // short by 3 ≤ 5
    const wider = rollUpScorecard(INDEX_METHODS.par_index, withMargins.map((n) => (n.id === 'par' ? { ...n, margin: 1.25 } : n)));
    expect(wider.get('par')?.class).toBe('at_risk'); // exactly the margin: still at risk
  });

  it('an estimate raised back to the target clears the path', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.par_index, tree.map((n) => (n.id === 'c1' ? { ...n, estimate: 28 } : n)));
    expect(['c1', 'f1', 'par'].map((id) => rolled.get(id)?.class)).toEqual(['met', 'met', 'met']);
    expect(rolled.get('par')?.estimate).toBe(91.75);
  });

  it('a missing leaf leaves every ancestor without a total and counts on the path to the index', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.par_index, tree.map((n) => (n.id === 'c2' ? { ...n, estimate: null } : n)));
    expect(rolled.get('c2')).toMatchObject({ class: 'missing', missingLeaves: 1 });
    expect(rolled.get('f1')).toMatchObject({ estimate: null, missingLeaves: 1, percent: null });
    expect(rolled.get('par')).toMatchObject({ estimate: null, missingLeaves: 1, shortfall: null });
    // c1 is still short: the index shows it even without a total.
    expect(rolled.get('par')?.class).toBe('at_risk');
    expect(rolled.get('f2')?.missingLeaves).toBe(0);
    expect(pathToIndex(tree, 'c2')).toEqual(['c2', 'f1', 'par']);
    expect(formatIndexScore(INDEX_METHODS.par_index, null)).toBe('Chưa đủ ước tính');
  });

  it('a parent without max points has its children’s total', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.par_index, tree.map((n) => (n.id === 'f1' ? { ...n, maxPoints: null } : n)));
    expect(rolled.get('f1')?.max).toBe(60);
  });
});

describe('PCI: sub-indices on a 10-point scale weighted into 100', () => {
  const tree = [
    node('pci', null, { target: 70 }),
    node('s1', 'pci', { weight: 0.5 }),
    node('s1a', 's1', { estimate: 6.5 }),
    node('s1b', 's1', { estimate: 7.5 }),
    node('s2', 'pci', { weight: 0.3, estimate: 6 }),
    node('s3', 'pci', { weight: 0.2, estimate: 8 }),
  ];

  it('by hand: s1 = (6,5 + 7,5) / 2 = 7; index = (0,5·7 + 0,3·6 + 0,2·8) / 1 × 10 = 69', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.pci, tree);
    expect(rolled.get('s1')).toMatchObject({ estimate: 7, max: 10, percent: 70 });
    expect(rolled.get('pci')).toMatchObject({ estimate: 69, max: 100, class: 'at_risk', shortfall: 1 });
    expect(formatIndexScore(INDEX_METHODS.pci, 69)).toBe('69/100');
  });

  it('weights need not add to 1 (2 : 1 → (2·9 + 1·6) / 3 × 10 = 80); a missing weight counts 1', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.pci, [node('pci', null), node('a', 'pci', { weight: 2, estimate: 9 }), node('b', 'pci', { estimate: 6 })]);
    expect(rolled.get('pci')?.estimate).toBe(80);
  });
});

describe('PAPI: eight dimensions out of 10, total out of 80', () => {
  const estimates = [5.5, 5.2, 4.8, 6.9, 7.3, 7.0, 3.6, 3.5];
  const tree = [node('papi', null, { target: 44 }), ...estimates.map((estimate, i) => node(`d${i + 1}`, 'papi', { estimate, target: 5 }))];

  it('by hand: 5,5 + 5,2 + 4,8 + 6,9 + 7,3 + 7,0 + 3,6 + 3,5 = 43,8 of 80', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.papi, tree);
    expect(rolled.get('papi')).toMatchObject({ estimate: 43.8, max: 80, percent: 54.75 });
    expect(rolled.get('d1')?.max).toBe(10);
    expect(formatIndexScore(INDEX_METHODS.papi, 47.8763)).toBe('47,8763/80');
    // d3, d7, d8 below 5: at risk, and the index (43,8 < 44) too.
    expect(tree.filter((n) => rolled.get(n.id)?.class === 'at_risk').map((n) => n.id)).toEqual(['papi', 'd3', 'd7', 'd8']);
  });
});

describe('SIPAS: percentages', () => {
  it('by hand: the five factors’ mean (82 + 84 + 80 + 83 + 81,5) / 5 = 82,1%', () => {
    const values = [82, 84, 80, 83, 81.5];
    const rolled = rollUpScorecard(INDEX_METHODS.sipas, [node('sipas', null, { target: 82.66 }), ...values.map((estimate, i) => node(`y${i + 1}`, 'sipas', { estimate }))]);
    expect(rolled.get('sipas')).toMatchObject({ estimate: 82.1, max: 100, percent: 82.1, class: 'at_risk' });
    expect(rolled.get('y1')?.max).toBe(100);
    expect(formatIndexScore(INDEX_METHODS.sipas, 82.1)).toBe('82,1%');
  });
});

describe('PGI: the sum of four sub-indices', () => {
  it('by hand: 6,5 + 7,25 + 5,5 + 6,75 = 26 points, no published maximum', () => {
    const values = [6.5, 7.25, 5.5, 6.75];
    const rolled = rollUpScorecard(INDEX_METHODS.pgi, [node('pgi', null, { target: 25 }), ...values.map((estimate, i) => node(`p${i + 1}`, 'pgi', { estimate }))]);
    expect(rolled.get('pgi')).toMatchObject({ estimate: 26, max: null, percent: null, class: 'met' });
    expect(formatIndexScore(INDEX_METHODS.pgi, 26)).toBe('26 điểm');
    expect(formatIndexScore(INDEX_METHODS.pgi, 26, 'en')).toBe('26 points');
  });

  it('adding keeps no float dust (0,1 + 0,2 = 0,3)', () => {
    const rolled = rollUpScorecard(INDEX_METHODS.pgi, [node('pgi', null), node('a', 'pgi', { estimate: 0.1 }), node('b', 'pgi', { estimate: 0.2 })]);
    expect(rolled.get('pgi')?.estimate).toBe(0.3);
  });
});

describe('classes, misses and checks', () => {
  it('scoreClass: met at the target, at risk below, off track beyond the margin; no target, no estimate', () => {
    expect(scoreClass(90, 90)).toBe('met');
    expect(scoreClass(89.99, 90)).toBe('at_risk');
    expect(scoreClass(80, 90)).toBe('at_risk'); // no margin set: never off track
    expect(scoreClass(80, 90, 5)).toBe('off_track');
    expect(scoreClass(85, 90, 5)).toBe('at_risk');
    expect(scoreClass(85, null)).toBe('no_target');
    expect(scoreClass(null, 90)).toBe('missing');
  });

  it('isMiss: only an estimate below a target', () => {
    expect(isMiss(8, 9)).toBe(true);
    expect(isMiss(9, 9)).toBe(false);
    expect(isMiss(null, 9)).toBe(false);
    expect(isMiss(8, null)).toBe(false);
  });

  it('scoreProblem: negative, not a number, or above the maximum', () => {
    expect(scoreProblem(5, 10)).toBeNull();
    expect(scoreProblem(10, 10)).toBeNull();
    expect(scoreProblem(-1, 10)?.vi).toBe('Điểm phải là một số không âm.');
    expect(scoreProblem(Number.NaN, null)?.en).toBe('A score must be a number of at least 0.');
    expect(scoreProblem(10.5, 10)?.vi).toBe('Điểm 10,5 vượt điểm tối đa 10.');
    expect(scoreProblem(1000, null)).toBeNull();
  });

  it('treeProblems: two roots, an unknown parent, a cycle; rollUp refuses such a tree', () => {
    expect(treeProblems([node('a', null), node('b', 'a')])).toEqual([]);
    expect(treeProblems([node('a', null), node('b', null)])[0]?.vi).toBe('Bảng điểm phải có đúng một gốc (chỉ số), đang có 2.');
    expect(treeProblems([node('a', null), node('b', 'z')]).map((p) => p.en)).toEqual(['Node b has a parent that does not exist.']);
    expect(treeProblems([node('a', null), node('b', 'c'), node('c', 'b')]).map((p) => p.en)).toEqual(['Node b is in a cycle.', 'Node c is in a cycle.']);
    expect(() => rollUpScorecard(INDEX_METHODS.par_index, [node('a', null), node('b', null)])).toThrow(/exactly one root/);
  });

  it('pathToIndex: from a node up to the index; an unknown node has none', () => {
    const tree = [node('r', null), node('f', 'r'), node('l1', 'f')];
    expect(pathToIndex(tree, 'l1')).toEqual(['l1', 'f', 'r']);
    expect(pathToIndex(tree, 'nope')).toEqual([]);
  });

  it('levels are named as each index names them', () => {
    expect(levelLabel('par_index', 1)).toBe('Lĩnh vực');
    expect(levelLabel('pci', 1)).toBe('Chỉ số thành phần');
    expect(levelLabel('papi', 1, 'en')).toBe('Dimension');
    expect(levelLabel('sipas', 2)).toBe('Tiêu chí');
    expect(levelLabel('par_index', 3)).toBe('Tiêu chí thành phần');
    expect(levelLabel('pgi', 0)).toBe('Chỉ số');
  });
});

describe('rankUnits: the city’s ranking of its units by internal PAR score', () => {
  it('ranks best first, ties share a rank, the move since last year and the mean', () => {
    const { ranked, mean } = rankUnits(
      [
        { unitCode: 'SNV', score: 94 },
        { unitCode: 'STC', score: 93.89 },
        { unitCode: 'SKHCN', score: 93 },
        { unitCode: 'SXD', score: 93 },
        { unitCode: 'TTTP', score: 63.9 },
      ],
      [
        { unitCode: 'STC', score: 92 },
        { unitCode: 'SNV', score: 91 },
        { unitCode: 'TTTP', score: 70 },
        { unitCode: 'SKHCN', score: 88 },
      ],
    );
    expect(ranked.map((r) => [r.unitCode, r.rank, r.lastRank, r.change])).toEqual([
      ['SNV', 1, 2, 1],
      ['STC', 2, 1, -1],
      ['SKHCN', 3, 3, 0],
      ['SXD', 3, null, null],
      ['TTTP', 5, 4, -1],
    ]);
    // (94 + 93,89 + 93 + 93 + 63,9) / 5 = 87,558 → 87,56.
    expect(mean).toBe(87.56);
    expect(rankUnits([])).toEqual({ ranked: [], mean: null });
  });
});
