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
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(row: Record<string, unknown>, columns: string[]): string {
  return columns.map((c) => csvField(row[c])).join(',') + '\r\n';
}

/** Rows of one table in one format, as written to its file (JSON rows joined by `,\n`, no brackets). */
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

/** Writes the four tables in the chosen formats into a folder, as rows arrive. */
export class TableSink {
  private readonly streams = new Map<string, WriteStream>();
  private readonly firstRow = new Set<string>();
  /** Bytes waiting to be written, per file. */
  private readonly pending = new Map<string, { chunks: Uint8Array[]; bytes: number }>();

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
        this.streams.set(`${table}.${format}`, stream);
        this.pending.set(`${table}.${format}`, { chunks: [], bytes: 0 });
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
        if (format === 'json') {
          if (this.firstRow.has(key)) this.append(key, ',\n');
          this.firstRow.add(key);
        }
        this.append(key, chunk);
        if (this.pending.get(key)!.bytes >= flushBytes && !this.flush(key)) waits.push(once(this.streams.get(key)!, 'drain'));
      }
    }
    await Promise.all(waits);
  }

  private append(key: string, chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const pending = this.pending.get(key)!;
    pending.chunks.push(bytes);
    pending.bytes += bytes.length;
  }

  /** Writes what is pending for a file; false when its stream asks to wait for 'drain'. */
  private flush(key: string): boolean {
    const pending = this.pending.get(key)!;
    if (!pending.bytes) return true;
    const stream = this.streams.get(key)!;
    // Corked, the chunks go out in one writev, without copying them into one buffer.
    stream.cork();
    let more = true;
    for (const chunk of pending.chunks) more = stream.write(chunk);
    stream.uncork();
    pending.chunks = [];
    pending.bytes = 0;
    return more;
  }

  async close(): Promise<void> {
    const closing: Promise<unknown>[] = [];
    for (const [key, stream] of this.streams) {
      this.flush(key);
      if (key.endsWith('.json')) stream.write('\n]\n');
      stream.end();
      closing.push(once(stream, 'finish'));
    }
    await Promise.all(closing);
  }
}
