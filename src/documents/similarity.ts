// Near-duplicate texts in scraped compilations: the same report pasted twice,
// or a second copy of its opening. Character shingles are cheap and need no
// segmenter (nodejieba stays unloaded unless tokens are asked for).

/**
 * Hashes of the character 4-grams of a text, white space and punctuation
 * removed. Numbers, not strings: a Set of small integers is several times
 * cheaper to build and to intersect. Reads text[start, end): a report is
 * shingled where it lies in its file's text, since a loop over a slice of a
 * string reads each character about twice as slowly as over the string itself.
 */
export function shingles(text: string, start = 0, end = text.length): Set<number> {
  const set = new Set<number>();
  let a = 0, b = 0, c = 0, seen = 0;
  for (let i = start; i < end; i++) {
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

/**
 * Character bigrams of a text as a sorted multiset: each bigram is the two
 * character codes in one 32-bit number, sorted so that two texts' bigrams are
 * compared by one merge (a Map of counts per text cost about twice as much to
 * build and to compare); `total` is how many there are.
 */
export interface Bigrams {
  codes: Uint32Array;
  total: number;
}

export function bigrams(text: string): Bigrams {
  const total = Math.max(0, text.length - 1);
  const codes = new Uint32Array(total);
  for (let i = 0; i < total; i++) codes[i] = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
  return { codes: codes.sort(), total };
}

/** Dice coefficient of two bigram multisets: robust to a changed year or a dropped word. */
export function diceOfBigrams(a: Bigrams, b: Bigrams): number {
  const total = a.total + b.total;
  if (!total) return 0;
  // Shared bigrams, each counted as often as the text with fewer of it has it.
  const x = a.codes;
  const y = b.codes;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else shared++, i++, j++;
  }
  return (2 * shared) / total;
}
