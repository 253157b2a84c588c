/**
 * Finding the units a sentence names, matched against a unit registry passed in as data:
 * whatever the diacritics and case, with the abbreviations documents use (`Sở TT&TT`,
 * `Sở KH&ĐT`, `VP UBND`, `UBND TP`), and the group phrases (`các sở, ban, ngành` = every
 * department, `UBND các quận, huyện, thị xã` = every district).
 */
import { fold, foldAligned } from './text.ts';

export type UnitKind = 'ubnd' | 'department' | 'district' | (string & {});

/** One unit of the registry: its code, its official name, its kind; aliases are optional extra names. */
export interface RegistryUnit {
  code: string;
  name: string;
  kind: UnitKind;
  aliases?: string[];
}

export type UnitGroup = 'departments' | 'districts';

export type UnitMention =
  | { type: 'unit'; unit: RegistryUnit; start: number; end: number; text: string }
  | { type: 'group'; group: UnitGroup; start: number; end: number; text: string };

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Words that carry no meaning for matching: `và`, `&`, punctuation. */
const STOP = new Set(['va']);

function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+/g)) {
    if (STOP.has(m[0])) continue;
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

const words = (text: string) => tokenize(fold(text)).map((t) => t.word);

/** The kind of body a name starts with; the rest of the name is what its abbreviation shortens. */
const HEAD_WORDS: Array<[string, string?]> = [['van phong', 'vp'], ['thanh tra'], ['so'], ['ban']];

/** Common words of names and how documents shorten them. */
const WORD_SHORT: Array<[string, string]> = [
  ['uy ban nhan dan', 'ubnd'],
  ['thanh pho', 'tp'],
];

/**
 * `Thông tin và Truyền thông` → `tt tt`, `tttt`; `Lao động - Thương binh và Xã hội` → also
 * `ldtb xh` (LĐTB&XH): the initials of each part, every way of running neighbours together.
 */
function acronyms(rest: string): string[][] {
  const parts = fold(rest)
    .split(/\s+va\s+|\s*[-,&]\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 5) return [];
  const initials = parts.map((part) => part.split(/\s+/).map((w) => w[0]).join(''));
  const out: string[][] = [];
  for (let mask = 0; mask < 2 ** (initials.length - 1); mask++) {
    const groups = [initials[0]!];
    for (let i = 1; i < initials.length; i++) {
      if (mask & (1 << (i - 1))) groups[groups.length - 1] += initials[i]!;
      else groups.push(initials[i]!);
    }
    out.push(groups);
  }
  return out;
}

/** Every token sequence that names the unit. */
export function unitKeys(unit: RegistryUnit): string[][] {
  const names = [unit.name, ...(unit.aliases ?? [])];
  const keys: string[][] = [];
  const add = (ws: string[]) => {
    if (ws.length > 0 && !keys.some((k) => k.join(' ') === ws.join(' '))) keys.push(ws);
  };
  for (const name of names) {
    const folded = fold(name);
    const variants = new Set([folded]);
    for (const [long, short] of WORD_SHORT) {
      for (const v of [...variants]) {
        variants.add(v.replace(long, short));
        variants.add(v.replace(new RegExp(`\\b${short}\\b`), long));
      }
    }
    // The city's own bodies: "Văn phòng UBND Thành phố" is also written without "Thành phố".
    // Not when that leaves a common noun: "Thanh tra Thành phố" is not every "thanh tra" (inspection).
    for (const v of [...variants]) {
      const bare = v.replace(/\s+(thanh pho|tp)$/, '');
      if (!HEAD_WORDS.some(([head]) => head === bare)) variants.add(bare);
    }
    // "UBND quận Ba Đình" names the district: its kind word may be preceded by UBND.
    if (unit.kind === 'district') for (const v of [...variants]) variants.add(`ubnd ${v}`);
    for (const v of variants) {
      add(words(v));
      for (const head of HEAD_WORDS) {
        const [long, short = long] = head;
        if (!v.startsWith(`${long} `)) continue;
        const rest = v.slice(long.length + 1);
        // Abbreviate only a name of two words or more after the head (Sở Y tế stays whole).
        if (rest.split(/\s+/).length < 2 || /^(ubnd|tp)\b/.test(rest)) {
          if (short !== long) add(words(`${short} ${rest}`));
          continue;
        }
        for (const acronym of acronyms(rest)) {
          add([...words(long), ...acronym]);
          if (short !== long) add([short, ...acronym]);
        }
        if (short !== long) add(words(`${short} ${rest}`));
      }
    }
  }
  // "UBTP" (Ủy ban Thành phố) in "VP UBTP".
  for (const key of [...keys]) {
    const i = key.indexOf('ubnd');
    if (i >= 0 && key[i + 1] === 'tp') add([...key.slice(0, i), 'ubtp', ...key.slice(i + 2)]);
  }
  return keys;
}

/** Group phrases (folded token sequences). */
const GROUP_PHRASES: Array<{ group: UnitGroup; keys: string[][] }> = [
  {
    group: 'departments',
    keys: ['cac so ban nganh', 'so ban nganh', 'cac so nganh', 'cac so ban nganh thanh pho', 'cac so ban nganh thuoc thanh pho', 'cac so ban nganh tp', 'cac so ban nganh thuoc tp'].map((k) => k.split(' ')),
  },
  {
    group: 'districts',
    keys: [
      'ubnd cac quan huyen thi xa',
      'ubnd quan huyen thi xa',
      'uy ban nhan dan cac quan huyen thi xa',
      'uy ban nhan dan quan huyen thi xa',
      'cac quan huyen thi xa',
      'ubnd cac quan huyen',
      'uy ban nhan dan cac quan huyen',
      'ubnd cac quan huyen thi xa thanh pho',
    ].map((k) => k.split(' ')),
  },
];

interface TrieNode {
  next: Map<string, TrieNode>;
  value?: { type: 'unit'; unit: RegistryUnit } | { type: 'group'; group: UnitGroup };
}

/** Matches unit names in text; build once per registry, reuse for every sentence. */
export class UnitMatcher {
  private readonly root: TrieNode = { next: new Map() };
  readonly units: RegistryUnit[];

  constructor(units: RegistryUnit[]) {
    this.units = units;
    for (const { group, keys } of GROUP_PHRASES) for (const key of keys) this.insert(key, { type: 'group', group });
    for (const unit of units) for (const key of unitKeys(unit)) this.insert(key, { type: 'unit', unit });
  }

  private insert(key: string[], value: NonNullable<TrieNode['value']>) {
    let node = this.root;
    for (const word of key) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map() }));
      node = child;
    }
    // A group phrase wins over a unit of the same words; the first unit keeps a shared key.
    if (!node.value || value.type === 'group') node.value = value;
  }

  unitsOf(group: UnitGroup): RegistryUnit[] {
    const kind = group === 'departments' ? 'department' : 'district';
    return this.units.filter((u) => u.kind === kind);
  }

  /** Longest matches, left to right; offsets are into `text`. */
  find(text: string): UnitMention[] {
    const tokens = tokenize(foldAligned(text));
    const out: UnitMention[] = [];
    for (let i = 0; i < tokens.length; ) {
      let node: TrieNode | undefined = this.root;
      let best: { value: NonNullable<TrieNode['value']>; last: number } | null = null;
      for (let j = i; j < tokens.length && node; j++) {
        // A group phrase or name never runs across a sentence's end or a semicolon.
        if (j > i && /[.;:]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
        node = node.next.get(tokens[j]!.word);
        if (node?.value) best = { value: node.value, last: j };
      }
      if (!best) {
        i++;
        continue;
      }
      const start = tokens[i]!.start;
      const end = tokens[best.last]!.end;
      const span = text.slice(start, end);
      out.push(best.value.type === 'unit' ? { type: 'unit', unit: best.value.unit, start, end, text: span } : { type: 'group', group: best.value.group, start, end, text: span });
      i = best.last + 1;
    }
    return out;
  }
}

/** Words that start the name of a body the registry may not hold (a ministry, the deputies). */
export const BODY_HEAD = /^(?:bo|so|ban|cuc|tong cuc|vu|van phong|thanh tra|cong an|bo chi huy|uy ban nhan dan|uy ban|ubnd|hdnd|hoi dong|mat tran|lien doan|hoi|doan|dai|bao|toa an|vien|kho bac|ngan hang|bao hiem|truong|benh vien|trung tam|tong cong ty|cong ty|cac dai bieu|dai bieu|ban chi dao|bcd|to cong tac|chu tich|pho chu tich|cac bo|quan|huyen|thi xa)\b/;

/** Bodies named only in general ("các cơ quan, đơn vị có liên quan"): not a unit to assign. */
export const GENERIC_BODY = /^(cac )?(co quan|don vi|dia phuong|nganh|cap|to chuc|ca nhan)\b/;
