// Near-duplicate texts in scraped compilations: the same report pasted twice,
// or a second copy of its opening. Character shingles are cheap and need no
// segmenter (nodejieba stays unloaded unless tokens are asked for).

/**
 * Hashes of the character 4-grams of a text, white space and punctuation
 * removed. Numbers, not strings: a Set of small integers is several times
 * cheaper to build and to intersect.
 */
export function shingles(text: string): Set<number> {
  const set = new Set<number>();
  let a = 0, b = 0, c = 0, seen = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i);
    // Keep letters, digits and CJK ideographs; drop spaces and punctuation (ASCII and CJK).
    if (!((d >= 0x30 && d <= 0x39) || (d >= 0x41 && d <= 0x5a) || (d >= 0x61 && d <= 0x7a) || (d >= 0x3400 && d <= 0x9fff) || (d >= 0xff10 && d <= 0xff19))) continue;
    if (++seen >= 4) set.add(Math.imul(Math.imul(Math.imul(a, 65599) + b, 65599) + c, 65599) + d);
    a = b;
    b = c;
    c = d;
  }
  return set;
}

/** Share of the smaller set found in the larger one. */
export function containment<T>(a: Set<T>, b: Set<T>): number {
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
