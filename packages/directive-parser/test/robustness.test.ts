/**
 * Any input gives a result or a clear error in Vietnamese and English, never a throw:
 * empty, huge, binary, another language, a PDF, a damaged .docx; fuzzed with fast-check.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, parseDirective, readDirectiveFile, UnitMatcher, type ParseResult } from '../src/index.ts';
import { hanoiUnits, text2458 } from './registry.ts';

const matcher = new UnitMatcher(hanoiUnits);
const parse = (text: string) => parseDirective(text, { units: matcher });
const errorOf = (result: ParseResult) => (result.ok ? null : result.error);
const bytes = (text: string) => new TextEncoder().encode(text);

/** What every answer must be: a well-formed result or a localized error. */
function assertWellFormed(result: ParseResult) {
  if (!result.ok) {
    expect(result.error.message.vi.length).toBeGreaterThan(10);
    expect(result.error.message.en.length).toBeGreaterThan(10);
    return;
  }
  for (const date of [result.directive.date, ...result.references.map((r) => r.date), ...result.tasks.map((t) => t.deadline)]) {
    if (date !== null) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
  }
  for (const task of result.tasks) {
    expect(task.clause).not.toBe('');
    expect(task.confidence).toBeGreaterThanOrEqual(0);
    expect(task.confidence).toBeLessThanOrEqual(1);
    expect(task.continuous).toBe(task.deadline === null);
    for (const unit of task.units) expect(unit.matched).toBe(unit.code !== null);
  }
}

describe('inputs that are no directive', () => {
  it('refuses an empty text or one of blanks', () => {
    expect(errorOf(parse(''))?.code).toBe('empty');
    expect(errorOf(parse(' \n\t\n '))?.code).toBe('empty');
    expect(errorOf(parse(''))?.message.vi).toBe('Tệp trống: không có nội dung văn bản để đọc.');
  });

  it('refuses a text over the limit, saying the limit', () => {
    const error = errorOf(parse('a'.repeat(MAX_TEXT_LENGTH + 1)));
    expect(error?.code).toBe('too-large');
    expect(error?.message.vi).toContain('2.000.000 ký tự');
  });

  it('reads a long text below the limit: 2458 forty times over is the first copy, the rest after its signature', () => {
    const result = parse(Array.from({ length: 40 }, () => text2458).join('\n\n'));
    expect(result.ok && result.tasks.length).toBe(22);
  });

  it('reads a list of 20,000 bullets without a task going missing', { timeout: 60_000 }, () => {
    const list = Array.from({ length: 20_000 }, (_, i) => `- Sở Nội vụ rà soát hồ sơ số ${i + 1}.`).join('\n');
    const result = parse(`1. Giao Sở Nội vụ thực hiện:\n${list}`);
    expect(result.ok && result.tasks.length).toBe(20_000);
    if (result.ok) expect(result.tasks.at(-1)!.clause).toBe('1.20000');
  });

  it('reads one sentence of 1.7 million characters naming 100,000 bodies (each read once, not once per body)', { timeout: 60_000 }, () => {
    const result = parse(`1. ${'Sở Y tế phối hợp với Bộ Công an và '.repeat(50_000)}`);
    expect(result.ok && result.tasks.length).toBe(1);
    if (result.ok) expect(result.tasks[0]!.units.map((u) => [u.code ?? u.name, u.role])).toEqual([['SYT', 'lead'], ['Bộ Công an', 'coordinate']]);
  });

  it('answers another language with "not a directive"', () => {
    expect(errorOf(parse('The quick brown fox jumps over the lazy dog. Nothing here is numbered.'))?.code).toBe('not-a-directive');
    expect(errorOf(parse('这是一份中文文件，没有编号的任务。'))?.code).toBe('not-a-directive');
    expect(errorOf(parse('Lorem ipsum dolor sit amet'))?.message.en).toContain('does not read as an administrative document');
  });

  it('refuses binary data passed as text', () => {
    expect(errorOf(parse('\u0000\u0001\u0002PK\u0003\u0004'))?.code).toBe('binary');
  });

  it('keeps a text without header as tasks, warning what is missing', () => {
    const result = parse('1. Sở Y tế chủ trì tổ chức tiêm chủng, hoàn thành trước ngày 30/6/2024.');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tasks.map((t) => [t.clause, t.units.map((u) => u.code), t.deadline])).toEqual([['1', ['SYT'], '2024-06-30']]);
    expect(result.warnings.map((w) => w.vi)).toEqual(['Không tìm thấy số, ký hiệu văn bản.', 'Không tìm thấy ngày ban hành.']);
  });
});

