// Content cues for section kinds (dictionaries/cues.tsv): where a passage turns
// to shortcomings or plans, and how much a passage reads as past achievement or
// as intention.
import { readTable } from '../dictionaries.js';

export type CueName =
  | 'problems-start' | 'turn-away' | 'plans-start' | 'closing-start' | 'salutation'
  | 'plans-intro' | 'past' | 'future' | 'report-opening' | 'report-vocabulary';

let cues: Map<CueName, RegExp[]> | null = null;
function cueTable(): Map<CueName, RegExp[]> {
  if (cues) return cues;
  cues = new Map();
  for (const [name, source] of readTable('cues.tsv')) {
    const list = cues.get(name as CueName) ?? [];
    list.push(new RegExp(source!, 'gu'));
    cues.set(name as CueName, list);
  }
  return cues;
}

/** How far into a paragraph each starting cue is looked for. */
const reach: Partial<Record<CueName, number>> = {
  'problems-start': 80,
  'plans-start': 24,
  'report-opening': 60,
};

const combined = new Map<CueName, RegExp>();
/** One alternation of all patterns of a cue: one test instead of one per pattern. */
function combinedCue(name: CueName): RegExp {
  let pattern = combined.get(name);
  if (!pattern) {
    pattern = new RegExp((cueTable().get(name) ?? []).map((p) => `(?:${p.source})`).join('|') || '(?!)', 'u');
    combined.set(name, pattern);
  }
  return pattern;
}

export function hasCue(name: CueName, text: string): boolean {
  const head = reach[name] ? text.slice(0, reach[name]) : text;
  return combinedCue(name).test(head);
}

/** Real (unmasked) counted quantities: evidence of a review, rare in plans. */
const countedQuantity = /(?:[0-9０-９]{1,15}|[xX×*]{1,4})(?:\.(?:[0-9]{1,15}|[xX×*]{1,4}))?\s?(?:万|亿)?(?:余|多)?(?:人次|场次|场|次|个|家|篇|条|份|名|人|元|项|所|期|%|％)/g;

/** What the tense of a passage is computed from; counts of lines add up (no cue spans a line break). */
export interface TenseCounts {
  length: number;
  past: number;
  future: number;
  perfective: number;
  quantities: number;
}

/** Matches of all patterns of a cue (each pattern counted on its own, as they may overlap). */
function countCue(name: CueName, text: string): number {
  let n = 0;
  // String.prototype.match with /g counts natively: twice as fast as an exec loop,
  // and several small patterns beat one alternation of all of them.
  for (const pattern of cueTable().get(name) ?? []) n += text.match(pattern)?.length ?? 0;
  return n;
}

const perfective = /了/g;

export function tenseCounts(text: string): TenseCounts {
  return {
    length: text.length,
    past: countCue('past', text),
    future: countCue('future', text),
    perfective: text.match(perfective)?.length ?? 0,
    quantities: text.match(countedQuantity)?.length ?? 0,
  };
}

/**
 * Tense of a passage, per 100 characters, clipped to [-1.5, 1.5]: positive
 * reads as achievement (review), negative as intention (plans). Measured on
 * the seed gold: reviews run at ≥ 0.5 past cues per 100 characters, plans at
 * ≥ 0.7 future cues, and 了 is all but absent from plans. 了 weighs 3: once as
 * a past cue and twice as the perfective (counted in one scan, not two).
 */
export function tenseOf(c: TenseCounts): number {
  const hundreds = Math.max(1, c.length / 100);
  const score = (c.past - 1.2 * c.future + 3 * c.perfective + 0.5 * c.quantities) / hundreds;
  return Math.max(-1.5, Math.min(1.5, score));
}
