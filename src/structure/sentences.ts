// Sentences (SPEC §2): they end at 。！？；!?; and at line ends, but never inside
// “…” 《…》 （…） — unless the pair is not closed on the same line.
// Only terminators and brackets are visited (found by native regex scans):
// a JavaScript loop over every character of a report cost more than all the
// rest of sentence splitting.
import { isWhiteSpace } from '../chars.js';

const pairs = ['“”', '《》', '（）', '()', '‘’', '「」', '『』', '【】'];
const openerOfCloser = new Map(pairs.map((p) => [p[1]!, p[0]!]));
const openers = new Set(pairs.map((p) => p[0]!));
const brackets = /[“”《》（）()‘’「」『』【】]/g;
const terminatorRun = /[。！？；!?;]+[”’」』）)》】]*/g;

/** Regions [start, end) inside bracket pairs closed within the text, merged and sorted. */
function protectedRegions(text: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  const stack: Array<{ ch: string; at: number }> = [];
  brackets.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = brackets.exec(text))) {
    const ch = m[0];
    if (openers.has(ch) && !openerOfCloser.has(ch)) {
      stack.push({ ch, at: m.index });
      continue;
    }
    const want = openerOfCloser.get(ch);
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.ch !== want) continue;
      regions.push([stack[k]!.at + 1, m.index]);
      stack.length = k;
      break;
    }
  }
  if (regions.length < 2) return regions;
  regions.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [regions[0]!];
  for (const r of regions.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

/** Offsets (relative to `text`) where sentences end, exclusive. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  // Brackets are only read once a terminator stands before the end: a run that
  // ends the text is its last sentence end either way (most paragraphs are one sentence).
  let regions: Array<[number, number]> | null = null;
  let r = 0;
  terminatorRun.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = terminatorRun.exec(text))) {
    const at = m.index;
    if (at + m[0].length === text.length) break;
    regions ??= protectedRegions(text);
    while (r < regions.length && regions[r]![1] <= at) r++;
    if (r < regions.length && regions[r]![0] <= at) {
      // Inside a closed pair: no sentence end; look again after this character.
      terminatorRun.lastIndex = at + 1;
      continue;
    }
    // Keep closing quotes and repeated terminators with the sentence: `。”` `！！`
    ends.push(at + m[0].length);
  }
  if (!ends.length || ends[ends.length - 1]! < text.length) ends.push(text.length);
  return ends;
}

/** Sentence spans [start, end) in absolute offsets, white space trimmed off. */
export function sentenceSpans(text: string, base: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const end of sentenceEnds(text)) {
    let a = from;
    let b = end;
    while (a < b && isWhiteSpace(text.charCodeAt(a))) a++;
    while (b > a && isWhiteSpace(text.charCodeAt(b - 1))) b--;
    if (a < b) spans.push([base + a, base + b]);
    from = end;
  }
  return spans;
}