describe('files', () => {
  it('reads UTF-8 and UTF-16 text (with its byte order mark)', async () => {
    const utf8 = await readDirectiveFile(bytes(text2458), '2458.md');
    expect(utf8.ok && utf8.format).toBe('text');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'Số: 1/UBND-VP'].map((c) => c.charCodeAt(0))).buffer)]);
    const read = await readDirectiveFile(utf16, 'x.txt');
    expect(read.ok && read.text).toBe('Số: 1/UBND-VP');
  });

  it('reads a .docx through mammoth: Word numbering becomes the parts the parser reads', async () => {
    const file = await readDirectiveFile(readFileSync(new URL('./fixtures/ke-hoach-77-2024.docx', import.meta.url)), 'ke-hoach-77-2024.docx');
    expect(file.ok && file.format).toBe('docx');
    if (!file.ok) return;
    expect(file.text).toContain('1. Sở Thông tin và Truyền thông chủ trì');
    expect(file.text).toContain('- UBND các quận, huyện, thị xã thường xuyên');
    const result = parse(file.text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.directive).toMatchObject({ kind: 'Kế hoạch', number: '77/KH-UBND', date: '2024-04-05', signer: 'Hà Minh Hải, Phó Chủ tịch UBND Thành phố' });
    expect(result.tasks.map((t) => [t.clause, t.units.filter((u) => u.role === 'lead').length, t.deadline])).toEqual([
      ['1', 1, '2024-06-30'],
      ['2', 1, null],
      ['2.1', 30, null],
    ]);
    // "2." states a duty of its own and has a bullet under it: both are tasks.
    expect(result.tasks[1]!.targets.map((t) => [t.op, t.value])).toEqual([['=', 100]]);
  });

  it('refuses a PDF, a damaged .docx, a Word 97 .doc, an empty file, binary data', async () => {
    const code = async (data: Uint8Array, name: string) => {
      const read = await readDirectiveFile(data, name);
      return read.ok ? null : read.error.code;
    };
    expect(await code(bytes('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Page >> endobj'), 'scan.pdf')).toBe('pdf-no-text');
    expect(await code(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'broken.docx')).toBe('docx-unreadable');
    expect(await code(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'book.xlsx')).toBe('unsupported-format');
    expect(await code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'old.doc')).toBe('unsupported-format');
    expect(await code(new Uint8Array(), 'empty.txt')).toBe('empty');
    expect(await code(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'photo.jpg')).toBe('binary');
  });
});

describe('fuzzed', () => {
  it('any string: a result or a localized error, never a throw', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertWellFormed(parse(text));
      }),
      { numRuns: 400, seed: 19 },
    );
  });

  it('2458 cut, shuffled and spliced with noise: well-formed every time', { timeout: 60_000 }, () => {
    const lines = text2458.split('\n');
    const noise = fc.constantFrom('', '- ', '1. ', 'II. ', 'a) ', '**', '<sup>2</sup>', 'Số: /', 'ngày 31 tháng 2 năm 2023', 'trước ngày 99/99/2023', 'ít nhất 150%', 'phối hợp với', 'Giao', 'Nơi nhận:', '\u0301', '###');
    const mutation = fc.array(fc.tuple(fc.nat({ max: lines.length - 1 }), fc.nat({ max: lines.length - 1 }), noise), { maxLength: 30 });
    fc.assert(
      fc.property(mutation, (edits) => {
        const copy = [...lines];
        for (const [at, from, extra] of edits) copy.splice(at, 1, `${extra}${copy[from] ?? ''}`);
        assertWellFormed(parse(copy.join('\n')));
      }),
      { numRuns: 200, seed: 2458 },
    );
  });

  it('any bytes as a file: a text or a localized error, never a throw', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('x.docx', 'x.md', 'x.pdf', ''), async (data, name) => {
        const read = await readDirectiveFile(data, name);
        if (read.ok) assertWellFormed(parse(read.text));
        else expect(read.error.message.vi).not.toBe('');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
