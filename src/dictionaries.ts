// Every lexicon is data in ../dictionaries (STYLE.md): this module finds that
// folder from the running file (src/ under vitest, dist/ once built) and reads
// each table once, on first use.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let folder: string | null = null;

export function dictionariesFolder(): string {
  if (folder) return folder;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dictionaries');
    if (existsSync(join(candidate, 'headings.tsv'))) return (folder = candidate);
    dir = dirname(dir);
  }
  throw new Error('baogao: the dictionaries/ folder was not found next to the package');
}

const cache = new Map<string, string[][]>();

/** Rows of a tab-separated dictionary, without blank lines and `#` comments. */
export function readTable(name: string): string[][] {
  let rows = cache.get(name);
  if (!rows) {
    rows = readFileSync(join(dictionariesFolder(), name), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t').map((cell) => cell.trim()));
    cache.set(name, rows);
  }
  return rows;
}
