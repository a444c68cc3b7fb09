// Content cues for section kinds (dictionaries/cues.tsv): where a passage turns
// to shortcomings or plans, and how much a passage reads as past achievement or
// as intention.
import { readTable } from '../dictionaries.js';

export type CueName =
  | 'problems-start' | 'turn-away' | 'plans-start' | 'closing-start' | 'salutation'
  | 'plans-intro' | 'past' | 'future' | 'report-opening';

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

export function hasCue(name: CueName, text: string): boolean {
  const head = reach[name] ? text.slice(0, reach[name]) : text;
  return (cueTable().get(name) ?? []).some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(head);
  });
}

export function countCue(name: CueName, text: string): number {
  let n = 0;
  for (const pattern of cueTable().get(name) ?? []) {
    pattern.lastIndex = 0;
    n += text.match(pattern)?.length ?? 0;
  }
  return n;
}

/** Real (unmasked) counted quantities: evidence of a review, rare in plans. */
const countedQuantity = /[0-9０-９]+(?:\.[0-9]+)?\s?(?:万|亿)?(?:余|多)?(?:人次|场次|场|次|个|家|篇|条|份|名|人|元|项|所|期|%|％)/g;

/**
 * Tense of a passage in [-1, 1]: positive reads as achievement (review),
 * negative as intention (plans).
 */
export function tenseScore(text: string): number {
  const past = countCue('past', text) + 0.5 * (text.match(countedQuantity)?.length ?? 0);
  const future = countCue('future', text);
  return (past - future) / (past + future + 2);
}
