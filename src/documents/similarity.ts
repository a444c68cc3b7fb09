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
    if (++seen >= 4) {
      const h = Math.imul(Math.imul(Math.imul(a, 65599) + b, 65599) + c, 65599) + d;
      // Keep one shingle in four, chosen by its hash: the same ones in every text,
      // so containment and MinHash estimate as before, at a quarter of the cost.
      if ((h & 3) === 0) set.add(h);
    }
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

/** Character bigrams of a text with their counts. */
export function bigrams(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 2 <= text.length; i++) {
    const g = text.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of two bigram multisets: robust to a changed year or a dropped word. */
export function diceOfBigrams(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [g, n] of a) {
    total += n;
    shared += Math.min(n, b.get(g) ?? 0);
  }
  for (const n of b.values()) total += n;
  return total ? (2 * shared) / total : 0;
}
