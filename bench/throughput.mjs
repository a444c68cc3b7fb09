#!/usr/bin/env node
// Speed and memory of baogao on the bundled corpus replicated to ≥ 100 MB,
// always as ratios to baselines measured in the same run (machines are noisy):
//   1. parse without tokens vs the "speed of light": read + decode + split into
//      lines + one regex test per line, same bytes, one thread;
//   2. scaling: 2 workers vs 1 (tables mode, the main job);
//   3. peak RSS of a streaming run over 100 MB vs 400 MB (must not grow).
// Usage: npm run bench  (builds first)   [--mb 100] [--skip-memory]
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { parse, parsePaths, decode, TableSink } from '../dist/index.js';
import { benchArchive } from './corpus.mjs';

const args = process.argv.slice(2);
const mb = Number(args[args.indexOf('--mb') + 1]) || 100;
const bin = new URL('../bin/baogao.js', import.meta.url).pathname;
const { files, bytes } = benchArchive(mb);
const tmp = new URL('../.bench-tmp/', import.meta.url).pathname;
const MB = bytes / 1e6;
console.log(`archive: ${files.length} files, ${MB.toFixed(1)} MB (corpus/ replicated)`);

const time = (fn) => {
  const t = performance.now();
  const out = fn();
  return [(performance.now() - t) / 1000, out];
};
const timeAsync = async (fn) => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};

// 1. speed of light vs parse, one thread
const lineTest = /^[（(]?[一二三四五六七八九十0-9]/;
const [light] = time(() => {
  let hits = 0;
  for (const f of files) {
    const { text } = decode(readFileSync(f));
    for (const line of text.split(/\r\n|\r|\n/)) if (lineTest.test(line)) hits++;
  }
  return hits;
});
const [ours] = time(() => {
  let documents = 0;
  for (const f of files) documents += parse(readFileSync(f)).children.length;
  return documents;
});
console.log(`\n1. one thread, no tokens`);
console.log(`   speed of light (read+decode+lines+1 regex/line): ${(MB / light).toFixed(1)} MB/s`);
console.log(`   baogao parse:                                     ${(MB / ours).toFixed(1)} MB/s  = ${(ours / light).toFixed(1)}× the baseline's time`);

// 1b. with tokens vs nodejieba's cut alone over the same text (a 10 MB slice: segmenting is slow)
{
  const slice = [];
  let size = 0;
  for (const f of files) {
    if (size > 10e6) break;
    const b = readFileSync(f);
    slice.push(b);
    size += b.length;
  }
  const { createRequire } = await import('node:module');
  const jieba = createRequire(import.meta.url)('nodejieba');
  parse('预热', { tokens: true }); // loads nodejieba with the domain dictionary, as cut below uses it
  const [cut] = time(() => {
    let n = 0;
    for (const b of slice) n += jieba.cut(decode(b).text, true).length;
    return n;
  });
  const [tokens] = time(() => {
    let n = 0;
    for (const b of slice) n += parse(b, { tokens: true }).children.length;
    return n;
  });
  console.log(`\n1b. one thread, with tokens (${(size / 1e6).toFixed(1)} MB)`);
  console.log(`   nodejieba cut(text, true) alone: ${(size / 1e6 / cut).toFixed(1)} MB/s`);
  console.log(`   baogao parse with tokens:         ${(size / 1e6 / tokens).toFixed(1)} MB/s  = ${(tokens / cut).toFixed(2)}× cut's time (target ≤ 1.5×)`);
}

// 2. scaling: the main job (tables written as CSV, NDJSON and JSON), 1 worker vs 2
const drain = async (concurrency) => {
  const sink = new TableSink(join(tmp, `tables-${concurrency}`), ['csv', 'ndjson', 'json']);
  for await (const r of parsePaths(files, { concurrency, output: 'tables', render: ['csv', 'ndjson', 'json'] })) if (r.tables) await sink.write(r.tables, r.rendered);
  await sink.close();
};
const one = await timeAsync(() => drain(1));
const two = await timeAsync(() => drain(2));
console.log(`\n2. scaling (worker threads, the tables job)`);
console.log(`   1 worker: ${(MB / one).toFixed(1)} MB/s   2 workers: ${(MB / two).toFixed(1)} MB/s   speed-up ${(one / two).toFixed(2)}× (target ≥ 1.7×)`);

// 3. memory of a streaming run: peak RSS from the CLI summary, 100 MB vs 400 MB
if (!args.includes('--skip-memory')) {
  const peak = (dir) => {
    const r = spawnSync(process.execPath, [bin, 'parse', dir, '--format', 'ndjson', '--jobs', '2'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const m = /peak RSS (\d+) MB/.exec(r.stderr);
    return m ? Number(m[1]) : NaN;
  };
  const small = benchArchive(mb);
  const large = benchArchive(mb * 4);
  const a = peak(small.dir);
  const b = peak(large.dir);
  console.log(`\n3. streaming memory (baogao parse DIR --format ndjson > /dev/null, 2 workers)`);
  console.log(`   ${(small.bytes / 1e6).toFixed(0)} MB: peak RSS ${a} MB   ${(large.bytes / 1e6).toFixed(0)} MB: peak RSS ${b} MB   ratio ${(b / a).toFixed(2)} (flat = bounded)`);
}
