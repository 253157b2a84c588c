/**
 * A letter of the Government Office (Văn phòng Chính phủ) to every province: the issuer is no
 * unit of the city's registry, the addressees are bodies it does not hold, `V/v` shares a
 * paragraph with the number, the signature is `KT. BỘ TRƯỞNG, CHỦ NHIỆM`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWithHanoi, taskOf, unitsIn } from './registry.ts';

const result = parseWithHanoi(readFileSync(new URL('./fixtures/vpcp-letter.md', import.meta.url), 'utf8'));

describe('Government Office letter 1234/VPCP-KSTT (test fixture)', () => {
  it('reads the header of a ministry-level body', () => {
    expect(Object.entries(result.directive)).toEqual([
      ['kind', 'Công văn'], ['number', '1234/VPCP-KSTT'], ['date', '2024-02-20'], ['issuer', 'Văn phòng Chính phủ'],
      ['subject', 'Đẩy mạnh cắt giảm thủ tục hành chính'], ['signer', 'Nguyễn Sỹ Hiệp, Phó Chủ nhiệm Văn phòng Chính phủ'],
    ]);
  });

  it('keeps the bodies the registry lacks by their names, matched: false', () => {
    expect(taskOf(result, '1').units).toEqual([expect.objectContaining({ code: null, name: 'Ủy ban nhân dân các tỉnh, thành phố', role: 'lead', matched: false })]);
    expect(unitsIn(taskOf(result, '2'), 'lead')).toEqual(['VP']);
    expect(unitsIn(taskOf(result, '2'), 'coordinate')).toEqual(['Bộ Thông tin và Truyền thông']);
  });

  it('reads the deadline and the target', () => {
    expect(taskOf(result, '1').deadline).toBe('2024-03-31');
    expect(taskOf(result, '2').targets.map(({ op, value, subject }) => [op, value, subject])).toEqual([['>=', 80, 'hồ sơ']]);
  });
});

describe('a department as issuer', () => {
  it('drops the parent body above it and takes the registry name', () => {
    const sub = parseWithHanoi('UBND THÀNH PHỐ HÀ NỘI\nSỞ NỘI VỤ\n\nSố: 12/KH-SNV\n\nHà Nội, ngày 2 tháng 1 năm 2024\n\nKẾ HOẠCH\nCông tác cải cách hành chính năm 2024\n\n1. Phòng Cải cách hành chính chủ trì tổng hợp, báo cáo định kỳ.\n');
    expect(sub.directive).toMatchObject({ issuer: 'Sở Nội vụ', number: '12/KH-SNV', kind: 'Kế hoạch', subject: 'Công tác cải cách hành chính năm 2024' });
    expect(sub.tasks.map((t) => [t.clause, t.continuous])).toEqual([['1', true]]);
  });
});
