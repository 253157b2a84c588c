/**
 * Reading an answer of the UBND to an escalation ("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài
 * chính…") for the units it names, so that turning it into a task starts with them chosen. Only
 * a suggestion: the coordinator confirms or changes the units before the task is given.
 */

export interface NamedUnit {
  code: string;
  name: string;
}

export interface UnitsInAnswer {
  /** The unit named first after "giao" (else the first named): the suggested lead. */
  lead: string | null;
  /** The other units named, in the order they appear. */
  coordinators: string[];
}

/** Lower case, one space between words, NFC: names match however they were typed. */
const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ');

/** Where each unit is named in `text` (whole words), longest names first so that one name inside another is not counted twice. */
function positions(text: string, units: readonly NamedUnit[]): Array<{ code: string; at: number }> {
  const haystack = fold(text);
  const taken: Array<[number, number]> = [];
  const found: Array<{ code: string; at: number }> = [];
  for (const unit of [...units].sort((a, b) => b.name.length - a.name.length)) {
    const needle = fold(unit.name);
    if (needle.length === 0) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const before = at === 0 ? ' ' : haystack[at - 1]!;
      const after = end >= haystack.length ? ' ' : haystack[end]!;
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      if (taken.some(([from, to]) => at < to && end > from)) continue;
      taken.push([at, end]);
      if (!found.some((f) => f.code === unit.code)) found.push({ code: unit.code, at });
      break;
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The units an answer names: the lead (first after "giao", else the first) and the others. */
export function unitsNamedInAnswer(text: string, units: readonly NamedUnit[]): UnitsInAnswer {
  const named = positions(text, units);
  if (named.length === 0) return { lead: null, coordinators: [] };
  const giao = fold(text).search(/(^|[^\p{L}])giao(?![\p{L}])/u);
  const lead = (giao >= 0 ? named.find((n) => n.at > giao) : undefined) ?? named[0]!;
  return { lead: lead.code, coordinators: named.filter((n) => n.code !== lead.code).map((n) => n.code) };
}
