/** The rules of the genre, one by one. */
import { describe, expect, it } from 'vitest';
import { findContinuous, findDeadlines, findReferences, findTargets, isoDate, parseDirective, UnitMatcher } from '../src/index.ts';
import { assignmentsOf } from '../src/roles.ts';
import { sentences } from '../src/text.ts';
import { hanoiUnits } from './registry.ts';

const matcher = new UnitMatcher(hanoiUnits);
const codes = (text: string) => matcher.find(text).map((m) => (m.type === 'unit' ? m.unit.code : `group:${m.group}`));
const roles = (sentence: string) =>
  assignmentsOf(sentence, matcher).map((a) => `${a.role}:${a.target.type === 'unit' ? a.target.unit.code : a.target.type === 'group' ? a.target.group : `?${a.target.name}`}`);

describe('units, whatever the diacritics, case and abbreviations', () => {
  it.each([
    ['Sở Thông tin và Truyền thông', 'STTTT'],
    ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'STTTT'],
    ['so thong tin va truyen thong', 'STTTT'],
    ['Sở TT&TT', 'STTTT'],
    ['Sở TTTT', 'STTTT'],
    ['Sở KH&ĐT', 'SKHDT'],
    ['Sở KHĐT', 'SKHDT'],
    ['Sở Kế hoạch - Đầu tư', 'SKHDT'],
    ['VP UBND Thành phố', 'VP'],
    ['VP UBND TP', 'VP'],
    ['Văn phòng UBND', 'VP'],
    ['Văn phòng Ủy ban nhân dân Thành phố', 'VP'],
    ['Sở LĐTB&XH', 'SLDTBXH'],
    ['Sở NN&PTNT', 'SNNPTNT'],
    ['Sở GD&ĐT', 'SGDDT'],
    ['UBND quận Ba Đình', 'Q001'],
    ['Huyện Ứng Hoà', 'Q281'],
    ['huyện ứng hòa', 'Q281'],
    ['UBND Thành phố Hà Nội', 'UBND'],
  ])('%s → %s', (text, code) => {
    expect(codes(text)).toEqual([code]);
  });

  it('reads the group phrases as every department and every district', () => {
    expect(codes('Các sở, ban, ngành thuộc Thành phố')).toEqual(['group:departments']);
    expect(codes('các Sở, ngành')).toEqual(['group:departments']);
    expect(codes('UBND các quận, huyện, thị xã')).toEqual(['group:districts']);
    expect(codes('Ủy ban nhân dân các quận, huyện, thị xã')).toEqual(['group:districts']);
    expect(matcher.unitsOf('departments')).toHaveLength(21);
    expect(matcher.unitsOf('districts')).toHaveLength(30);
  });

  it('takes the longest name: "Văn phòng UBND Thành phố" is not "UBND Thành phố"', () => {
    expect(codes('Giao Văn phòng UBND Thành phố Hà Nội')).toEqual(['VP']);
  });

  it('does not take the common noun of a body’s name for the body', () => {
    expect(codes('Thanh tra, kiểm tra việc chấp hành kỷ luật')).toEqual([]);
    expect(codes('Thanh tra Thành phố chủ trì')).toEqual(['TTTP']);
  });

  it('does not run a name across a sentence end', () => {
    expect(codes('các sở. Ban hành')).toEqual([]);
  });
});

describe('roles: lead and coordinating units', () => {
  it.each([
    ['Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ và Sở Tư pháp xây dựng quy chế.', ['lead:STC', 'coordinate:SNV', 'coordinate:STP']],
    ['Sở Y tế chủ trì, phối hợp với UBND các quận, huyện, thị xã tổ chức tiêm chủng.', ['lead:SYT', 'coordinate:districts']],
    ['Giao Sở Xây dựng thực hiện kiểm tra.', ['lead:SXD']],
    ['Sở Nội vụ: tổng hợp, báo cáo.', ['lead:SNV']],
    ['Yêu cầu các sở, ban, ngành triển khai.', ['lead:departments']],
    ['Đề nghị Sở Công Thương khẩn trương rà soát.', ['lead:SCT']],
    ['Theo dõi, đôn đốc các Sở, ban, ngành, UBND quận, huyện, thị xã xây dựng kế hoạch.', []],
    ['Tổng hợp báo cáo UBND Thành phố kết quả thực hiện.', []],
    ['Sở Tài chính phối hợp với Bộ Tài chính và Kho bạc Nhà nước Hà Nội hướng dẫn.', ['lead:STC', 'coordinate:?Bộ Tài chính', 'coordinate:?Kho bạc Nhà nước Hà Nội']],
    ['Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan triển khai.', []],
    ['Rà soát văn bản (Sở Tư pháp chủ trì, các sở, ban, ngành phối hợp; thực hiện hằng năm).', ['lead:STP', 'coordinate:departments']],
    ['Đề nghị các đại biểu tham dự đầy đủ.', ['lead:?các đại biểu']],
    ['Giao Văn phòng Chính phủ thực hiện.', ['lead:?Văn phòng Chính phủ']],
    // Folded, "bố trí" reads as "Bộ …": a body's name is capitalised.
    ['Sở Tài chính chủ trì, phối hợp với Sở KH&ĐT cân đối, bố trí kinh phí.', ['lead:STC', 'coordinate:SKHDT']],
  ])('%s', (sentence, expected) => {
    expect(roles(sentence)).toEqual(expected);
  });
});

