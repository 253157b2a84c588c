/**
 * Text helpers: folding Vietnamese for comparison (diacritics, case, đ), cleaning the Markdown
 * or HTML marks a converter leaves, and cutting a paragraph into sentences.
 */

/** `Sở Thông tin và Truyền thông` → `so thong tin va truyen thong`: compares whatever the diacritics and case. */
export function fold(text: string): string {
  const known = foldMemo.get(text);
  if (known !== undefined) return known;
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  // The same sentence is folded by each rule that reads it: remember the last few thousand.
  if (text.length <= 4000) {
    if (foldMemo.size >= 4000) foldMemo.clear();
    foldMemo.set(text, folded);
  }
  return folded;
}

const foldMemo = new Map<string, string>();

/** Forgets the folded sentences: each parse starts afresh (a timed parse gets no help from the last). */
export function forgetFolded(): void {
  foldMemo.clear();
}

/**
 * Same length as its input, character for character (so an offset in the folded text is an
 * offset in the original): every character folded on its own, a combining mark kept as a space.
 */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    let single = foldedChars.get(ch);
    if (single === undefined) {
      const folded = fold(ch);
      single = folded.length === 0 ? ' ' : folded[0]!;
      // A character outside the BMP is two UTF-16 units: keep the length equal.
      if (ch.length === 2) single += ' ';
      if (foldedChars.size < 10_000) foldedChars.set(ch, single);
    }
    out += single;
  }
  return out;
}

/** Folded characters seen so far: a Vietnamese text uses a few hundred. */
const foldedChars = new Map<string, string>();

/** Markdown and HTML marks converters leave: bold, headings' hashes, <sup>/<sub>, hard breaks. */
export function cleanInline(line: string): string {
  return line
    .replace(/<sup>\s*\d+\s*<\/sup>/gi, '')
    .replace(/<sub>(.*?)<\/sub>/gi, ' $1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/\\([*_#\\[\]().-])/g, '$1')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Vietnamese sentences: ends at `.`, `;`, `!` or `?` followed by a space and a capital or a bullet. */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /([.;!?])(\s+)(?=[A-ZÀ-ỸĐ0-9"“(-])/gu;
  for (const m of paragraph.matchAll(re)) {
    const end = m.index + 1;
    // `V/v.` or `TP.` abbreviations and `số 1.` numbers: do not cut after a short token.
    const before = paragraph.slice(Math.max(start, end - 5), end - 1);
    if (/(^|\s)(TP|Tp|TW|KT|TM|TL|Q|ThS|TS|PGS|GS|St|Th)$/.test(before)) continue;
    const piece = paragraph.slice(start, end).trim();
    if (piece) out.push(piece);
    start = end + m[2]!.length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Upper-case Vietnamese words, as a header or a title is set: `KẾ HOẠCH`, `ỦY BAN NHÂN DÂN`. */
export function isUpperCaseLine(line: string): boolean {
  // Any lower-case letter answers at once: most lines of a body are not titles.
  if (/\p{Ll}/u.test(line)) return false;
  return (line.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** `THÀNH PHỐ HÀ NỘI` → `Thành Phố Hà Nội` (each word capitalised; callers fix common words). */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/** `Tiếp tục …` → `Tiếp tục …` with its first letter upper-case. */
export function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
