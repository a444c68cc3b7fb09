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

/** Writes the four tables in the chosen formats into a folder, as rows arrive. */
export class TableSink {
  private readonly streams = new Map<string, WriteStream>();
  private readonly firstRow = new Set<string>();

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
        const stream = this.streams.get(key)!;
        if (format === 'json') {
          if (this.firstRow.has(key)) stream.write(',\n');
          this.firstRow.add(key);
        }
        if (!stream.write(chunk)) waits.push(once(stream, 'drain'));
      }
    }
    await Promise.all(waits);
  }

  async close(): Promise<void> {
    const closing: Promise<unknown>[] = [];
    for (const [key, stream] of this.streams) {
      if (key.endsWith('.json')) stream.write('\n]\n');
      stream.end();
      closing.push(once(stream, 'finish'));
    }
    await Promise.all(closing);
  }
}
