// Statistics (SPEC §5): a number — Arabic, Chinese or masked — with its
// magnitude and unit, its qualifier and range. Recognised left to right in one
// sentence; formulae (两个维护) and ordinals (第三) are skipped.
import type { Mask, Qualifier } from '../schema/nodes.js';
import { formulaList, notStatPatterns, qualifierExclusions, qualifierWords, unitAt, unitList, type QualifierWord, type Unit } from './lexicon.js';
import { arabicValue, chineseValue, magnitudes } from './numbers.js';
import { hasMask, maskDigits } from './masks.js';
import { charIn, charTable, clauseBreaks, type CharTable } from '../chars.js';
import { allMatches } from '../matches.js';

export interface StatDraft {
  start: number;
  end: number;
  surface: string;
  value: number | null;
  unit: string | null;
  masked: boolean;
  mask: Mask | null;
  qualifier: Qualifier;
  range: { low: number | null; high: number | null } | null;
  /** The span of the mask inside the surface, for masked statistics. */
  maskSpan: { start: number; end: number } | null;
}

const maskSource = '[0-9０-９]{0,4}(?:[xX]+|[×＊*_＿]+)[xX×＊*_＿0-9０-９]*(?:[.．][xX×＊*_＿0-9０-９]+)?';
const arabicSource = '[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?';
// A Chinese numeral starts with a digit (a bare 一 only before 十百千万亿): 一 is in too many words to try each.
const chineseSource = '(?:[〇二两三四五六七八九十]|一(?=[十百千万亿]))[零〇一二两三四五六七八九十百千万亿]*';
const core = new RegExp(`(?:(${maskSource})|(${arabicSource})|(${chineseSource}))`, 'g');
// The same without the mask alternative, for the many paragraphs with no mask character (groups 1, 2 → arabic, chinese).
const coreUnmasked = new RegExp(`(?:(${arabicSource})|(${chineseSource}))`, 'g');
// What may not stand right before a number (a Latin word, another number): checked by hand, a look-behind in the pattern costs a test at every position.
const notBeforeNumber = charTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789０１２３４５６７８９.．');
// What may follow a number, tested at an offset by character code (a sticky
// regex per test cost more than the rest of reading a statistic).
const overMarks = '余多';
const rangeSeparators = '－-~～至到—';
const bracketOpeners = '（(';
const isOver = charTable(overMarks);
const isRangeSeparator = charTable(rangeSeparators);
const isBracketOpener = charTable(bracketOpeners);
const magnitudeWords = Object.keys(magnitudes).sort((a, b) => b.length - a.length);
const isMagnitudeStart = charTable(magnitudeWords);
/** The magnitude word (万亿, 亿, 万, 千) at `at`, longest first. */
function magnitudeAt(text: string, at: number): string | null {
  if (!charIn(isMagnitudeStart, text, at)) return null;
  return magnitudeWords.find((m) => text.startsWith(m, at)) ?? null;
}
const arabicAt = new RegExp(arabicSource, 'y');
const bracketedUnit = /[（(]([\u4e00-\u9fa5]{1,2})[）)]/y;
/** `（次）` and the like at `at`: its length, or 0. */
function bracketedUnitAt(text: string, at: number): number {
  if (!charIn(isBracketOpener, text, at)) return 0;
  bracketedUnit.lastIndex = at;
  return bracketedUnit.exec(text)?.[0].length ?? 0;
}
let suffixList: QualifierWord[] | null = null;
const suffixes = () => (suffixList ??= qualifierWords().filter((q) => q.place === 'suffix'));

/**
 * What may stand right after a number that reads as a statistic: a unit's first
 * character, a magnitude, 余/多, a range separator, an opening bracket. Every
 * other candidate is dropped before it is read — most numbers in a report
 * (一批, 三个方面 aside) are Chinese numerals inside words.
 */
let canFollow: CharTable | null = null;
function mayBeStat(text: string, end: number, number: string): boolean {
  canFollow ??= charTable([...magnitudeWords, ...overMarks, ...rangeSeparators, ...bracketOpeners, ...unitList().map((u) => u.text)]);
  return charIn(canFollow, text, end) || number.includes('万') || number.includes('亿');
}

let formulaPattern: RegExp | null = null;
const chineseDigit = /[二两三四五六七八九十]/;

