import { describe, expect, it } from 'vitest';
import { refusalText } from '../src/http.ts';
import { uploadForm } from '../src/trpc.ts';

describe('uploadForm', () => {
  it('puts the file in `file` and the other fields as JSON in `input`', async () => {
    const file = new File(['%PDF-1.4'], 'bien-ban.pdf', { type: 'application/pdf' });
    const form = uploadForm(file, { reportId: 'r-1', taskId: 't-2' });
    expect((form.get('file') as File).name).toBe('bien-ban.pdf');
    expect(await (form.get('file') as File).text()).toBe('%PDF-1.4');
    expect(JSON.parse(form.get('input') as string)).toEqual({ reportId: 'r-1', taskId: 't-2' });
    expect(uploadForm(file).has('input')).toBe(false);
  });
});

describe('refusalText', () => {
  it("shows the file's own problem of a refused upload, not the form's general sentence", () => {
    const body = {
      error: {
        message: 'Dữ liệu nhập chưa hợp lệ. Hãy kiểm tra các trường được đánh dấu.',
        data: { code: 'BAD_REQUEST', httpStatus: 400, fieldErrors: [{ path: ['file'], message: 'Tệp qua-lon.pdf vượt quá 5 MB.' }] },
      },
    };
    expect(refusalText(400, body)).toBe('Tệp qua-lon.pdf vượt quá 5 MB.');
  });

  it("keeps the server's message of a tRPC refusal and of the body limit", () => {
    expect(refusalText(409, { error: { message: 'Báo cáo đã gửi, không bổ sung minh chứng được nữa.', data: { code: 'CONFLICT' } } })).toBe(
      'Báo cáo đã gửi, không bổ sung minh chứng được nữa.',
    );
    expect(refusalText(413, { error: { code: 'too_large', message: 'Dữ liệu gửi lên quá lớn.', maxBytes: 5308416 } })).toBe('Dữ liệu gửi lên quá lớn.');
  });

  it('leaves a lost session, throttling and an unreadable answer to our own wording', () => {
    expect(refusalText(401, { error: { message: 'x' } })).toBeNull();
    expect(refusalText(429, { message: 'x' })).toBeNull();
    expect(refusalText(502, '<html>Bad gateway</html>')).toBeNull();
  });
});
