// The command line (SPEC §8). It calls only what src/index.ts exports: data on
// stdout, progress, summary and errors on stderr; exit 0 when every file
// parsed, 1 when some failed, 2 on bad usage.
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { listInputs, parsePaths, TableSink, tableFormats, encodings, BaogaoError, type BatchOptions, type Encoding, type FileResult, type TableFormat } from '../index.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { Progress, formatSeconds } from './progress.js';

const mainHelp = `baogao — parse Chinese government work reports into a typed document tree

Usage:
  baogao parse  <files, directories or globs…> [options]   trees as JSON / NDJSON
  baogao tables <files, directories or globs…> --out DIR   documents, sections, items, stats
  baogao <command> --help

Exit codes: 0 every file parsed, 1 some failed (each named on stderr and in the output), 2 bad usage.
`;

const batchHelp = `Inputs:
  FILES…                 files, directories (their **/*.txt) and globs ("archive/**/*.{txt,TXT}");
                         globs match extensions case-insensitively; "!pattern" excludes
  --files-from FILE      read paths, one per line, from FILE ("-" = stdin)
  --shard K/N            take a deterministic 1/N of the inputs (by a hash of the path),
                         so N machines can split one archive with no coordination
Options:
  --jobs N               worker threads (default: ${availableParallelism()}, the number of cores; 0 = none)
  --ordered              output in input (sorted path) order instead of as files finish;
                         also makes cross-file duplicateOf the same on every run
  --encoding ENC         force the decoding: ${encodings.join(', ')}
  --max-bytes N          refuse files larger than N bytes (error kind too-large)
  --quiet                no progress bar and no summary on stderr
  -h, --help             this help`;

const parseHelp = `Usage: baogao parse <inputs…> [options]

Prints one JSON tree per input (--format json, the default for one file) or one
line per document (--format ndjson, the default for many; each line carries the
input's "path"). A file that failed gives one line {path, error: {kind, message}}.

  --format json|ndjson   output format
  --out FILE             write to FILE instead of stdout
${batchHelp}
`;

const tablesHelp = `Usage: baogao tables <inputs…> --out DIR [options]

Writes the tables of SPEC §7 into DIR: documents, sections, items and stats, each
as CSV (UTF-8 with BOM, opens in Excel with Chinese intact), NDJSON and JSON.
Ids are stable across runs (file path + report index + node path). Near-duplicate
documents, within a file or across the batch, carry duplicateOf. Failed files are
listed in DIR/errors.ndjson.

  --out DIR              the folder to write (created if missing)
  --format LIST          comma-separated subset of ${tableFormats.join(',')} (default: all)
${batchHelp}
`;

const batchFlags: FlagSpec = {
  'files-from': 'string', shard: 'string', jobs: 'string', ordered: 'boolean', encoding: 'string', 'max-bytes': 'string', quiet: 'boolean', help: 'boolean',
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      (command ? process.stdout : process.stderr).write(mainHelp);
      return command ? 0 : 2;
    }
    if (command === 'parse') return await parseCommand(rest);
    if (command === 'tables') return await tablesCommand(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof RangeError || (error instanceof BaogaoError && error.kind === 'invalid-options')) {
      process.stderr.write(`baogao: ${error.message}\n(see baogao --help)\n`);
      return 2;
    }
    throw error;
  }
}

interface Batch {
  paths: string[];
  options: BatchOptions;
  quiet: boolean;
}

async function batchFrom(flags: Record<string, string | boolean>, positionals: string[]): Promise<Batch> {
  const fromList = flags['files-from'] as string | undefined;
  if (!positionals.length && !fromList) throw new UsageError('give at least one file, directory or glob (or --files-from)');
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0)) throw new UsageError('--jobs takes a whole number ≥ 0');
  const maxBytes = flags['max-bytes'] === undefined ? undefined : Number(flags['max-bytes']);
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) throw new UsageError('--max-bytes takes a positive whole number');
  const encoding = flags.encoding as Encoding | undefined;
  if (encoding && !encodings.includes(encoding)) throw new UsageError(`--encoding must be one of ${encodings.join(', ')}`);
  const options: BatchOptions = {
    ...(jobs !== undefined ? { concurrency: jobs } : {}),
    ...(flags.ordered ? { ordered: true } : {}),
    ...(flags.shard ? { shard: flags.shard as string } : {}),
    ...(maxBytes ? { maxBytes } : {}),
    ...(encoding ? { encoding } : {}),
  };
  const paths = positionals.length ? await listInputs(positionals, options) : [];
  if (fromList) {
    const list = readFileSync(fromList === '-' ? 0 : fromList, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    paths.push(...(await listInputs(list, { ...options, literal: true })));
  }
  return { paths: [...new Set(paths)].sort(), options, quiet: Boolean(flags.quiet) };
}

