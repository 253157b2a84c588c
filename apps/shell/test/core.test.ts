import { describe, expect, it } from 'vitest';
import { accessOf, formatBytes, formatRate, isConflict, todayIso, type SessionUser } from '@dondoc/ui';
import { periodForData, taskStatusLabel } from '@dondoc/core';
import { perm } from '../src/core/access.ts';
import { labelsFor } from '../src/core/labels.ts';
import { evidenceProblem, evidenceProblemText, EVIDENCE_MAX_BYTES } from '../src/core/upload.ts';
import { readFilters } from '../src/pages/tasks/TasksPage.tsx';
import { coreRoutes } from '../src/routes.tsx';
import { currentPeriod, reportPath } from '../src/core/periods.ts';

const user = (roles: string[], unit: string | null, permissions: string[]): SessionUser =>
  ({ username: 'u', displayName: 'U', unit: unit ? { code: unit, name: unit } : null, roles, permissions }) as SessionUser;

describe('accessOf', () => {
  it('reads the permission keys of /api/auth/me and the unit scope', () => {
    const officer = accessOf(user(['officer'], 'STC', [perm.tasksRead, perm.tasksUpdate]));
    expect(officer.can(perm.tasksUpdate)).toBe(true);
    expect(officer.can(perm.reportsSubmit)).toBe(false);
    expect(officer.canAny([perm.reportsReview, perm.tasksRead])).toBe(true);
    expect(officer.seesAllUnits).toBe(false);
    expect(officer.actsFor('STC')).toBe(true);
    expect(officer.actsFor('SNV')).toBe(false);
    const coordinator = accessOf(user(['coordinator'], 'UBND', [perm.reportsReview]));
    expect(coordinator.seesAllUnits).toBe(true);
    expect(coordinator.actsFor('STC')).toBe(false);
    expect(accessOf(user(['admin'], null, [])).actsFor('STC')).toBe(true);
  });
  it('holds nothing when the server sent no permission list', () => {
    const none = accessOf({ username: 'x', displayName: 'X', unit: null, roles: [] } as unknown as SessionUser);
    expect(none.can(perm.tasksRead)).toBe(false);
  });
});

describe('core routes', () => {
  it('put every core page but the overview behind a permission', () => {
    for (const route of coreRoutes.filter((r) => r.path !== '/')) expect(route.anyOf?.length).toBeGreaterThan(0);
    expect(coreRoutes.find((r) => r.path === '/dieu-phoi')?.anyOf).toEqual([perm.reportsReview, perm.escalationsRespond]);
    expect(coreRoutes.filter((r) => r.path.startsWith('/chi-so')).map((r) => [r.path, r.anyOf, r.nav?.labelKey ?? null])).toEqual([
      ['/chi-so', [perm.scorecardsRead], 'scorecards.nav'],
      ['/chi-so/:id', [perm.scorecardsRead], null],
    ]);
    expect(coreRoutes.filter((r) => r.nav).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/', '/nhiem-vu', '/chi-tieu', '/bao-cao', '/dieu-phoi', '/giao-ban']),
    );
  });
  it('give the briefing list (giao ban) to the coordinators who review reports', () => {
    const briefing = coreRoutes.find((r) => r.path === '/giao-ban');
    expect(briefing?.anyOf).toEqual([perm.reportsReview]);
    expect(briefing?.nav?.labelKey).toBe('nav.briefing');
  });
});

describe('labels', () => {
  it('come from the domain, in the interface language', () => {
    expect(labelsFor('vi').status('overdue')).toBe(taskStatusLabel('overdue', 'vi'));
    expect(labelsFor('en').status('continuous')).toBe('Continuous');
    expect(labelsFor('vi').noProgressUpdate()).toBe('Chưa cập nhật tiến độ');
    expect(labelsFor('vi').reportState('returned')).toBe('Trả lại');
    expect(labelsFor('vi').status('unknown-id')).toBe('unknown-id');
  });
  it('name the flags of the agencies’ counting, with a short form for the inferred tag', () => {
    expect(labelsFor('vi').status('in_progress')).toBe('Chưa hoàn thành, trong hạn');
    expect(labelsFor('vi').flag('leadership')).toBe('Quá hạn trên 3 lần đôn đốc');
    expect(labelsFor('vi').flag('extended')).toBe('Đã gia hạn');
    expect(labelsFor('vi').flagShort('inferred')).toBe('Suy luận');
    expect(labelsFor('en').flagShort('inferred')).toBe('Inferred');
    expect(labelsFor('vi').forecast('insufficient_data')).toBe('Chưa đủ số liệu');
  });
});

