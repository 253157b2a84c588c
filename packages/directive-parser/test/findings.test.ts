import { describe, expect, it } from 'vitest';
import { markFindings } from '../src/findings.ts';

describe('markFindings: where the reading found each thing in a task’s sentence', () => {
  it('marks every phrase found, the longest first, whatever the case, without overlaps', () => {
    const parts = markFindings('Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ hoàn thành trước ngày 31/12/2024.', ['Sở Thông tin và Truyền thông', 'sở nội vụ', 'trước ngày 31/12/2024', 'Sở Nội vụ hoàn']);
    expect(parts.filter((p) => p.found).map((p) => p.text)).toEqual(['Sở Thông tin và Truyền thông', 'Sở Nội vụ hoàn', 'trước ngày 31/12/2024']);
    expect(parts.map((p) => p.text).join('')).toBe('Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ hoàn thành trước ngày 31/12/2024.');
  });
  it('leaves a sentence with nothing found as it is', () => {
    expect(markFindings('Thực hiện nghiêm.', ['Sở Y tế', ' '])).toEqual([{ text: 'Thực hiện nghiêm.', found: false }]);
  });
});

describe('markFindings whatever the diacritics', () => {
  it('finds a folded phrase (the parser’s deadline words) in the sentence as written', () => {
    const parts = markFindings('Hoàn thành trong tháng 9 năm 2023 😀 và báo cáo.', ['trong thang 9 nam 2023']);
    expect(parts.filter((p) => p.found).map((p) => p.text)).toEqual(['trong tháng 9 năm 2023']);
    expect(markFindings('😀 Đề án của Sở Y tế', ['so y te']).filter((p) => p.found).map((p) => p.text)).toEqual(['Sở Y tế']);
  });
});
