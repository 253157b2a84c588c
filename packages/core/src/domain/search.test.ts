import { describe, expect, it } from 'vitest';
import { matchesSearch, normalizeForSearch } from './search.ts';

describe('normalizeForSearch', () => {
  it('strips Vietnamese diacritics, đ/Đ included, and lower-cases', () => {
    expect(normalizeForSearch('Cải cách hành chính')).toBe('cai cach hanh chinh');
    expect(normalizeForSearch('Sở Kế hoạch và Đầu tư')).toBe('so ke hoach va dau tu');
    expect(normalizeForSearch('ĐÔN ĐỐC')).toBe('don doc');
    expect(normalizeForSearch('Ủy ban nhân dân')).toBe('uy ban nhan dan');
    expect(normalizeForSearch('Thông tin và Truyền thông')).toBe('thong tin va truyen thong');
    expect(normalizeForSearch('ăâêôơư ĂÂÊÔƠƯ ạảãáà ỵỷỹýỳ')).toBe('aaeoou aaeoou aaaaa yyyyy');
  });

  it('collapses and trims whitespace', () => {
    expect(normalizeForSearch('  Quận \t Hoàn   Kiếm\n')).toBe('quan hoan kiem');
    expect(normalizeForSearch('   ')).toBe('');
  });

  it('treats decomposed (NFD) and composed (NFC) input alike', () => {
    const nfd = 'Cải cách'.normalize('NFD');
    expect(nfd).not.toBe('Cải cách');
    expect(normalizeForSearch(nfd)).toBe('cai cach');
  });

  it('keeps digits and punctuation', () => {
    expect(normalizeForSearch('Công văn 2458/UBND-SNV')).toBe('cong van 2458/ubnd-snv');
  });
});

describe('matchesSearch', () => {
  it('finds text typed without diacritics, in any case', () => {
    expect(matchesSearch('Cải cách hành chính', 'cai cach')).toBe(true);
    expect(matchesSearch('Sở Kế hoạch và Đầu tư', 'DAU TU')).toBe(true);
    expect(matchesSearch('Sở Kế hoạch và Đầu tư', 'đầu tư')).toBe(true);
    expect(matchesSearch('Huyện Đông Anh', 'dong anh')).toBe(true);
  });

  it('requires every word, in any order, as part of a word', () => {
    expect(matchesSearch('Sở Kế hoạch và Đầu tư', 'dau ke')).toBe(true);
    expect(matchesSearch('Sở Kế hoạch và Đầu tư', 'hoa')).toBe(true);
    expect(matchesSearch('Sở Kế hoạch và Đầu tư', 'tai chinh')).toBe(false);
    expect(matchesSearch('Sở Kế hoạch và Đầu tư', 'dau tai')).toBe(false);
  });

  it('an empty query matches everything', () => {
    expect(matchesSearch('Sở Nội vụ', '')).toBe(true);
    expect(matchesSearch('Sở Nội vụ', '   ')).toBe(true);
    expect(matchesSearch('', 'noi vu')).toBe(false);
  });
});
