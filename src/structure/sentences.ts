// Sentences (SPEC §2): they end at 。！？；!?; and at line ends, but never inside
// “…” 《…》 （…） — unless the pair is not closed on the same line.
// Works on char codes: indexing a CJK string by character allocates a string
// per character in V8, which dominated parse time.
const pairs = ['“”', '《》', '（）', '()', '‘’', '「」', '『』', '【】'];
const openerOfCloser = new Map(pairs.map((p) => [p.charCodeAt(1), p.charCodeAt(0)]));
// One byte of flags per UTF-16 code unit: a table lookup per character is far
// cheaper than a Set lookup, and this loop sees every character of a report.
const TERMINATOR = 1;
const OPENER = 2;
const CLOSER = 4;
const flags = new Uint8Array(0x10000);
for (const c of '。！？；!?;') flags[c.charCodeAt(0)]! |= TERMINATOR;
for (const p of pairs) {
  flags[p.charCodeAt(0)]! |= OPENER;
  flags[p.charCodeAt(1)]! |= CLOSER;
}
const terminatorCodes = { has: (c: number) => (flags[c]! & TERMINATOR) !== 0 };
const anyBracket = /[“”《》（）()‘’「」『』【】]/;
const anyTerminator = /[。！？；!?;]/;

/** Offsets (relative to `text`) where sentences end, exclusive. Linear in the text's length. */
export function sentenceEnds(text: string): number[] {
  if (!anyTerminator.test(text)) return [text.length];
  const depth = anyBracket.test(text) ? bracketDepths(text) : null;
  const ends: number[] = [];
  let level = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (depth) level += depth[i]!;
    if (level > 0 || !terminatorCodes.has(text.charCodeAt(i))) continue;
    let end = i + 1;
    // Keep closing quotes and repeated terminators with the sentence: `。”` `！！`
    while (end < n) {
      const c = text.charCodeAt(end);
      if (!(flags[c]! & (TERMINATOR | CLOSER))) break;
      if (depth) level += depth[end]!;
      end++;
    }
    ends.push(end);
    i = end - 1;
  }
  if (!ends.length || ends[ends.length - 1]! < n) ends.push(n);
  return ends;
}

/** +1 after each opener and -1 at its closer, for bracket pairs closed within the text. */
function bracketDepths(text: string): Int32Array {
  const depth = new Int32Array(text.length + 1);
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = flags[c]!;
    if (!(f & (OPENER | CLOSER))) continue;
    if (f & OPENER) stack.push(i);
    else {
      const want = openerOfCloser.get(c)!;
      for (let k = stack.length - 1; k >= 0; k--) {
        if (text.charCodeAt(stack[k]!) !== want) continue;
        depth[stack[k]! + 1]!++;
        depth[i]!--;
        stack.length = k;
        break;
      }
    }
  }
  return depth;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0a || c === 0x0d;

/** Sentence spans [start, end) in absolute offsets, white space trimmed off. */
export function sentenceSpans(text: string, base: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const end of sentenceEnds(text)) {
    let a = from;
    let b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a < b) spans.push([base + a, base + b]);
    from = end;
  }
  return spans;
}
