// Builds one report node from a document chunk: metadata, sections from the
// section plan, items nested per section, paragraphs and sentences.
import type { DocType, Paragraph, ParseWarning, Report, Section, Sentence, Title, Boilerplate, Item } from '../schema/nodes.js';
import type { LineIndex } from '../decode/lines.js';
import type { TextLine } from '../documents/lines.js';
import type { DocumentChunk } from '../documents/split.js';
import { cleanTitle, docTypeOf, firstYear, organizationOf, periodOf } from '../documents/titles.js';
import { planSections, type SectionPlan } from './sections.js';
import { inlineMarkers } from './markers.js';
import { ItemNester } from './items.js';
import { sentenceSpans } from './sentences.js';
import { quantitiesOf } from '../quantities/index.js';

export interface BuildContext {
  index: LineIndex;
  warnings: ParseWarning[];
  /** Boilerplate lines of the whole file, by line number. */
  boilerplate: Map<number, TextLine>;
}

export function buildReport(chunk: DocumentChunk, reportIndex: number, ctx: BuildContext): Report {
  const title = chunk.title ? cleanTitle(chunk.title.content) : null;
  const opening = chunk.body.slice(0, 3).map((l) => l.content).join('\n');
  const year = firstYear(title ?? '') ?? firstYear(opening);
  const titleType = docTypeOf(title);
  const plans = planSections(chunk.body, { year, docType: titleType ?? 'other' });
  const docType = titleType ?? docTypeFromSections(plans);

  const children: Report['children'] = [];
  if (chunk.title) {
    const t = chunk.title;
    const quantities = quantitiesOf(ctx.index, t.contentStart, t.contentEnd, { sectionKind: null, itemPath: [] });
    children.push({ type: 'title', value: t.content, children: quantities, position: ctx.index.position(t.contentStart, t.contentEnd) } satisfies Title);
  }
  const topOrdinals = new Map<string, number>();
  plans.forEach((plan, i) => {
    const end = i + 1 < plans.length ? plans[i + 1]!.start : chunk.body.length;
    children.push(...buildSections(plan, chunk.body.slice(plan.start, end), ctx, topOrdinals));
  });
  // Boilerplate lines between the report's first and last line stay in the report, beside its sections.
  const first = (chunk.title ?? chunk.body[0])!;
  const last = chunk.body[chunk.body.length - 1] ?? first;
  for (const [number, line] of ctx.boilerplate) {
    if (number > first.number && number < last.number) children.push(boilerplateNode(line, ctx.index));
  }
  children.sort((a, b) => a.position.start.offset - b.position.start.offset);
  return {
    type: 'report',
    data: {
      index: reportIndex,
      title,
      docType,
      year,
      period: periodOf(title ?? chunk.body[0]?.content ?? ''),
      organization: organizationOf(title, chunk.body[0]?.content ?? null),
      duplicateOf: null,
    },
    children,
    position: ctx.index.position(first.contentStart, last.contentEnd),
  };
}

function docTypeFromSections(plans: SectionPlan[]): DocType {
  const kinds = new Set(plans.map((p) => p.kind));
  if (kinds.has('plans') && (kinds.has('review') || kinds.has('problems'))) return 'summary-and-plan';
  if (kinds.has('plans')) return 'plan';
  return 'summary';
}

export function boilerplateNode(line: TextLine, index: LineIndex): Boilerplate {
  return { type: 'boilerplate', value: line.content, data: { rule: line.rule ?? 'boilerplate' }, position: index.position(line.contentStart, line.contentEnd) };
}

/** One section, or several of the same kind where boilerplate lines cut through it (it never lands inside one). */
function buildSections(plan: SectionPlan, lines: TextLine[], ctx: BuildContext, topOrdinals: Map<string, number>): Section[] {
  const runs: TextLine[][] = [[]];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && line.number - previous.number > 1 && boilerplateBetween(ctx, previous.number, line.number)) runs.push([]);
    runs[runs.length - 1]!.push(line);
  });
  return runs.filter((run) => run.length).map((run, r) => buildSection(plan, run, r === 0, ctx, topOrdinals));
}

