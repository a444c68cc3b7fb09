// The pipeline, read top to bottom: decode → lines → boilerplate & titles →
// documents → sections, items, sentences → quantities → duplicates.
import type { Root, ParseWarning, Report, Boilerplate } from './schema/nodes.js';
import { parseOptionsSchema, validateOptions, type ParseOptions } from './schema/options.js';
import { BaogaoError } from './schema/errors.js';
import { decode } from './decode/decode.js';
import { LineIndex } from './decode/lines.js';
import { classifyLines, type TextLine } from './documents/lines.js';
import { splitDocuments } from './documents/split.js';
import { markDuplicates } from './documents/duplicates.js';
import { boilerplateNode, buildReport } from './structure/report.js';

/** Parses one report file (bytes or text) into the tree of SPEC §2. */
export function parse(input: Uint8Array | string, options: ParseOptions = {}): Root {
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
  markDuplicates(reports, text);

  // Boilerplate outside every report sits at the root.
  const inside = (line: TextLine) => reports.some((r) => r.position.start.line <= line.number && line.number <= r.position.end.line);
  const loose: Boilerplate[] = [...boilerplate.values()].filter((line) => !inside(line)).map((line) => boilerplateNode(line, index));
  const children = [...loose, ...reports].sort((a, b) => a.position.start.offset - b.position.start.offset);

  if (!reports.length) warnings.push({ kind: 'not-a-report', message: 'no report text was found (only boilerplate)' });
  const replacements = text.split('\ufffd').length - 1;
  if (replacements) warnings.push({ kind: 'replacement-characters', message: `${replacements} undecodable byte sequences were replaced by U+FFFD` });

  return {
    type: 'root',
    data: { encoding, path, warnings },
    children,
    position: index.position(0, text.length),
  };
}
