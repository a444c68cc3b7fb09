// Item markers (SPEC §4), one recogniser per style family, in the manner of
// micromark's constructs: each names its style, its pattern and how to read its
// ordinal. Full- and half-width variants are both accepted.
import type { Marker, MarkerStyle } from '../schema/nodes.js';
import { asciiDigits, circledToNumber, hanziToNumber } from './numerals.js';

export interface FoundMarker extends Marker {
  /** Offset of the marker's first character in the source text. */
  start: number;
  /** Offset just past the marker. */
  end: number;
  inline: boolean;
  /** Nesting rank: a marker never nests under an open item of a larger rank. */
  rank: number;
}

const hanziNumber = '[一二三四五六七八九十]{1,3}';

interface LineStartConstruct {
  style: MarkerStyle;
  pattern: RegExp;
  ordinal: (match: RegExpExecArray) => number | null;
  rank: (match: RegExpExecArray) => number;
}

// GB/T 9704-2012 order: 一、 > （一） > 1. > （1） > ①; 第一、 ranks with 一、.
// `一是`/`第一，` at a line start still rank below every numbered heading.
export const lineStartConstructs: LineStartConstruct[] = [
  {
    style: 'paren-hanzi',
    pattern: new RegExp(`^[（(]\\s?(${hanziNumber})\\s?[）)]`),
    ordinal: (m) => hanziToNumber(m[1]!),
    rank: () => 1,
  },
  {
    style: 'paren-arabic',
    pattern: /^[（(]\s?([0-9０-９]{1,2})\s?[）)]/,
    ordinal: (m) => Number(asciiDigits(m[1]!)),
    rank: () => 3,
  },
  {
    style: 'circled',
    pattern: /^([①-⑳])/,
    ordinal: (m) => circledToNumber(m[1]!),
    rank: () => 4,
  },
  {
    style: 'di-hanzi',
    pattern: new RegExp(`^第(${hanziNumber})(?:[、，,．.:：]|方面)`),
    ordinal: (m) => hanziToNumber(m[1]!),
    rank: (m) => (/[、．.]$/.test(m[0]) ? 0 : 4.5),
  },
  {
    style: 'hanzi-dun',
    // `一、` `十二、`; a half-width or full-width dot also occurs in scraped text.
    pattern: new RegExp(`^(${hanziNumber})\\s?(?:、|[．.](?![0-9０-９]))`),
    ordinal: (m) => hanziToNumber(m[1]!),
    rank: () => 0,
  },
  {
    style: 'hanzi-shi',
    pattern: new RegExp(`^(${hanziNumber})[是要](?![否的素求])`),
    ordinal: (m) => hanziToNumber(m[1]!),
    rank: () => 5,
  },
  {
    style: 'arabic-dot',
    // `1.` `2．` `3、` but not `1.2亿元`, `4.26世界知识产权日`, `2021年`.
    pattern: /^([0-9０-９]{1,2})\s?(?:[、．]|\.(?![0-9０-９]))/,
    ordinal: (m) => Number(asciiDigits(m[1]!)),
    rank: () => 2,
  },
];

/** The marker opening a line, if any; `lineStart` is the offset of the line's first non-space character. */
const canStartMarker = /^[（(0-9０-９①-⑳第一二三四五六七八九十]/;

export function lineStartMarker(text: string, lineStart: number): FoundMarker | null {
  if (!canStartMarker.test(text)) return null;
  for (const construct of lineStartConstructs) {
    const match = construct.pattern.exec(text);
    if (!match) continue;
    const ordinal = construct.ordinal(match);
    if (ordinal === null || ordinal < 1) continue;
    const markerText = match[0];
    return {
      text: markerText,
      style: construct.style,
      ordinal,
      start: lineStart,
      end: lineStart + markerText.length,
      inline: false,
      rank: construct.rank(match),
    };
  }
  return null;
}

// Inline items only count after a sentence or clause boundary (`统一是` is no marker).
// The pattern matches the boundary and looks ahead for the marker (group 1):
// a look-behind for the boundary would be tried at every position of the text,
// this is tried only at punctuation (1.3× faster on the corpus). Only the boundary is
// consumed, so a marker's own trailing comma (`第二，三是`) still opens the next.
const inlinePattern = new RegExp(
  `[。；;：:，,！？!?](?=(\\s?(?:(${hanziNumber})[是要](?![否的素求])|第(${hanziNumber})(?:[，,、]|方面))))`,
  'g',
);

/**
 * Inline `一是…二是…` and `第一，…第二，…` markers inside a paragraph.
 * `from`/`to` bound the search inside `text`; `base` is the offset of `text[0]`.
 */
export function inlineMarkers(text: string, from: number, base: number): FoundMarker[] {
  const found: FoundMarker[] = [];
  // The boundary may stand just before `from`.
  inlinePattern.lastIndex = Math.max(0, from - 1);
  let match: RegExpExecArray | null;
  while ((match = inlinePattern.exec(text))) {
    const marked = match[1]!;
    const lead = marked.length - marked.trimStart().length;
    const markerText = marked.slice(lead);
    const isShi = match[2] !== undefined;
    const ordinal = hanziToNumber(isShi ? match[2]! : match[3]!);
    if (ordinal === null || ordinal < 1) continue;
    const start = base + match.index + 1 + lead;
    found.push({
      text: markerText,
      style: isShi ? 'hanzi-shi' : 'di-hanzi',
      ordinal,
      start,
      end: start + markerText.length,
      inline: true,
      // `第一，…一是…` nests 一是 under 第一 (seed 001).
      rank: isShi ? 5 : 4.5,
    });
  }
  return found;
}

/** The heading text after a marker: up to the first `。`/`：` or the line end. */
export function markerTitle(lineText: string, afterMarker: number): string {
  const rest = lineText.slice(afterMarker);
  const stop = rest.search(/[。：:]/);
  return (stop < 0 ? rest : rest.slice(0, stop)).trim();
}
