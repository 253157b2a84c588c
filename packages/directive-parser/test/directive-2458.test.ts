/** Issue 19, Done when: what the parser must find in Official Letter 2458/UBND-SNV. */
import { describe, expect, it } from 'vitest';
import { toImportJson, type DraftTask } from '../src/index.ts';
import { departments, districts, parseWithHanoi, taskOf, text2458, unitsIn } from './registry.ts';

const result = parseWithHanoi(text2458);
const task = (clause: string) => taskOf(result, clause);
const leads = (t: DraftTask) => unitsIn(t, 'lead').sort();
const coordinators = (t: DraftTask) => t.units.filter((u) => u.role === 'coordinate');

describe('directive 2458/UBND-SNV', () => {
  it('reads the header: number, date, issuer, subject, signer', () => {
    expect(result.directive).toEqual({
      kind: 'Công văn',
      number: '2458/UBND-SNV',
      date: '2023-08-08',
      issuer: 'UBND Thành phố Hà Nội',
      subject: 'Tập trung triển khai thực hiện một số nhiệm vụ cải cách hành chính trong thời gian tới',
      signer: 'Lê Hồng Sơn, Phó Chủ tịch UBND Thành phố',
    });
  });

  it('finds the clauses of §1 (ten bullets) and the duties of §2–§6, nothing from Nơi nhận', () => {
    expect(result.tasks.map((t) => t.clause)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `1.${i + 1}`),
      '2.1', '2.2', '2.3', '3.1', '3.2', '4.1', '4.2', '5.1', '5.2', '6.1', '6.2', '6.3',
    ]);
    expect(result.tasks.some((t) => /Lưu: VT|BCĐ CCHC của Chính phủ/.test(t.text))).toBe(false);
  });

  it('gives every clause of §1 to every department and every district as lead', () => {
    for (let i = 1; i <= 10; i++) {
      const t = task(`1.${i}`);
      expect(leads(t), `1.${i}`).toEqual([...departments, ...districts].sort());
      expect(t.groups.sort()).toEqual(['departments', 'districts']);
      expect(t.units.every((u) => u.matched)).toBe(true);
    }
  });

  it('gives every duty of §2–§6 to its unit as lead, and to no other', () => {
    const expected: Record<string, string> = { '2': 'VP', '3': 'STC', '4': 'STTTT', '5': 'SKHDT', '6': 'SNV' };
    for (const t of result.tasks.filter((x) => !x.clause.startsWith('1.'))) {
      expect(leads(t), t.clause).toEqual([expected[t.clause.split('.')[0]!]]);
      // "đôn đốc các Sở, ban, ngành, UBND quận, huyện, thị xã" (4.1) names the units urged, not assigned.
      expect(coordinators(t), t.clause).toEqual([]);
      expect(t.units[0]!.source).toMatch(/^Giao (Văn phòng UBND Thành phố|Sở )/);
    }
  });

  it('keeps a paragraph cut by a page break or a footnote in its clause', () => {
    expect(task('1.3').text).toContain('căn cứ vào các Kế hoạch của UBND Thành phổ tiếp tục rà soát');
    expect(task('1.3').source).toContain('Kế hoạch số 157/KH-UBND');
    expect(task('4.2').text).toMatch(/an toàn Hệ thống và thực hiện khai thác, chia sẻ dữ liệu/);
  });

  it('finds the September 2023 deadline of §1.6, with its sentence', () => {
    expect(task('1.6').deadline).toBe('2023-09-30');
    expect(task('1.6').continuous).toBe(false);
    expect(task('1.6').deadlineSource).toBe('Thời gian hoàn thành trong tháng 9 năm 2023.');
  });

  it('reads the other deadlines the text gives, and no date of a referenced document as a deadline', () => {
    expect(task('1.1').deadline).toBe('2023-12-31'); // "phải hoàn thành trong 5 tháng cuối năm 2023"
    expect(task('1.4').deadline).toBe('2025-12-31'); // "đến năm 2025"
    expect(task('3.1').deadline).toBe('2025-12-31');
    for (const clause of ['1.2', '1.5', '2.1', '2.3', '4.1']) {
      expect(task(clause).deadline, clause).toBeNull();
      expect(task(clause).continuous, clause).toBe(true);
    }
    expect(task('6.1').deadlineSource).toMatch(/định kỳ tổng hợp báo cáo/);
  });

  it('finds the three 20% targets, each with its sentence', () => {
    const targets = result.tasks.flatMap((t) => t.targets.map((target) => ({ clause: t.clause, ...target })));
    expect(targets.map(({ clause, op, value, unit, subject, deadline }) => ({ clause, op, value, unit, subject, deadline }))).toEqual([
      { clause: '1.4', op: '>=', value: 20, unit: '%', subject: 'TTHC nội bộ', deadline: '2025-12-31' },
      { clause: '1.4', op: '>=', value: 20, unit: '%', subject: 'chi phí tuân thủ', deadline: '2025-12-31' },
      { clause: '3.1', op: '>=', value: 20, unit: '%', subject: 'đơn vị tự chủ tài chính', deadline: '2025-12-31' },
    ]);
    expect(targets[2]!.source).toContain('phấn đấu đến năm 2025 có tối thiểu 20% đơn vị tự chủ tài chính');
  });

  it('finds the referenced plans, decisions, resolutions and letters with their numbers and dates', () => {
    const refs = Object.fromEntries(result.references.map((r) => [r.number, { kind: r.kind, date: r.date }]));
    expect(refs).toEqual({
      '3668/BNV-CCHC': { kind: 'Công văn', date: '2023-07-13' },
      '01-CTr/TU': { kind: 'Chương trình', date: '2021-03-17' },
      '136/KH-UBND': { kind: 'Kế hoạch', date: '2021-06-01' },
      '280/QĐ-UBND': { kind: 'Quyết định', date: null },
      '20/NQ-HĐND': { kind: 'Nghị quyết', date: '2023-07-06' },
      '2023/UBND-NC': { kind: 'Công văn', date: '2023-07-03' },
      '157/KH-UBND': { kind: 'Kế hoạch', date: '2023-05-26' },
      '167/KH-UBND': { kind: 'Kế hoạch', date: '2023-07-06' },
      '170/KH-UBND': { kind: 'Kế hoạch', date: '2023-06-15' },
      '286/KH-UBND': { kind: 'Kế hoạch', date: '2021-12-14' },
      '4610/QĐ-UBND': { kind: 'Quyết định', date: '2022-11-22' },
      '01/KH-UBND': { kind: 'Kế hoạch', date: '2023-01-03' },
      '20/2022/NQ-HĐND': { kind: 'Nghị quyết', date: '2022-09-12' },
      '189/KH-UBND': { kind: 'Kế hoạch', date: '2022-07-06' },
      '64/KH-UBND': { kind: 'Kế hoạch', date: '2023-03-01' },
    });
  });

  it('reads what the referenced documents are about where the text says it', () => {
    const title = (number: string) => result.references.find((r) => r.number === number)?.title;
    expect(title('3668/BNV-CCHC')).toBe('đôn đốc, triển khai một số nhiệm vụ cải cách hành chính trong thời gian tới');
    expect(title('136/KH-UBND')).toBe('cải cách hành chính nhà nước giai đoạn 2021- 2025');
    expect(title('170/KH-UBND')).toBe('duy trì, nâng cao Chỉ số cải cách hành chính');
    expect(title('286/KH-UBND')).toBeNull();
  });

  it('gives each task a confidence and its source text', () => {
    for (const t of result.tasks) {
      expect(t.confidence).toBeGreaterThan(0.5);
      expect(t.confidence).toBeLessThanOrEqual(1);
      expect(text2458.replace(/\s+/g, ' ')).toContain(t.source.slice(0, 60));
    }
    expect(result.warnings).toEqual([]);
  });

  it('prints the shape of the dry run (issue 19) with ISO dates', () => {
    const json = toImportJson(result);
    expect(Object.keys(json)).toEqual(['directive', 'references', 'tasks']);
    expect(Object.keys(json.tasks[0]!)).toEqual(['clause', 'text', 'units', 'deadline', 'continuous', 'targets', 'confidence', 'source']);
    expect(json.tasks.find((t) => t.clause === '2.1')!.units).toEqual([{ code: 'VP', name: 'Văn phòng UBND Thành phố', role: 'lead', matched: true }]);
    expect(json.tasks.find((t) => t.clause === '3.1')!.targets).toEqual([{ op: '>=', value: 20, unit: '%' }]);
  });
});
