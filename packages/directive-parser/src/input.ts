/**
 * From a file's bytes to the text parseDirective reads: UTF-8 (or UTF-16 with its mark)
 * Markdown or plain text, or a Word .docx through mammoth. Anything else is refused with a
 * clear error: a PDF (scanned or not), binary data, an empty file.
 */
import mammoth from 'mammoth';
import { parseError, type ParseError } from './errors.ts';
import { MAX_TEXT_LENGTH } from './limits.ts';

export type DirectiveFileResult = { ok: true; text: string; format: 'text' | 'docx' } | { ok: false; error: ParseError };

/** Largest file read (bytes): a .docx with pictures stays far below. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Word's numbered and bulleted lists and its paragraphs, as the text layout the parser reads. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const lists: Array<{ ordered: boolean; index: number }> = [];
  let line = '';
  const flush = () => {
    if (line.trim()) out.push(line.trim());
    line = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (m[3] !== undefined) {
      line += m[3].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ');
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', index: 0 });
    } else if (tag === 'li' && !closing) {
      flush();
      const list = lists.at(-1);
      if (list) {
        list.index++;
        line = list.ordered ? `${list.index}. ` : lists.length > 1 ? '+ ' : '- ';
      }
    } else if (/^(p|h[1-6]|li|td|th|tr|br)$/.test(tag)) flush();
    else if (tag === 'sup' && !closing) line += '<sup>';
    else if (tag === 'sup' && closing) line += '</sup>';
  }
  flush();
  return out.join('\n\n');
}

/** Reads a file's bytes as the text of a directive. `fileName` only helps tell the format. */
export async function readDirectiveFile(bytes: Uint8Array, fileName = ''): Promise<DirectiveFileResult> {
  if (bytes.length === 0) return { ok: false, error: parseError('empty') };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: parseError('too-large', { limit: MAX_TEXT_LENGTH }) };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { ok: false, error: parseError('pdf-no-text') };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (!/\.docx$/i.test(fileName) && fileName !== '') return { ok: false, error: parseError('unsupported-format', { format: fileName.split('.').pop() ?? 'zip' }) };
    try {
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
      const text = htmlToText(value);
      return text.trim() ? { ok: true, text, format: 'docx' } : { ok: false, error: parseError('empty') };
    } catch {
      return { ok: false, error: parseError('docx-unreadable') };
    }
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, error: parseError('unsupported-format', { format: '.doc (Word 97-2003)' }) };
  let text: string;
  try {
    if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: parseError('binary') };
  }
  // eslint-disable-next-line no-control-regex -- control characters are what tells binary data from text
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { ok: false, error: parseError('binary') };
  if (text.trim() === '') return { ok: false, error: parseError('empty') };
  return { ok: true, text, format: 'text' };
}
