// The pipeline, read top to bottom: decode → lines → boilerplate & titles →
// documents → sections, items, sentences → quantities → duplicates.
import type { Root, ParseWarning, Report, Boilerplate, Paragraph, Token } from './schema/nodes.js';
import { parseOptionsSchema, validateOptions, type ParseOptions } from './schema/options.js';
import { BaogaoError } from './schema/errors.js';
import { decode } from './decode/decode.js';
import { LineIndex } from './decode/lines.js';
import { classifyLines, type TextLine } from './documents/lines.js';
import { splitDocuments } from './documents/split.js';
import { markDuplicates } from './documents/duplicates.js';
import { boilerplateNode, buildReport } from './structure/report.js';
import { hasCue } from './structure/cues.js';
import { segmentValidated, type SegmentOptions } from './tokens/segmenter.js';

/**
 * Tokens on every sentence, offsets into the source text. Each paragraph is
 * segmented in one call (far fewer native calls than one per sentence) and its
 * tokens are dealt out to its sentences by offset.
 */
function attachTokens(reports: Report[], text: string, options: SegmentOptions): void {
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'paragraph') {
      const paragraph = node as unknown as Paragraph;
      const start = paragraph.position.start.offset;
      const tokens = segmentValidated(text.slice(start, paragraph.position.end.offset), options, start);
      // Tokens are in order: a sentence's are one run of them (those in the gaps between sentences are skipped).
      let k = 0;
      for (const sentence of paragraph.children) {
        while (k < tokens.length && tokens[k]!.start < sentence.position.start.offset) k++;
        const first = k;
        while (k < tokens.length && tokens[k]!.start < sentence.position.end.offset) k++;
        const mine: Token[] = tokens.slice(first, k);
        sentence.data = sentence.data ? { ...sentence.data, tokens: mine } : { tokens: mine };
      }
      return;
    }
    for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) visit(child);
  };
  for (const report of reports) visit(report);
}

/** Mostly Chinese, and speaking the language of reports at least once. */
function looksLikeReport(text: string): boolean {
  const sample = text.length > 5000 ? text.slice(0, 5000) : text;
  let letters = 0;
  let chinese = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) chinese++, letters++;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c < 0x3000)) letters++;
  }
  return letters > 0 && chinese / letters >= 0.3 && hasCue('report-vocabulary', sample);
}

/** Parses one report file (bytes or text) into the tree of SPEC §2. */
export function parse(input: Uint8Array | string, options: ParseOptions = {}): Root {
  return parseWithText(input, options).root;
}

/** What parseWithText gives the batch layer beside the tree. */
export interface ParsedText {
  root: Root;
  /** The decoded text the positions point into. */
  text: string;
  /** Each report's shingle set where duplicate marking computed one (for its cross-file signature), else null. */
  shingles: Array<Set<number> | null>;
}

/** parse(), also returning the decoded text and what duplicate marking computed (for the batch layer). */
export function parseWithText(input: Uint8Array | string, options: ParseOptions = {}): ParsedText {
  const opts = validateOptions(parseOptionsSchema, options, 'parse');
  const path = opts.path ?? null;
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new BaogaoError('invalid-options', `parse() takes a string or bytes (Uint8Array/Buffer), not ${typeof input}`, path);
  }
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (opts.maxBytes !== undefined && size > opts.maxBytes) {
    throw new BaogaoError('too-large', `the input has ${size} bytes, over the limit of ${opts.maxBytes}`, path);
  }
  const { text, encoding } = decode(input, opts.encoding, path);
  const index = new LineIndex(text);
  const warnings: ParseWarning[] = [];
  const lines = classifyLines(index.lines);
  const chunks = splitDocuments(lines);

  const boilerplate = new Map<number, TextLine>();
  for (const line of lines) if (line.kind === 'boilerplate') boilerplate.set(line.number, line);
  const reports: Report[] = chunks.map((chunk, i) => buildReport(chunk, i, { index, warnings, boilerplate }));
  const shingles = markDuplicates(reports, text);

  // Boilerplate outside every report sits at the root.
  const inside = (line: TextLine) => reports.some((r) => r.position.start.line <= line.number && line.number <= r.position.end.line);
  const loose: Boilerplate[] = [...boilerplate.values()].filter((line) => !inside(line)).map((line) => boilerplateNode(line, index));
  const children = [...loose, ...reports].sort((a, b) => a.position.start.offset - b.position.start.offset);

  if (!reports.length) warnings.push({ kind: 'not-a-report', message: 'no report text was found (only boilerplate)' });
  else if (!looksLikeReport(text)) warnings.push({ kind: 'not-a-report', message: 'the text does not read like a Chinese work report (few Chinese characters or none of its vocabulary); parsed anyway' });
  let replacements = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) replacements++;
  if (replacements) warnings.push({ kind: 'replacement-characters', message: `${replacements} undecodable byte sequences were replaced by U+FFFD` });

  if (opts.tokens) attachTokens(reports, text, opts.tokens === true ? {} : opts.tokens);

  const root: Root = {
    type: 'root',
    data: { encoding, path, warnings },
    children,
    position: index.position(0, text.length),
  };
  return { root, text, shingles };
}
