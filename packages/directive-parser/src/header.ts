/**
 * The header and signature of a document: issuer, number, date, kind, subject, signer.
 */
import { findDate, type IsoDate } from './dates.ts';
import { isKindTitle, type Block } from './structure.ts';
import { capitalize, cleanInline, fold, foldAligned, isUpperCaseLine, titleCase } from './text.ts';
import type { UnitMatcher } from './units.ts';

export interface DirectiveHeader {
  kind: string | null;
  number: string | null;
  date: IsoDate | null;
  issuer: string | null;
  subject: string | null;
  signer: string | null;
}

/** The national motto beside the issuer (same line in a table layout), found on folded text. */
const NATIONAL_MOTTO = /cong hoa\s+xa hoi\s+chu nghia\s+viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc/g;

function withoutMotto(line: string): string {
  const folded = foldAligned(line);
  let out = line;
  for (const m of [...folded.matchAll(NATIONAL_MOTTO)].reverse()) out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
  return out;
}
const PLACE_WORDS = /^(thanh pho|tinh|quan|huyen|thi xa|xa|phuong|thi tran)\b/;

/** How agencies' names are written in mixed case (Decree 30/2020: `UBND` may stand for the committee). */
const NAME_WORDS: Array<[RegExp, string]> = [
  [/^(uy|ủy|uỷ) ban nhân dân\b/i, 'UBND'],
  [/^thành phố\b/i, 'Thành phố'],
  [/^tỉnh\b/i, 'tỉnh'],
  [/^quận\b/i, 'quận'],
  [/^huyện\b/i, 'huyện'],
  [/^thị xã\b/i, 'thị xã'],
];

