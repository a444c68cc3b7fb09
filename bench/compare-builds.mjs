#!/usr/bin/env node
// Is build B faster than build A? Parse throughput of two builds of baogao,
// each in processes of its own, alternating A B A B … so both see the same
// moments of a noisy machine. Each process parses the same archive files
// several rounds and reports its best round (the warmed-up speed); the figure
// is the ratio of the two medians. Trust it only when the pairs agree: the
// machine here gives pairs within ~2 % when quiet and swings by 30 % when not.
// Instruction counts (bench/instructions.mjs) do not answer this question:
// they can move opposite to time.
// Usage: node bench/compare-builds.mjs <repo A> <repo B> [--pairs 4] [--files 300] [--rounds 5] [--tokens | --tables]
//   (each repo a checkout with dist/ built, e.g. a `git worktree` of an older commit)
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchArchive } from './corpus.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const files = flag('--files', 300);
const rounds = flag('--rounds', 5);

if (args[0] === '--child') {
  const { parse } = await import(resolve(args[1], 'dist/index.js'));
  const buffers = benchArchive(100).files.slice(0, files).map((f) => readFileSync(f));
  const mb = buffers.reduce((n, b) => n + b.length, 0) / 1e6;
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (const b of buffers) parse(b);
    best = Math.max(best, (mb / (performance.now() - t)) * 1000);
  }
  process.stdout.write(`${best}\n`);
  process.exit(0);
}

const [a, b] = args;
if (!a || !b) {
  console.error('usage: node bench/compare-builds.mjs <repo A> <repo B> [--rounds 5] [--files 300] [--tokens | --tables | --processes [--pairs 4]]');
  process.exit(2);
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

if (!args.includes('--processes')) {
  // --tokens: parse with tokens (each build loads nodejieba, warmed up here, not timed).
  // --tables: a worker's whole job (parse, table rows, rows rendered in three formats), run in this thread.
  const job = async (repo) => {
    const api = await import(resolve(repo, 'dist/index.js'));
    if (args.includes('--tokens')) {
      api.parse('预热', { tokens: true });
      return (buffer) => api.parse(buffer, { tokens: true });
    }
    if (!args.includes('--tables')) return (buffer) => api.parse(buffer);
    const render = ['csv', 'ndjson', 'json'];
    return async (buffer, path) => {
      for await (const result of api.parsePaths([path], { concurrency: 0, output: 'tables', render })) if (result.error) throw new Error(result.error.message);
    };
  };
  const parseA = await job(a);
  const parseB = await job(b);
  const paths = benchArchive(100).files.slice(0, files);
  const buffers = paths.map((f) => readFileSync(f));
  const mb = buffers.reduce((n, x) => n + x.length, 0) / 1e6;
  const ratios = [];
  for (let r = 0; r < rounds + 1; r++) {
    let ta = 0;
    let tb = 0;
    for (let i = 0; i < buffers.length; i++) {
      const first = i % 2 ? parseB : parseA;
      const second = i % 2 ? parseA : parseB;
      let t = performance.now();
      await first(buffers[i], paths[i]);
      const t1 = performance.now() - t;
      t = performance.now();
      await second(buffers[i], paths[i]);
      const t2 = performance.now() - t;
      if (i % 2) (tb += t1), (ta += t2);
      else (ta += t1), (tb += t2);
    }
    const label = r === 0 ? 'round 0 (compiling, not counted)' : `round ${r}`;
    console.log(`${label}: A ${((mb / ta) * 1000).toFixed(2)} MB/s   B ${((mb / tb) * 1000).toFixed(2)} MB/s   B/A ${(ta / tb).toFixed(3)}`);
    if (r > 0) ratios.push(ta / tb);
  }
  console.log(`B/A = ${median(ratios).toFixed(3)} (${args.includes('--tables') ? 'the tables job' : args.includes('--tokens') ? 'parse with tokens' : 'parse'}: median of ${rounds} rounds, ${buffers.length} files, ${mb.toFixed(1)} MB, in one process)`);
  process.exit(0);
}

const pairs = flag('--pairs', 4);
const self = new URL(import.meta.url).pathname;
const speed = (repo) => {
  const r = spawnSync(process.execPath, [self, '--child', repo, '--files', String(files), '--rounds', String(rounds)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${repo}: the child exited ${r.status}`);
  return Number(r.stdout);
};
const speedsA = [];
const speedsB = [];
for (let p = 0; p < pairs; p++) {
  speedsA.push(speed(a));
  speedsB.push(speed(b));
  console.log(`pair ${p + 1}: A ${speedsA[p].toFixed(2)} MB/s   B ${speedsB[p].toFixed(2)} MB/s`);
}
console.log(`median A ${median(speedsA).toFixed(2)} MB/s, B ${median(speedsB).toFixed(2)} MB/s: B/A = ${(median(speedsB) / median(speedsA)).toFixed(3)}`);