const shortQuoted = /[“"‘]([^”"’]{1,8})[”"’]/g;

/** Offsets covered by formulae and by short quoted terms (“三下乡”, “六个年”). */
function protectedSpans(text: string, hasChineseDigit: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!hasChineseDigit) return spans;
  formulaPattern ??= new RegExp(formulaList().map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  for (const m of allMatches(formulaPattern, text)) spans.push([m.index!, m.index! + m[0].length]);
  for (const quoted of allMatches(shortQuoted, text)) spans.push([quoted.index!, quoted.index! + quoted[0].length]);
  return spans;
}

/** Offsets where a number names (十二届八次全会, 美兰机场二期, 五头镇): no statistic starts there. */
function namingSpans(text: string, hasChineseDigit: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!hasChineseDigit) return spans;
  for (const pattern of notStatPatterns()) for (const m of allMatches(pattern, text)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

export function findStats(text: string, withMasks = hasMask(text)): StatDraft[] {
  const found: StatDraft[] = [];
  // Computed on first need: most paragraphs have no candidate that asks.
  let guardedSpans: Array<[number, number]> | null = null;
  let namingSpansOf: Array<[number, number]> | null = null;
  let chineseDigitIn: boolean | null = null;
  const hasChineseDigit = () => (chineseDigitIn ??= chineseDigit.test(text));
  const guarded = () => (guardedSpans ??= protectedSpans(text, hasChineseDigit()));
  const naming = () => (namingSpansOf ??= namingSpans(text, hasChineseDigit()));
  const pattern = withMasks ? core : coreUnmasked;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const start = match.index;
    const whole = match[0];
    if (charIn(notBeforeNumber, text, start - 1)) {
      // inside a longer token: skip the whole run
      continue;
    }
    if (!mayBeStat(text, start + whole.length, whole)) continue;
    const masked = withMasks ? match[1] : undefined;
    const arabic = withMasks ? match[2] : match[1];
    const chinese = withMasks ? match[3] : match[2];
    const draft = readStat(text, start, whole, masked, arabic, chinese, guarded);
    if (draft && naming().some(([a, b]) => start >= a && start < b)) continue;
    if (draft) {
      found.push(draft);
      pattern.lastIndex = draft.end;
    }
  }
  for (const count of enumeratedCounts(text)) if (!found.some((f) => f.start < count.end && count.start < f.end)) found.push(count);
  return found.sort((a, b) => a.start - b.start);
}

// `x图书馆总馆+x镇分馆+xx服务点`: in a +-joined list of facilities each mask
// opening an element counts them, with no measure word (seed 000 line 20).
const plusElement = /(?<=^|[“"+＋、（(])([xX×*]{1,4})(?=[\u4e00-\u9fa5]{1,10}(?:[+＋]|[”"）)]?$|[”"]))/g;

function enumeratedCounts(text: string): StatDraft[] {
  if (!/[+＋]/.test(text)) return [];
  const counts: StatDraft[] = [];
  for (const [from, to] of plusLists(text)) {
    const body = text.slice(from, to);
    for (const m of allMatches(plusElement, body)) {
      const start = from + m.index!;
      const mask = m[1]!;
      const digits = maskDigits(mask);
      counts.push({
        start, end: start + mask.length, surface: mask, value: null, unit: null, masked: true,
        mask: { text: mask, digits, min: digits === null ? null : 10 ** (digits - 1), max: digits === null ? null : 10 ** digits - 1 },
        qualifier: null, range: null, maskSpan: { start, end: start + mask.length },
      });
    }
  }
  return counts;
}

const isPlus = (c: number) => c === 0x2b || c === 0xff0b;
// A list runs from the last clause break before its first + (、 included) to the
// next break after its last + in that stretch (、 not: `x馆+x站、x点` is one list).
const listOpeners = charTable('，。；、“”"');
const listClosers = charTable('，。；“”"');

/**
 * Spans [from, to) of +-joined lists: what /[^，。；、“”"]*[+＋][^，。；“”"]*\/g
 * matches, found from the + signs outward (that pattern retried every start
 * position of a clause: quadratic on long ones).
 */
function plusLists(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let pos = 0;
  for (;;) {
    let plus = pos;
    while (plus < text.length && !isPlus(text.charCodeAt(plus))) plus++;
    if (plus >= text.length) return spans;
    let from = plus;
    while (from > pos && !listOpeners[text.charCodeAt(from - 1)]) from--;
    // The last + before the next opener, then on to the next closer.
    let stop = plus;
    let lastPlus = plus;
    while (stop < text.length && !listOpeners[text.charCodeAt(stop)]) {
      if (isPlus(text.charCodeAt(stop))) lastPlus = stop;
      stop++;
    }
    let to = lastPlus + 1;
    while (to < text.length && !listClosers[text.charCodeAt(to)]) to++;
    spans.push([from, to]);
    pos = to;
  }
}

function readStat(
  text: string, start: number, whole: string, masked: string | undefined, arabic: string | undefined, chinese: string | undefined,
  guarded: () => Array<[number, number]>,
): StatDraft | null {
  let value: number | null;
  if (masked !== undefined) value = null;
  else if (arabic !== undefined) value = arabicValue(arabic);
  else {
    value = chineseValue(chinese!);
    if (value === null) return null;
    const next = text[start + whole.length];
    if (next === '是' || next === '要') return null; // 二是, 三要: item markers
    if (guarded().some(([a, b]) => start >= a && start < b)) return null;
  }
  if (text[start - 1] === '第') return null; // ordinals: 第三, 第十四届
  let at = start + whole.length;
  let magnitude = 1;
  let over = false;
  let range: StatDraft['range'] = null;

  // A range: 7－17, 10－20个 (but not a date range, which has no unit).
  if (value !== null && charIn(isRangeSeparator, text, at)) {
    arabicAt.lastIndex = at + 1;
    const high = arabicAt.exec(text);
    if (high && unitAt(text, at + 1 + high[0].length, false)) {
      range = { low: value, high: arabicValue(high[0]) };
      at += 1 + high[0].length;
    }
  }
  const isMasked = masked !== undefined;
  let unit: Unit | null = unitAt(text, at, isMasked); // 千瓦, 千米 before the magnitude 千
  if (!unit) {
    if (charIn(isOver, text, at)) (over = true), at++;
    const mag = magnitudeAt(text, at);
    if (mag && chinese === undefined) {
      magnitude = magnitudes[mag]!;
      at += mag.length;
    }
    if (charIn(isOver, text, at)) (over = true), at++;
    unit = unitAt(text, at, isMasked);
  }
  // 人（次）, **（场）次, 篇（条）: an alternative unit in brackets.
  let unitText = unit?.text ?? null;
  if (!unit) {
    const bracketed = bracketedUnitAt(text, at);
    const after = bracketed ? unitAt(text, at + bracketed, isMasked) : null;
    if (after) {
      unitText = after.text;
      at += bracketed + after.text.length;
    }
  } else at += unit.text.length + bracketedUnitAt(text, at + unit.text.length);
  // 千 alone is rarely a magnitude in these reports: `750千伏` is a unit we do not know.
  const hasMagnitude = magnitude > 1000 || (chinese !== undefined && (chinese.includes('万') || chinese.includes('亿')));
  if (!unitText && !hasMagnitude) return null;
  if (unitText && unit && chinese !== undefined && value !== null && value < 2) return null;

  const surfaceEnd = at;
  const surface = text.slice(start, surfaceEnd);
  let qualifier: Qualifier = null;
  const suffix = suffixes().find((q) => text.startsWith(q.word, surfaceEnd));
  if (suffix) qualifier = suffix.qualifier;
  else if (over) qualifier = 'over';
  else qualifier = prefixQualifier(text, start);

  let mask: Mask | null = null;
  if (isMasked) {
    const digits = maskDigits(masked!.replace(/^[0-9０-９]+/, '').length < masked!.length ? masked!.replace(/[0-9０-９]/g, 'x') : masked!);
    mask = {
      text: masked!,
      digits,
      min: digits === null ? null : 10 ** (digits - 1) * magnitude,
      max: digits === null ? null : 10 ** digits * magnitude - 1,
    };
  }
  return {
    start,
    end: surfaceEnd,
    surface,
    value: value === null ? null : round(value * magnitude),
    unit: unitText === '％' ? '%' : unitText === '个百分点' ? '百分点' : unitText,
    masked: isMasked,
    mask,
    qualifier,
    range,
    maskSpan: isMasked ? { start, end: start + masked!.length } : null,
  };
}

interface PrefixWord {
  word: string;
  qualifier: NonNullable<Qualifier>;
  adjacent: boolean;
  /** Exclusion words holding this word, with the word's offset in them (共 in 公共 at 1). */
  exclusions: Array<{ word: string; at: number }>;
}
let prefixWords: Map<number, PrefixWord[]> | null = null;
/** Prefix and adjacent qualifier words by their last character, longest first. */
function prefixWordsByLast(): Map<number, PrefixWord[]> {
  if (prefixWords) return prefixWords;
  prefixWords = new Map();
  for (const q of qualifierWords()) {
    if (q.place !== 'prefix' && q.place !== 'adjacent') continue;
    const exclusions = qualifierExclusions().filter((w) => w.includes(q.word)).map((w) => ({ word: w, at: w.indexOf(q.word) }));
    const last = q.word.charCodeAt(q.word.length - 1);
    prefixWords.set(last, [...(prefixWords.get(last) ?? []), { word: q.word, qualifier: q.qualifier, adjacent: q.place === 'adjacent', exclusions }]);
  }
  return prefixWords;
}
const betweenAdjacent = /^(达到|达|了|为)?$/;

/**
 * The nearest qualifier word before the number in its clause (共, 累计, 超过…);
 * an adjacent one (近) only right before it. Read backwards from the number to
 * the clause break: the first word that ends there and is not part of an
 * excluded word wins. Words hold no clause break, so a word (or exclusion) that
 * matches lies inside the clause.
 */
function prefixQualifier(text: string, start: number): Qualifier {
  const byLast = prefixWordsByLast();
  for (let end = start; end > 0; end--) {
    // Character codes, not text[i]: a one-character CJK string is a fresh allocation each time.
    const code = text.charCodeAt(end - 1);
    if (clauseBreaks[code]) return null;
    const words = byLast.get(code);
    if (!words) continue;
    for (const q of words) {
      const at = end - q.word.length;
      if (at < 0 || !text.startsWith(q.word, at)) continue;
      if (q.exclusions.some((x) => at - x.at >= 0 && at - x.at + x.word.length <= start && text.startsWith(x.word, at - x.at))) continue;
      if (q.adjacent && !betweenAdjacent.test(text.slice(end, start))) continue;
      return q.qualifier;
    }
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
