// Table writers: CSV (UTF-8 with BOM, so that Excel shows Chinese; RFC 4180
// quoting), NDJSON and JSON, streamed row by row to files.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { tableColumns, tableNames, type TableName, type Tables } from './tables.js';

export const tableFormats = ['csv', 'ndjson', 'json'] as const;
export type TableFormat = (typeof tableFormats)[number];

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans never hold a quote, comma or line break.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return csvQuoted.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const csvQuoted = /[",\r\n]/;

export function csvLine(row: Record<string, unknown>, columns: string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + csvField(row[columns[i]!]);
  return line + '\r\n';
}

/** Rows of one table in one format, as written to its file (JSON rows joined by `,\n`, no brackets). */
// JSON.stringify per row: a hand-built writer of the columns (a regex test per
// string, concatenation) measured 1.3–1.9× slower on the corpus tables.
export function renderRows(table: TableName, rows: Array<Record<string, unknown>>, format: TableFormat): string {
  if (format === 'csv') return rows.map((row) => csvLine(row, tableColumns[table])).join('');
  if (format === 'ndjson') return rows.map((row) => JSON.stringify(row) + '\n').join('');
  return rows.map((row) => JSON.stringify(row)).join(',\n');
}

/**
 * Pre-rendered rows, by `table.format` (see renderRows): made in worker threads
 * — as UTF-8 bytes there, handed over without a copy — and written as they are.
 */
export type RenderedRows = Partial<Record<string, string | Uint8Array>>;

/**
 * Rows are gathered per file and written in pieces of at least this many bytes.
 * One write per result and file (a dozen per input file, most of them small)
 * cost the main thread about 20 µs each — more than all the rest it does
 * while the workers parse, and so a share of the cores they needed.
 */
const flushBytes = 1 << 20;

/** One output file: its stream, whether a row went in yet (JSON separators), and the bytes waiting to be written. */
interface OutputFile {
  stream: WriteStream;
  hasRows: boolean;
  chunks: Uint8Array[];
  bytes: number;
}

/** Writes the four tables in the chosen formats into a folder, as rows arrive. */
export class TableSink {
  /** By `table.format`. */
  private readonly files = new Map<string, OutputFile>();

  constructor(
    folder: string,
    private readonly formats: TableFormat[],
  ) {
    mkdirSync(folder, { recursive: true });
    for (const table of tableNames) {
      for (const format of formats) {
        // A large buffer: a drain wait per result starved the workers.
        const stream = createWriteStream(join(folder, `${table}.${format}`), { highWaterMark: 8 << 20 });
        if (format === 'csv') stream.write('\ufeff' + tableColumns[table].map(csvField).join(',') + '\r\n');
        if (format === 'json') stream.write('[\n');
        this.files.set(`${table}.${format}`, { stream, hasRows: false, chunks: [], bytes: 0 });
      }
    }
  }

  /**
   * Appends rows — objects, or rows already rendered (e.g. by parseFiles'
   * `render` option, in the worker threads) — and resolves when the streams
   * can take more (back-pressure).
   */
  async write(tables: Partial<Tables>, rendered: RenderedRows = {}): Promise<void> {
    const waits: Promise<unknown>[] = [];
    for (const table of tableNames) {
      const rows = (tables[table] ?? []) as unknown as Array<Record<string, unknown>>;
      for (const format of this.formats) {
        const key = `${table}.${format}`;
        const chunk = rendered[key] ?? (rows.length ? renderRows(table, rows, format) : '');
        if (!chunk.length) continue;
        const file = this.files.get(key)!;
        if (format === 'json' && file.hasRows) append(file, ',\n');
        file.hasRows = true;
        append(file, chunk);
        if (file.bytes >= flushBytes && !flush(file)) waits.push(once(file.stream, 'drain'));
      }
    }
    await Promise.all(waits);
  }

  async close(): Promise<void> {
    const closing: Promise<unknown>[] = [];
    for (const [key, file] of this.files) {
      flush(file);
      if (key.endsWith('.json')) file.stream.write('\n]\n');
      file.stream.end();
      closing.push(once(file.stream, 'finish'));
    }
    await Promise.all(closing);
  }
}

function append(file: OutputFile, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  file.chunks.push(bytes);
  file.bytes += bytes.length;
}

/** Writes what is pending for a file; false when its stream asks to wait for 'drain'. */
function flush(file: OutputFile): boolean {
  if (!file.bytes) return true;
  // Corked, the chunks go out in one writev, without copying them into one buffer.
  file.stream.cork();
  let more = true;
  for (const chunk of file.chunks) more = file.stream.write(chunk);
  file.stream.uncork();
  file.chunks = [];
  file.bytes = 0;
  return more;
}
