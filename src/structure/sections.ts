// Sections and their canonical kinds (SPEC §3). A report's content lines are cut
// into units — at headings, at top-rank markers, at paragraphs that turn (to
// shortcomings, to plans, to a close) and where numbering restarts — and the
// units are labelled by a small dynamic programme that keeps the usual order of
// a report (review → problems → plans → closing) and reads each unit's content.
import type { DocType, KindSource, SectionKind } from '../schema/nodes.js';
import type { TextLine } from '../documents/lines.js';
import { hasCue, tenseCounts, tenseOf, type TenseCounts } from './cues.js';
import { sectionHeading, type HeadingMatch } from './headings.js';

export interface ReportContext {
  year: number | null;
  docType: DocType;
}

export interface SectionPlan {
  kind: SectionKind;
  kindSource: KindSource;
  confidence: number;
  /** Index of the section's first line in the report's content lines. */
  start: number;
  heading: HeadingMatch | null;
}

interface Unit {
  start: number;
  end: number; // exclusive
  heading: HeadingMatch | null;
  /** A unit where the kind may change inside a headed stretch. */
  turning: boolean;
  restart: boolean;
  opening: boolean;
  cue: 'problems' | 'plans' | 'closing' | 'turn-away' | null;
}

/** The best rank among line-start markers (0 = `一、`), ignoring `一是`-style ones. */
export function topRank(lines: TextLine[]): number {
  let best = Infinity;
  for (const line of lines) if (line.marker && line.marker.rank < best && line.marker.rank < 5) best = line.marker.rank;
  return best;
}

function paragraphCue(line: TextLine, year: number | null): Unit['cue'] {
  if (line.marker) return null;
  const text = line.content;
  if (hasCue('closing-start', text)) return 'closing';
  if (hasCue('turn-away', text)) return 'turn-away';
  if (hasCue('plans-start', text) || laterYearAtStart(text, year)) return 'plans';
  if (hasCue('problems-start', text)) return 'problems';
  return null;
}

/**
 * Line indexes where numbering starts again at 1 with no higher-ranked marker
 * in between — a lost heading, or the start of another document. The nesting
 * is forgotten at headings and at turning paragraphs, as it is in the tree.
 */
function restarts(lines: TextLine[], boundaries: Set<number>): Set<number> {
  const found = new Set<number>();
  let stack: Array<{ style: string; rank: number; ordinal: number }> = [];
  lines.forEach((line, i) => {
    if (boundaries.has(i)) stack = [];
    const m = line.marker;
    if (!m || m.rank > 3) return;
    const at = stack.findIndex((open) => open.style === m.style);
    if (at >= 0) {
      if (m.ordinal === 1 && stack[at]!.ordinal >= 2) found.add(i);
      stack = stack.slice(0, at);
    } else {
      while (stack.length && stack[stack.length - 1]!.rank >= m.rank) stack.pop();
    }
    stack.push({ style: m.style, rank: m.rank, ordinal: m.ordinal });
  });
  return found;
}

// What a line says does not change while a chunk is re-planned (untitledReportStart
// plans every prefix that might end a document, then the report is planned
// again): its cues, heading and tense counts are remembered on the line.
function lineCues(line: TextLine, year: number | null): { cue: Unit['cue']; opening: boolean } {
  const cached = line.memo.cues;
  if (cached && cached.year === year) return cached;
  const cues = { year, cue: paragraphCue(line, year), opening: !line.marker && hasCue('report-opening', line.content) };
  line.memo.cues = cues;
  return cues;
}

function lineHeading(line: TextLine, rank: number, ctx: ReportContext): HeadingMatch | null {
  const cached = line.memo.heading;
  if (cached && cached.rank === rank && cached.year === ctx.year && cached.docType === ctx.docType) return cached.heading;
  const heading = sectionHeading(line, rank, ctx.year, ctx.docType);
  line.memo.heading = { rank, year: ctx.year, docType: ctx.docType, heading };
  return heading;
}

/** Tense counts of lines [start, end) as if joined by line breaks. */
function unitCounts(lines: TextLine[], start: number, end: number): TenseCounts {
  const sum: TenseCounts = { length: Math.max(0, end - start - 1), past: 0, future: 0, perfective: 0, quantities: 0 };
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    const c = (line.memo.tense ??= tenseCounts(line.content));
    sum.length += c.length;
    sum.past += c.past;
    sum.future += c.future;
    sum.perfective += c.perfective;
    sum.quantities += c.quantities;
  }
  return sum;
}

