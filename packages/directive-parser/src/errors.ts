/** The errors of reading a directive, in Vietnamese and English. */
export type ParseErrorCode = 'empty' | 'too-large' | 'binary' | 'not-text' | 'pdf-no-text' | 'docx-unreadable' | 'unsupported-format' | 'not-a-directive';

export interface ParseError {
  code: ParseErrorCode;
  message: { vi: string; en: string };
}

const MESSAGES: Record<ParseErrorCode, (p: Record<string, number | string>) => { vi: string; en: string }> = {
  empty: () => ({ vi: 'Tệp trống: không có nội dung văn bản để đọc.', en: 'The file is empty: there is no text to read.' }),
  'too-large': (p) => ({
    vi: `Văn bản quá dài (tối đa ${Number(p.limit).toLocaleString('vi-VN')} ký tự). Hãy tách phụ lục ra khỏi văn bản.`,
    en: `The text is too long (at most ${Number(p.limit).toLocaleString('en')} characters). Split the annexes off.`,
  }),
  binary: () => ({ vi: 'Tệp không phải văn bản (dữ liệu nhị phân). Hãy tải lên tệp .docx, .md hoặc .txt.', en: 'The file is not text (binary data). Upload a .docx, .md or .txt file.' }),
  'not-text': () => ({ vi: 'Nội dung gửi lên không phải văn bản.', en: 'The input is not text.' }),
  'pdf-no-text': () => ({
    vi: 'Tệp PDF chưa đọc được: hãy tải lên bản .docx hoặc dán nội dung văn bản; bản quét cần được nhận dạng chữ (OCR) trước.',
    en: 'PDF files are not read: upload the .docx or paste the text; a scan needs text recognition (OCR) first.',
  }),
  'docx-unreadable': () => ({ vi: 'Không đọc được tệp .docx (tệp hỏng hoặc không phải Word).', en: 'The .docx file could not be read (damaged or not a Word file).' }),
  'unsupported-format': (p) => ({
    vi: `Chưa hỗ trợ định dạng ${p.format}. Hãy dùng .docx, .md hoặc .txt.`,
    en: `The ${p.format} format is not supported. Use .docx, .md or .txt.`,
  }),
  'not-a-directive': () => ({
    vi: 'Không nhận ra văn bản hành chính: không có số, ký hiệu, ngày ban hành hay nhiệm vụ được đánh số.',
    en: 'This does not read as an administrative document: no number, date or numbered tasks found.',
  }),
};

export function parseError(code: ParseErrorCode, params: Record<string, number | string> = {}): ParseError {
  return { code, message: MESSAGES[code](params) };
}
