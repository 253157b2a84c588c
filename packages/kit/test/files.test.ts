import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { UPLOAD_LIMITS } from '@dondoc/trpc';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { acceptFile, acceptUpload, checkZip, FileProblem, isHtmlPolyglot, sniffFile } from '../src/files.ts';

async function xlsxBytes(rows: unknown[][] = [['a']]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('S');
  for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A minimal zip (stored entries) holding the given part names. */
function zipOf(names: string[], declaredSize = 1): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const name of names) {
    const bytes = [...new TextEncoder().encode(name)];
    const offset = parts.length;
    parts.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(0), ...u16(bytes.length), ...u16(0), ...bytes);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(declaredSize));
    central.push(...u16(bytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...bytes);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(names.length), ...u16(names.length), ...u32(central.length), ...u32(parts.length), ...u16(0)];
  return new Uint8Array([...parts, ...central, ...end]);
}

const problemOf = (fn: () => unknown): FileProblem => {
  try {
    fn();
  } catch (error) {
    if (error instanceof FileProblem) return error;
    throw error;
  }
  throw new Error('expected a FileProblem');
};

describe('sniffFile', () => {
  it('tells kinds by their content, not their name', async () => {
    expect(sniffFile(await xlsxBytes(), 'bao-cao.pdf')).toBe('xlsx');
    expect(sniffFile(zipOf(['[Content_Types].xml', 'word/document.xml']), 'a.xlsx')).toBe('docx');
    expect(sniffFile(new TextEncoder().encode('%PDF-1.7\n...'), 'a.docx')).toBe('pdf');
    expect(sniffFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'anh.jpg')).toBe('png');
    expect(sniffFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]), 'anh.png')).toBe('jpeg');
    expect(sniffFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'cu.xlsx')).toBe('xls');
  });

  it('reads text as csv, and binary without a known signature as unknown', () => {
    expect(sniffFile(new TextEncoder().encode('Tên đơn vị;Năm\nA;2024'), 'danh-sach.bin')).toBe('csv');
    expect(sniffFile(new Uint8Array([1, 0, 2, 0]), 'x.bin')).toBe('unknown');
    expect(sniffFile(new Uint8Array([0xff, 0xfe, 0x54, 0x00]), 'utf16.csv')).toBe('csv');
    expect(sniffFile(new Uint8Array([]), 'rong.csv')).toBe('unknown');
  });

  it('goes by the name for a zip whose directory cannot be read (so reading it reports it damaged)', () => {
    const broken = new TextEncoder().encode('PK\u0003\u0004 not really a zip');
    expect(sniffFile(broken, 'hong.xlsx')).toBe('xlsx');
    expect(sniffFile(broken, 'hong.zip')).toBe('unknown');
    expect(sniffFile(zipOf(['readme.txt']), 'a.zip')).toBe('unknown');
  });
});

describe('checkZip', () => {
  it('accepts an ordinary xlsx', async () => {
    const bytes = await xlsxBytes([['Tên đơn vị'], ['A']]);
    expect(() => checkZip(bytes)).not.toThrow();
  });

  it('refuses a zip that declares more than it may unpack to, before inflating anything', () => {
    const bomb = zipOf(['xl/a.xml', 'xl/b.xml'], 30 * 1024 * 1024);
    const problem = problemOf(() => checkZip(bomb, { maxUncompressed: 40 * 1024 * 1024 }));
    expect(problem.text.vi).toMatch(/quá lớn khi giải nén/);
    expect(problem.text.en).toMatch(/too large once unpacked/);
    expect(() => checkZip(bomb, { maxUncompressed: 100 * 1024 * 1024 })).not.toThrow();
  });

  it('refuses too many parts and a damaged directory', () => {
    expect(problemOf(() => checkZip(zipOf(['a', 'b', 'c']), { maxEntries: 2 })).text.vi).toBe('Tệp bị hỏng hoặc không đọc được.');
    expect(problemOf(() => checkZip(new TextEncoder().encode('PK\u0003\u0004 nope'), {}, { vi: 'Hỏng.', en: 'Damaged.' })).text).toEqual({ vi: 'Hỏng.', en: 'Damaged.' });
  });
});

