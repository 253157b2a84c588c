/**
 * A Kế hoạch of the UBND (a sample written for the tests in the layout such plans use): Roman
 * parts, "Mục đích, yêu cầu" and "Mục tiêu" that hold no tasks, roles in parentheses after a
 * task, a unit as a heading without a colon, annual dates that make a task continuous.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { departments, districts, parseWithHanoi, taskOf, unitsIn } from './registry.ts';

const result = parseWithHanoi(readFileSync(new URL('./fixtures/ke-hoach-sample-2021.md', import.meta.url), 'utf8'));

describe('Kế hoạch (sample)', () => {
  it('reads its kind, number, date, subject and signer', () => {
    expect(result.directive).toMatchObject({ kind: 'Kế hoạch', number: '136/KH-UBND', date: '2021-06-01', subject: 'Cải cách hành chính nhà nước giai đoạn 2021-2025', signer: 'Chu Ngọc Anh, Chủ tịch UBND Thành phố' });
  });

  it('takes tasks from "Nhiệm vụ, giải pháp" and "Tổ chức thực hiện" only', () => {
    expect(result.tasks.map((t) => t.clause)).toEqual(['III.1.a', 'III.1.b', 'IV.1.1', 'IV.1.2', 'IV.2.1']);
  });

  it('reads the roles given in parentheses after the task', () => {
    expect(unitsIn(taskOf(result, 'III.1.a'), 'lead')).toEqual(['STP']);
    expect(unitsIn(taskOf(result, 'III.1.b'), 'lead')).toEqual(['STP']);
    expect(unitsIn(taskOf(result, 'III.1.b'), 'coordinate').sort()).toEqual(departments.filter((code) => code !== 'STP'));
  });

  it('gives a unit heading without a colon to the bullets under it', () => {
    expect(unitsIn(taskOf(result, 'IV.1.1'), 'lead')).toEqual(['SNV']);
    expect(unitsIn(taskOf(result, 'IV.2.1'), 'lead').sort()).toEqual([...departments, ...districts].sort());
  });

  it('makes "trước ngày 15/12 hằng năm" and "định kỳ 6 tháng" continuous', () => {
    expect(taskOf(result, 'IV.2.1')).toMatchObject({ deadline: null, continuous: true });
    expect(taskOf(result, 'IV.1.2')).toMatchObject({ deadline: null, continuous: true });
  });
});