describe('deadlines', () => {
  const first = (text: string, year: number | null = 2023) => findDeadlines(text, year)[0]?.date ?? null;
  it.each([
    ['Thời gian hoàn thành trong tháng 9 năm 2023.', '2023-09-30'],
    ['hoàn thành trong tháng 2/2024', '2024-02-29'],
    ['báo cáo trước ngày 31/3/2011', '2011-03-31'],
    ['xong trước ngày 20 tháng 10 năm 2023', '2023-10-20'],
    ['chậm nhất ngày 15/12', '2023-12-15'],
    ['đến năm 2025 cắt giảm 20%', '2025-12-31'],
    ['đến hết năm 2024', '2024-12-31'],
    ['trước năm 2026', '2025-12-31'],
    ['trong Quý III/2024', '2024-09-30'],
    ['trong quý 1 năm 2025', '2025-03-31'],
    ['trước tháng 12', '2023-11-30'],
    ['trong 6 tháng đầu năm 2024', '2024-06-30'],
    ['phải hoàn thành trong 5 tháng cuối năm 2023', '2023-12-31'],
  ])('%s → %s', (text, date) => {
    expect(first(text)).toBe(date);
  });

  it('does not take a date that comes back every year for a deadline', () => {
    expect(findDeadlines('gửi Sở Nội vụ trước ngày 15/12 hằng năm', 2021)).toEqual([]);
    expect(findDeadlines('báo cáo trước ngày 15 của tháng cuối mỗi quý', 2021)).toEqual([]);
    expect(findDeadlines('trước ngày 15/12/2021 hằng năm', 2021).map((d) => d.date)).toEqual(['2021-12-15']);
  });

  it('does not take a document date, a period or an index year for a deadline', () => {
    expect(findDeadlines('theo Kế hoạch số 286/KH-UBND ngày 14/12/2021 của UBND Thành phố', 2023)).toEqual([]);
    expect(findDeadlines('giai đoạn 2021-2025', 2023)).toEqual([]);
    expect(findDeadlines('Chỉ số PCI năm 2022', 2023)).toEqual([]);
  });

  it('refuses impossible dates, and a date without a year when the year is unknown', () => {
    expect(findDeadlines('trước ngày 31/2/2024', 2024)).toEqual([]);
    expect(findDeadlines('trước ngày 15/12', null)).toEqual([]);
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2023, 13, 1)).toBeNull();
  });

  it('trusts a deadline next to a completion word more than a bare "trong năm"', () => {
    const [sure] = findDeadlines('Thời gian hoàn thành trong tháng 9 năm 2023.', 2023);
    const [vague] = findDeadlines('rà soát chỉ tiêu đặt ra trong năm 2023', 2023);
    expect(sure!.confidence).toBeGreaterThan(vague!.confidence);
  });

  it('reads the words of continuous tasks', () => {
    expect(findContinuous('Định kỳ tổng hợp báo cáo')).toBe('dinh ky');
    expect(findContinuous('thực hiện thường xuyên')).toBe('thuong xuyen');
    expect(findContinuous('báo cáo hằng quý')).toBe('hang quy');
    expect(findContinuous('hoàn thành trong tháng 9')).toBeNull();
  });
});