function cutUnits(lines: TextLine[], ctx: ReportContext): Unit[] {
  const rank = topRank(lines);
  const headings = lines.map((line) => lineHeading(line, rank, ctx));
  const said = lines.map((line) => lineCues(line, ctx.year));
  const cues = said.map((s) => s.cue);
  const hard = new Set<number>();
  lines.forEach((_, i) => (headings[i] || cues[i]) && hard.add(i));
  const restartAt = restarts(lines, hard);
  const units: Unit[] = [];
  lines.forEach((line, i) => {
    const opening = said[i]!.opening;
    const starts = i === 0 || headings[i] || cues[i] || restartAt.has(i) || opening || (line.marker && line.marker.rank === rank);
    if (!starts) return;
    if (units.length) units[units.length - 1]!.end = i;
    units.push({
      start: i,
      end: lines.length,
      heading: headings[i] ?? null,
      turning: Boolean(cues[i]) || restartAt.has(i) || opening,
      restart: restartAt.has(i),
      opening,
      cue: cues[i] ?? null,
    });
  });
  return units;
}

const order: SectionKind[] = ['review', 'problems', 'plans', 'closing'];
/** Changing kind costs more where the text gives no sign of turning. */
const switchCost = { turning: 1, plain: 3 };

function allowed(from: SectionKind, to: SectionKind): boolean {
  if (from === to || to === 'closing') return true;
  if (from === 'plans' || from === 'closing') return false;
  return true; // review ↔ problems, review/problems → plans
}

/** What the labelling reads of a unit's text. */
interface UnitText {
  length: number;
  tense: number;
  firstLine: string;
}

function emission(unit: Unit, text: UnitText, ctx: ReportContext, kind: SectionKind): number {
  const weight = Math.min(3, 0.5 + text.length / 300);
  const tense = text.tense * weight;
  const prior = ctx.docType === 'summary' || ctx.docType === 'debriefing' || ctx.docType === 'speech' ? 0.4 : ctx.docType === 'plan' ? -0.4 : 0;
  switch (kind) {
    case 'review':
      return tense + prior - (unit.cue === 'plans' ? 2 : 0) - (unit.cue === 'problems' ? 1 : 0);
    case 'plans':
      return -tense - prior + (unit.cue === 'plans' ? 4 : 0) + (laterYearAtStart(text.firstLine, ctx.year) ? 3 : 0);
    case 'problems':
      return unit.cue === 'problems' ? 4 : unit.cue === 'turn-away' ? -6 : -2.5;
    case 'closing':
      return unit.cue === 'closing' ? 6 : -Infinity;
    default:
      return -Infinity;
  }
}

function priorFavours(docType: DocType, kind: SectionKind): boolean {
  if (kind === 'plans') return docType === 'plan';
  if (kind === 'review') return docType === 'summary' || docType === 'debriefing' || docType === 'speech';
  return false;
}

function laterYearAtStart(text: string, year: number | null): boolean {
  const match = /^((?:19|20)[0-9]{2})\s?年/.exec(text);
  return Boolean(match && year !== null && Number(match[1]) > year);
}

/** Labels a stretch of units; a headed stretch starts with its heading's kind. */
function labelStretch(units: Unit[], texts: UnitText[], ctx: ReportContext): Array<{ kind: SectionKind; margin: number; tense: number }> {
  const fixed = units[0]!.heading?.kind;
  const n = units.length;
  const score: number[][] = [];
  const back: number[][] = [];
  for (let u = 0; u < n; u++) {
    score.push([]);
    back.push([]);
    order.forEach((kind, k) => {
      const e = emission(units[u]!, texts[u]!, ctx, kind);
      if (u === 0) {
        score[u]![k] = fixed ? (kind === fixed ? 0 : -Infinity) : e;
        back[u]![k] = -1;
        return;
      }
      let best = -Infinity;
      let from = -1;
      order.forEach((prev, p) => {
        if (!allowed(prev, kind)) return;
        // Inside a headed stretch the kind only changes where the text turns.
        if (prev !== kind && fixed && !units[u]!.turning) return;
        const cost = units[u]!.turning ? switchCost.turning : switchCost.plain;
        const s = score[u - 1]![p]! - (prev === kind ? 0 : cost);
        if (s > best) {
          best = s;
          from = p;
        }
      });
      score[u]![k] = best + e;
      back[u]![k] = from;
    });
  }
  const labels: Array<{ kind: SectionKind; margin: number; tense: number }> = new Array(n);
  let k = score[n - 1]!.indexOf(Math.max(...score[n - 1]!));
  for (let u = n - 1; u >= 0; u--) {
    const sorted = [...score[u]!].sort((a, b) => b - a);
    labels[u] = { kind: order[k]!, margin: Number.isFinite(sorted[1]) ? sorted[0]! - sorted[1]! : 5, tense: texts[u]!.tense };
    k = back[u]![k]!;
  }
  return labels;
}

