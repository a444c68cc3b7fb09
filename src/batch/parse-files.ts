// parseFiles: many files → one result each, in a worker pool sized to the
// machine, streamed with back-pressure (only a window of files is in flight,
// however large the archive), in input order or as they finish.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { encodingSchema } from '../schema/nodes.js';
import { validateOptions } from '../schema/options.js';
import type { ErrorInfo } from '../schema/errors.js';
import type { Root } from '../schema/nodes.js';
import { expandInputs, inShard, parseShard, type Shard } from './inputs.js';
import { runTask, type TaskResult } from './task.js';
import { WorkerPool } from './pool.js';
import { DuplicateIndex } from '../documents/minhash.js';
import type { Tables } from './tables.js';
import type { RenderedRows } from './writers.js';

export const batchOptionsSchema = z
  .object({
    /** Worker threads; 0 parses in the calling thread. Default: the number of cores. */
    concurrency: z.number().int().min(0).max(256).optional(),
    /** Results in input order (sorted paths) instead of as they finish. */
    ordered: z.boolean().optional(),
    /** Inputs are literal paths (from a list), not globs. */
    literal: z.boolean().optional(),
    /** Take a deterministic 1/N of the inputs: "K/N" or {index, count}. */
    shard: z.union([z.string(), z.object({ index: z.number().int().min(1), count: z.number().int().min(1) })]).optional(),
    maxBytes: z.number().int().positive().optional(),
    encoding: encodingSchema.optional(),
    tokens: z.boolean().optional(),
    /** What each result carries: the tree, the table rows, or both. */
    output: z.enum(['tree', 'tables', 'both']).optional(),
    /**
     * With tables: render the sections, items and stats rows in these formats in
     * the workers (result.rendered, for TableSink.write); result.tables then
     * holds only the documents. The fastest way to write tables.
     */
    render: z.array(z.enum(['csv', 'ndjson', 'json'])).optional(),
  })
  .strict();
export type BatchOptions = z.input<typeof batchOptionsSchema>;

export interface FileResult {
  path: string;
  /** Size of the file in bytes (0 when it could not be read). */
  bytes: number;
  root?: Root;
  tables?: Tables;
  /** Rows rendered in the worker, by `table.format` (with the `render` option). */
  rendered?: RenderedRows;
  error?: ErrorInfo;
}

/** Expands the inputs as parseFiles would (globs, directories, shard): the files a batch will read. */
export async function listInputs(inputs: string[], options: BatchOptions = {}): Promise<string[]> {
  const opts = validateOptions(batchOptionsSchema, options, 'parseFiles');
  const shard = resolveShard(opts.shard);
  if (opts.literal) return [...new Set(inputs)].filter((p) => inShard(p, shard)).sort();
  return expandInputs(inputs, shard);
}

function resolveShard(shard: BatchOptions['shard']): Shard | undefined {
  if (shard === undefined) return undefined;
  return typeof shard === 'string' ? parseShard(shard) : shard;
}



/**
 * Parses every input file; yields exactly one result per file — a tree (and/or
 * table rows) or a typed error with its path — never throwing for a bad file.
 */
export async function* parseFiles(inputs: string[], options: BatchOptions = {}): AsyncGenerator<FileResult> {
  const opts = validateOptions(batchOptionsSchema, options, 'parseFiles');
  const paths = await listInputs(inputs, options);
  yield* parsePaths(paths, opts);
}

/** parseFiles over an already expanded list of paths. */
export async function* parsePaths(paths: string[], options: BatchOptions = {}): AsyncGenerator<FileResult> {
  const opts = validateOptions(batchOptionsSchema, options, 'parseFiles');
  const concurrency = opts.concurrency ?? availableParallelism();
  const output = opts.output ?? 'tree';
  const taskOptions = {
    ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.tokens ? { tokens: true } : {}),
    tables: output !== 'tree',
    tree: output !== 'tables',
    ...(opts.render && output !== 'tree' ? { render: opts.render } : {}),
  };
  const pool = concurrency > 0 && paths.length > 1 ? new WorkerPool(Math.min(concurrency, paths.length)) : null;
  const run = (path: string): Promise<TaskResult> => (pool ? pool.run(path, taskOptions) : Promise.resolve(runTask(path, taskOptions)));
  const duplicates = output !== 'tree' ? new DuplicateIndex() : null;
  const window = Math.max(2, (pool ? concurrency : 1) * 2);
  const inflight = new Map<number, Promise<[number, TaskResult]>>();
  let next = 0;
  const launch = () => {
    while (inflight.size < window && next < paths.length) {
      const i = next++;
      inflight.set(i, run(paths[i]!).then((r) => [i, r] as [number, TaskResult]));
    }
  };
  try {
    launch();
    for (let done = 0; done < paths.length; done++) {
      const [i, result] = opts.ordered ? await inflight.get(done)! : await Promise.race(inflight.values());
      inflight.delete(i);
      launch();
      yield finish(result, duplicates);
    }
  } finally {
    await pool?.close();
  }
}

/** Marks documents that repeat one seen earlier in the batch, and drops the signatures. */
function finish(result: TaskResult, duplicates: DuplicateIndex | null): FileResult {
  const { signatures, ...rest } = result;
  if (duplicates && rest.tables) {
    rest.tables.documents.forEach((doc, k) => {
      const earlier = duplicates.check(doc.id, signatures?.[k] ?? null);
      if (doc.duplicateOf === null && earlier) doc.duplicateOf = earlier;
    });
  }
  return rest;
}
