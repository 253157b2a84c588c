/**
 * Where a reading's findings stand in the sentence they came from, for a reviewer's eyes.
 * Browser-safe (no file reading): the shell's import page marks them (`@dondoc/directive-parser/findings`).
 */
import { foldAligned } from './text.ts';

/**
 * The source sentence with what the reading found in it marked: the units' names, the
 * deadline's words and each target's phrase, found whatever the diacritics and case, longest
 * first, without overlaps, so that the reviewer sees where each finding comes from.
 */
export function markFindings(source: string, phrases: readonly string[]): Array<{ text: string; found: boolean }> {
  const wanted = [...new Set(phrases.map((p) => foldAligned(p.trim())).filter((p) => p.length > 1))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text: source, found: false }];
  const folded = foldAligned(source);
  const marks: Array<[number, number]> = [];
  for (const needle of wanted) {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      if (!marks.some(([s, e]) => at < e && at + needle.length > s)) marks.push([at, at + needle.length]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  // foldAligned keeps the length: offsets in the folded text are offsets in the source.
  const parts: Array<{ text: string; found: boolean }> = [];
  let cursor = 0;
  for (const [start, end] of marks) {
    if (start > cursor) parts.push({ text: source.slice(cursor, start), found: false });
    parts.push({ text: source.slice(start, end), found: true });
    cursor = end;
  }
  if (cursor < source.length) parts.push({ text: source.slice(cursor), found: false });
  return parts;
}
