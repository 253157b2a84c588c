/**
 * Search that forgives missing diacritics: users type "cai cach" or "DAU TU" and expect
 * "Cải cách hành chính" and "Sở Kế hoạch và Đầu tư".
 */

/**
 * Lower-cases, strips Vietnamese diacritics (tones and vowel marks, and đ/Đ → d), collapses
 * runs of whitespace to one space and trims: "  Sở Kế hoạch\tvà ĐẦU TƯ " → "so ke hoach va dau tu".
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // combining marks: the tones and the ă â ê ô ơ ư marks
    .toLowerCase()
    .replace(/đ/g, 'd') // đ is a letter of its own, not d + a mark
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when every word of the query appears in the text, both normalized with
 * `normalizeForSearch` (so case and diacritics do not matter, and words may appear in any
 * order or as parts of words). An empty query matches everything.
 */
export function matchesSearch(text: string, query: string): boolean {
  const q = normalizeForSearch(query);
  if (q === '') return true;
  const t = normalizeForSearch(text);
  return q.split(' ').every((word) => t.includes(word));
}
