// One file of a batch, start to end: stat, size check, read, parse, and (when
// asked) its table rows and near-duplicate signatures. Never throws: every
// outcome is a value, so one bad file cannot stop a batch. Runs in a worker
// thread (worker.ts) or inline.
import { readFileSync, statSync } from 'node:fs';
import { parseWithText } from '../parse.js';
import { BaogaoError, type ErrorInfo } from '../schema/errors.js';
import type { Encoding, Root } from '../schema/nodes.js';
import { tablesOf, type Tables } from './tables.js';
import { minhash } from '../documents/minhash.js';
import { renderRows, type RenderedRows, type TableFormat } from './writers.js';

export interface TaskOptions {
  maxBytes?: number;
  encoding?: Encoding;
  /** Return table rows (and signatures) instead of the tree: far less to copy between threads. */
  tables?: boolean;
  /** Keep the tree even in tables mode. */
  tree?: boolean;
  tokens?: boolean;
  /**
   * Render the sections, items and stats rows in these formats here (in the
   * worker) and return them as text; only the documents stay objects (the
   * batch marks their cross-file duplicates). Keeps the main thread free.
   */
  render?: TableFormat[];
}

export interface TaskResult {
  path: string;
  bytes: number;
  root?: Root;
  tables?: Tables;
  /** Rendered rows by `table.format`, when `render` was asked. */
  rendered?: RenderedRows;
  /** MinHash signature per document, in document order (null: too short to judge). */
  signatures?: Array<number[] | null>;
  error?: ErrorInfo;
}

const utf8 = new TextEncoder();

/** The buffers of a result that can be transferred to the main thread instead of copied. */
export function transferables(result: TaskResult): ArrayBuffer[] {
  return Object.values(result.rendered ?? {}).flatMap((v) => (v instanceof Uint8Array ? [v.buffer as ArrayBuffer] : []));
}

export function runTask(path: string, options: TaskOptions): TaskResult {
  let bytes = 0;
  try {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      throw new BaogaoError('unreadable', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path);
    }
    if (!stat.isFile()) throw new BaogaoError('not-a-file', stat.isDirectory() ? 'is a directory, not a file' : 'is not a regular file', path);
    bytes = stat.size;
    if (options.maxBytes !== undefined && stat.size > options.maxBytes) {
      throw new BaogaoError('too-large', `has ${stat.size} bytes, over the limit of ${options.maxBytes} (--max-bytes)`, path);
    }
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch (error) {
      // It vanished or changed between stat and read.
      throw new BaogaoError('unreadable', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, path);
    }
    const { root, text } = parseWithText(data, { path, ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.tokens ? { tokens: true } : {}) });
    if (!options.tables) return { path, bytes, root };
    const tables = tablesOf(root, path);
    const signatures = root.children
      .filter((c) => c.type === 'report')
      .map((r) => (r.data.duplicateOf === null ? minhash(text.slice(r.position.start.offset, r.position.end.offset)) : null));
    if (options.render?.length) {
      const rendered: RenderedRows = {};
      for (const table of ['sections', 'items', 'stats'] as const) {
        const rows = tables[table] as unknown as Array<Record<string, unknown>>;
        // NDJSON and JSON share one JSON.stringify per row.
        const json = options.render.some((f) => f !== 'csv') ? rows.map((row) => JSON.stringify(row)) : [];
        for (const format of options.render) {
          const text = format === 'csv' ? renderRows(table, rows, 'csv') : format === 'ndjson' ? json.map((j) => j + '\n').join('') : json.join(',\n');
          // UTF-8 here, in the worker, into a buffer of its own that the pool transfers without copying.
          rendered[`${table}.${format}`] = utf8.encode(text);
        }
        tables[table] = [];
      }
      return { path, bytes, tables, rendered, signatures, ...(options.tree ? { root } : {}) };
    }
    return { path, bytes, tables, signatures, ...(options.tree ? { root } : {}) };
  } catch (error) {
    const info: ErrorInfo =
      error instanceof BaogaoError ? { ...error.toJSON(), path } : { kind: 'internal', message: `${path}: ${(error as Error)?.message ?? String(error)}`, path };
    return { path, bytes, error: info };
  }
}

