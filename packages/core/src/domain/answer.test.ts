import { describe, expect, it } from 'vitest';
import { unitsNamedInAnswer } from './answer.ts';

const units = [
  { code: 'UBND', name: 'UBND Thành phố' },
  { code: 'SNV', name: 'Sở Nội vụ' },
  { code: 'STC', name: 'Sở Tài chính' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông' },
  { code: 'Q001', name: 'Quận Ba Đình' },
  { code: 'H017', name: 'Huyện Ba Vì' },
];

describe('unitsNamedInAnswer', () => {
  it('takes the unit after "giao" as the lead and the others as coordinating units, in order', () => {
    expect(unitsNamedInAnswer('Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và Quận Ba Đình rà soát, báo cáo trước 30/12.', units)).toEqual({
      lead: 'SNV',
      coordinators: ['STC', 'Q001'],
    });
  });

  it('prefers the unit after "giao" even when another is named before it', () => {
    expect(unitsNamedInAnswer('Về kiến nghị của Quận Ba Đình: UBND Thành phố giao Sở Tài chính hướng dẫn.', units)).toEqual({
      lead: 'STC',
      coordinators: ['Q001', 'UBND'],
    });
  });

  it('without "giao", the first unit named leads', () => {
    expect(unitsNamedInAnswer('Đề nghị Sở Thông tin và Truyền thông hỗ trợ kết nối.', units)).toEqual({ lead: 'STTTT', coordinators: [] });
  });

  it('matches however the name is typed: case, spaces, composed or decomposed diacritics', () => {
    const decomposed = 'giao  sở   nội vụ chủ trì'.normalize('NFD');
    expect(unitsNamedInAnswer(decomposed, units).lead).toBe('SNV');
    expect(unitsNamedInAnswer('GIAO SỞ TÀI CHÍNH', units).lead).toBe('STC');
  });

  it('counts whole names only: "Ba Vì" is not "Ba Đình", a longer name is not also its shorter part', () => {
    expect(unitsNamedInAnswer('Giao Huyện Ba Vì thực hiện.', units)).toEqual({ lead: 'H017', coordinators: [] });
    const withPart = [...units, { code: 'X', name: 'Sở Thông tin' }];
    expect(unitsNamedInAnswer('Giao Sở Thông tin và Truyền thông.', withPart)).toEqual({ lead: 'STTTT', coordinators: [] });
  });

  it('a unit named twice is listed once; no unit named gives no suggestion', () => {
    expect(unitsNamedInAnswer('Giao Sở Nội vụ; Sở Nội vụ báo cáo.', units)).toEqual({ lead: 'SNV', coordinators: [] });
    expect(unitsNamedInAnswer('Đã tiếp thu, sẽ xem xét.', units)).toEqual({ lead: null, coordinators: [] });
    expect(unitsNamedInAnswer('', units)).toEqual({ lead: null, coordinators: [] });
  });

  it('"giao" inside another word ("bàn giao" is a word of its own, "giaong" is not) is looked at as a word', () => {
    expect(unitsNamedInAnswer('Quận Ba Đình bàn giao hồ sơ cho Sở Nội vụ.', units).lead).toBe('SNV');
  });
});
