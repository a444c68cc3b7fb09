// The quantity dictionaries (units, formulae, qualifiers), read once.
import { readTable } from '../dictionaries.js';
import type { Qualifier } from '../schema/nodes.js';

export interface Unit {
  text: string;
  family: string;
  /** What may not follow (unit + it is a word, not a count). */
  notBefore: RegExp | null;
}

let units: Unit[] | null = null;
let byFirst: Map<number, Unit[]> | null = null;
/** Units, longest first, so that 人次 wins over 人 and 个百分点 over 个. */
export function unitList(): Unit[] {
  units ??= readTable('units.tsv')
    .map(([text, family, notBefore]) => ({ text: text!, family: family!, notBefore: notBefore ? new RegExp(`(?:${notBefore})`, 'y') : null }))
    .sort((a, b) => b.text.length - a.text.length);
  return units;
}

/** The unit at `at` in `text`, if one stands there and is not the start of a longer word. */
export function unitAt(text: string, at: number, masked: boolean): Unit | null {
  if (!byFirst) {
    byFirst = new Map();
    for (const unit of unitList()) byFirst.set(unit.text.charCodeAt(0), [...(byFirst.get(unit.text.charCodeAt(0)) ?? []), unit]);
  }
  // By character code: text[at] would allocate a one-character string per call.
  const candidates = byFirst.get(text.charCodeAt(at));
  if (!candidates) return null;
  for (const unit of candidates) {
    if (!text.startsWith(unit.text, at)) continue;
    if (masked && unit.family === 'place') continue;
    if (unit.notBefore) {
      unit.notBefore.lastIndex = at + unit.text.length;
      if (unit.notBefore.test(text)) continue;
    }
    return unit;
  }
  return null;
}

let formulae: string[] | null = null;
export function formulaList(): string[] {
  formulae ??= readTable('formulae.txt').map(([f]) => f!).sort((a, b) => b.length - a.length);
  return formulae;
}

export interface QualifierWord {
  word: string;
  qualifier: NonNullable<Qualifier>;
  place: 'prefix' | 'adjacent' | 'suffix' | 'inner';
}

let qualifiers: QualifierWord[] | null = null;
export function qualifierWords(): QualifierWord[] {
  qualifiers ??= readTable('qualifiers.tsv')
    .map(([word, qualifier, place]) => ({ word: word!, qualifier: qualifier as QualifierWord['qualifier'], place: place as QualifierWord['place'] }))
    .sort((a, b) => b.word.length - a.word.length);
  return qualifiers;
}

let exclusions: string[] | null = null;
export function qualifierExclusions(): string[] {
  exclusions ??= readTable('qualifier-exclusions.txt').map(([w]) => w!);
  return exclusions;
}

let notStats: RegExp[] | null = null;
/** Patterns of numbers that name rather than count (dictionaries/not-stats.tsv). */
export function notStatPatterns(): RegExp[] {
  notStats ??= readTable('not-stats.tsv').map(([source]) => new RegExp(source!, 'gu'));
  return notStats;
}
