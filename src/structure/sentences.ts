// Sentences (SPEC §2): they end at 。！？；!?; and at line ends, but never inside
// “…” 《…》 （…） — unless the pair is not closed on the same line.
const terminators = new Set(['。', '！', '？', '；', '!', '?', ';']);
const pairs: Record<string, string> = { '“': '”', '《': '》', '（': '）', '(': ')', '‘': '’', '「': '」', '『': '』', '【': '】' };
const closers = new Set(Object.values(pairs));

/** Offsets (relative to `text`) where sentences end, exclusive. */
export function sentenceEnds(text: string): number[] {
  // Mark characters protected by a bracket pair that closes within the text.
  const protectedUntil: number[] = new Array(text.length).fill(-1);
  const open: Array<{ ch: string; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (pairs[ch]) open.push({ ch, at: i });
    else if (closers.has(ch)) {
      const k = open.map((o) => pairs[o.ch]).lastIndexOf(ch);
      if (k >= 0) {
        const opener = open[k]!;
        open.length = k;
        for (let j = opener.at + 1; j < i; j++) protectedUntil[j] = i;
      }
    }
  }
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!terminators.has(text[i]!) || protectedUntil[i]! >= 0) continue;
    let end = i + 1;
    // Keep closing quotes and repeated terminators with the sentence: `。”` `！！`
    while (end < text.length && (terminators.has(text[end]!) || closers.has(text[end]!))) end++;
    ends.push(end);
    i = end - 1;
  }
  if (!ends.length || ends[ends.length - 1]! < text.length) ends.push(text.length);
  return ends;
}

/** Sentence spans [start, end) in absolute offsets, white space trimmed off. */
export function sentenceSpans(text: string, base: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const end of sentenceEnds(text)) {
    const piece = text.slice(from, end);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.length - piece.trimEnd().length;
    if (piece.trim()) spans.push([base + from + lead, base + end - trail]);
    from = end;
  }
  return spans;
}
