/**
 * The layout of a Vietnamese administrative document (Decree 30/2020/NĐ-CP): the header
 * (issuer, number, place and date), the kind and subject (`V/v …` for an official letter,
 * `CHỈ THỊ` / `KẾ HOẠCH` and its title otherwise), `Kính gửi`, the body as a tree of numbered
 * parts (I. → 1. → 1.1. → a) → - → +), `Nơi nhận` and the signature.
 */
import { cleanInline, fold, isUpperCaseLine } from './text.ts';

export interface Block {
  /** The paragraph, marks cleaned, its lines joined. */
  text: string;
  /** Its first raw line (footnotes and headings are told by it). */
  raw: string;
  /** Its raw lines (footnote marks are read from them). */
  rawLines: string[];
  line: number;
}

/** Paragraphs: a blank line ends one, a numbered or bulleted line starts one. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: { lines: string[]; raw: string; line: number } | null = null;
  const flush = () => {
    if (current) {
      const joined = cleanInline(current.lines.join(' ')).replace(/^#{1,6}\s+/, '');
      if (joined) blocks.push({ text: joined, raw: current.raw, rawLines: current.lines, line: current.line });
    }
    current = null;
  };
  // A Markdown table (a header laid out side by side, as converters write it): one line per cell.
  const lines = text.split('\n').flatMap((line) => {
    const row = /^\s*\|(.*)\|\s*$/.exec(line);
    if (!row) return [line];
    if (/^[\s|:-]+$/.test(row[1]!)) return [];
    return row[1]!.split('|').map((cell) => cell.trim()).filter(Boolean);
  });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || /^(-{3,}|\*{3,}|_{3,}|={3,})$/.test(trimmed)) {
      flush();
      continue;
    }
    if (current && (markerOf(cleanInline(trimmed)) || /^#{1,6}\s/.test(trimmed) || /^<sup>/i.test(trimmed))) flush();
    if (!current) current = { lines: [], raw: trimmed, line: i + 1 };
    current.lines.push(trimmed);
  }
  flush();
  return blocks;
}

export type MarkerKind = 'roman' | 'number' | 'dotted' | 'letter' | 'dash' | 'plus';

/** Depth of each kind of marker: a part holds only parts of a deeper kind. */
export const MARKER_DEPTH: Record<MarkerKind, number> = { roman: 1, number: 2, dotted: 3, letter: 4, dash: 5, plus: 6 };

export interface Marker {
  kind: MarkerKind;
  label: string;
  /** Length of the marker and the spaces after it. */
  length: number;
}

/** The numbering a paragraph opens with, if any (`II.`, `3.`, `3.2.`, `b)`, `-`, `+`). */
export function markerOf(text: string): Marker | null {
  const t = text.replace(/^#{1,6}\s+/, '');
  const offset = text.length - t.length;
  let m: RegExpExecArray | null;
  if ((m = /^([IVX]{1,5})[.)]\s+/.exec(t))) return { kind: 'roman', label: m[1]!, length: offset + m[0].length };
  if ((m = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)/.exec(t))) return { kind: 'dotted', label: m[1]!, length: offset + m[0].length };
  if ((m = /^(\d{1,3})[.)]\s+(?=\S)/.exec(t))) return { kind: 'number', label: m[1]!, length: offset + m[0].length };
  if ((m = /^([a-zđ])[).]\s+/.exec(t))) return { kind: 'letter', label: m[1]!, length: offset + m[0].length };
  if ((m = /^[-–—•]\s+/.exec(t))) return { kind: 'dash', label: '', length: offset + m[0].length };
  if ((m = /^[+*]\s+/.exec(t))) return { kind: 'plus', label: '', length: offset + m[0].length };
  return null;
}

export interface Part {
  marker: Marker;
  /** Its text without the marker (continuation paragraphs appended). */
  text: string;
  /** Clause path: `1.3`, `II.2.a`, `3.1.2`. */
  clause: string;
  children: Part[];
  parent: Part | null;
  /** Footnote numbers it cites (`<sup>1</sup>`). */
  footnotes: number[];
}

export interface Layout {
  header: Block[];
  /** Paragraphs between the title and the first part (grounds: `Thực hiện …`, `Căn cứ …`). */
  preamble: Block[];
  recipients: Block[];
  parts: Part[];
  /** Body paragraphs outside any part (the closing `./.` sentence among them). */
  prose: Block[];
  footnotes: Map<number, string>;
  tail: Block[];
}

const TAIL_START = /^(noi nhan|tm\.|kt\.|tl\.|tuq\.|q\.\s)/;
const KIND_TITLE = /^(chi thi|ke hoach|quyet dinh|thong bao|cong van|cong dien|bao cao|nghi quyet|chuong trinh|huong dan|ket luan|de an|to trinh)$/;

export function isKindTitle(text: string): boolean {
  return isUpperCaseLine(text) && KIND_TITLE.test(fold(text).trim());
}

