// Builds a benchmark archive by replicating the bundled corpus/ (seeds, real
// reports, GBK files) until it reaches a size, in .bench-tmp/. Reused when present.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The .txt files below a folder, sorted (the corpus, ../shared's seeds and real reports). */
export function textFilesUnder(folder) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt')) out.push(p);
    }
  };
  walk(folder);
  return out;
}

export function corpusFiles() {
  return textFilesUnder(join(root, 'corpus')).sort();
}

/** A folder of at least `megabytes` MB of reports; returns its path, file list and size. */
export function benchArchive(megabytes) {
  const dir = join(root, '.bench-tmp', `archive-${megabytes}mb`);
  const sources = corpusFiles().map((p) => readFileSync(p));
  const unit = sources.reduce((n, b) => n + b.length, 0);
  const copies = Math.ceil((megabytes * 1e6) / unit);
  if (!existsSync(join(dir, '.complete'))) {
    mkdirSync(dir, { recursive: true });
    for (let c = 0; c < copies; c++) {
      const sub = join(dir, String(c).padStart(4, '0'));
      mkdirSync(sub, { recursive: true });
      sources.forEach((bytes, i) => writeFileSync(join(sub, `${String(i).padStart(3, '0')}.txt`), bytes));
    }
    writeFileSync(join(dir, '.complete'), '');
  }
  const files = [];
  for (const sub of readdirSync(dir).filter((s) => !s.startsWith('.')).sort()) for (const f of readdirSync(join(dir, sub)).sort()) files.push(join(dir, sub, f));
  return { dir, files, bytes: unit * copies };
}
