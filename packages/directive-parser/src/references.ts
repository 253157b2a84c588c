/**
 * The documents a directive refers to: kind, number (số, ký hiệu) and date. The kind comes
 * from the word before the number or, as Decree 30/2020/NĐ-CP writes symbols, from the
 * symbol itself (`/KH-` a plan, `/QĐ-` a decision); a symbol without a kind's abbreviation
 * (`3668/BNV-CCHC`, `2023/UBND-NC`) is an official letter (Công văn).
 */
import { findDate, type IsoDate } from './dates.ts';
import { fold } from './text.ts';

export interface ReferenceFinding {
  kind: string;
  number: string;
  date: IsoDate | null;
  /** What it is about, when the text says (`về …` after its issuer, or right after its date). */
  title: string | null;
  source: string;
  confidence: number;
}

/** Abbreviations of the kinds of documents in a symbol, folded (Decree 30/2020, appendix III). */
const KIND_BY_SYMBOL: Array<[RegExp, string]> = [
  [/^nq$/, 'Nghị quyết'],
  [/^qd$/, 'Quyết định'],
  [/^ct$/, 'Chỉ thị'],
  [/^ctr$/, 'Chương trình'],
  [/^kh$/, 'Kế hoạch'],
  [/^tb$/, 'Thông báo'],
  [/^bc$/, 'Báo cáo'],
  [/^nd$/, 'Nghị định'],
  [/^tt$/, 'Thông tư'],
  [/^ttlt$/, 'Thông tư liên tịch'],
  [/^hd$/, 'Hướng dẫn'],
  [/^kl$/, 'Kết luận'],
  [/^cd$/, 'Công điện'],
  [/^qc$/, 'Quy chế'],
  [/^da$/, 'Đề án'],
  [/^ttr$/, 'Tờ trình'],
  [/^ql$/, 'Quy định'],
  [/^l$/, 'Luật'],
];

/** Kinds as written before a number, folded → as displayed. */
const KIND_WORDS: Array<[string, string]> = [
  ['thong tu lien tich', 'Thông tư liên tịch'],
  ['nghi quyet', 'Nghị quyết'],
  ['quyet dinh', 'Quyết định'],
  ['chi thi', 'Chỉ thị'],
  ['chuong trinh', 'Chương trình'],
  ['ke hoach', 'Kế hoạch'],
  ['thong bao', 'Thông báo'],
  ['bao cao', 'Báo cáo'],
  ['nghi dinh', 'Nghị định'],
  ['thong tu', 'Thông tư'],
  ['huong dan', 'Hướng dẫn'],
  ['ket luan', 'Kết luận'],
  ['cong dien', 'Công điện'],
  ['cong van', 'Công văn'],
  ['van ban', 'Công văn'],
  ['luat', 'Luật'],
  ['de an', 'Đề án'],
];

/**
 * A document number: starts with a digit, then `/` and a symbol holding letters
 * (`136/KH-UBND`, `20/2022/NQ-HĐND`, `01-CTr/TU`); a date (`13/7/2023`) has none.
 */
const NUMBER = /(?<![\p{L}\d/])(\d[\d\p{L}.-]*(?:\s?\/\s?[\d\p{L}.&-]+)+)/gu;

function kindFromSymbol(number: string): string | null {
  const parts = fold(number).split(/[/-]/).slice(1);
  for (const part of parts) for (const [re, kind] of KIND_BY_SYMBOL) if (re.test(part)) return kind;
  // "01-CTr/TU": the kind may sit before the slash.
  const head = fold(number).split('/')[0]!.split('-').slice(1);
  for (const part of head) for (const [re, kind] of KIND_BY_SYMBOL) if (re.test(part)) return kind;
  return null;
}

function kindFromWords(before: string): string | null {
  const folded = fold(before).replace(/\s+/g, ' ').trimEnd().replace(/\s*(so)$/, '').trimEnd();
  for (const [words, kind] of KIND_WORDS) if (folded.endsWith(words)) return kind;
  return null;
}

const DATE_AFTER = /^\s*,?\s*ngày\s*(?:\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/iu;
/** Where a title stops: a clause of the sentence that is no longer the document's name. */
const TITLE_END = /[;()]|\.(?:\s|$)|,\s+(?:về việc này|tham mưu|kịp thời|đảm bảo|bảo đảm)|\s+và\s+(?:văn bản|các văn bản)\s/iu;

/**
 * `… ngày 13/7/2023 của Bộ Nội vụ về việc đôn đốc …` → `đôn đốc …`; `… ngày 26/5/2023 cải thiện …`
 * (a list of plans) → `cải thiện …`; nothing when the sentence goes on to something else.
 */
function titleAfter(after: string): string | null {
  let rest = after.replace(DATE_AFTER, '');
  const about = /^\s*(?:của\s+(?:\S+\s+){0,7}?)?(?:về việc|về|v\/v)\s+/iu.exec(rest);
  if (about) rest = rest.slice(about[0].length);
  else if (!/^\s+\p{Ll}/u.test(rest) || /^\s+(?:của|và|tại|theo|đã|được)\b/u.test(rest)) return null;
  const end = TITLE_END.exec(rest);
  const title = (end ? rest.slice(0, end.index) : rest).trim().replace(/[,:]$/, '');
  return title.length >= 8 ? title.slice(0, 300) : null;
}

/** Every reference of a paragraph (its own number excluded by the caller). */
export function findReferences(paragraph: string): ReferenceFinding[] {
  const out: ReferenceFinding[] = [];
  for (const m of paragraph.matchAll(NUMBER)) {
    const number = m[1]!.replace(/\s*\/\s*/g, '/').replace(/[.-]+$/, '');
    const symbol = number.split('/').slice(1).join('/');
    if (!/\p{L}/u.test(symbol)) continue;
    const before = paragraph.slice(Math.max(0, m.index - 30), m.index);
    const after = paragraph.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const title = titleAfter(paragraph.slice(m.index + m[0].length, m.index + m[0].length + 600));
    const wordKind = kindFromWords(before);
    const symbolKind = kindFromSymbol(number);
    const kind = symbolKind ?? (wordKind && wordKind !== 'Công văn' ? wordKind : 'Công văn');
    const dated = /^\s*,?\s*(ngay|ngày)/i.test(fold(after)) ? findDate(after) : null;
    const confidence = (wordKind ? 0.5 : 0.35) + (symbolKind ? 0.3 : 0.1) + (dated ? 0.15 : 0);
    out.push({ kind, number, date: dated?.date ?? null, title, source: paragraph, confidence: Math.min(0.95, Math.round(confidence * 100) / 100) });
  }
  return out;
}

/** One entry per number (compared case-blind); a later mention fills a date or title the first lacked. */
export function mergeReferences(found: ReferenceFinding[], ownNumber: string | null): ReferenceFinding[] {
  const byNumber = new Map<string, ReferenceFinding>();
  const own = ownNumber ? fold(ownNumber) : null;
  for (const ref of found) {
    const key = fold(ref.number);
    if (key === own) continue;
    const seen = byNumber.get(key);
    if (!seen) byNumber.set(key, { ...ref });
    else if ((!seen.date && ref.date) || (!seen.title && ref.title)) {
      byNumber.set(key, { ...seen, date: seen.date ?? ref.date, title: seen.title ?? ref.title, confidence: Math.max(seen.confidence, ref.confidence) });
    }
  }
  return [...byNumber.values()];
}
