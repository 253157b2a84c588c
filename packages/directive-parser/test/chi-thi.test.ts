/**
 * A directive of another layout than 2458: a Chỉ thị with its header in a table (issuer and
 * motto on the same lines), Roman parts, lettered items, units named by abbreviation, bodies
 * the registry does not hold, and other forms of deadlines and targets.
 */
import { describe, expect, it } from 'vitest';
import { chiThi05, departments, districts, parseWithHanoi, taskOf, unitsIn as byRole } from './registry.ts';

const result = parseWithHanoi(chiThi05);
const task = (clause: string) => taskOf(result, clause);

describe('Chỉ thị 05/CT-UBND (test fixture)', () => {
  it('reads a header laid out as a table', () => {
    const { kind, number, date, issuer, subject, signer } = result.directive;
    expect([kind, number, date, issuer, signer]).toEqual(['Chỉ thị', '05/CT-UBND', '2024-03-12', 'UBND Thành phố Hà Nội', 'Trần Sỹ Thanh, Chủ tịch UBND Thành phố']);
    // An upper-case title is put in sentence case, "VỀ VIỆC" dropped.
    expect(subject).toBe('Tăng cường công tác phòng cháy, chữa cháy trên địa bàn thành phố năm 2024');
  });

  it('takes tasks from "Nhiệm vụ, giải pháp", not from "Mục đích, yêu cầu" nor the closing paragraph', () => {
    expect(result.tasks.map((t) => t.clause)).toEqual(['II.1', 'II.2', 'II.3', 'II.4.a', 'II.4.b', 'II.5', 'II.6']);
  });

  it('reads "Giao X chủ trì, phối hợp với Y, Z" and keeps a body the registry lacks by its name', () => {
    const t = task('II.1');
    expect(t.units.filter((u) => u.role === 'lead')).toEqual([expect.objectContaining({ code: null, name: 'Công an Thành phố', matched: false })]);
    expect(byRole(t, 'coordinate')).toEqual(['SXD', 'SKHDT']);
  });

  it('matches abbreviations: Sở TT&TT, Sở KH&ĐT, VP UBND', () => {
    expect(byRole(task('II.2'), 'lead')).toEqual(['STTTT']);
    expect(byRole(task('II.2'), 'coordinate')).toEqual(['Đài Phát thanh và Truyền hình Hà Nội']);
    expect(byRole(task('II.3'), 'lead')).toEqual(['SKHDT']);
    expect(byRole(task('II.3'), 'coordinate')).toEqual(['STC']);
    // "báo cáo kết quả về VP UBND Thành phố": the office receives the report, it is not assigned.
    expect(task('II.4.a').units.some((u) => u.code === 'VP')).toBe(false);
  });

  it('gives lettered items the units of their heading ("UBND các quận, huyện, thị xã:")', () => {
    expect(byRole(task('II.4.a'), 'lead').sort()).toEqual(districts);
    expect(byRole(task('II.4.b'), 'lead').sort()).toEqual(districts);
    expect(byRole(task('II.5'), 'lead').sort()).toEqual(departments);
    expect(byRole(task('II.6'), 'lead')).toEqual(['SLDTBXH']);
  });

  it('reads deadlines: trước ngày 30/6/2024, Quý III/2024, trước ngày 15 tháng 5 năm 2024, đến hết năm 2024', () => {
    expect(task('II.1').deadline).toBe('2024-06-30');
    expect(task('II.3').deadline).toBe('2024-09-30');
    expect(task('II.4.a').deadline).toBe('2024-05-15');
    expect(task('II.5').deadline).toBe('2024-12-31');
  });

  it('makes "thường xuyên" and "định kỳ hằng quý" tasks continuous', () => {
    expect(task('II.2')).toMatchObject({ deadline: null, continuous: true });
    expect(task('II.2').deadlineSource).toMatch(/thường xuyên/);
    expect(task('II.4.b')).toMatchObject({ deadline: null, continuous: true });
  });

  it('reads targets: 100% (=), không dưới 95% (>=), giảm ít nhất 10% (>=)', () => {
    expect(task('II.1').targets.map(({ op, value, subject }) => ({ op, value, subject }))).toEqual([{ op: '=', value: 100, subject: 'chung cư' }]);
    expect(task('II.3').targets.map(({ op, value, subject }) => ({ op, value, subject }))).toEqual([{ op: '>=', value: 95, subject: 'tỷ lệ giải ngân' }]);
    expect(task('II.4.b').targets.map(({ op, value, subject }) => ({ op, value, subject }))).toEqual([{ op: '>=', value: 10, subject: 'số vụ cháy' }]);
  });

  it('finds the references of the preamble, with dates in both forms', () => {
    expect(result.references.map(({ kind, number, date }) => ({ kind, number, date }))).toEqual([
      { kind: 'Chỉ thị', number: '01/CT-TTg', date: '2024-01-03' },
      { kind: 'Nghị định', number: '136/2020/NĐ-CP', date: '2020-11-24' },
    ]);
  });

  it('gives a lower confidence to a task whose lead the registry does not hold', () => {
    expect(task('II.1').confidence).toBeLessThan(task('II.3').confidence);
  });
});
