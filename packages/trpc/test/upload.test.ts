import { describe, expect, it } from 'vitest';
import { cleanFileName, uploadInput } from '../src/upload.ts';
import { resolveLocalized } from '../src/errors.ts';

const pdf = new TextEncoder().encode('%PDF-1.7 minh chứng');

async function upload(name: string) {
  const form = new FormData();
  form.append('file', new File([pdf], name, { type: 'application/pdf' }));
  return uploadInput('document').safeParseAsync(form);
}

describe('uploaded file names', () => {
  it('keep only the last segment of a path', async () => {
    const parsed = await upload('C:\\Users\\chuyen-vien\\Desktop\\Báo cáo quý 1.pdf');
    expect(parsed.success && parsed.data.file.name).toBe('Báo cáo quý 1.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a/b\\..\\minh-chung.pdf')).toBe('minh-chung.pdf');
  });

  it('lose bidi controls, control characters and invisible characters, so the name shows what it is', async () => {
    // U+202E makes "hoadon‮fdp.exe" look like "hoadonexe.pdf".
    const parsed = await upload('hoadon\u202Efdp.exe');
    expect(parsed.success && parsed.data.file.name).toBe('hoadonfdp.exe');
    expect(cleanFileName('bao\u0000cao\u0007\u001b[31m\r\n.pdf')).toBe('baocao[31m.pdf');
    expect(cleanFileName('\u2066ke\u200Bhoach\u2069\u200F\uFEFF.docx')).toBe('kehoach.docx');
    expect(cleanFileName('lone\uD800surrogate.pdf')).toBe('lonesurrogate.pdf');
  });

  it('are NFC, with spaces collapsed and no trailing dots or spaces', () => {
    const decomposed = 'Ba\u0301o ca\u0301o.pdf'; // as a Mac writes "Báo cáo.pdf"
    expect(cleanFileName(decomposed)).toBe('Báo cáo.pdf');
    expect(cleanFileName(decomposed)).toBe('Báo cáo.pdf'.normalize('NFC'));
    expect(cleanFileName('  Kế   hoạch\u00A0 2024.xlsx . ')).toBe('Kế hoạch 2024.xlsx');
  });

  it('refuse a name left empty by the cleaning, saying so in both languages', async () => {
    for (const name of ['\u202E\u202D', '../..', 'thu-muc/', '\u0000\u0001']) {
      const parsed = await upload(name);
      expect(parsed.success).toBe(false);
      const message = parsed.error?.issues[0]?.message ?? '';
      expect(resolveLocalized(message, 'vi')).toBe(
        'Tên tệp không hợp lệ: không còn ký tự nào sau khi bỏ đường dẫn và ký tự điều khiển. Hãy đặt lại tên tệp.',
      );
      expect(resolveLocalized(message, 'en')).toBe(
        'The file name is not valid: nothing is left once its path and control characters are removed. Rename the file.',
      );
    }
  });
});
