// Classifies every line once: blank, boilerplate (with the rule that matched),
// or content with its line-start marker. Later stages only read this.
import { readTable } from '../dictionaries.js';
import { trimmedSpan, type Line } from '../decode/lines.js';
import { lineStartMarker, type FoundMarker } from '../structure/markers.js';
import type { HeadingMatch } from '../structure/headings.js';
import type { TenseCounts } from '../structure/cues.js';
import type { Bigrams } from './similarity.js';

/**
 * What later stages compute of a line, kept on it: a chunk is planned several
 * times while documents are split, and a field read beats a WeakMap lookup.
 */
export interface LineMemo {
  cues?: { year: number | null; cue: 'problems' | 'plans' | 'closing' | 'turn-away' | null; opening: boolean };
  heading?: { rank: number; year: number | null; docType: string; heading: HeadingMatch | null };
  tense?: TenseCounts;
  opening?: Bigrams;
}

export interface TextLine extends Line {
  kind: 'blank' | 'boilerplate' | 'content';
  /** The boilerplate rule that matched, for boilerplate lines. */
  rule: string | null;
  /** Trimmed content and its offsets. */
  content: string;
  contentStart: number;
  contentEnd: number;
  marker: FoundMarker | null;
  memo: LineMemo;
}

interface BoilerplateRule {
  pattern: RegExp;
  name: string;
  maxLength: number;
}

let rules: BoilerplateRule[] | null = null;
function boilerplateRules(): BoilerplateRule[] {
  rules ??= readTable('boilerplate.tsv').map(([source, name, max]) => ({
    pattern: new RegExp(source!, 'u'),
    name: name!,
    maxLength: Number(max ?? 0),
  }));
  return rules;
}

let anyRule: RegExp | null = null;
let longestLimit = 0;

export function boilerplateRule(content: string): string | null {
  const rules = boilerplateRules();
  if (!anyRule) {
    // One pass rules most lines out; the rule that matched is found after.
    anyRule = new RegExp(rules.map((r) => `(?:${r.pattern.source})`).join('|'), 'u');
    longestLimit = rules.some((r) => !r.maxLength) ? Infinity : Math.max(...rules.map((r) => r.maxLength));
  }
  if (content.length > longestLimit || !anyRule.test(content)) return null;
  for (const rule of rules) {
    if (rule.maxLength && content.length > rule.maxLength) continue;
    if (rule.pattern.test(content)) return rule.name;
  }
  return null;
}

export function classifyLines(lines: Line[]): TextLine[] {
  return lines.map((line) => {
    const span = trimmedSpan(line);
    const content = line.text.slice(span.start - line.start, span.end - line.start);
    // One object literal of one shape for every line (spreads made this the slowest stage).
    const classified: TextLine = {
      number: line.number, start: line.start, end: line.end, text: line.text,
      kind: 'content', rule: null, content, contentStart: span.start, contentEnd: span.end, marker: null,
      // Every memo field from the start, in one order: memos filled in different orders had different shapes, and V8 re-optimized their readers.
      memo: { cues: undefined, heading: undefined, tense: undefined, opening: undefined },
    };
    if (span.start === span.end) classified.kind = 'blank';
    else {
      classified.rule = boilerplateRule(content);
      if (classified.rule) classified.kind = 'boilerplate';
      else classified.marker = lineStartMarker(content, span.start);
    }
    return classified;
  });
}
