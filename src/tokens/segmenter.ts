// Segmentation (SPEC §6) with nodejieba and the domain dictionary
// (dictionaries/terms.utf8), loaded once per process (per worker thread) and
// only when tokens are asked for: the dictionaries cost ~2 s and ~240 MB.
//
// Traps of nodejieba handled here:
// - a userDict path that does not exist aborts the whole process (uncatchable),
//   so every path is checked before it reaches nodejieba;
// - masks split (`x.x` → x/./x, `**` → */*): masks and decimal numbers are cut
//   out first and kept whole, and only the text between them is segmented;
// - cut(s, true) and tag() use the HMM, which keeps numbers whole (cut(s)
//   without it splits 25636 into digits).
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dictionariesFolder } from '../dictionaries.js';
import { findMasks } from '../quantities/masks.js';
import { BaogaoError } from '../schema/errors.js';
import { validateOptions } from '../schema/options.js';
import type { Token } from '../schema/nodes.js';
import { isWhiteSpace } from '../chars.js';
import { allMatches } from '../matches.js';

interface Jieba {
  load(options: { userDict?: string }): void;
  tag(sentence: string): Array<{ word: string; tag: string }>;
  cut(sentence: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

export const segmentOptionsSchema = z
  .object({
    /** A file of extra words, one per line (`word` or `word tag`), added to the domain dictionary. */
    userDict: z.string().optional(),
    /** Extra words to keep whole. */
    words: z.array(z.string().min(1)).optional(),
    /** Part-of-speech tags on tokens (nodejieba tag(): about twice as slow as plain cutting). */
    pos: z.boolean().optional(),
  })
  .strict();
export type SegmentOptions = z.input<typeof segmentOptionsSchema>;

let jieba: Jieba | null = null;
const addedFiles = new Set<string>();
const addedWords = new Set<string>();

/** Whether nodejieba has been loaded in this thread (for tests and benchmarks). */
export function segmenterLoaded(): boolean {
  return jieba !== null;
}

/** The loaded segmenter, with the domain dictionary. */
export function loadSegmenter(): Jieba {
  if (jieba) return jieba;
  const terms = join(dictionariesFolder(), 'terms.utf8');
  if (!existsSync(terms)) throw new BaogaoError('invalid-options', `the domain dictionary ${terms} is missing`);
  const require = createRequire(import.meta.url);
  const loaded = require('nodejieba') as Jieba;
  loaded.load({ userDict: terms });
  jieba = loaded;
  return loaded;
}

/** Adds words (from options) to the loaded segmenter; a missing dictionary file is a typed error, not a crash. */
export function addWords(options: SegmentOptions): void {
  const j = loadSegmenter();
  if (options.userDict && !addedFiles.has(options.userDict)) {
    let ok = false;
    try {
      ok = statSync(options.userDict).isFile();
    } catch {
      ok = false;
    }
    if (!ok) throw new BaogaoError('invalid-options', `userDict: no such file: ${options.userDict}`);
    for (const line of readFileSync(options.userDict, 'utf8').split(/\r?\n/)) {
      const [word, ...rest] = line.trim().split(/\s+/);
      if (!word || word.startsWith('#')) continue;
      const tag = rest.find((r) => !/^\d+$/.test(r));
      if (tag) j.insertWord(word, tag);
      else j.insertWord(word);
    }
    addedFiles.add(options.userDict);
  }
  for (const word of options.words ?? []) {
    if (addedWords.has(word)) continue;
    j.insertWord(word);
    addedWords.add(word);
  }
}

// Spans kept whole: masks (with a magnitude glued on: x.x万) and decimal numbers.
// Bounded runs: an unbounded [0-9]+ before a required dot backtracks quadratically on long digit runs.
const decimal = /[0-9０-９]{1,20}(?:[.．][0-9０-９]{1,20})+/g;
const magnitudeAfter = /^[万亿]/;

function protectedSpans(text: string): Array<[number, number, string]> {
  const spans: Array<[number, number, string]> = [];
  for (const m of findMasks(text)) {
    const end = magnitudeAfter.test(text.slice(m.end, m.end + 1)) ? m.end + 1 : m.end;
    spans.push([m.start, end, 'm']);
  }
  for (const m of allMatches(decimal, text)) {
    const start = m.index!;
    if (!spans.some(([a, b]) => start < b && a < start + m[0].length)) spans.push([start, start + m[0].length, 'm']);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * Tokens of a text, with offsets into it (add a base to place them in a
 * document). White space is not a token. One segmenter call per text: the
 * protected spans (masks, decimals) then replace the tokens they overlap, and a
 * token cut by a span's edge keeps its outside part.
 */
export function segment(text: string, options: SegmentOptions = {}, base = 0): Token[] {
  return segmentValidated(text, validateOptions(segmentOptionsSchema, options, 'segment'), base);
}

/** segment() for options already validated (parse validates once, then segments every paragraph). */
export function segmentValidated(text: string, opts: z.infer<typeof segmentOptionsSchema>, base = 0): Token[] {
  const j = loadSegmenter();
  if (opts.userDict || opts.words) addWords(opts);
  const words = opts.pos ? j.tag(text) : j.cut(text, true);
  const spans = protectedSpans(text);
  // Most paragraphs have no mask and no decimal: their words are the tokens.
  if (!spans.length) return wordTokens(text, words, opts.pos ?? false, base);
  const raw: Array<{ start: number; end: number; pos: string | undefined }> = [];
  let cursor = 0;
  for (const w of words) {
    const [word, tag] = typeof w === 'string' ? [w, undefined] : [w.word, w.tag];
    const at = text.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    raw.push({ start: at, end: cursor, pos: tag });
  }
  const pieces: Array<{ start: number; end: number; pos: string | undefined }> = [];
  let s = 0;
  for (const token of raw) {
    // Spans wholly before this token are emitted in order.
    while (s < spans.length && spans[s]![1] <= token.start) pieces.push({ start: spans[s]![0], end: spans[s]![1], pos: 'm' }), s++;
    let from = token.start;
    let k = s;
    while (k < spans.length && spans[k]![0] < token.end) {
      const [a, b] = spans[k]!;
      if (a > from) pieces.push({ start: from, end: a, pos: token.pos });
      from = Math.max(from, b);
      k++;
    }
    if (from < token.end) pieces.push({ start: from, end: token.end, pos: token.pos });
  }
  while (s < spans.length) pieces.push({ start: spans[s]![0], end: spans[s]![1], pos: 'm' }), s++;
  pieces.sort((x, y) => x.start - y.start);
  const tokens: Token[] = [];
  let last = -1;
  for (const p of pieces) {
    if (p.start < last) continue; // a span already emitted covers it
    const piece = text.slice(p.start, p.end);
    if (!notBlank(piece)) continue;
    last = p.end;
    tokens.push(opts.pos && p.pos ? { text: piece, start: base + p.start, end: base + p.end, pos: p.pos } : { text: piece, start: base + p.start, end: base + p.end });
  }
  return tokens;
}

/**
 * Whether a word holds anything but white space (what /\S/.test says): by
 * character code, as it is asked of every word the segmenter returns and a
 * regex call per word cost a fifth of cut() itself.
 */
function notBlank(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isWhiteSpace(word.charCodeAt(i))) return true;
  return false;
}

/** The segmenter's words as tokens, located in the text in order; white space dropped. */
function wordTokens(text: string, words: Array<string | { word: string; tag: string }>, pos: boolean, base: number): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const w of words) {
    const word = typeof w === 'string' ? w : w.word;
    const at = text.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    if (!notBlank(word)) continue;
    tokens.push(pos && typeof w !== 'string' ? { text: word, start: base + at, end: base + cursor, pos: w.tag } : { text: word, start: base + at, end: base + cursor });
  }
  return tokens;
}
