// Section headings (SPEC §3): a heading names a canonical kind through the
// lexicon in dictionaries/headings.tsv, or names a year after the report's
// year (`四、…做好2023年宣传思想文化工作` in a 2022 report is `plans`).
import { createRequire } from 'node:module';
import { readTable } from '../dictionaries.js';
import type { DocType, SectionKind } from '../schema/nodes.js';
import { markerTitle } from './markers.js';
import type { TextLine } from '../documents/lines.js';
import { allMatches } from '../matches.js';

// What may stand before a lexicon phrase in a heading: a year, a period, 的.
// An organisation or a verb before it makes the line a title or a thematic item.
const headingPrefix =
  '(?:附[：:]?)?(?:(?:过去|今后|未来|近)(?:[一二三四五六七八九十]|几)年)?' +
  '(?:(?:\\d{4}|[0-9０-９]{2,3}[xX×*_]{1,2}|[xX×*]{2,4}|_{2,4}|[零〇一二三四五六七八九]{4})\\s?年度?(?:和|及|暨)?)?' +
  // a plan period named in quotes: “十四五”时期(的)
  '(?:[“"][^”"]{2,6}[”"](?:时期|期间)?(?:的)?)?' +
  '(?:上半年|下半年|全年|本年度|今年|明年|第[一二三四]季度|[一二三四]季度|下季度|下一季度|本季度|今后|去年|一年来|近年来|过去一年)?(?:政府|全区|全县|全市|全省|全州|全旗)?(?:的|度)?';

let lexicon: Array<{ pattern: RegExp; kind: SectionKind }> | null = null;
function headingLexicon() {
  lexicon ??= readTable('headings.tsv').map(([source, kind]) => ({
    pattern: new RegExp(`^${headingPrefix}(?:${source})$`, 'u'),
    kind: kind as SectionKind,
  }));
  return lexicon;
}

/** The heading text without marker and trailing punctuation. */
export function headingText(line: TextLine): string {
  const after = line.marker ? line.marker.end - line.contentStart : 0;
  return markerTitle(line.content, after)
    .replace(/^[【\[〔]|[】\]〕]$/g, '')
    .replace(/[。.：:；;，,！!]+$/, '')
    .trim();
}

let anyHeading: RegExp | null = null;

export function kindFromLexicon(text: string): SectionKind | null {
  const compact = text.replace(/\s+/g, '');
  // One test of all phrases first: most lines are no heading.
  anyHeading ??= new RegExp(`^${headingPrefix}(?:${readTable('headings.tsv').map(([source]) => `(?:${source})`).join('|')})$`, 'u');
  if (anyHeading.test(compact)) for (const entry of headingLexicon()) if (entry.pattern.test(compact)) return entry.kind;
  return kindFromTypo(compact);
}

let phrases: Array<{ phrase: string; kind: SectionKind; chars: Set<number> }> | null = null;
/** Every character of every canonical phrase: a core with two characters outside it is near none of them. */
let phraseCharacters: Set<number> | null = null;
let prefixPattern: RegExp | null = null;
let jaroWinkler: ((a: string, b: string) => number) | null = null;

const codesOf = (text: string): number[] => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));

/**
 * A heading with a typo (下一步工作打箅): natural's Jaro-Winkler against the
 * canonical phrases. natural is loaded only for a near miss — a phrase of about
 * the same length sharing all but one character — so parsing rarely loads it.
 */
function kindFromTypo(text: string): SectionKind | null {
  if (text.length < 4) return null;
  phrases ??= readTable('heading-phrases.tsv').map(([phrase, kind]) => ({ phrase: phrase!, kind: kind as SectionKind, chars: new Set(codesOf(phrase!)) }));
  phraseCharacters ??= new Set(phrases.flatMap((p) => [...p.chars]));
  prefixPattern ??= new RegExp(`^${headingPrefix}`, 'u');
  const core = text.replace(prefixPattern, '');
  if (core.length < 4 || core.length > 10) return null;
  const codes = codesOf(core);
  if (codes.filter((c) => !phraseCharacters!.has(c)).length > 1) return null;
  for (const { phrase, kind, chars } of phrases) {
    if (Math.abs(phrase.length - core.length) > 1 || core === phrase) continue;
    let shared = 0;
    for (const c of codes) if (chars.has(c)) shared++;
    if (shared < Math.max(phrase.length, core.length) - 1) continue;
    jaroWinkler ??= createRequire(import.meta.url)('natural/lib/natural/distance/jaro-winkler_distance') as (a: string, b: string) => number;
    if (jaroWinkler(core, phrase) >= 0.93) return kind;
  }
  return null;
}

const yearInHeading = /(?<![0-9])((?:19|20)[0-9]{2})\s?年/g;

/** A year named in the heading that is later than the report's year. */
export function namesLaterYear(text: string, reportYear: number | null): boolean {
  if (reportYear === null) return false;
  for (const match of allMatches(yearInHeading, text)) if (Number(match[1]) > reportYear) return true;
  return false;
}

export interface HeadingMatch {
  kind: SectionKind;
  text: string;
  confidence: number;
}

/**
 * Whether a content line is a section heading. Numbered lines qualify at the
 * report's top rank; an unnumbered line only when it is short and is nothing
 * but a lexicon phrase (`20xx年工作计划。`, `存在问题`).
 */
export function sectionHeading(line: TextLine, topRank: number, reportYear: number | null, docType: DocType = 'other'): HeadingMatch | null {
  // Most lines are ruled out before their heading text is computed.
  const candidate = line.marker ? line.marker.rank === topRank && line.marker.rank <= 1 : line.content.length <= 24 && !/[，,]/.test(line.content);
  if (!candidate) return null;
  const text = headingText(line);
  if (line.marker) {
    const kind = kindFromLexicon(text);
    if (kind) return { kind, text, confidence: 0.95 };
    if (namesLaterYear(text, reportYear) && text.length <= 40) return { kind: 'plans', text, confidence: 0.85 };
    // A government work report of year Y reviews Y-1 and plans Y: `三、2021年主要工作` in 2021 is plans.
    const named = /^((?:19|20)[0-9]{2})\s?年/.exec(text);
    if (docType === 'government-work-report' && named && reportYear !== null && text.length <= 20) {
      return { kind: Number(named[1]) >= reportYear ? 'plans' : 'review', text, confidence: 0.8 };
    }
    return null;
  }
  const kind = kindFromLexicon(text);
  return kind ? { kind, text, confidence: 0.9 } : null;
}