function boilerplateBetween(ctx: BuildContext, after: number, before: number): boolean {
  for (let n = after + 1; n < before; n++) if (ctx.boilerplate.has(n)) return true;
  return false;
}

function buildSection(plan: SectionPlan, lines: TextLine[], withHeading: boolean, ctx: BuildContext, topOrdinals: Map<string, number>): Section {
  const section: Section = {
    type: 'section',
    kind: plan.kind,
    kindSource: plan.kindSource,
    confidence: round(plan.confidence),
    children: [],
    position: ctx.index.position(lines[0]!.contentStart, lines[lines.length - 1]!.contentEnd),
  };
  const nester = new ItemNester(section, ctx.index, ctx.warnings, topOrdinals);
  lines.forEach((line, i) => {
    if (i === 0 && withHeading && plan.heading) {
      if (line.marker) topOrdinals.set(line.marker.style, line.marker.ordinal);
      const marker = line.marker ? { text: line.marker.text, style: line.marker.style, ordinal: line.marker.ordinal } : null;
      const quantities = quantitiesOf(ctx.index, line.contentStart, line.contentEnd, { sectionKind: plan.kind, itemPath: [] });
      section.children.push({ type: 'heading', value: line.content, marker, children: quantities, position: ctx.index.position(line.contentStart, line.contentEnd) });
      return;
    }
    addLine(line, nester, ctx);
  });
  closePositions(section, ctx.index);
  attachQuantities(section, section.kind, [], ctx.index);
  return section;
}

/**
 * Quantities of every sentence, with the section kind and item path that hold
 * them: found once per paragraph (one pass of each pattern), then dealt out to
 * the sentences by offset.
 */
function attachQuantities(node: Section | Item, kind: Section['kind'], path: string[], index: LineIndex): void {
  for (const child of node.children) {
    if (child.type === 'item') attachQuantities(child, kind, [...path, child.marker.text], index);
    else if (child.type === 'paragraph') {
      const found = quantitiesOf(index, child.position.start.offset, child.position.end.offset, { sectionKind: kind, itemPath: path });
      let k = 0;
      for (const sentence of child.children) {
        const end = sentence.position.end.offset;
        while (k < found.length && found[k]!.position.start.offset < end) {
          if (found[k]!.position.start.offset >= sentence.position.start.offset) sentence.children.push(found[k]!);
          k++;
        }
      }
    }
  }
}

/** A content line: its line-start item (if any), then the paragraph, cut at inline markers. */
function addLine(line: TextLine, nester: ItemNester, ctx: BuildContext): void {
  const afterMarker = line.marker ? line.marker.end - line.contentStart : 0;
  const inline = inlineMarkers(line.content, afterMarker, line.contentStart);
  const cuts = [line.contentStart, ...inline.map((m) => m.start), line.contentEnd];
  if (line.marker) nester.open(line.marker, line.content, line.contentStart, cuts[1]! - line.contentStart);
  for (let k = 0; k + 1 < cuts.length; k++) {
    if (k > 0) nester.open(inline[k - 1]!, line.content, line.contentStart, cuts[k + 1]! - line.contentStart);
    const paragraph = paragraphNode(cuts[k]!, cuts[k + 1]!, ctx.index);
    if (paragraph) nester.add(paragraph);
  }
  nester.closeInline();
}

function paragraphNode(start: number, end: number, index: LineIndex): Paragraph | null {
  const text = index.text.slice(start, end);
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  if (start + lead >= end - trail) return null;
  const s = start + lead;
  const e = end - trail;
  const sentences: Sentence[] = sentenceSpans(index.text.slice(s, e), s).map(([a, b]) => ({
    type: 'sentence',
    value: index.text.slice(a, b),
    children: [],
    position: index.position(a, b),
  }));
  return { type: 'paragraph', children: sentences, position: index.position(s, e) };
}

/** An item or section ends where its last descendant ends. */
function closePositions(node: Section | Item, index: LineIndex): number {
  let end = node.position.end.offset;
  for (const child of node.children) {
    const childEnd = child.type === 'item' ? closePositions(child, index) : child.position.end.offset;
    if (childEnd > end) end = childEnd;
  }
  node.position = { start: node.position.start, end: index.point(end) };
  return end;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
