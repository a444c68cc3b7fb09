// The command line (SPEC §8). It calls only what src/index.ts exports: data on
// stdout, progress and errors on stderr; exit 0 all parsed, 1 some failed, 2 bad usage.
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import fg from 'fast-glob';
import { parse, BaogaoError, encodings, type Root, type ErrorInfo, type Encoding } from '../index.js';
import { parseArgs, UsageError } from './args.js';

const mainHelp = `baogao — parse Chinese government work reports into a typed document tree

Usage:
  baogao parse <files or globs…> [--format json|ndjson] [--out FILE]
  baogao --help | baogao <command> --help

Commands:
  parse     print one JSON tree per input (json) or one line per document (ndjson)

Exit codes: 0 every file parsed, 1 some failed (named on stderr), 2 bad usage.
`;

const parseHelp = `Usage: baogao parse <files or globs…> [options]

Options:
  --format json|ndjson  json: one tree per input (default for one file);
                        ndjson: one line per document with its "path" (default for many);
                        a failed file gives one line {path, error: {kind, message}}
  --encoding ENC        force the decoding: ${encodings.join(', ')}
  --max-bytes N         refuse inputs larger than N bytes (error kind too-large)
  --out FILE            write to FILE instead of stdout
  --quiet               no summary on stderr
  -h, --help            this help
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(mainHelp);
      return command ? 0 : 2;
    }
    if (command === 'parse') return await parseCommand(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`baogao: ${error.message}\n(see baogao --help)\n`);
      return 2;
    }
    throw error;
  }
}

async function expandInputs(patterns: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!fg.isDynamicPattern(pattern)) {
      files.push(pattern); // a plain path is kept even if missing: it must yield an error line
      continue;
    }
    files.push(...(await fg(pattern, { onlyFiles: true, caseSensitiveMatch: false })).sort());
  }
  return files;
}

type Outcome = { path: string; root: Root } | { path: string; error: ErrorInfo };

function parseOne(path: string, options: { encoding?: Encoding; maxBytes?: number }): Outcome {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new BaogaoError('not-a-file', 'is not a regular file', path);
    if (options.maxBytes !== undefined && stat.size > options.maxBytes) {
      throw new BaogaoError('too-large', `has ${stat.size} bytes, over the limit of ${options.maxBytes}`, path);
    }
    return { path, root: parse(readFileSync(path), { ...options, path }) };
  } catch (error) {
    if (error instanceof BaogaoError) return { path, error: { ...error.toJSON(), path } };
    const code = (error as NodeJS.ErrnoException).code;
    const kind = code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' ? 'unreadable' : 'internal';
    return { path, error: { kind, message: `${path}: ${(error as Error).message}`, path } };
  }
}

async function parseCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { format: 'string', encoding: 'string', 'max-bytes': 'string', out: 'string', quiet: 'boolean', help: 'boolean' });
  if (flags.help) {
    process.stdout.write(parseHelp);
    return 0;
  }
  if (!positionals.length) throw new UsageError('parse needs at least one file or glob');
  const format = (flags.format as string | undefined) ?? (positionals.length === 1 && !fg.isDynamicPattern(positionals[0]!) ? 'json' : 'ndjson');
  if (format !== 'json' && format !== 'ndjson') throw new UsageError(`--format must be json or ndjson, not "${format}"`);
  const encoding = flags.encoding as Encoding | undefined;
  if (encoding && !encodings.includes(encoding)) throw new UsageError(`--encoding must be one of ${encodings.join(', ')}`);
  const maxBytes = flags['max-bytes'] === undefined ? undefined : Number(flags['max-bytes']);
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) throw new UsageError('--max-bytes takes a positive whole number');

  const files = await expandInputs(positionals);
  const started = Date.now();
  const out: string[] = [];
  let failed = 0;
  let documents = 0;
  for (const path of files) {
    const outcome = parseOne(path, { ...(encoding ? { encoding } : {}), ...(maxBytes ? { maxBytes } : {}) });
    if ('error' in outcome) {
      failed++;
      process.stderr.write(`baogao: ${outcome.error.kind}: ${outcome.error.message}\n`);
      out.push(JSON.stringify({ path, error: { kind: outcome.error.kind, message: outcome.error.message } }));
      continue;
    }
    const reports = outcome.root.children.filter((c) => c.type === 'report');
    documents += reports.length;
    if (format === 'json') out.push(JSON.stringify(outcome.root));
    else for (const report of reports) out.push(JSON.stringify({ path, encoding: outcome.root.data.encoding, ...report }));
  }
  const payload = out.length ? out.join('\n') + '\n' : '';
  if (flags.out) {
    mkdirSync(dirname(flags.out as string), { recursive: true });
    writeFileSync(flags.out as string, payload);
  } else process.stdout.write(payload);
  if (!flags.quiet && (files.length > 1 || flags.out)) {
    process.stderr.write(`baogao: ${files.length} files, ${documents} documents, ${failed} failed, ${((Date.now() - started) / 1000).toFixed(2)} s\n`);
  }
  if (!files.length) {
    process.stderr.write('baogao: no input matched\n');
    return 1;
  }
  return failed ? 1 : 0;
}