describe('targets', () => {
  const short = (text: string) => findTargets(text).map(({ op, value, unit, subject }) => ({ op, value, unit, subject }));
  it('reads the comparison words', () => {
    expect(short('cắt giảm ít nhất 20% TTHC nội bộ')).toEqual([{ op: '>=', value: 20, unit: '%', subject: 'TTHC nội bộ' }]);
    expect(short('có tối thiểu 20% đơn vị tự chủ tài chính')).toEqual([{ op: '>=', value: 20, unit: '%', subject: 'đơn vị tự chủ tài chính' }]);
    expect(short('100% hồ sơ được giải quyết đúng hạn')).toEqual([{ op: '=', value: 100, unit: '%', subject: 'hồ sơ' }]);
    expect(short('tỷ lệ hồ sơ trễ hạn không quá 2,5%')).toEqual([{ op: '<=', value: 2.5, unit: '%', subject: 'tỷ lệ hồ sơ trễ hạn' }]);
  });
  it('ignores figures that are no share', () => {
    expect(findTargets('giai đoạn 2021-2025, Kế hoạch số 136/KH-UBND')).toEqual([]);
    expect(findTargets('tăng 150%')).toEqual([]);
  });
});

describe('references', () => {
  const refs = (text: string) => findReferences(text).map(({ kind, number, date }) => ({ kind, number, date }));
  it('tells the kind from the symbol when the words do not say it', () => {
    expect(refs('văn bản số 2023/UBND-NC ngày 03/7/2023 của UBND Thành phố')).toEqual([{ kind: 'Công văn', number: '2023/UBND-NC', date: '2023-07-03' }]);
    expect(refs('theo Quyết định số 4610/QĐ-UBND ngày 22/11/2022')).toEqual([{ kind: 'Quyết định', number: '4610/QĐ-UBND', date: '2022-11-22' }]);
    expect(refs('Chương trình số 01-CTr/TU ngày 17/3/2021')).toEqual([{ kind: 'Chương trình', number: '01-CTr/TU', date: '2021-03-17' }]);
    expect(refs('Nghị định 09/2019/NĐ-CP')).toEqual([{ kind: 'Nghị định', number: '09/2019/NĐ-CP', date: null }]);
    expect(refs('Công văn số 1234/VPCP-KSTT ngày 5 tháng 6 năm 2024')).toEqual([{ kind: 'Công văn', number: '1234/VPCP-KSTT', date: '2024-06-05' }]);
  });
  it('reads what a document is about when the text says, and nothing when the sentence goes on to something else', () => {
    const titles = (text: string) => findReferences(text).map((r) => r.title);
    expect(titles('Thực hiện Công văn số 3668/BNV-CCHC ngày 13/7/2023 của Bộ Nội vụ về việc đôn đốc, triển khai nhiệm vụ cải cách hành chính, về việc này UBND Thành phố chỉ đạo')).toEqual(['đôn đốc, triển khai nhiệm vụ cải cách hành chính']);
    expect(titles('Kế hoạch số 157/KH-UBND ngày 26/5/2023 cải thiện, nâng cao Chỉ số PAPI năm 2023 của Thành phố; Kế hoạch số 167/KH-UBND ngày 6/7/2023 nâng cao Chỉ số PCI (PGI)')).toEqual([
      'cải thiện, nâng cao Chỉ số PAPI năm 2023 của Thành phố',
      'nâng cao Chỉ số PCI',
    ]);
    expect(titles('theo yêu cầu tại Kế hoạch số 286/KH-UBND ngày 14/12/2021 của UBND Thành phố; Các Sở, ban, ngành tập trung')).toEqual([null]);
    expect(titles('thực hiện Kế hoạch số 286/KH-UBND ngày 14/12/2021 của UBND Thành phố đảm bảo đúng tiến độ')).toEqual([null]);
  });

  it('does not take a date for a number', () => {
    expect(refs('ngày 13/7/2023')).toEqual([]);
  });
});

describe('sentences', () => {
  it('cuts at a full stop or semicolon before a capital, not inside an abbreviation', () => {
    expect(sentences('Làm A. Làm B; Làm C')).toEqual(['Làm A.', 'Làm B;', 'Làm C']);
    expect(sentences('UBND TP. Hà Nội giao việc.')).toEqual(['UBND TP. Hà Nội giao việc.']);
  });
});

