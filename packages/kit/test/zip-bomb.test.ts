import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { UPLOAD_LIMITS } from '@dondoc/trpc';
import { checkZip, FileProblem, storedZip, unzipBounded } from '../src/files.ts';
import { defineSpreadsheet } from '../src/spreadsheet.ts';

const MB = 1024 * 1024;
const TOO_LARGE = {
  vi: 'Tệp quá lớn khi giải nén; hãy bỏ bớt các trang tính, hình ảnh không cần thiết.',
  en: 'The file is too large once unpacked; remove unneeded sheets and images.',
};

interface Part {
  name: string;
  deflated: Uint8Array;
  crc: number;
  /** What the zip says the part unpacks to (a lie for the bomb). */
  declared: number;
}

/** A zip of deflated parts, each declaring `declared` bytes in its local header and the directory. */
function zipOf(parts: Part[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // Local header and directory entry share these fields; the entry's start 2 bytes later (after "made by").
  const fields = (header: Buffer, at: number, part: Part, nameLength: number) => {
    header.writeUInt16LE(20, at + 4);
    header.writeUInt16LE(8, at + 8);
    header.writeUInt16LE(0x21, at + 12);
    header.writeUInt32LE(part.crc, at + 14);
    header.writeUInt32LE(part.deflated.length, at + 18);
    header.writeUInt32LE(part.declared, at + 22);
    header.writeUInt16LE(nameLength, at + 26);
  };
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 0, part, name.length);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    fields(entry, 2, part, name.length);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(part.deflated));
    central.push(entry, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

const part = (name: string, content: Uint8Array, declared = content.length): Part => ({ name, deflated: deflateRawSync(content), crc: crc32(content) >>> 0, declared });

/** `megabytes` MB of spaces, deflated as a stream (the test never holds them all). */
async function deflatedSpaces(megabytes: number): Promise<{ deflated: Uint8Array; crc: number }> {
  const chunk = Buffer.alloc(MB, 0x20);
  const out: Buffer[] = [];
  const deflate = createDeflateRaw({ level: 9 });
  deflate.on('data', (data: Buffer) => out.push(data));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { deflated: new Uint8Array(Buffer.concat(out)), crc: crc >>> 0 };
}

async function realXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Danh sách');
  ws.addRow(['Tên đơn vị', 'Năm']);
  ws.addRow(['Sở Tài chính', 2024]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const sheet = defineSpreadsheet({
  columns: [
    { key: 'name', header: { vi: 'Tên đơn vị', en: 'Unit name' }, required: true, kind: 'text', maxLength: 100 },
    { key: 'year', header: { vi: 'Năm', en: 'Year' }, required: true, kind: 'integer', min: 2000, max: 2100 },
  ],
});

describe('an xlsx whose zip directory lies about its sizes', () => {
  let bomb: Uint8Array;
  beforeAll(async () => {
    // A real workbook whose sheet is replaced by 500 MB of spaces, declared as 2 KB.
    const parts = await unzipBounded(await realXlsx());
    const spaces = await deflatedSpaces(500);
    bomb = zipOf(
      parts.map((p) =>
        p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, deflated: spaces.deflated, crc: spaces.crc, declared: 2048 } : part(p.name, p.content),
      ),
    );
  }, 120_000);

  it('is a small upload that passes the directory check', () => {
    expect(bomb.length).toBeLessThan(UPLOAD_LIMITS.spreadsheet);
    expect(() => checkZip(bomb)).not.toThrow();
  });

  it('is refused by the read, in Vietnamese and in English, after at most 40 MB inflated', async () => {
    const vi = await sheet.read(bomb, 'danh-sach.xlsx', 'vi');
    expect(vi.errors).toEqual([{ row: 0, column: '', message: TOO_LARGE.vi }]);
    expect(vi.rows).toEqual([]);
    const en = await sheet.read(bomb, 'danh-sach.xlsx', 'en');
    expect(en.errors[0]?.message).toBe(TOO_LARGE.en);
  });

  it('keeps the process’s memory bounded with four of them read at once', async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const reads = await Promise.all(Array.from({ length: 4 }, () => sheet.read(bomb, 'danh-sach.xlsx', 'vi')));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.info(`four zip bombs (${(bomb.length / 1024).toFixed(0)} KB, 500 MB inflated each): rss ${(before / MB).toFixed(0)} MB → peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(0)} MB)`);
    expect(reads.map((read) => read.errors[0]?.message)).toEqual(Array(4).fill(TOO_LARGE.vi));
    expect(peak - before).toBeLessThan(200 * MB);
  });

  it('stops at the budget it is given', async () => {
    const small = zipOf([part('xl/a.xml', new Uint8Array(3 * MB), 10), part('xl/b.xml', new Uint8Array(3 * MB), 10)]);
    await expect(unzipBounded(small, { maxUncompressed: 5 * MB })).rejects.toThrow(FileProblem);
    await expect(unzipBounded(small, { maxUncompressed: 5 * MB })).rejects.toMatchObject({ text: TOO_LARGE });
    expect((await unzipBounded(small, { maxUncompressed: 6 * MB })).map((p) => p.content.length)).toEqual([3 * MB, 3 * MB]);
  });
});

describe('unzipBounded and storedZip', () => {
  it('give exceljs the same workbook, stored', async () => {
    const original = await realXlsx();
    const stored = storedZip(await unzipBounded(original));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(stored as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]?.getRow(2).values).toEqual([undefined, 'Sở Tài chính', 2024]);
    expect((await unzipBounded(stored)).map((p) => p.name)).toEqual((await unzipBounded(original)).map((p) => p.name));
  });

  it('refuse a part whose content does not match its CRC, and a part of an unknown method', async () => {
    const content = new TextEncoder().encode('<xml/>');
    const damaged = { vi: 'Hỏng.', en: 'Damaged.' };
    await expect(unzipBounded(zipOf([{ ...part('xl/a.xml', content), crc: 1 }]), {}, damaged)).rejects.toMatchObject({ text: damaged });
    const unknownMethod = zipOf([part('xl/a.xml', content)]);
    new DataView(unknownMethod.buffer).setUint16(unknownMethod.length - 22 - 46 - 8 + 10, 12, true);
    await expect(unzipBounded(unknownMethod, {}, damaged)).rejects.toMatchObject({ text: damaged });
  });
});