/** Splits a document into its header, body parts and tail. */
export function layoutOf(text: string): Layout {
  const blocks = blocksOf(text);
  const layout: Layout = { header: [], preamble: [], recipients: [], parts: [], prose: [], footnotes: new Map(), tail: [] };
  // The header ends at the subject (`V/v`, a kind's title and the title after it) or `Kính gửi`.
  let i = 0;
  let bodyStart = -1;
  for (; i < Math.min(blocks.length, 40); i++) {
    const folded = fold(blocks[i]!.text);
    if (/^kinh gui\b/.test(folded)) {
      layout.header.push(blocks[i]!);
      let j = i + 1;
      // `Kính gửi: X` on one line, or a list of recipients under `Kính gửi:`.
      const listFollows = /:\s*$/.test(blocks[i]!.text);
      while (listFollows && j < blocks.length && markerOf(blocks[j]!.text)?.kind === 'dash' && /[;.]$|^-\s*\S[^.]{0,120}$/.test(blocks[j]!.text)) layout.recipients.push(blocks[j++]!);
      bodyStart = j;
      break;
    }
    layout.header.push(blocks[i]!);
  }
  if (bodyStart < 0) {
    // No `Kính gửi` (a Chỉ thị, a Kế hoạch): the body begins after the title's paragraph.
    layout.header = [];
    let seenTitle = -1;
    for (let k = 0; k < Math.min(blocks.length, 40); k++) {
      const folded = fold(blocks[k]!.text);
      if (isKindTitle(blocks[k]!.text) || /^v\/v\b/.test(folded) || blocks[k]!.rawLines.some((l) => isKindTitle(cleanInline(l)))) {
        seenTitle = k;
        break;
      }
    }
    // The title's paragraph holds the subject, or the subject is the paragraph after it.
    bodyStart = seenTitle >= 0 ? seenTitle + (isKindTitle(blocks[seenTitle]!.text) ? 2 : 1) : headerEnd(blocks);
    layout.header = blocks.slice(0, Math.min(bodyStart, blocks.length));
  }
  const stack: Part[] = [];
  const top: Part[] = layout.parts;
  let last: Part | null = null;
  let inTail = false;
  const siblingCounts = new Map<Part | null, Map<MarkerKind, number>>();
  for (let k = bodyStart; k < blocks.length; k++) {
    const block = blocks[k]!;
    const folded = fold(block.text);
    if (inTail || TAIL_START.test(folded) || (isUpperCaseLine(block.text) && /^(chu tich|pho chu tich|giam doc|bo truong|thu truong|chanh van phong)/.test(folded))) {
      inTail = true;
      layout.tail.push(block);
      continue;
    }
    const footnote = /^<sup>\s*(\d+)\s*<\/sup>/i.exec(block.raw) ?? /^\[\^(\d+)\]:/.exec(block.raw);
    if (footnote) {
      layout.footnotes.set(Number(footnote[1]), block.text.replace(/^\[\^\d+\]:\s*/, ''));
      continue;
    }
    const marker = markerOf(block.text);
    if (!marker) {
      // A paragraph cut by a page break or a footnote continues the part before it; so does
      // one inside a part that has not ended its sentence. Others are prose of the body.
      const continues = last && (/^[\p{Ll}]/u.test(block.text) || (!/[.;:!?]$/.test(last.text.trim()) && !isUpperCaseLine(last.text)));
      if (last && continues) last.text = `${last.text.trimEnd()} ${block.text}`.replace(/\s+/g, ' ');
      else if (layout.parts.length === 0) layout.preamble.push(block);
      else layout.prose.push(block);
      continue;
    }
    const depth = MARKER_DEPTH[marker.kind];
    while (stack.length > 0 && MARKER_DEPTH[stack.at(-1)!.marker.kind] >= depth) stack.pop();
    const parent = stack.at(-1) ?? null;
    const siblings = parent ? parent.children : top;
    const bodyText = block.text.slice(marker.length).trim();
    const part: Part = { marker, text: bodyText, clause: '', children: [], parent, footnotes: footnotesCited(block) };
    // Bullets are numbered among their siblings of the same kind (counted, not rescanned: a huge list stays linear).
    const counts = siblingCounts.get(parent) ?? new Map<MarkerKind, number>();
    siblingCounts.set(parent, counts);
    const index = (counts.get(marker.kind) ?? 0) + 1;
    counts.set(marker.kind, index);
    part.clause = clauseOf(part, parent, index);
    siblings.push(part);
    stack.push(part);
    last = part;
  }
  return layout;
}

/** Footnote numbers a block cites: `<sup>1</sup>` or `[^1]` inside its lines. */
function footnotesCited(block: Block): number[] {
  const out: number[] = [];
  for (const line of block.rawLines) {
    for (const m of line.matchAll(/(?<!^)<sup>\s*(\d+)\s*<\/sup>|\[\^(\d+)\](?!:)/gi)) out.push(Number(m[1] ?? m[2]));
  }
  return out;
}

function clauseOf(part: Part, parent: Part | null, index: number): string {
  const own = part.marker.kind === 'dash' || part.marker.kind === 'plus' ? String(index) : part.marker.label;
  if (!parent) return own;
  // `1.2.` under `1.` is already the full path.
  if (part.marker.kind === 'dotted' && parent.marker.kind === 'number' && own.startsWith(`${parent.marker.label}.`)) {
    return parent.parent ? `${parent.parent.clause}.${own}` : own;
  }
  return `${parent.clause}.${own}`;
}

/** Without a title: the header is what comes before the first numbered part. */
function headerEnd(blocks: Block[]): number {
  const first = blocks.findIndex((b) => markerOf(b.text) && markerOf(b.text)!.kind !== 'dash');
  return first < 0 ? 0 : Math.min(first, 12);
}
