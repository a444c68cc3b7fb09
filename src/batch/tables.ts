// Flat tables for dashboards (SPEC §7): one row per document, section, item
// and statistic, with stable ids (file path + report index + node path) and
// enough context (section kind, item path, sentence) that no join is needed.
import { z } from 'zod';
import type { Item, Report, Root, Section, Sentence, Stat } from '../schema/nodes.js';
import { charIn, clauseBreaks } from '../chars.js';

export const documentRowSchema = z.object({
  id: z.string(), file: z.string(), reportIndex: z.number().int(), title: z.string().nullable(), docType: z.string(),
  year: z.number().int().nullable(), period: z.string().nullable(), organization: z.string().nullable(), encoding: z.string(),
  duplicateOf: z.string().nullable(), startLine: z.number().int(), endLine: z.number().int(), characters: z.number().int(),
  sections: z.number().int(), items: z.number().int(), stats: z.number().int(), placeholders: z.number().int(), warnings: z.number().int(),
});
export const sectionRowSchema = z.object({
  id: z.string(), documentId: z.string(), ordinal: z.number().int(), kind: z.string(), kindSource: z.string(), confidence: z.number(),
  heading: z.string().nullable(), startLine: z.number().int(), endLine: z.number().int(), items: z.number().int(), stats: z.number().int(),
});
export const itemRowSchema = z.object({
  id: z.string(), documentId: z.string(), sectionId: z.string(), parentId: z.string().nullable(), path: z.string(), depth: z.number().int(),
  marker: z.string(), style: z.string(), ordinal: z.number().int(), inline: z.boolean(), title: z.string(), sectionKind: z.string(),
  breadcrumb: z.string(), line: z.number().int(), column: z.number().int(),
});
export const statRowSchema = z.object({
  id: z.string(), documentId: z.string(), sectionId: z.string().nullable(), itemId: z.string().nullable(), sectionKind: z.string().nullable(),
  itemPath: z.string(), breadcrumb: z.string(), surface: z.string(), value: z.number().nullable(), unit: z.string().nullable(),
  masked: z.boolean(), mask: z.string().nullable(), digits: z.number().int().nullable(), min: z.number().nullable(), max: z.number().nullable(),
  rangeLow: z.number().nullable(), rangeHigh: z.number().nullable(), qualifier: z.string().nullable(), sentence: z.string(),
  line: z.number().int(), column: z.number().int(),
});
export type DocumentRow = z.infer<typeof documentRowSchema>;
export type SectionRow = z.infer<typeof sectionRowSchema>;
export type ItemRow = z.infer<typeof itemRowSchema>;
export type StatRow = z.infer<typeof statRowSchema>;

export interface Tables {
  documents: DocumentRow[];
  sections: SectionRow[];
  items: ItemRow[];
  stats: StatRow[];
}

export const tableNames = ['documents', 'sections', 'items', 'stats'] as const;
export type TableName = (typeof tableNames)[number];

/** Column order of each table, as written to CSV. */
export const tableColumns: Record<TableName, string[]> = {
  documents: Object.keys(documentRowSchema.shape),
  sections: Object.keys(sectionRowSchema.shape),
  items: Object.keys(itemRowSchema.shape),
  stats: Object.keys(statRowSchema.shape),
};

export function emptyTables(): Tables {
  return { documents: [], sections: [], items: [], stats: [] };
}

const separator = ' › ';

/** The rows of one parsed file. `path` is the file as given to the batch. */
export function tablesOf(root: Root, path: string): Tables {
  const tables = emptyTables();
  for (const report of root.children) if (report.type === 'report') addReport(tables, report, root, path);
  return tables;
}

/** Where the rows of one section go, and the counts of its report so far. */
interface SectionContext {
  tables: Tables;
  documentId: string;
  sectionId: string;
  kind: Section['kind'];
  counts: { items: number; stats: number; placeholders: number };
}

