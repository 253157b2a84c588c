/**
 * Who a sentence gives the work to, and how: `Giao Sở X chủ trì, phối hợp với Sở Y …`,
 * `Sở X: …`, `Yêu cầu các sở, ban, ngành …`, `… phối hợp với Bộ Công an`. A unit named only as
 * the object of the work (`đôn đốc các sở`, `báo cáo UBND Thành phố`) is not assigned.
 */
import { fold } from './text.ts';
import { BODY_HEAD, GENERIC_BODY, type RegistryUnit, type UnitGroup, type UnitMatcher, type UnitMention } from './units.ts';

export type Role = 'lead' | 'coordinate';

export interface Assignment {
  role: Role;
  /** A registry unit, a group of them, or a body the registry does not hold (kept by name). */
  target: { type: 'unit'; unit: RegistryUnit } | { type: 'group'; group: UnitGroup } | { type: 'unmatched'; name: string };
  /** Where in the sentence (its start), and whether it opens the sentence as its subject. */
  index: number;
  atStart: boolean;
  confidence: number;
}

const COORDINATE_BEFORE = /(phoi hop(?: chat che)?(?: voi)?|cung voi|voi su phoi hop cua|phoi hop cung)\s*$/;
const LEAD_BEFORE = /(?:^|[\s,(])(giao(?: cho)?|yeu cau|de nghi|chi dao|ubnd thanh pho giao|trach nhiem cua|phan cong)\s*$/;
const LEAD_AFTER = /^\s*,?\s*(chu tri|la co quan chu tri|la don vi chu tri|lam dau moi|la dau moi|dau moi)/;
/** A sentence's subject: before the unit only these words; after it a verb of doing, or a colon. */
const OPENING = /^(?:(giao|yeu cau|de nghi|dong thoi|ngoai ra|trong do|doi voi|rieng|\d+[.)]|[a-z][)])\s*)*$/;
const DOING_AFTER =
  /^\s*[,:(]?\s*(chu tri|thuc hien|trien khai|to chuc|khan truong|tap trung|tiep tuc|chu dong|co trach nhiem|nghiem tuc|ra soat|xay dung|huong dan|theo doi|tham muu|phoi hop|bao cao|tang cuong|day manh|hoan thanh|kiem tra|cap nhat|bam sat|nghien cuu|quan tam|chi dao|can cu|thong nhat|dam bao|bo tri|uu tien|lap|ban hanh|thuong xuyen|dinh ky|kip thoi|tich cuc|cap nhat|quan ly|giam sat|phat hien|tong hop|danh gia|de xuat|tuyen truyen|$)/;

/** Separators inside a list of units: commas, `và`, semicolons, `các`, `UBND`. */
const LIST_GAP = /^[\s,;&]*(va|cac|va cac)?[\s,;&]*$/;

interface Run {
  mentions: UnitMention[];
  start: number;
  end: number;
}

function runsOf(mentions: UnitMention[], folded: string): Run[] {
  const runs: Run[] = [];
  for (const mention of mentions) {
    const last = runs.at(-1);
    if (last && LIST_GAP.test(folded.slice(last.end, mention.start))) {
      last.mentions.push(mention);
      last.end = mention.end;
    } else runs.push({ mentions: [mention], start: mention.start, end: mention.end });
  }
  return runs;
}

/** Words that end the name of a body in a list. */
/** Read on the lower-cased text with its diacritics: folded, "tại" (at) would be "tài" (finance). */
const NAME_STOP =
  /\s+(?:chủ trì|phối hợp|thực hiện|triển khai|tổ chức|khẩn trương|theo|để|trong|tại|về|nhằm|có trách nhiệm|tham mưu|báo cáo|xây dựng|hướng dẫn|theo dõi|kiểm tra|rà soát|liên quan|có liên quan)(?![\p{L}])|[;:.()]/u;

const BODY_AFTER_AND = `\\s+va\\s+(?=(?:cac\\s+)?${BODY_HEAD.source.slice(1)})`;
/** One body of a list: up to the next `và` that starts another body. */
const BODY_LIST_ITEM = new RegExp(`(?:^|${BODY_AFTER_AND})((?:(?!${BODY_AFTER_AND}).)+)`, 'g');

/**
 * Where the name of a body ends in running text: its head (`Bộ`, `Ủy ban nhân dân`), then
 * capitalised words and the lower-case syllable right after one (`Thông tin`, `Kho bạc Nhà nước`),
 * `và` or `-` before a capitalised word; two lower-case words in a row are the sentence again.
 */
export function nameAsCapitalised(text: string, headWords: number): string {
  const words = text.split(/\s+/);
  const kept = words.slice(0, headWords);
  for (let i = headWords; i < words.length; i++) {
    const word = words[i]!;
    const capital = /^\p{Lu}/u.test(word);
    const afterCapital = /^\p{Lu}/u.test(words[i - 1] ?? '');
    const joinsNext = (word === 'và' || word === '-') && /^\p{Lu}/u.test(words[i + 1] ?? '');
    if (!(capital || afterCapital || joinsNext)) break;
    kept.push(word);
  }
  return kept.join(' ');
}

/** Whether [start, end) meets a span of `spans` (sorted by start, not overlapping): a binary search. */
function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![0] < end;
}

