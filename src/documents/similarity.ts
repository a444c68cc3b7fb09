// Near-duplicate texts in scraped compilations: the same report pasted twice,
// or a second copy of its opening. Character shingles are cheap and need no
// segmenter (nodejieba stays unloaded unless tokens are asked for).

/** Set of character n-grams of a text, punctuation and white space removed. */
export function shingles(text: string, n = 4): Set<string> {
  const clean = text.replace(/[\s\p{P}\p{S}]/gu, '');
  const set = new Set<string>();
  for (let i = 0; i + n <= clean.length; i++) set.add(clean.slice(i, i + n));
  return set;
}

/** Share of the smaller set found in the larger one. */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** Dice coefficient over character bigrams: robust to a changed year or a dropped word. */
export function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 2 <= s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total ? (2 * shared) / total : 0;
}
