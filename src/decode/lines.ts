// The line index every later stage works on. Offsets are UTF-16 code units of
// the decoded text (SPEC §2); `\r\n`, `\r` and `\n` all end a line.
import type { Point, Position } from '../schema/nodes.js';
import { isWhiteSpace } from '../chars.js';

export interface Line {
  /** 1-based line number. */
  number: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, line terminator excluded. */
  end: number;
  text: string;
}

export class LineIndex {
  readonly lines: Line[];
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.lines = splitLines(text);
  }

  line(number: number): Line {
    return this.lines[number - 1]!;
  }

  private last = 0;

  /** The point of an offset: the line of the previous lookup first (nodes come in order), else a binary search. */
  point(offset: number): Point {
    const guess = this.lines[this.last]!;
    const next = this.lines[this.last + 1];
    if (guess.start <= offset && (!next || offset < next.start)) return { line: guess.number, column: offset - guess.start + 1, offset };
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[lo]!;
    this.last = lo;
    return { line: line.number, column: offset - line.start + 1, offset };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const terminator = /\r\n|\r|\n/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = terminator.exec(text))) {
    lines.push({ number: lines.length + 1, start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ number: lines.length + 1, start, end: text.length, text: text.slice(start) });
  return lines;
}

/**
 * Offsets of the line's content without leading/trailing white space. A loop,
 * not /\s*$/: that regex is quadratic on long lines in V8.
 */
export function trimmedSpan(line: Line): { start: number; end: number } {
  let a = 0;
  let b = line.text.length;
  while (a < b && isWhiteSpace(line.text.charCodeAt(a))) a++;
  while (b > a && isWhiteSpace(line.text.charCodeAt(b - 1))) b--;
  return { start: line.start + a, end: line.start + b };
}
