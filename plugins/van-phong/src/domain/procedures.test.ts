import { describe, expect, it } from 'vitest';
import { publicationBacklog, publicationProblem, type PublicationFacts } from './procedures.ts';

const p = (code: string, ownerUnitCode: string, announcedOn: string | null, publishedOn: string | null = null): PublicationFacts => ({ code, ownerUnitCode, announcedOn, publishedOn });

describe('publication backlog', () => {
  const catalogue = [
    p('XD-01', 'SXD', '2026-10-01'), // waiting 61 days on 01/12
    p('XD-02', 'SXD', '2026-11-20'), // waiting 11 days
    p('XD-03', 'SXD', '2026-09-01', '2026-09-15'), // published
    p('TC-01', 'STC', '2026-11-01'), // waiting 30 days
    p('TC-02', 'STC', null), // not announced: not in the backlog
    p('TC-03', 'STC', '2026-12-05'), // announced after the date asked
    p('BD-01', 'Q001', '2026-06-01', '2026-12-10'), // published only after the date asked: still waiting then
  ];

  it('lists announced, unpublished procedures with the days each has waited, longest first', () => {
    const backlog = publicationBacklog(catalogue, '2026-12-01');
    expect(backlog.items).toEqual([
      { code: 'BD-01', ownerUnitCode: 'Q001', announcedOn: '2026-06-01', daysWaited: 183 },
      { code: 'XD-01', ownerUnitCode: 'SXD', announcedOn: '2026-10-01', daysWaited: 61 },
      { code: 'TC-01', ownerUnitCode: 'STC', announcedOn: '2026-11-01', daysWaited: 30 },
      { code: 'XD-02', ownerUnitCode: 'SXD', announcedOn: '2026-11-20', daysWaited: 11 },
    ]);
  });

  it('groups by department: most waiting first, then the longest wait', () => {
    expect(publicationBacklog(catalogue, '2026-12-01').byUnit).toEqual([
      { ownerUnitCode: 'SXD', count: 2, longestWait: 61 },
      { ownerUnitCode: 'Q001', count: 1, longestWait: 183 },
      { ownerUnitCode: 'STC', count: 1, longestWait: 30 },
    ]);
  });

  it('a procedure announced today waits 0 days; published today is no longer waiting', () => {
    expect(publicationBacklog([p('A', 'SXD', '2026-12-01')], '2026-12-01').items[0]?.daysWaited).toBe(0);
    expect(publicationBacklog([p('A', 'SXD', '2026-11-01', '2026-12-01')], '2026-12-01').items).toEqual([]);
  });

  it('counts days across a leap day and a year end', () => {
    expect(publicationBacklog([p('A', 'SXD', '2023-12-31')], '2024-03-01').items[0]?.daysWaited).toBe(61);
  });

  it('an empty catalogue has no backlog; ties sort by code', () => {
    expect(publicationBacklog([], '2026-12-01')).toEqual({ asOf: '2026-12-01', items: [], byUnit: [] });
    const tied = publicationBacklog([p('B', 'SXD', '2026-11-01'), p('A', 'STC', '2026-11-01')], '2026-12-01');
    expect(tied.items.map((item) => item.code)).toEqual(['A', 'B']);
    expect(tied.byUnit.map((unit) => unit.ownerUnitCode)).toEqual(['STC', 'SXD']);
  });

  it('refuses a publication without an announcement or before it', () => {
    expect(publicationProblem(null, null)).toBeNull();
    expect(publicationProblem('2026-01-01', null)).toBeNull();
    expect(publicationProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(publicationProblem(null, '2026-01-01')?.vi).toBe('Chưa có quyết định công bố thì chưa thể đăng tải.');
    expect(publicationProblem('2026-01-02', '2026-01-01')?.en).toBe('The publication date cannot be before the announcement.');
  });
});
