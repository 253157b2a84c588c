/** From the parser's reading to the core's draft inputs: what goes in, what is left out and why. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hanoiDirectory } from '@dondoc/auth';
import { parseDirective, type ParsedDirective } from '@dondoc/directive-parser';
import { planDraft, titleOf, type DraftPlan } from '../src/directive-draft.ts';

const header = 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n\nSố: 21/UBND-VP\n\nHà Nội, ngày 20 tháng 11 năm 2023\n\nV/v chuẩn bị Tết\n\n';

function plan(body: string, head = header): DraftPlan {
  const parsed = parseDirective(head + body, { units: hanoiDirectory() });
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  const planned = planDraft(parsed as ParsedDirective, head + body);
  if ('problem' in planned) throw new Error(planned.problem.en);
  return planned;
}

describe('planDraft', () => {
  it('gives every department and district as the group "all", one unit by its code, coordinators apart from the lead', () => {
    const { directive, tasks } = plan(
      '1. Các sở, ban, ngành, UBND các quận, huyện, thị xã rà soát, hoàn thành trong tháng 12 năm 2023.\n\n2. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ hướng dẫn; bảo đảm tối thiểu 30% đơn vị tự chủ đến năm 2025.\n\n3. Các sở, ban, ngành kiểm tra thường xuyên.\n',
    );
    expect(directive).toMatchObject({ number: '21/UBND-VP', issuedOn: '2023-11-20', issuer: 'UBND Thành phố Hà Nội', subject: 'Chuẩn bị Tết' });
    expect(tasks.map(({ clause, assignees, coordinatorUnitCodes, deadline, continuous }) => ({ clause, assignees, coordinatorUnitCodes, deadline, continuous }))).toEqual([
      { clause: '1', assignees: { kind: 'group', group: 'all' }, coordinatorUnitCodes: [], deadline: '2023-12-31', continuous: false },
      { clause: '2', assignees: { kind: 'units', unitCodes: ['STC'] }, coordinatorUnitCodes: ['SNV'], deadline: '2025-12-31', continuous: false },
      { clause: '3', assignees: { kind: 'group', group: 'departments' }, coordinatorUnitCodes: [], deadline: null, continuous: true },
    ]);
    expect(tasks[1]!.targets).toEqual([
      { name: 'Tối thiểu 30% đơn vị tự chủ', direction: 'at_least', targetValue: 30, measureUnit: '%', targetDate: '2025-12-31', baselineValue: 0, baselineDate: '2023-11-20' },
    ]);
  });

  it('leaves out, saying why, a task whose lead the registry lacks and a target without a date', () => {
    const { tasks, skipped } = plan('1. Bộ Công an chủ trì kiểm tra.\n\n2. Sở Y tế thường xuyên bảo đảm 100% cơ sở được kiểm tra.\n');
    expect(tasks.map((t) => t.clause)).toEqual(['2']);
    expect(tasks[0]!.targets).toEqual([]);
    expect(skipped.map((s) => [s.clause, s.why.vi])).toEqual([
      ['1', 'đơn vị chủ trì Bộ Công an không có trong danh mục đơn vị'],
      ['2', 'chỉ tiêu "100% cơ sở" không có thời hạn'],
    ]);
  });

  it('empties a deadline read before the directive’s date, which the core would refuse', () => {
    const { tasks, skipped } = plan('1. Sở Y tế hoàn thành trước ngày 31/3/2011.\n');
    expect(tasks[0]).toMatchObject({ deadline: null, continuous: true });
    expect(skipped[0]!.why.vi).toBe('thời hạn 31/03/2011 trước ngày văn bản: để trống');
  });

  it('refuses a text without the number, date, issuer or subject the core needs, naming them in both languages', () => {
    const parsed = parseDirective('1. Sở Y tế chủ trì kiểm tra.\n', { units: hanoiDirectory() });
    const planned = planDraft(parsed as ParsedDirective, '');
    expect(planned).toEqual({
      problem: {
        vi: 'Không lưu được dự thảo: văn bản thiếu số, ký hiệu, ngày ban hành, cơ quan ban hành, trích yếu. Hãy xem lại bằng --dry-run và nhập trên trang giao nhiệm vụ.',
        en: 'The draft cannot be saved: the text lacks its number, date, issuer, subject. Check it with --dry-run and enter the directive on the giving-tasks page.',
      },
    });
  });
});

describe('titleOf', () => {
  it('takes the first sentence, cut at a word under 200 characters', () => {
    expect(titleOf('Rà soát thủ tục hành chính; báo cáo kết quả.')).toBe('Rà soát thủ tục hành chính');
    const long = `Tiếp tục ${'rà soát, đơn giản hóa thủ tục hành chính '.repeat(8)}trên địa bàn.`;
    const title = titleOf(long);
    expect(title.length).toBeLessThanOrEqual(201);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.slice(0, -1)).not.toMatch(/\s$/);
  });
});

describe("the parser's test registry", () => {
  it('is the demo directory the database is seeded with (packages/directive-parser cannot import @dondoc/auth)', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../../packages/directive-parser/test/fixtures/hanoi-units-2023.json', import.meta.url), 'utf8'));
    expect(fixture).toEqual(hanoiDirectory().map(({ code, name, kind }) => ({ code, name, kind })));
  });
});
