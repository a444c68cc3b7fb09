// Which files a batch reads: globs (several, with negations, case-insensitive),
// plain paths (a directory expands to the reports under it), paths read from a
// list (`--files-from -`), and a deterministic shard of them all (`--shard K/N`).
import { statSync } from 'node:fs';
import { join } from 'node:path';

export interface Shard {
  /** 1-based: shard K of N. */
  index: number;
  count: number;
}

/** The files a plain directory argument stands for. */
export const directoryPattern = '**/*.{txt,text}';

/** FNV-1a: a stable 32-bit hash of a path, the same on every machine. */
export function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function inShard(path: string, shard: Shard | undefined): boolean {
  return !shard || pathHash(path) % shard.count === shard.index - 1;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new RangeError(`a shard is K/N with 1 ≤ K ≤ N, like 2/8, not "${text}"`);
  return { index, count };
}

/**
 * Expands inputs into a sorted, de-duplicated list of paths. `!pattern`
 * negations filter what the globs and directories find. Paths that do not
 * exist are kept (each must yield an error result, never vanish), and so are
 * directories matched by a glob (they yield a `not-a-file` error).
 */
export async function expandInputs(inputs: string[], shard?: Shard): Promise<string[]> {
  // Loaded here, not at import: a plain parse() should not pay for the glob engine.
  const fg = (await import('fast-glob')).default;
  const negations = inputs.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const found = new Set<string>();
  const patterns: string[] = [];
  for (const input of inputs.filter((p) => !p.startsWith('!'))) {
    if (fg.isDynamicPattern(input)) patterns.push(input);
    else if (isDirectory(input)) patterns.push(join(fg.convertPathToPattern(input), directoryPattern));
    else found.add(input);
  }
  if (patterns.length) {
    const entries = await fg(patterns, { ignore: negations, caseSensitiveMatch: false, onlyFiles: false, unique: true, dot: false, followSymbolicLinks: true });
    for (const entry of entries) found.add(entry);
  }
  return [...found].filter((p) => inShard(p, shard)).sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
