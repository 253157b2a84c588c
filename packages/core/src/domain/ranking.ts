/**
 * Ranks as the city's tables write them: the highest value first, equal values sharing a rank
 * and the next rank skipping as many ("1, 2, 2, 4"); entries without a value are not ranked.
 */
export function competitionRanks<K>(entries: ReadonlyArray<{ key: K; value: number | null }>): Map<K, number | null> {
  const ranked = entries.filter((e): e is { key: K; value: number } => e.value !== null && Number.isFinite(e.value)).sort((a, b) => b.value - a.value);
  const ranks = new Map<K, number | null>(entries.map((e) => [e.key, null]));
  ranked.forEach((entry, index) => {
    const previous = ranked[index - 1];
    ranks.set(entry.key, previous && previous.value === entry.value ? ranks.get(previous.key)! : index + 1);
  });
  return ranks;
}

/** The groups the city ranks its units in, in the order its tables list them. */
export const RANKED_UNIT_KINDS = ['department', 'district'] as const;
export type RankedUnitKind = (typeof RANKED_UNIT_KINDS)[number];

/**
 * Units in their groups (departments, then districts; other kinds and empty groups left out),
 * each group by rank, the unranked last, then by name in Vietnamese order: the overview's
 * matrix, its xlsx and its report list them so.
 */
export function unitsInRankedGroups<U extends { kind: string | null; rank: number | null; name: string }>(units: readonly U[]): Array<{ kind: RankedUnitKind; units: U[] }> {
  const collator = new Intl.Collator('vi');
  return RANKED_UNIT_KINDS.map((kind) => ({
    kind,
    units: units.filter((u) => u.kind === kind).sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || collator.compare(a.name, b.name)),
  })).filter((group) => group.units.length > 0);
}