/** `SỞ KẾ HOẠCH VÀ ĐẦU TƯ` → `Sở Kế hoạch và Đầu tư`; `THÀNH PHỐ HÀ NỘI` → `Thành phố Hà Nội`. */
export function agencyName(upper: string): string {
  let rest = upper.trim().replace(/\s+/g, ' ');
  const out: string[] = [];
  while (rest) {
    const rule = NAME_WORDS.find(([re]) => re.test(rest));
    if (rule) {
      out.push(rule[1]);
      rest = rest.replace(rule[0], '').trim();
      if (PLACE_WORDS.test(fold(rule[1]))) {
        // A place: every word of its proper name capitalised.
        out.push(titleCase(rest));
        break;
      }
      continue;
    }
    // Kind word (Sở, Bộ, Văn phòng …) then the name: its first word, and the first after `và`, capitalised.
    const lower = rest.toLowerCase().split(' ');
    const kindLength = /^(văn phòng|thanh tra|tổng cục|ban chỉ đạo)\b/.test(rest.toLowerCase()) ? 2 : 1;
    const words = lower.map((w, i) => (i === 0 || i === kindLength || lower[i - 1] === 'và' || lower[i - 1] === '-' ? capitalize(w) : w));
    out.push(words.join(' '));
    break;
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

/** The issuing body from the header's upper-case lines; a parent body above it is dropped. */
function issuerOf(header: Block[], matcher: UnitMatcher): string | null {
  const lines: string[] = [];
  for (const block of header.slice(0, 8)) {
    for (const rawLine of block.rawLines) {
      const line = cleanInline(withoutMotto(rawLine)).replace(/[-_=]{2,}/g, '').trim();
      const folded = fold(line);
      if (!line || /^(so(\s*(va\s*)?ky hieu)?\s*:|v\/v\b|kinh gui\b)/.test(folded) || /ngay\s*\d/.test(folded)) continue;
      if (isKindTitle(line)) return joinIssuer(lines, matcher);
      if (isUpperCaseLine(line)) lines.push(line);
    }
  }
  return joinIssuer(lines, matcher);
}

function joinIssuer(lines: string[], matcher: UnitMatcher): string | null {
  if (lines.length === 0) return null;
  // "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HÀ NỘI" is one name; "UBND THÀNH PHỐ HÀ NỘI" / "SỞ NỘI VỤ" is a parent and its body.
  const names: string[] = [];
  for (const line of lines) {
    if (names.length > 0 && PLACE_WORDS.test(fold(line))) names[names.length - 1] += ` ${line}`;
    else names.push(line);
  }
  const raw = names.at(-1)!;
  const known = matcher.find(raw).find((m) => m.type === 'unit' && m.text.length >= raw.length - 2);
  return known && known.type === 'unit' ? known.unit.name : agencyName(raw);
}

/** `Số: 2458 /UBND-SNV` → `2458/UBND-SNV`. */
function numberOf(header: Block[]): string | null {
  for (const block of header) {
    for (const rawLine of block.rawLines) {
      const line = cleanInline(rawLine);
      const m = /(?:^|\s)S[ốo]\s*(?:và ký hiệu|ký hiệu)?\s*:\s*(\d[\d\p{L}.-]*\s*(?:\/\s*[\d\p{L}.&-]+)+)/iu.exec(line);
      if (m) return m[1]!.replace(/\s*\/\s*/g, '/').replace(/[.-]+$/, '');
    }
  }
  return null;
}

function dateOf(header: Block[]): IsoDate | null {
  for (const block of header) {
    const folded = fold(block.text);
    if (/ngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}/.test(folded)) return findDate(block.text)?.date ?? null;
  }
  return null;
}

function kindAndSubject(header: Block[]): { kind: string | null; subject: string | null } {
  for (let i = 0; i < header.length; i++) {
    // `V/v …` may share a paragraph with `Số: …` above it; the lines after it are the subject's.
    const lines = header[i]!.rawLines.map(cleanInline);
    const at = lines.findIndex((l) => /^v\/v\b/i.test(fold(l)));
    if (at >= 0) return { kind: 'Công văn', subject: tidySubject(lines.slice(at).join(' ').replace(/^v\/v[.:]?\s*/i, '')) };
    const titleLine = header[i]!.rawLines.map(cleanInline).find((l) => isKindTitle(l));
    if (titleLine) {
      const rest = header[i]!.rawLines.map(cleanInline).filter((l) => l !== titleLine).join(' ');
      const subject = rest || header[i + 1]?.text || null;
      return { kind: capitalize(titleLine.toLowerCase()), subject: subject ? tidySubject(subject) : null };
    }
  }
  return { kind: null, subject: null };
}

function tidySubject(subject: string): string {
  let s = subject.replace(/^(về việc|về)\s+/i, '').replace(/\s+/g, ' ').trim();
  if (isUpperCaseLine(s)) s = s.toLowerCase();
  return capitalize(s.replace(/[.;]$/, ''));
}

const SIGN_PREFIX = /^(tm|kt|tl|tuq|q)\.\s*/;

/** `Lê Hồng Sơn, Phó Chủ tịch UBND Thành phố`: the name, the position, the body signed for. */
function signerOf(tail: Block[], issuer: string | null): string | null {
  const lines = tail.flatMap((b) => b.rawLines.map(cleanInline)).filter(Boolean);
  const signStart = lines.findIndex((l) => SIGN_PREFIX.test(fold(l)) || (isUpperCaseLine(l) && /^(chu tich|pho chu tich|giam doc|pho giam doc|bo truong|thu truong|chanh van phong|pho chanh van phong)$/.test(fold(l))));
  if (signStart < 0) return null;
  let position: string | null = null;
  let name: string | null = null;
  for (const line of lines.slice(signStart)) {
    const folded = fold(line);
    if (SIGN_PREFIX.test(folded)) continue;
    if (isUpperCaseLine(line) && !position) {
      position = line;
      continue;
    }
    if (/^\(?(da ky|ky ten|dong dau)/.test(folded)) continue;
    if (/^(\p{Lu}[\p{Ll}]*)(\s+\p{Lu}[\p{Ll}]*){1,4}$/u.test(line) || (isUpperCaseLine(line) && position)) {
      name = isUpperCaseLine(line) ? titleCase(line) : line;
      break;
    }
  }
  if (!name) return null;
  if (!position) return name;
  const words = position.toLowerCase().split(/\s+/);
  const title = words.map((w, i) => (i === 0 || (i === 1 && words[0] === 'phó') ? capitalize(w) : w)).join(' ');
  const body = issuer ? issuer.replace(/^(UBND (?:Thành phố|tỉnh|quận|huyện|thị xã))\s.*$/, '$1') : '';
  const signsFor = lines.slice(signStart).some((l) => /^tm\.|^kt\./.test(fold(l))) && body ? ` ${body}` : '';
  return `${name}, ${title}${signsFor}`;
}

export function headerOf(header: Block[], tail: Block[], matcher: UnitMatcher): DirectiveHeader {
  const issuer = issuerOf(header, matcher);
  const { kind, subject } = kindAndSubject(header);
  return { kind, number: numberOf(header), date: dateOf(header), issuer, subject, signer: signerOf(tail, issuer) };
}
