/**
 * parseDirective: from a directive's text to its header, references and draft tasks, each
 * finding with the sentence it came from and a confidence (0–1).
 */
import { findContinuous, findDeadlines, isoDate, round2, type DeadlineFinding, type IsoDate } from './dates.ts';
import { headerOf, type DirectiveHeader } from './header.ts';
import { findReferences, mergeReferences, type ReferenceFinding } from './references.ts';
import { assignmentsOf, type Assignment, type Role } from './roles.ts';
import { layoutOf, type Part } from './structure.ts';
import { findTargets, type TargetFinding } from './targets.ts';
import { fold, forgetFolded, isUpperCaseLine, sentences } from './text.ts';
import { UnitMatcher, type RegistryUnit, type UnitGroup } from './units.ts';
import { parseError, type ParseError } from './errors.ts';
import { MAX_TEXT_LENGTH } from './limits.ts';

export interface TaskUnit {
  /** The registry's code; null for a body the registry does not hold. */
  code: string | null;
  name: string;
  role: Role;
  matched: boolean;
  /** Given through a group phrase (`các sở, ban, ngành`). */
  group?: UnitGroup;
  source: string;
  confidence: number;
}

export interface TaskTarget {
  op: TargetFinding['op'];
  value: number;
  unit: string;
  subject: string;
  /** The words that state it (`ít nhất 20% TTHC nội bộ`): a name for the target. */
  phrase: string;
  /** The deadline its sentence gives, else the task's. */
  deadline: IsoDate | null;
  source: string;
  confidence: number;
}

export interface DraftTask {
  clause: string;
  text: string;
  /** The headings above it, nearest last (`Giao Sở Tài chính`). */
  headings: string[];
  units: TaskUnit[];
  /** Groups given whole: every department, every district. */
  groups: UnitGroup[];
  deadline: IsoDate | null;
  deadlineSource: string | null;
  /** No single deadline: reported every period (`thường xuyên`, `định kỳ`, or none given). */
  continuous: boolean;
  targets: TaskTarget[];
  confidence: number;
  source: string;
}

export interface ParsedDirective {
  ok: true;
  directive: DirectiveHeader;
  references: ReferenceFinding[];
  tasks: DraftTask[];
  /** Things a reviewer should look at (localized). */
  warnings: Array<{ vi: string; en: string }>;
}

export type ParseResult = ParsedDirective | { ok: false; error: ParseError };

export interface ParseOptions {
  /** The unit registry: every unit the directive may assign. */
  units: RegistryUnit[] | UnitMatcher;
}

export { MAX_TEXT_LENGTH };

/** Headings of parts that state aims or grounds, not tasks (`I. MỤC ĐÍCH, YÊU CẦU`). */
const NON_TASK_HEADING = /^(muc dich|yeu cau|muc tieu|can cu|quan diem|tinh hinh|ket qua|danh gia|pham vi|doi tuong|giai thich)\b/;

/** Assignments with the sentence that made them; `inherited`: given by a heading or the address. */
type Given = Array<Assignment & { source: string; inherited: boolean }>;

/**
 * A date written without its year ("trước ngày 15/01", "trong tháng 2") is in the directive's
 * year, or the next one when that day has passed by the directive's date.
 */
function inDirectiveYear(found: DeadlineFinding, issuedOn: string | null): DeadlineFinding {
  if (!issuedOn || /\d{4}/.test(found.phrase) || found.date >= issuedOn) return found;
  const [year, month, day] = found.date.split('-').map(Number) as [number, number, number];
  // 29/02 of a leap year falls on 28/02 the year after.
  return { ...found, date: isoDate(year + 1, month, day) ?? isoDate(year + 1, month, day - 1) ?? found.date };
}

/** The directive's own date: it completes a date written without its year. */
interface When {
  year: number | null;
  issuedOn: IsoDate | null;
}

function deadlineOfText(text: string | string[], when: When): (DeadlineFinding & { source: string }) | null {
  let best: (DeadlineFinding & { source: string }) | null = null;
  for (const sentence of typeof text === 'string' ? sentences(text) : text) {
    for (const raw of findDeadlines(sentence, when.year)) {
      const found = inDirectiveYear(raw, when.issuedOn);
      if (!best || found.confidence > best.confidence) best = { ...found, source: sentence };
    }
  }
  return best;
}

function assignmentsOfText(text: string | string[], matcher: UnitMatcher) {
  return (typeof text === 'string' ? sentences(text) : text).flatMap((sentence, i) => assignmentsOf(sentence, matcher).map((a) => ({ ...a, source: sentence, first: i === 0 })));
}