function summary(batch: Batch, stats: { documents: number; failed: number; bytes: number }, started: number): void {
  if (batch.quiet) return;
  const seconds = (Date.now() - started) / 1000;
  const mb = stats.bytes / 1e6;
  const rss = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(
    `baogao: ${batch.paths.length} files, ${stats.documents} documents, ${stats.failed} failed, ` +
      `${mb.toFixed(1)} MB in ${formatSeconds(seconds)} (${(mb / Math.max(seconds, 0.001)).toFixed(1)} MB/s), peak RSS ${rss.toFixed(0)} MB\n`,
  );
}

/**
 * Runs a batch: progress on stderr, each failure named there, counts for the
 * summary. `onError` and `onResult` write what the command outputs.
 */
async function runBatch(
  batch: Batch,
  options: BatchOptions,
  onError: (result: FileResult) => Promise<void> | void,
  onResult: (result: FileResult) => Promise<number>,
): Promise<{ documents: number; failed: number; bytes: number }> {
  const progress = new Progress(batch.paths.length, process.stderr, !batch.quiet && Boolean(process.stderr.isTTY));
  const stats = { documents: 0, failed: 0, bytes: 0 };
  for await (const result of parsePaths(batch.paths, { ...batch.options, ...options })) {
    stats.bytes += result.bytes;
    progress.tick(result.bytes, Boolean(result.error));
    if (result.error) {
      stats.failed++;
      progress.clear();
      process.stderr.write(`baogao: ${result.error.kind}: ${result.error.message}\n`);
      await onError(result);
      continue;
    }
    stats.documents += await onResult(result);
  }
  progress.end();
  return stats;
}

const errorLine = (result: FileResult) => JSON.stringify({ path: result.path, error: { kind: result.error!.kind, message: result.error!.message } }) + '\n';

async function parseCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { ...batchFlags, format: 'string', out: 'string' });
  if (flags.help) return process.stdout.write(parseHelp), 0;
  const batch = await batchFrom(flags, positionals);
  const single = batch.paths.length === 1 && positionals.length === 1 && !flags['files-from'];
  const format = (flags.format as string | undefined) ?? (single ? 'json' : 'ndjson');
  if (format !== 'json' && format !== 'ndjson') throw new UsageError(`--format must be json or ndjson, not "${format}"`);
  if (!batch.paths.length) {
    process.stderr.write('baogao: no input matched\n');
    return 1;
  }
  if (flags.out) mkdirSync(dirname(flags.out as string), { recursive: true });
  const out = flags.out ? createWriteStream(flags.out as string) : process.stdout;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const started = Date.now();
  const stats = await runBatch(batch, { output: 'tree' }, (result) => write(errorLine(result)), async (result) => {
    const root = result.root!;
    const reports = root.children.filter((c) => c.type === 'report');
    if (format === 'json') await write(JSON.stringify(root) + '\n');
    else for (const report of reports) await write(JSON.stringify({ path: result.path, encoding: root.data.encoding, ...report }) + '\n');
    return reports.length;
  });
  if (out !== process.stdout) {
    (out as NodeJS.WritableStream).end();
    await once(out, 'finish');
  }
  if (batch.paths.length > 1 || flags.out) summary(batch, stats, started);
  return stats.failed ? 1 : 0;
}

async function tablesCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { ...batchFlags, format: 'string', out: 'string' });
  if (flags.help) return process.stdout.write(tablesHelp), 0;
  if (!flags.out) throw new UsageError('tables needs --out DIR');
  const formats = ((flags.format as string | undefined) ?? tableFormats.join(',')).split(',').map((f) => f.trim()) as TableFormat[];
  const unknown = formats.filter((f) => !tableFormats.includes(f));
  if (unknown.length) throw new UsageError(`--format takes ${tableFormats.join(', ')}, not ${unknown.join(', ')}`);
  const batch = await batchFrom(flags, positionals);
  if (!batch.paths.length) {
    process.stderr.write('baogao: no input matched\n');
    return 1;
  }
  const folder = flags.out as string;
  const sink = new TableSink(folder, formats);
  const errors = createWriteStream(join(folder, 'errors.ndjson'));
  const started = Date.now();
  const stats = await runBatch(batch, { output: 'tables', render: formats }, (result) => void errors.write(errorLine(result)), async (result) => {
    await sink.write(result.tables!, result.rendered);
    return result.tables!.documents.length;
  });
  await sink.close();
  errors.end();
  await once(errors, 'finish');
  summary(batch, stats, started);
  if (!batch.quiet) process.stderr.write(`baogao: tables in ${folder.replace(/\/+$/, '')}/ (${formats.join(', ')})\n`);
  return stats.failed ? 1 : 0;
}