function addReport(tables: Tables, report: Report, root: Root, path: string): void {
  const documentId = `${path}#${report.data.index}`;
  const counts = { items: 0, stats: 0, placeholders: 0 };
  const sections = report.children.filter((c): c is Section => c.type === 'section');
  sections.forEach((section, s) => {
    const sectionId = `${documentId}/s${s + 1}`;
    const heading = section.children.find((c) => c.type === 'heading');
    const before = { items: counts.items, stats: counts.stats };
    walk({ tables, documentId, sectionId, kind: section.kind, counts }, section.children, null, '', []);
    if (heading) for (const q of heading.children) if (q.type === 'placeholder') counts.placeholders++;
    tables.sections.push({
      id: sectionId, documentId, ordinal: s + 1, kind: section.kind, kindSource: section.kindSource, confidence: section.confidence,
      heading: heading?.value ?? null, startLine: section.position.start.line, endLine: section.position.end.line,
      items: counts.items - before.items, stats: counts.stats - before.stats,
    });
  });
  const d = report.data;
  tables.documents.push({
    id: documentId, file: path, reportIndex: d.index, title: d.title, docType: d.docType, year: d.year, period: d.period,
    organization: d.organization, encoding: root.data.encoding, duplicateOf: d.duplicateOf === null ? null : `${path}#${d.duplicateOf}`,
    startLine: report.position.start.line, endLine: report.position.end.line,
    characters: report.position.end.offset - report.position.start.offset, sections: sections.length,
    items: counts.items, stats: counts.stats, placeholders: counts.placeholders, warnings: root.data.warnings.length,
  });
}

// Top-level functions with one context object, not closures made per section:
// V8 re-optimized those closures again and again (7–8 times per run, the
// costliest compilations of the tables job).

/** Item rows of a section or item's children, depth first, and the stat rows of their sentences. */
function walk(ctx: SectionContext, children: Section['children'] | Item['children'], parentId: string | null, pathPrefix: string, trail: string[]): void {
  let n = 0;
  for (const child of children) {
    if (child.type === 'paragraph') for (const sentence of child.children) statsOf(ctx, sentence, parentId, trail);
    if (child.type !== 'item') continue;
    n++;
    ctx.counts.items++;
    const itemPath = pathPrefix ? `${pathPrefix}.${n}` : String(n);
    const itemId = `${ctx.sectionId}/${itemPath}`;
    const itemTrail = [...trail, child.marker.text];
    ctx.tables.items.push({
      id: itemId, documentId: ctx.documentId, sectionId: ctx.sectionId, parentId, path: itemPath, depth: child.depth, marker: child.marker.text,
      style: child.marker.style, ordinal: child.marker.ordinal, inline: child.inline, title: child.title, sectionKind: ctx.kind,
      breadcrumb: [ctx.kind, ...itemTrail].join(separator) + (child.title ? `: ${child.title}` : ''),
      line: child.position.start.line, column: child.position.start.column,
    });
    walk(ctx, child.children, itemId, itemPath, itemTrail);
  }
}

function statsOf(ctx: SectionContext, sentence: Sentence, itemId: string | null, trail: string[]): void {
  for (const q of sentence.children) {
    if (q.type === 'placeholder') ctx.counts.placeholders++;
    if (q.type !== 'stat') continue;
    ctx.counts.stats++;
    ctx.tables.stats.push(statRow(q, sentence, ctx.documentId, ctx.sectionId, itemId, ctx.kind, trail, ctx.counts.stats));
  }
}

function statRow(q: Stat, sentence: Sentence, documentId: string, sectionId: string, itemId: string | null, kind: string, trail: string[], n: number): StatRow {
  return {
    id: `${documentId}/q${n}`, documentId, sectionId, itemId, sectionKind: kind, itemPath: trail.join(separator),
    breadcrumb: [kind, ...trail].join(separator) + `: ${clauseOf(sentence, q)}`, surface: q.surface, value: q.value, unit: q.unit, masked: q.masked,
    mask: q.mask?.text ?? null, digits: q.mask?.digits ?? null, min: q.mask?.min ?? null, max: q.mask?.max ?? null,
    rangeLow: q.range?.low ?? null, rangeHigh: q.range?.high ?? null, qualifier: q.qualifier, sentence: sentence.value,
    line: q.position.start.line, column: q.position.start.column,
  };
}

/** The clause of a sentence holding a statistic: 开展宣讲xxx场 out of 二是广宣讲，…开展宣讲xxx场，覆盖… */
function clauseOf(sentence: Sentence, q: Stat): string {
  const text = sentence.value;
  const at = q.position.start.offset - sentence.position.start.offset;
  let a = at;
  while (a > 0 && !charIn(clauseBreaks, text, a - 1)) a--;
  let b = at + q.surface.length;
  while (b < text.length && !charIn(clauseBreaks, text, b)) b++;
  return text.slice(a, b);
}

/** Tables of many parsed files at once (for small batches; large ones stream, see parseFiles). */
export function toTables(results: Iterable<{ path: string; root?: Root }>): Tables {
  const all = emptyTables();
  for (const result of results) {
    if (!result.root) continue;
    const t = tablesOf(result.root, result.path);
    for (const name of tableNames) (all[name] as unknown[]).push(...t[name]);
  }
  return all;
}
