// Splitting a file into documents. Scraped compilations (a "精选17篇" page) hold
// many reports: most start at a title line; some lost their title and are found
// where their opening repeats an earlier report's, or where numbering restarts
// or a report-like opening appears after the previous one reached its plans.
import type { TextLine } from './lines.js';
import { cleanTitle, docTypeOf, firstYear, looksLikeTitle } from './titles.js';
import { bigrams, diceOfBigrams, type Bigrams } from './similarity.js';
import { kindFromLexicon } from '../structure/headings.js';
import { untitledReportStart, type ReportContext } from '../structure/sections.js';

export interface DocumentChunk {
  /** The title line, if the document has one. */
  title: TextLine | null;
  /** The content lines of the body, title excluded. */
  body: TextLine[];
}

/** At most this many content lines may stand before a file's first title and be thrown away as page debris. */
const maxHeadLines = 8;
/** How alike two openings must be (bigram Dice over their first 80 characters) to be the same document's. */
const sameOpening = 0.8;
/** How many earlier documents' openings a chunk is compared with. */
const nearestOpenings = 40;

export function isTitleLine(line: TextLine, atFileStart: boolean): boolean {
  if (line.kind !== 'content' || !looksLikeTitle(line.content, Boolean(line.marker))) return false;
  // `下一步工作计划` or `2023年工作计划` alone is a section heading, unless it opens the file.
  return atFileStart || !kindFromLexicon(cleanTitle(line.content).replace(/[。：:]$/, ''));
}

export function splitDocuments(lines: TextLine[]): DocumentChunk[] {
  const content = lines.filter((line) => line.kind === 'content');
  const titleAt = new Set<number>();
  const titles = new Set<TextLine>();
  content.forEach((line, i) => {
    if (isTitleLine(line, i === 0) && !(i > 0 && titleAt.has(i - 1))) titleAt.add(i), titles.add(line);
  });
  // Page debris before the first title (site names, teasers, an editor's intro).
  const firstTitle = Math.min(...titleAt);
  if (Number.isFinite(firstTitle) && firstTitle > 0 && firstTitle <= maxHeadLines && !content.slice(0, firstTitle).some((l) => l.marker)) {
    for (const line of content.slice(0, firstTitle)) {
      line.kind = 'boilerplate';
      line.rule = 'file-head';
    }
  }
  const kept = content.filter((line) => line.kind === 'content');
  const chunks: DocumentChunk[] = [];
  let current: DocumentChunk | null = null;
  for (const line of kept) {
    if (titles.has(line)) {
      current = { title: line, body: [] };
      chunks.push(current);
    } else {
      if (!current) chunks.push((current = { title: null, body: [] }));
      current.body.push(line);
    }
  }
  const documents = dropLinkLists(chunks);
  const openings = new Openings();
  for (const chunk of documents) openings.add(chunk.body[0]);
  return documents.flatMap((chunk) => splitUntitled(chunk, openings));
}

/** A body this short (characters, with no full stop) under a title is a link in a related-articles list. */
const maxLinkBody = 30;

/**
 * Web pages end with lists of related reports: a title and a date, again and
 * again. Such "documents" are boilerplate, unless nothing else is in the file.
 */
function dropLinkLists(chunks: DocumentChunk[]): DocumentChunk[] {
  const isLink = (c: DocumentChunk) => c.title !== null && c.body.map((l) => l.content).join('').length < maxLinkBody && !c.body.some((l) => /[。；]/.test(l.content));
  if (chunks.every(isLink)) return chunks;
  return chunks.filter((chunk) => {
    if (!isLink(chunk)) return true;
    for (const line of [chunk.title!, ...chunk.body]) {
      line.kind = 'boilerplate';
      line.rule = 'related-links';
    }
    return false;
  });
}

function contextOf(chunk: DocumentChunk): ReportContext {
  const title = chunk.title ? cleanTitle(chunk.title.content) : null;
  const opening = chunk.body.slice(0, 3).map((l) => l.content).join('\n');
  return { year: firstYear(title ?? '') ?? firstYear(opening), docType: docTypeOf(title) ?? 'other' };
}

/** First body lines of the documents found so far, sorted by offset, with their bigrams computed once. */
class Openings {
  private readonly lines: TextLine[] = [];

  add(line: TextLine | undefined): void {
    if (!line) return;
    const at = this.countBefore(line.start);
    if (this.lines[at] !== line) this.lines.splice(at, 0, line);
  }

  /** Bigrams of the openings of the `count` nearest documents before `offset`. */
  before(offset: number, count: number): Bigrams[] {
    const end = this.countBefore(offset);
    return this.lines.slice(Math.max(0, end - count), end).map(openingBigrams);
  }

  /** How many openings start before `offset` (binary search). */
  private countBefore(offset: number): number {
    let lo = 0;
    let hi = this.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lines[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// A line's opening is compared again after every split of its chunk: computed once.
function openingBigrams(line: TextLine): Bigrams {
  return (line.memo.opening ??= bigrams(line.content.slice(0, 80)));
}

function splitUntitled(chunk: DocumentChunk, openings: Openings): DocumentChunk[] {
  const out: DocumentChunk[] = [];
  let rest = chunk;
  for (;;) {
    const at = repeatedOpening(rest, openings) ?? untitledReportStart(rest.body, contextOf(rest));
    if (at === null || at <= 0) break;
    out.push({ title: rest.title, body: rest.body.slice(0, at) });
    rest = { title: null, body: rest.body.slice(at) };
    openings.add(rest.body[0]);
  }
  out.push(rest);
  return out;
}

/**
 * A paragraph repeating the opening of an earlier document starts another copy
 * of it. Only the nearest earlier documents are compared (copies in
 * compilations sit close together; all of them was quadratic in documents).
 */
function repeatedOpening(chunk: DocumentChunk, openings: Openings): number | null {
  const first = chunk.body[0];
  if (!first) return null;
  const earlier = openings.before(first.start, nearestOpenings);
  if (!earlier.length) return null;
  for (let i = 1; i < chunk.body.length; i++) {
    const line = chunk.body[i]!;
    if (line.marker || line.content.length < 30) continue;
    const head = openingBigrams(line);
    // Dice is at most 2·min/(sum): most pairs are ruled out by their lengths alone.
    const mayMatch = (o: Bigrams) => 2 * Math.min(o.total, head.total) >= sameOpening * (o.total + head.total);
    if (earlier.some((o) => mayMatch(o) && diceOfBigrams(o, head) >= sameOpening)) return i;
  }
  return null;
}
