import { describe, expect, it } from 'vitest';
import { cleanNarrative, missingSections, paragraphsOf, percentVi, periodInText, proposalSentence, rateVi, reportAsOf, shareVi, submissionRate, unitProposals } from './report.ts';
import { adoptionRefusal, evaluationRefusal, modelCounts, replicationRefusal } from './models.ts';
import { followUpCounts, followUpStatus, openFollowUps } from './inspections.ts';

describe('the consolidated report’s rules', () => {
  it('takes its figures at the data window’s end, or today while the window is open', () => {
    expect(reportAsOf({ windowEnd: '2026-12-14' }, '2026-12-02')).toBe('2026-12-02');
    expect(reportAsOf({ windowEnd: '2026-12-14' }, '2026-12-14')).toBe('2026-12-14');
    expect(reportAsOf({ windowEnd: '2026-12-14' }, '2027-01-05')).toBe('2026-12-14');
  });
  it('writes shares as agencies do: decimal comma, two decimals, nothing to divide', () => {
    expect(shareVi(23, 39, 'nhiệm vụ')).toBe('23/39 nhiệm vụ, đạt 58,97%');
    expect(shareVi(0, 0, 'đơn vị')).toBe('0/0 đơn vị');
    expect(percentVi(1, 3)).toBe('33,33%');
    expect(percentVi(2, 2)).toBe('100%');
    expect(percentVi(1, 0)).toBe('—');
    expect(rateVi(null)).toBe('—');
    expect(rateVi(0.5897)).toBe('58,97%');
    expect(submissionRate(2, 51)).toBe(3.92);
    expect(submissionRate(0, 0)).toBe(0);
  });
  it('names the period inside a sentence', () => {
    expect(periodInText('Quý IV/2026')).toBe('quý IV năm 2026');
    expect(periodInText('Tháng 3/2026')).toBe('tháng 3 năm 2026');
    expect(periodInText('6 tháng đầu năm 2026')).toBe('6 tháng đầu năm 2026');
    expect(periodInText('Năm 2026')).toBe('năm 2026');
  });
  it('keeps only the sections written, splits them in paragraphs, lists what is left', () => {
    const narrative = cleanNarrative({ chiDao: '  Một.\n\n Hai. ', theChe: '   ' });
    expect(narrative).toEqual({ chiDao: 'Một.\n\n Hai.' });
    expect(paragraphsOf(narrative.chiDao)).toEqual(['Một.', 'Hai.']);
    expect(paragraphsOf(undefined)).toEqual([]);
    expect(missingSections(narrative)).toHaveLength(9);
    expect(missingSections(narrative)).not.toContain('chiDao');
  });
});

describe('the units’ obstacles and proposals', () => {
  it('takes the lines that raise one, by task code, and writes them as part V says', () => {
    const lines = [
      { code: '2458-1.2-Q001', obstacles: null, proposals: '  ', beyondAuthority: false },
      { code: '2458-1.9-Q001', obstacles: 'Thiếu biên chế', proposals: 'Bổ sung 02 biên chế', beyondAuthority: true },
      { code: '2458-1.1-Q001', obstacles: null, proposals: 'Hướng dẫn mẫu báo cáo', beyondAuthority: false },
    ];
    const found = unitProposals([{ unit: { name: 'Quận Ba Đình' }, lines }, { unit: { name: 'Sở Tài chính' }, lines: [] }]);
    expect(found.map((p) => p.taskCode)).toEqual(['2458-1.1-Q001', '2458-1.9-Q001']);
    expect(proposalSentence(found[1]!)).toBe('Quận Ba Đình (nhiệm vụ 2458-1.9-Q001, vượt thẩm quyền): khó khăn, vướng mắc: Thiếu biên chế; kiến nghị: Bổ sung 02 biên chế');
    expect(proposalSentence(found[0]!)).toBe('Quận Ba Đình (nhiệm vụ 2458-1.1-Q001): kiến nghị: Hướng dẫn mẫu báo cáo');
  });
});

describe('good models', () => {
  it('evaluates a proposed model once; refusing needs a reason', () => {
    expect(evaluationRefusal('proposed', 'recognise', null)).toBeNull();
    expect(evaluationRefusal('proposed', 'reject', ' ')).toBe('note_required');
    expect(evaluationRefusal('proposed', 'reject', 'Chưa hiệu quả')).toBeNull();
    expect(evaluationRefusal('recognised', 'recognise', null)).toBe('not_proposed');
  });
  it('marks only a recognised model for replication; another unit adopts only such a model', () => {
    expect(replicationRefusal('recognised')).toBeNull();
    expect(replicationRefusal('proposed')).toBe('not_recognised');
    const model = { state: 'recognised' as const, replicate: true, unitCode: 'Q001' };
    expect(adoptionRefusal(model, 'SXD')).toBeNull();
    expect(adoptionRefusal(model, 'Q001')).toBe('own_model');
    expect(adoptionRefusal({ ...model, replicate: false }, 'SXD')).toBe('not_for_replication');
    expect(adoptionRefusal({ ...model, state: 'not_recognised' }, 'SXD')).toBe('not_for_replication');
  });
  it('counts by state, replicating and adoptions', () => {
    expect(modelCounts([])).toEqual({ proposed: 0, recognised: 0, not_recognised: 0, total: 0, replicating: 0, adoptions: 0 });
    expect(modelCounts([{ state: 'recognised', replicate: true, adoptions: 2 }, { state: 'recognised', replicate: false, adoptions: 0 }, { state: 'proposed', replicate: false, adoptions: 0 }])).toMatchObject({ recognised: 2, proposed: 1, replicating: 1, adoptions: 2 });
  });
});

describe('inspections', () => {
  it('a follow-up is done, open until its deadline, overdue after it', () => {
    expect(followUpStatus({ dueOn: '2026-12-01', doneOn: '2026-12-05' }, '2026-12-10')).toBe('done');
    expect(followUpStatus({ dueOn: '2026-12-10', doneOn: null }, '2026-12-10')).toBe('open');
    expect(followUpStatus({ dueOn: '2026-12-09', doneOn: null }, '2026-12-10')).toBe('overdue');
  });
  it('closes only with every follow-up done; counts them', () => {
    const list = [{ dueOn: '2026-12-01', doneOn: null }, { dueOn: '2027-01-01', doneOn: null }, { dueOn: '2026-11-01', doneOn: '2026-11-01' }];
    expect(openFollowUps(list)).toHaveLength(2);
    expect(openFollowUps([])).toEqual([]);
    expect(followUpCounts(list, '2026-12-10')).toEqual({ done: 1, open: 1, overdue: 1, total: 3 });
  });
});
