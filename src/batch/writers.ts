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

/** Writes the four tables in the chosen formats into a folder, as rows arrive. */
export class TableSink {
  private readonly streams = new Map<string, WriteStream>();
  private readonly firstRow = new Set<string>();

  constructor(
    private readonly folder: string,
    private readonly formats: TableFormat[],
  ) {
    mkdirSync(folder, { recursive: true });
    for (const table of tableNames) {
      for (const format of formats) {
        const stream = createWriteStream(join(folder, `${table}.${format}`));
        if (format === 'csv') stream.write('\ufeff' + tableColumns[table].map(csvField).join(',') + '\r\n');
        if (format === 'json') stream.write('[\n');
        this.streams.set(`${table}.${format}`, stream);
      }
    }
  }

  /** Appends rows; resolves when the streams can take more (back-pressure). */
  async write(tables: Tables): Promise<void> {
    const waits: Promise<unknown>[] = [];
    for (const table of tableNames) {
      const rows = tables[table] as unknown as Array<Record<string, unknown>>;
      if (!rows.length) continue;
      for (const format of this.formats) {
        const key = `${table}.${format}`;
        const stream = this.streams.get(key)!;
        let chunk = '';
        for (const row of rows) {
          if (format === 'csv') chunk += csvLine(row, tableColumns[table as TableName]);
          else if (format === 'ndjson') chunk += JSON.stringify(row) + '\n';
          else {
            chunk += (this.firstRow.has(key) ? ',\n' : '') + JSON.stringify(row);
            this.firstRow.add(key);
          }
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