describe('acceptFile', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7 minh chứng');
  it('answers the kind and content type of an allowed, well-named file', () => {
    expect(acceptFile(pdf, 'Minh chứng.PDF', { kinds: ['pdf', 'docx'], limit: 'document' })).toEqual({ kind: 'pdf', mimeType: 'application/pdf' });
  });

  it('refuses an empty, too large, disguised or not allowed file, saying what is accepted', () => {
    expect(problemOf(() => acceptFile(new Uint8Array(), 'a.pdf', { kinds: ['pdf'], limit: 'document' })).text.vi).toBe('Tệp rỗng.');
    const big = problemOf(() => acceptFile(new Uint8Array(UPLOAD_LIMITS.spreadsheet + 1), 'a.csv', { kinds: ['csv'], limit: 'spreadsheet' }));
    expect([big.code, big.text.vi]).toEqual(['PAYLOAD_TOO_LARGE', 'Tệp lớn quá 512 KB; hãy chia thành nhiều tệp.']);
    const disguised = problemOf(() => acceptFile(pdf, 'anh.png', { kinds: ['pdf', 'png', 'jpeg'], limit: 'document' }));
    expect(disguised.text).toEqual({ vi: 'Chỉ nhận tệp PDF, PNG hoặc JPG đúng định dạng.', en: 'Only genuine PDF, PNG or JPG files are accepted.' });
    expect(problemOf(() => acceptFile(pdf, 'a.pdf', { kinds: ['docx'], limit: 'document' })).text.vi).toBe('Chỉ nhận tệp DOCX đúng định dạng.');
  });
});

describe('acceptUpload', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7 kế hoạch');
  /** The error thrown: a tRPC error (its code and message), never a FileProblem. */
  const refusal = (run: () => unknown): { name: string; code: string; message: string } => {
    try {
      run();
    } catch (error) {
      return error as { name: string; code: string; message: string };
    }
    throw new Error('accepted');
  };

  it('answers what acceptFile answers for a good file', () => {
    expect(acceptUpload({ bytes: pdf, name: 'ke-hoach.pdf' }, 'vi', { kinds: ['pdf'], limit: 'document' })).toEqual({ kind: 'pdf', mimeType: 'application/pdf' });
  });

  it('refuses as a tRPC error in the caller’s language, with the problem’s code', () => {
    const vi = refusal(() => acceptUpload({ bytes: pdf, name: 'ke-hoach.docx' }, 'vi', { kinds: ['docx'], limit: 'document' }));
    expect([vi.name, vi.code, vi.message]).toEqual(['TRPCError', 'BAD_REQUEST', 'Chỉ nhận tệp DOCX đúng định dạng.']);
    const en = refusal(() => acceptUpload({ bytes: new Uint8Array(UPLOAD_LIMITS.spreadsheet + 1), name: 'a.csv' }, 'en', { kinds: ['csv'], limit: 'spreadsheet' }));
    expect([en.code, en.message]).toEqual(['PAYLOAD_TOO_LARGE', 'The file is larger than 512 KB; split it.']);
  });
});

describe('a PDF that is also HTML', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  /** A small PDF as an editor writes it: dictionaries, a hex string, a compressed stream, an xref. */
  function genuinePdf(): Uint8Array {
    const stream = deflateSync(Buffer.concat([Buffer.from('BT /F1 12 Tf (Bao cao quy 1) Tj ET '), randomBytes(4096)]));
    return new Uint8Array(
      Buffer.concat([
        Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /ID [<4f6b> <c0ffee>] >>\nendobj\n'),
        Buffer.from(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
        stream,
        Buffer.from('\nendstream\nendobj\nxref\n0 5\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n'),
      ]),
    );
  }

  it('is refused by sniffFile and acceptFile, with a message saying why', () => {
    const polyglots = [
      '%PDF-1.4\n<html><body><script>fetch("/api/trpc/core/tasks.list")</script></body></html>',
      '%PDF-1.7\n1 0 obj << >> endobj\n<!DOCTYPE html>\n<p>x</p>',
      '%PDF-1.5\n%%EOF\n<SCRIPT src=//evil.example/x.js></SCRIPT>',
      '%PDF-1.5\n<iframe src="https://evil.example">',
    ].map(encode);
    for (const bytes of polyglots) {
      expect(isHtmlPolyglot(bytes)).toBe(true);
      expect(sniffFile(bytes, 'minh-chung.pdf')).toBe('unknown');
      const problem = problemOf(() => acceptFile(bytes, 'minh-chung.pdf', { kinds: ['pdf', 'docx'], limit: 'document' }));
      expect(problem.text).toEqual({
        vi: 'Tệp PDF này có chứa mã HTML hoặc JavaScript nên không được nhận. Hãy xuất lại tệp PDF từ phần mềm soạn thảo.',
        en: 'This PDF holds HTML or JavaScript code and is not accepted. Export the PDF again from your editor.',
      });
    }
  });

  it('does not catch a genuine PDF, compressed streams and hex strings included', () => {
    for (let i = 0; i < 20; i++) {
      const bytes = genuinePdf();
      expect(isHtmlPolyglot(bytes)).toBe(false);
      expect(acceptFile(bytes, 'Báo cáo.pdf', { kinds: ['pdf'], limit: 'document' })).toEqual({ kind: 'pdf', mimeType: 'application/pdf' });
    }
  });
});
