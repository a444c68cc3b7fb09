// Keywords by TF-IDF (SPEC §6), per report, per section, or per section kind
// across reports ("what do the problems sections of 2022 talk about"). natural's
// TfIdf is imported from its submodule (the package root prints dotenv banners
// to stdout and costs ~0.7 s), fed token arrays (it tokenizes Latin only).
import { createRequire } from 'node:module';
import { z } from 'zod';
import { readTable } from '../dictionaries.js';
import { validateOptions } from '../schema/options.js';
import type { Report, Root, Section, SectionKind, Sentence } from '../schema/nodes.js';
import { segment, type SegmentOptions } from './segmenter.js';

export const keywordsOptionsSchema = z
  .object({
    /** One list per report, per section, or per section kind across all given reports. */
    by: z.enum(['report', 'section', 'kind']).optional(),
    /** How many terms per list. */
    top: z.number().int().positive().optional(),
    /**
     * IDF from the documents given (batch: natural's TfIdf), from the table built
     * from corpus/ (bundled), or auto: batch from 20 documents up, else bundled
     * (a handful of documents gives no usable document frequencies).
     */
    idf: z.enum(['auto', 'batch', 'bundled']).optional(),
    /** Only sections of these kinds. */
    kinds: z.array(z.enum(['review', 'problems', 'plans', 'preamble', 'closing', 'other'])).optional(),
  })
  .strict();
export type KeywordsOptions = z.input<typeof keywordsOptionsSchema>;

export interface KeywordList {
  /** `path#index` of the report (or of the first section's report), or the kind for by: 'kind'. */
  key: string;
  reportIndex: number | null;
  sectionKind: SectionKind | null;
  terms: Array<{ term: string; weight: number }>;
}

interface TfIdfInstance {
  addDocument(tokens: string[]): void;
  listTerms(index: number): Array<{ term: string; tfidf: number }>;
}

let stopwords: Set<string> | null = null;
function stopwordSet(): Set<string> {
  stopwords ??= new Set(readTable('stopwords.txt').map(([w]) => w!));
  return stopwords;
}

/** The bundled IDF table, and the weight of a term it does not hold (its rarest term's). */
let bundledIdf: { idf: Map<string, number>; unseen: number } | null = null;
function bundledIdfTable(): { idf: Map<string, number>; unseen: number } {
  if (bundledIdf) return bundledIdf;
  const idf = new Map(readTable('idf.tsv').map(([term, weight]) => [term!, Number(weight)]));
  let unseen = 1;
  for (const weight of idf.values()) unseen = Math.max(unseen, weight);
  bundledIdf = { idf, unseen };
  return bundledIdf;
}

/**
 * The text of some sentences for segmenting, joined with nothing: a line
 * hard-wrapped inside a term (推进乡村 / 振兴战略, common in text taken from
 * PDFs) gives its term back (乡村振兴战略, not 乡村 + 振兴 + 战略). Sentences
 * that end with a full stop are not run together by the segmenter either way.
 */
const joinSentences = (sentences: string[]) => sentences.join('');

const contentWord = /[\u3400-\u9fff]/;
const maskOrNumber = /^[0-9０-９.．%xX×*_＿]+[万亿]?$/;

/** The words of a text worth counting: not punctuation, numbers, masks, stopwords or single characters. */
export function contentTokens(text: string, options: SegmentOptions = {}): string[] {
  const stop = stopwordSet();
  return segment(text, options)
    .map((t) => t.text)
    .filter((w) => w.length > 1 && contentWord.test(w) && !maskOrNumber.test(w) && !stop.has(w));
}

function sentencesOf(node: { children?: unknown[] }, out: string[] = []): string[] {
  for (const child of (node.children ?? []) as Array<{ type: string; value?: string; children?: unknown[] }>) {
    if (child.type === 'sentence') out.push((child as unknown as Sentence).value);
    else if (child.type === 'paragraph' || child.type === 'item' || child.type === 'section') sentencesOf(child, out);
  }
  return out;
}

/** Keywords of parsed reports (one root or many: a batch). */
export function keywords(roots: Root | Root[], options: KeywordsOptions = {}): KeywordList[] {
  const opts = validateOptions(keywordsOptionsSchema, options, 'keywords');
  const by = opts.by ?? 'report';
  const top = opts.top ?? 10;
  const documents: Array<{ key: string; reportIndex: number | null; sectionKind: SectionKind | null; text: string }> = [];
  const byKind = new Map<SectionKind, string[]>();
  for (const root of Array.isArray(roots) ? roots : [roots]) {
    const path = root.data.path ?? '';
    for (const report of root.children.filter((c): c is Report => c.type === 'report')) {
      const sections = report.children.filter((c): c is Section => c.type === 'section' && (!opts.kinds || opts.kinds.includes(c.kind)));
      const key = `${path}#${report.data.index}`;
      if (by === 'report') documents.push({ key, reportIndex: report.data.index, sectionKind: null, text: joinSentences(sections.flatMap((s) => sentencesOf(s))) });
      else if (by === 'section') sections.forEach((s, i) => documents.push({ key: `${key}/s${i + 1}`, reportIndex: report.data.index, sectionKind: s.kind, text: joinSentences(sentencesOf(s)) }));
      else for (const s of sections) byKind.set(s.kind, sentencesOf(s, byKind.get(s.kind) ?? []));
    }
  }
  for (const [kind, sentences] of byKind) documents.push({ key: kind, reportIndex: null, sectionKind: kind, text: joinSentences(sentences) });
  const tokenLists = documents.map((d) => contentTokens(d.text));
  const idf = opts.idf === 'batch' || opts.idf === 'bundled' ? opts.idf : documents.length >= 20 ? 'batch' : 'bundled';
  const weights = idf === 'bundled' ? bundledWeights(tokenLists) : batchWeights(tokenLists);
  return documents.map((d, i) => ({
    key: d.key,
    reportIndex: d.reportIndex,
    sectionKind: d.sectionKind,
    terms: weights[i]!.slice(0, top).map(({ term, weight }) => ({ term, weight: Math.round(weight * 1000) / 1000 })),
  }));
}

function batchWeights(tokenLists: string[][]): Array<Array<{ term: string; weight: number }>> {
  const require = createRequire(import.meta.url);
  const { TfIdf } = require('natural/lib/natural/tfidf') as { TfIdf: new () => TfIdfInstance };
  const tfidf = new TfIdf();
  for (const tokens of tokenLists) tfidf.addDocument(tokens);
  return tokenLists.map((_, i) => tfidf.listTerms(i).map((t) => ({ term: t.term, weight: t.tfidf })));
}

function bundledWeights(tokenLists: string[][]): Array<Array<{ term: string; weight: number }>> {
  const { idf: table, unseen } = bundledIdfTable();
  return tokenLists.map((tokens) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return [...tf].map(([term, n]) => ({ term, weight: n * (table.get(term) ?? unseen) })).sort((a, b) => b.weight - a.weight);
  });
}
