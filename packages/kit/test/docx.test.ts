import { describe, expect, it } from 'vitest';
import { administrativeDocument, documentDate, documentNumber, documentPlaceAndDate, shareInWords, type AdministrativeDocument } from '../src/index.ts';
import { docxParagraphs, docxParts, docxTables } from '../src/testing.ts';

const sampleDocument: AdministrativeDocument = {
  parentBody: 'UBND Thành phố Hà Nội',
  issuer: 'Văn phòng UBND Thành phố',
  number: 5,
  symbol: 'BC-VP',
  place: 'Hà Nội',
  date: '2024-01-05',
  kind: 'Báo cáo',
  subject: 'Kết quả thực hiện nhiệm vụ quý IV năm 2023',
  to: ['Chủ tịch UBND Thành phố'],
  opening: ['Thực hiện Công văn số 2458/UBND-SNV ngày 08/8/2023 của UBND Thành phố, Văn phòng UBND Thành phố báo cáo như sau:'],
  sections: [
    { heading: 'I. Kết quả thực hiện', blocks: [{ paragraph: 'Đã hoàn thành 23/39 nhiệm vụ, đạt 58,97%.' }, { table: { headers: ['Đơn vị', 'Quá hạn'], rows: [['Sở Tài chính', 1], ['Quận Ba Đình', 2]], totals: ['Tổng cộng', 3] } }] },
    { heading: 'II. Đề xuất, kiến nghị', blocks: [{ subheading: '1. Về thể chế' }, { note: 'Không có.' }] },
  ],
  signature: { authority: 'KT. Chánh Văn phòng', title: 'Phó Chánh Văn phòng', name: 'Nguyễn Văn A' },
  recipients: ['Chủ tịch UBND Thành phố (để b/c)', 'Các Phó Chủ tịch UBND Thành phố'],
  archive: 'VP',
  appendices: [{ title: 'Nhiệm vụ theo đơn vị', table: { headers: ['Đơn vị', 'Số nhiệm vụ'], rows: [['Sở Tài chính', 13]] } }],
};


describe('documentDate, documentNumber, shareInWords: as Decree 30 and agencies write them', () => {
  it('a leading 0 for days below 10 and for months 1 and 2 only', () => {
    expect(documentPlaceAndDate('Hà Nội', '2024-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2024');
    expect(documentDate('2024-02-29')).toBe('ngày 29 tháng 02 năm 2024');
    expect(documentDate('2024-03-09')).toBe('ngày 09 tháng 3 năm 2024');
    expect(documentDate('2026-12-20')).toBe('ngày 20 tháng 12 năm 2026');
  });
  it('numbers below 10 with a leading 0; room for the clerk when there is none yet', () => {
    expect(documentNumber(5, 'BC-SNV')).toBe('Số: 05/BC-SNV');
    expect(documentNumber(123, 'BC-SNV')).toBe('Số: 123/BC-SNV');
    expect(documentNumber(null, 'BC-SNV')).toMatch(/^Số: +\/BC-SNV$/);
  });
  it('shares with a decimal comma', () => {
    expect(shareInWords(23, 39, 'nhiệm vụ')).toBe('23/39 nhiệm vụ, đạt 58,97%');
    expect(shareInWords(51, 51, 'đơn vị')).toBe('51/51 đơn vị, đạt 100%');
    expect(shareInWords(0, 0, 'nhiệm vụ')).toBe('0/0 nhiệm vụ');
  });
});

describe('administrativeDocument: the .docx a clerk would send', () => {
  it('A4 portrait, margins 20/20/30/15 mm, Times New Roman, no page number on page 1', async () => {
    const parts = await docxParts(await administrativeDocument(sampleDocument));
    const body = parts.get('word/document.xml')!;
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(body).toContain('<w:titlePg/>');
    expect(parts.get('word/styles.xml')).toContain('w:ascii="Times New Roman"');
    // The numbered header is a field in a header part, the first page's header is empty.
    const headers = [...parts.entries()].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers.some((xml) => xml.includes('PAGE'))).toBe(true);
  });
  it('the header table, the kind and subject, the parts, the signature table and the appendix, in that order', async () => {
    const text = (await docxParagraphs(await administrativeDocument(sampleDocument))).join('\n');
    const order = [
      'UBND THÀNH PHỐ HÀ NỘI',
      'VĂN PHÒNG UBND THÀNH PHỐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/BC-VP',
      'Hà Nội, ngày 05 tháng 01 năm 2024',
      'BÁO CÁO',
      'Kết quả thực hiện nhiệm vụ quý IV năm 2023',
      'Kính gửi: Chủ tịch UBND Thành phố.',
      'I. KẾT QUẢ THỰC HIỆN',
      'Đã hoàn thành 23/39 nhiệm vụ, đạt 58,97%.',
      'Tổng cộng',
      'II. ĐỀ XUẤT, KIẾN NGHỊ',
      '1. Về thể chế',
      'Nơi nhận:',
      '- Các Phó Chủ tịch UBND Thành phố;',
      '- Lưu: VT, VP.',
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Nguyễn Văn A',
      'Phụ lục I',
      'NHIỆM VỤ THEO ĐƠN VỊ',
      '(Kèm theo Báo cáo số 05/BC-VP ngày 05 tháng 01 năm 2024 của Văn phòng UBND Thành phố)',
    ];
    let at = 0;
    for (const piece of order) {
      const found = text.indexOf(piece, at);
      expect(found, piece).toBeGreaterThanOrEqual(0);
      at = found + piece.length;
    }
  });
  it('several recipients: "Kính gửi:" then one "- …;" line each, the last ending "."', async () => {
    const text = await docxParagraphs(await administrativeDocument({ ...sampleDocument, to: ['Ủy ban nhân dân Thành phố', 'Ban Chỉ đạo cải cách hành chính Thành phố'] }));
    const at = text.indexOf('Kính gửi:');
    expect(text.slice(at, at + 3)).toEqual(['Kính gửi:', '- Ủy ban nhân dân Thành phố;', '- Ban Chỉ đạo cải cách hành chính Thành phố.']);
  });
  it('a sub-heading is bold and keeps its case; the tables read back as rows of cells', async () => {
    const bytes = await administrativeDocument(sampleDocument);
    const body = (await docxParts(bytes)).get('word/document.xml')!;
    expect(body).toMatch(/<w:b\/>[\s\S]{0,400}1\. Về thể chế/);
    const tables = await docxTables(bytes);
    // The signature block never splits over two pages.
    expect(body).toMatch(/<w:cantSplit\/>[\s\S]{0,600}Nơi nhận:/);
    // The header table, the body's table, the signature table, the appendix's table.
    expect(tables).toHaveLength(4);
    expect(tables[0]![1]).toEqual(['Số: 05/BC-VP', 'Hà Nội, ngày 05 tháng 01 năm 2024']);
    expect(tables[1]).toEqual([['Đơn vị', 'Quá hạn'], ['Sở Tài chính', '1'], ['Quận Ba Đình', '2'], ['Tổng cộng', '3']]);
    expect(tables[3]).toEqual([['Đơn vị', 'Số nhiệm vụ'], ['Sở Tài chính', '13']]);
  });
});