/** Bodies named where a unit is expected but the registry does not hold them. */
function unmatchedBodies(sentence: string, folded: string, covered: Array<[number, number]>, from: number, role: Role, atStart: boolean): Assignment[] {
  // Only the next words can be the name: a long sentence is not re-read for each "phối hợp với".
  const stop = NAME_STOP.exec(sentence.slice(from, from + 200).toLowerCase());
  const span = stop ? folded.slice(from, from + stop.index) : folded.slice(from, from + 160);
  const out: Assignment[] = [];
  for (const part of span.matchAll(/[^,]+/g)) {
    // "Sở X và Sở Y" is two bodies; "Đài Phát thanh và Truyền hình" is one.
    for (const sub of part[0].matchAll(BODY_LIST_ITEM)) {
      const raw = sub[1]!;
      const start = from + part.index + sub.index + sub[0].length - raw.length + (raw.length - raw.trimStart().length);
      const name = raw.trim();
      const end = start + name.length;
      if (!name || overlaps(covered, start, end)) continue;
      const bare = name.replace(/^cac\s+/, '');
      let written = sentence.slice(start, end).trim();
      // Names of bodies are capitalised (Bộ Tài chính); folded, "bố trí" would read as "Bộ".
      // "các đại biểu" is the one body written in lower case: its name is those words.
      const deputies = /^(?:[cC]ác\s+)?[đĐ]ại biểu(?:\s+\p{Lu}\S*)*/u.exec(written);
      if (deputies) written = deputies[0];
      else if (!/^(?:các\s+)?\p{Lu}/u.test(written)) continue;
      const head = BODY_HEAD.exec(bare);
      if (!head || GENERIC_BODY.test(bare)) continue;
      if (!deputies) written = nameAsCapitalised(written, head[0].split(' ').length + (bare === name ? 0 : 1));
      out.push({ role, target: { type: 'unmatched', name: written }, index: start, atStart, confidence: 0.5 });
    }
  }
  return out;
}

/** The assignments one sentence makes. */
export function assignmentsOf(sentence: string, matcher: UnitMatcher): Assignment[] {
  const folded = fold(sentence);
  const mentions = matcher.find(sentence);
  const out: Assignment[] = [];
  const covered = mentions.map((m) => [m.start, m.end] as [number, number]);
  let leadSeen = false;
  for (const run of runsOf(mentions, folded)) {
    // What comes before, read within a window: a long sentence is not re-read for each unit.
    const windowStart = Math.max(0, run.start - 200);
    const before = folded.slice(windowStart, run.start);
    const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'));
    const clauseBefore = cut >= 0 ? before.slice(cut + 1) : windowStart === 0 ? before : null;
    const after = folded.slice(run.end, run.end + 40);
    const atStart = clauseBefore !== null && OPENING.test(clauseBefore.trim());
    let role: Role | null = null;
    let confidence = 0;
    if (COORDINATE_BEFORE.test(before.slice(-40))) [role, confidence] = ['coordinate', 0.9];
    // "Sở Tư pháp chủ trì, các sở, ban, ngành phối hợp": named after a lead, then "phối hợp" alone.
    else if (/^\s*,?\s*phoi hop\b(?!\s+(?:voi|cung)\b)/.test(after) && leadSeen) [role, confidence] = ['coordinate', 0.85];
    else if (LEAD_AFTER.test(after)) [role, confidence] = ['lead', 0.95];
    else if (LEAD_BEFORE.test(before.slice(-40))) [role, confidence] = ['lead', 0.9];
    else if (atStart && (DOING_AFTER.test(after) || /^\s*:/.test(after))) [role, confidence] = ['lead', 0.85];
    if (!role) continue;
    if (role === 'lead') leadSeen = true;
    for (const mention of run.mentions) {
      out.push({
        role,
        target: mention.type === 'unit' ? { type: 'unit', unit: mention.unit } : { type: 'group', group: mention.group },
        index: mention.start,
        atStart,
        confidence,
      });
    }
  }
  // Bodies the registry does not hold, where the sentence puts a unit.
  for (const m of folded.matchAll(/phoi hop(?: chat che)?(?: voi)?\s+/g)) {
    out.push(...unmatchedBodies(sentence, folded, covered, m.index + m[0].length, 'coordinate', false));
  }
  for (const m of folded.matchAll(/(?:^|[\s,])(?:giao(?: cho)?|yeu cau|de nghi)\s+/g)) {
    out.push(...unmatchedBodies(sentence, folded, covered, m.index + m[0].length, 'lead', m.index < 40 && OPENING.test(folded.slice(0, m.index).trim())));
  }
  // A body opening the sentence as its subject: "Bộ Công an chủ trì …", "Ủy ban nhân dân các tỉnh khẩn trương …".
  const opening = unmatchedBodies(sentence, folded, covered, 0, 'lead', true).filter((a) => a.index === 0);
  const verbAt = NAME_STOP.exec(sentence.slice(0, 200).toLowerCase());
  if (opening.length > 0 && verbAt && verbAt.index <= 120 && (DOING_AFTER.test(folded.slice(verbAt.index)) || LEAD_AFTER.test(folded.slice(verbAt.index)))) {
    // Its whole name runs up to the verb ("Ủy ban nhân dân các tỉnh, thành phố khẩn trương …").
    const name = sentence.slice(0, verbAt.index).trim().replace(/[,;]$/, '');
    out.push({ ...opening[0]!, target: { type: 'unmatched', name } });
  }
  return dedupe(out);
}

function keyOf(a: Assignment): string {
  return a.target.type === 'unit' ? `u:${a.target.unit.code}` : a.target.type === 'group' ? `g:${a.target.group}` : `n:${fold(a.target.name)}`;
}

/** One assignment per unit; a lead beats a coordination of the same unit. */
export function dedupe(assignments: Assignment[]): Assignment[] {
  const byKey = new Map<string, Assignment>();
  for (const a of assignments) {
    const seen = byKey.get(keyOf(a));
    if (!seen || (seen.role === 'coordinate' && a.role === 'lead')) byKey.set(keyOf(a), a);
  }
  return [...byKey.values()].sort((a, b) => a.index - b.index);
}