describe('layouts', () => {
  const parse = (text: string) => {
    const result = parseDirective(text, { units: matcher });
    if (!result.ok) throw new Error(result.error.message.en);
    return result;
  };

  it('reads a header laid out as a Markdown table (issuer | motto)', () => {
    const result = parse(
      '| **ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HÀ NỘI** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc** |\n|---|---|\n| Số: 12/KH-UBND | Hà Nội, ngày 15 tháng 01 năm 2024 |\n\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n\n1. Sở Y tế chủ trì triển khai.\n',
    );
    expect(result.directive).toMatchObject({ number: '12/KH-UBND', date: '2024-01-15', issuer: 'UBND Thành phố Hà Nội', kind: 'Kế hoạch', subject: 'Thực hiện nhiệm vụ năm 2024' });
    expect(result.tasks.map((t) => t.clause)).toEqual(['1']);
  });

  it('gives the units a letter is addressed to what no heading or sentence gives anyone', () => {
    const result = parse('Số: 45/UBND-KGVX\n\nHà Nội, ngày 02 tháng 01 năm 2024\n\nV/v phòng chống rét\n\nKính gửi: Sở Y tế; Sở Lao động - Thương binh và Xã hội.\n\n1. Rà soát các cơ sở bảo trợ xã hội, hoàn thành trong tháng 1 năm 2024.\n\n2. Sở Tài chính bố trí kinh phí.\n');
    expect(result.tasks.map((t) => [t.clause, t.units.filter((u) => u.role === 'lead').map((u) => u.code)])).toEqual([
      ['1', ['SYT', 'SLDTBXH']],
      ['2', ['STC']],
    ]);
    expect(result.tasks[0]!.units[0]!.source).toBe('Kính gửi: Sở Y tế; Sở Lao động - Thương binh và Xã hội.');
    expect(result.warnings).toEqual([]);
  });

  it('does not give tasks to the UBND a department writes to', () => {
    const result = parse('SỞ NỘI VỤ\n\nSố: 7/SNV-CCHC\n\nHà Nội, ngày 02 tháng 01 năm 2024\n\nV/v báo cáo\n\nKính gửi: UBND Thành phố Hà Nội.\n\n1. Kết quả rà soát thủ tục hành chính năm 2023.\n');
    expect(result.tasks[0]!.units).toEqual([]);
  });

  it('reads parts numbered past 99', () => {
    const parts = Array.from({ length: 120 }, (_, i) => `${i + 1}. Sở Y tế thực hiện nhiệm vụ số ${i + 1}.`).join('\n\n');
    expect(parse(`Số: 5/UBND-VP\n\n${parts}\n`).tasks.map((t) => t.clause).slice(97, 101)).toEqual(['98', '99', '100', '101']);
  });

  it('numbers lettered items written "a." as "a)"', () => {
    const result = parse('Số: 3/UBND-VP\n\n1. Giao Sở Xây dựng:\n\na. Rà soát các công trình xây dựng trên địa bàn.\n\nb. Báo cáo kết quả về UBND Thành phố.\n');
    expect(result.tasks.map((t) => [t.clause, t.units.map((u) => u.code)])).toEqual([
      ['1.a', ['SXD']],
      ['1.b', ['SXD']],
    ]);
  });

  it('puts a date written without its year in the year after when it has passed by the directive’s date', () => {
    const result = parse('Số: 9/UBND-VP\n\nHà Nội, ngày 20 tháng 11 năm 2023\n\nV/v chuẩn bị Tết\n\n1. Sở Công Thương báo cáo trước ngày 15/01.\n\n2. Sở Y tế hoàn thành trước ngày 15/12.\n');
    expect(result.tasks.map((t) => t.deadline)).toEqual(['2024-01-15', '2023-12-15']);
  });
});

describe('a unit opening a sentence with "tổng hợp", "đánh giá", "đề xuất" leads it', () => {
  it('Sở Nội vụ tổng hợp kết quả, báo cáo UBND Thành phố: Sở Nội vụ leads, the UBND is reported to, not assigned', () => {
    const parsed = parseDirective(
      ['ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', '', 'Số: 3105/UBND-KSTTHC', '', 'Hà Nội, ngày 15 tháng 10 năm 2024', '', 'V/v số hóa hồ sơ', '', 'Kính gửi: Các sở, ban, ngành Thành phố.', '', '1. Sở Nội vụ tổng hợp kết quả, báo cáo UBND Thành phố trong tháng 1 năm 2025.', '', '2. Sở Tài chính đánh giá, đề xuất kinh phí thực hiện.'].join('\n'),
      { units: hanoiUnits },
    );
    if (!parsed.ok) throw new Error(parsed.error.message.en);
    expect(parsed.tasks.map((t) => [t.clause, t.units.filter((u) => u.role === 'lead').map((u) => u.code), t.groups])).toEqual([
      ['1', ['SNV'], []],
      ['2', ['STC'], []],
    ]);
  });
});