/**
 * Salutation, speaker and dateline lines, and the first paragraph, before the
 * first marker or heading. A short line with no full stop (a speaker's name
 * the patterns missed) does not count as that paragraph.
 */
function preambleLength(lines: TextLine[], units: Unit[]): number {
  const hasStructure = lines.some((line) => line.marker && line.marker.rank < 5) || units.some((u) => u.heading);
  if (!hasStructure || units[0]?.heading || lines[0]?.marker) return 0;
  const headingAt = new Set(units.filter((u) => u.heading).map((u) => u.start));
  let n = 0;
  let paragraphTaken = false;
  while (n < lines.length) {
    const line = lines[n]!;
    if (line.marker || headingAt.has(n)) break;
    if (hasCue('salutation', line.content)) {
      n++;
      continue;
    }
    const shortLine = line.content.length <= 30 && !/[。；！？]/.test(line.content);
    if (shortLine && n < 3) {
      n++;
      continue;
    }
    if (paragraphTaken || hasCue('plans-intro', line.content)) break;
    paragraphTaken = true;
    n++;
  }
  return n;
}

export function planSections(lines: TextLine[], ctx: ReportContext): SectionPlan[] {
  if (lines.length === 0) return [];
  const allUnits = cutUnits(lines, ctx);
  const plans: SectionPlan[] = [];
  const preamble = preambleLength(lines, allUnits);
  if (preamble > 0) plans.push({ kind: 'preamble', kindSource: 'content', confidence: 0.8, start: 0, heading: null });
  // Units after the preamble (the unit holding the preamble starts after it).
  const units = allUnits
    .map((u) => (u.start < preamble ? { ...u, start: preamble, heading: null } : u))
    .filter((u) => u.start < u.end);
  // Stretches: a heading starts a new one.
  let stretch: Unit[] = [];
  const flush = () => {
    if (!stretch.length) return;
    const texts = stretch.map((u): UnitText => {
      const counts = unitCounts(lines, u.start, u.end);
      return { length: counts.length, tense: tenseOf(counts), firstLine: lines[u.start]!.content };
    });
    const head = stretch[0]!.heading;
    if (head && !order.includes(head.kind)) {
      plans.push({ kind: head.kind, kindSource: 'heading', confidence: head.confidence, start: stretch[0]!.start, heading: head });
    } else {
      const labels = labelStretch(stretch, texts, ctx);
      stretch.forEach((unit, u) => {
        const label = labels[u]!;
        const previous = plans[plans.length - 1];
        if (u > 0 && previous && previous.kind === label.kind) return;
        const fromHeading = u === 0 && head;
        // The title decided where the content alone does not point to the kind.
        const tense = label.tense;
        const contentSays = tense > 0.05 ? 'review' : tense < -0.05 ? 'plans' : null;
        const byTitle = !fromHeading && !unit.cue && contentSays !== label.kind && priorFavours(ctx.docType, label.kind);
        plans.push({
          kind: label.kind,
          kindSource: fromHeading ? 'heading' : byTitle ? 'title' : 'content',
          confidence: fromHeading ? head.confidence : Math.min(0.9, 0.5 + (0.4 * label.margin) / (label.margin + 1)),
          start: unit.start,
          heading: fromHeading ? head : null,
        });
      });
    }
    stretch = [];
  };
  for (const unit of units) {
    if (unit.heading) flush();
    stretch.push(unit);
  }
  flush();
  return plans;
}

/**
 * Where a chunk holds a second document with no title of its own: numbering
 * that restarts, or a paragraph that opens like a report, after the chunk has
 * already reached its plans.
 */
/** How many candidate starts are tried per chunk: each plans a prefix, so this bounds the cost on pathological input. */
const maxCandidates = 12;

export function untitledReportStart(lines: TextLine[], ctx: ReportContext): number | null {
  const units = cutUnits(lines, ctx);
  let tried = 0;
  for (const unit of units) {
    if (unit.start === 0 || !(unit.restart || unit.opening)) continue;
    if (++tried > maxCandidates) break;
    const before = planSections(lines.slice(0, unit.start), ctx);
    if (before.some((p) => p.kind === 'plans')) return unit.start;
  }
  return null;
}