function toUnits(assignments: Given, matcher: UnitMatcher): { units: TaskUnit[]; groups: UnitGroup[] } {
  const units = new Map<string, TaskUnit>();
  const groups: UnitGroup[] = [];
  // One entry per unit; a lead is not also a coordinator of its own task.
  const put = (key: string, unit: TaskUnit) => {
    const seen = units.get(key);
    if (!seen || (seen.role === 'coordinate' && unit.role === 'lead')) units.set(key, unit);
  };
  for (const a of assignments) {
    const confidence = round2(a.inherited ? a.confidence * 0.95 : a.confidence);
    if (a.target.type === 'group') {
      if (a.role === 'lead' && !groups.includes(a.target.group)) groups.push(a.target.group);
      for (const unit of matcher.unitsOf(a.target.group)) put(unit.code, { code: unit.code, name: unit.name, role: a.role, matched: true, group: a.target.group, source: a.source, confidence });
    } else if (a.target.type === 'unit') {
      put(a.target.unit.code, { code: a.target.unit.code, name: a.target.unit.name, role: a.role, matched: true, source: a.source, confidence });
    } else {
      put(`?${fold(a.target.name)}`, { code: null, name: a.target.name, role: a.role, matched: false, source: a.source, confidence });
    }
  }
  return { units: [...units.values()], groups };
}

function headingsOf(part: Part): Part[] {
  const out: Part[] = [];
  for (let p = part.parent; p; p = p.parent) out.unshift(p);
  return out;
}

/** What a heading gives, read once for all the parts under it. */
type HeadingCache = Map<Part, { assignments: ReturnType<typeof assignmentsOfText>; deadline: ReturnType<typeof deadlineOfText> }>;

function headingReading(heading: Part, matcher: UnitMatcher, when: When, cache: HeadingCache) {
  let reading = cache.get(heading);
  if (!reading) cache.set(heading, (reading = { assignments: assignmentsOfText(heading.text, matcher), deadline: deadlineOfText(heading.text, when) }));
  return reading;
}

function taskOf(part: Part, matcher: UnitMatcher, when: When, footnotes: Map<number, string>, cache: HeadingCache, recipients: Given): DraftTask | null {
  const ancestors = headingsOf(part);
  if ([...ancestors, part].some((p) => p.children.length > 0 && NON_TASK_HEADING.test(fold(p.text)) && matcher.find(p.text).length === 0)) return null;
  // A heading left without tasks under it (`III. TỔ CHỨC THỰC HIỆN`) is not a task.
  if (part.text.replace(/[\s\p{P}]/gu, '').length < 8 || isUpperCaseLine(part.text)) return null;
  // Cut once: every rule below reads the same sentences.
  const said = sentences(part.text);
  const own = assignmentsOfText(said, matcher);
  const ownLeadFirst = own.some((a) => a.role === 'lead' && a.first);
  let assignments: Given = own.map((a) => ({ ...a, inherited: false }));
  // What the headings above give: their leads unless the task's first sentence names its own.
  for (const heading of [...ancestors].reverse()) {
    const given = headingReading(heading, matcher, when, cache).assignments;
    if (given.length === 0) continue;
    const inherited = given.filter((a) => !(ownLeadFirst && a.role === 'lead')).map((a) => ({ ...a, inherited: true }));
    assignments = [...inherited, ...assignments];
    break;
  }
  // A letter addressed to units gives them what no heading or sentence gives anyone ("Kính gửi: Sở Y tế").
  if (!assignments.some((a) => a.role === 'lead') && recipients.length > 0) {
    assignments = [...recipients, ...assignments];
  }
  const { units, groups } = toUnits(assignments, matcher);
  let deadline = deadlineOfText(said, when);
  if (!deadline) {
    for (const heading of [...ancestors].reverse()) {
      const found = headingReading(heading, matcher, when, cache).deadline;
      if (found) {
        deadline = { ...found, confidence: round2(found.confidence * 0.9) };
        break;
      }
    }
  }
  const continuousWord = said.map((s) => ({ s, word: findContinuous(s) })).find((x) => x.word);
  const targets: TaskTarget[] = said.flatMap((sentence) => {
    const first = findDeadlines(sentence, when.year)[0];
    const own = first ? inDirectiveYear(first, when.issuedOn).date : null;
    return findTargets(sentence).map((t) => ({ op: t.op, value: t.value, unit: t.unit, subject: t.subject, phrase: t.phrase, deadline: own ?? deadline?.date ?? null, source: t.source, confidence: t.confidence }));
  });
  const leads = units.filter((u) => u.role === 'lead');
  const unitConfidence = leads.length === 0 ? 0.3 : Math.max(...leads.map((u) => u.confidence)) * (leads.some((u) => !u.matched) ? 0.8 : 1);
  const timeConfidence = deadline ? deadline.confidence : continuousWord ? 0.85 : 0.7;
  const notes = part.footnotes.map((n) => footnotes.get(n)).filter((t): t is string => Boolean(t));
  return {
    clause: part.clause,
    text: part.text,
    headings: ancestors.map((p) => p.text),
    units,
    groups,
    deadline: deadline?.date ?? null,
    deadlineSource: deadline?.source ?? (continuousWord ? continuousWord.s : null),
    continuous: deadline === null,
    targets,
    confidence: round2(Math.min(unitConfidence, timeConfidence)),
    source: notes.length > 0 ? `${part.text} [${notes.join(' ')}]` : part.text,
  };
}