describe('texts of the counting', async () => {
  const { coreVi, coreEn } = await import('../src/core/texts.ts');
  it('say the rate’s formula, the period and the result of a completion in Vietnamese', () => {
    expect(coreVi.overview.rateFormula).toBe('Tỷ lệ hoàn thành = đã hoàn thành ÷ (đã hoàn thành + quá hạn)');
    expect(coreVi.overview.dueInPeriod.replace('{{period}}', 'Quý IV/2026')).toBe('Đến hạn trong kỳ (Quý IV/2026)');
    expect(coreVi.task.resultDocNumber).toBe('Số văn bản kết quả');
    expect(coreVi.task.resultDocDate).toBe('Ngày văn bản');
    expect(coreVi.task.completionEnteredOnValue).toContain('Ngày nhập hoàn thành');
    expect(coreVi.briefing.title).toBe('Giao ban');
    expect(coreVi.briefing.export).toBe('Tải xuống Excel');
    expect(coreVi.target.baselineTitle).toBe('Đặt giá trị cơ sở');
    expect(coreEn.overview.rateFormula).toBe('Completion rate = completed ÷ (completed + overdue)');
  });
});

describe('task filters from the address', () => {
  it('keep valid values and drop the rest', () => {
    const filters = readFilters(
      new URLSearchParams('trang-thai=overdue&ngay=2026-11-20&van-ban=nope&don-vi=STC&q=%20tai%20cau%20truc%20'),
    );
    expect(filters).toEqual({ status: 'overdue', asOf: '2026-11-20', unitCode: 'STC', q: 'tai cau truc' });
    expect(readFilters(new URLSearchParams('trang-thai=xyz&ngay=20/11/2026&don-vi=stc'))).toEqual({});
  });
});

describe('reports', () => {
  it('default to the current quarter by data window', () => {
    expect(currentPeriod('quarter').id).toBe(periodForData('quarter', todayIso()).id);
    expect(reportPath('2026-Q4', 'STC')).toBe('/bao-cao?ky=2026-Q4&don-vi=STC');
  });
  it('accept evidence of the allowed kinds up to 5 MB', () => {
    expect(evidenceProblem({ name: 'a.PDF', size: 10 })).toBeNull();
    expect(evidenceProblem({ name: 'bang.xlsx', size: EVIDENCE_MAX_BYTES })).toBeNull();
    expect(evidenceProblem({ name: 'anh.jpeg', size: 10 })).toBeNull();
    expect(evidenceProblem({ name: 'a.exe', size: 10 })).toBe('type');
    expect(evidenceProblem({ name: 'a.doc', size: 10 })).toBe('type');
    expect(evidenceProblem({ name: 'a.pdf', size: 0 })).toBe('empty');
    expect(evidenceProblem({ name: 'a.pdf', size: EVIDENCE_MAX_BYTES + 1 })).toBe('size');
  });
  it('say why a file is refused, naming it (one text for report evidence and task results)', () => {
    const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options)}`;
    expect(evidenceProblemText({ name: 'a.pdf', size: 10 }, t, 'vi')).toBeNull();
    expect(evidenceProblemText({ name: 'a.exe', size: 10 }, t, 'vi')).toBe('evidence.wrongType {"name":"a.exe"}');
    expect(evidenceProblemText({ name: 'a.pdf', size: 0 }, t, 'vi')).toBe('evidence.empty {"name":"a.pdf"}');
    expect(evidenceProblemText({ name: 'a.pdf', size: 6 * 1024 * 1024 }, t, 'vi')).toBe('evidence.tooBig {"name":"a.pdf","size":"6 MB"}');
  });
});

describe('formatting', () => {
  it('writes rates and sizes the Vietnamese way', () => {
    expect(formatRate(0.125, 'vi')).toBe('12,5%');
    expect(formatRate(0.125, 'en')).toBe('12.5%');
    expect(formatRate(null, 'vi')).toBe('—');
    expect(formatBytes(6 * 1024 * 1024, 'vi')).toBe('6 MB');
  });
  it('tells a CONFLICT from other errors', () => {
    const conflict = Object.assign(new Error('x'), { name: 'TRPCClientError', data: { code: 'CONFLICT' } });
    expect(isConflict(conflict)).toBe(true);
    expect(isConflict(new Error('x'))).toBe(false);
  });
});

describe('remindableUnits', async () => {
  const { remindableUnits } = await import('../src/pages/tasks/RemindButton.tsx');
  const stc = { code: 'STC', name: 'Sở Tài chính' };
  const snv = { code: 'SNV', name: 'Sở Nội vụ' };
  const task = { id: 't', code: '2458-3.2', title: 'x', leadUnit: stc, coordinatingUnits: [snv], parentLeadUnitCode: null };
  it('follows the server rule: coordinators anyone, the parent lead the units, the lead its coordinating units', () => {
    expect(remindableUnits(task, accessOf(user(['coordinator'], 'UBND', [perm.remindersSend])))).toEqual([stc, snv]);
    expect(remindableUnits(task, accessOf(user(['unit_lead'], 'STC', [perm.remindersSend])))).toEqual([snv]);
    expect(remindableUnits(task, accessOf(user(['unit_lead'], 'SXD', [perm.remindersSend])))).toEqual([]);
    expect(remindableUnits({ ...task, parentLeadUnitCode: 'SXD' }, accessOf(user(['unit_lead'], 'SXD', [perm.remindersSend])))).toEqual([stc, snv]);
    expect(remindableUnits(task, accessOf(user(['officer'], 'STC', [])))).toEqual([]);
  });
});