/** The units a letter is addressed to (`Kính gửi: …` and the list under it), as leads given by the address. */
function recipientsOf(layout: ReturnType<typeof layoutOf>, matcher: UnitMatcher): Given {
  const address = layout.header.find((b) => /^kinh gui\b/.test(fold(b.text)));
  const lines = [...(address ? [address.text.replace(/^[^:]*:\s*/, '')] : []), ...layout.recipients.map((b) => b.text.replace(/^[-–•+]\s*/, ''))];
  // The UBND addressed (a department writing up to it) is asked, not given tasks.
  return lines.flatMap((line) =>
    matcher.find(line).filter((mention) => mention.type === 'group' || mention.unit.kind !== 'ubnd').map((mention) => ({
      role: 'lead' as const,
      target: mention.type === 'unit' ? { type: 'unit' as const, unit: mention.unit } : { type: 'group' as const, group: mention.group },
      index: 0,
      atStart: true,
      confidence: 0.7,
      source: `Kính gửi: ${line}`,
      inherited: true,
    })),
  );
}

/**
 * A part with parts under it is a heading ("Giao Sở Tài chính", "UBND các quận, huyện, thị xã:"),
 * unless it states a duty of its own: a sentence ended by `.` or `;`, not a title in capitals.
 */
function isDutyItself(part: Part): boolean {
  return /[.;]$/.test(part.text.trim()) && !isUpperCaseLine(part.text) && part.text.split(/\s+/).length >= 6;
}

function tasksParts(parts: Part[]): Part[] {
  return parts.flatMap((p) => (p.children.length === 0 ? [p] : [...(isDutyItself(p) ? [p] : []), ...tasksParts(p.children)]));
}

/** Reads a directive's text. Never throws: a text it cannot read gives `{ ok: false, error }`. */
export function parseDirective(input: string, options: ParseOptions): ParseResult {
  if (typeof input !== 'string') return { ok: false, error: parseError('not-text') };
  if (input.length > MAX_TEXT_LENGTH) return { ok: false, error: parseError('too-large', { limit: MAX_TEXT_LENGTH }) };
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: parseError('empty') };
  // eslint-disable-next-line no-control-regex -- control characters are what tells binary data from text
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) return { ok: false, error: parseError('binary') };
  forgetFolded();
  const matcher = options.units instanceof UnitMatcher ? options.units : new UnitMatcher(options.units);
  const layout = layoutOf(text);
  const directive = headerOf(layout.header, layout.tail, matcher);
  const when: When = { year: directive.date ? Number(directive.date.slice(0, 4)) : null, issuedOn: directive.date };
  const cache: HeadingCache = new Map();
  const recipients = recipientsOf(layout, matcher);
  const tasks = tasksParts(layout.parts)
    .map((part) => taskOf(part, matcher, when, layout.footnotes, cache, recipients))
    .filter((t): t is DraftTask => t !== null);
  const referenceTexts = [...layout.preamble, ...layout.prose].map((b) => b.text);
  const allParts = (parts: Part[]): Part[] => parts.flatMap((p) => [p, ...allParts(p.children)]);
  referenceTexts.push(...allParts(layout.parts).map((p) => p.text), ...layout.footnotes.values());
  const references = mergeReferences(referenceTexts.flatMap(findReferences), directive.number);
  if (!directive.number && !directive.date && tasks.length === 0) return { ok: false, error: parseError('not-a-directive') };
  const warnings: ParsedDirective['warnings'] = [];
  if (!directive.number) warnings.push({ vi: 'Không tìm thấy số, ký hiệu văn bản.', en: 'No document number found.' });
  if (!directive.date) warnings.push({ vi: 'Không tìm thấy ngày ban hành.', en: 'No date of issue found.' });
  if (tasks.length === 0) warnings.push({ vi: 'Không tìm thấy nhiệm vụ nào được đánh số trong văn bản.', en: 'No numbered tasks found in the text.' });
  const unassigned = tasks.filter((t) => !t.units.some((u) => u.role === 'lead')).length;
  if (unassigned > 0) warnings.push({ vi: `${unassigned} nhiệm vụ chưa xác định được đơn vị chủ trì.`, en: `${unassigned} task(s) have no lead unit found.` });
  return { ok: true, directive, references, tasks, warnings };
}
