#!/usr/bin/env node
// Instructions executed, counted by valgrind (callgrind). Seconds on this
// shared machine vary by ±30 % from one minute to the next; the instruction
// count of the same work repeats to a fraction of a percent. So it shows
// whether two builds of baogao do different amounts of work (run it on both).
// It is not a measure of time, not even between builds of our own code:
// replacing matchAll by exec loops cut parse's count by 14 % and its time by
// under 2 %, while sorted arrays instead of Maps (cache-bound code) cut its
// time by 2.5 % with the count unchanged. Judge a change by alternating timed
// runs of both builds; nodejieba's C++ and V8's native decoding run at other
// instructions per cycle again, so the ratios to light and cut printed last
// are only a rough guide; the timed ratios of bench/throughput.mjs are the figures.
// Each operation runs in a process of its own with 1 and with 3 rounds over the
// same files; the difference, halved, is one warmed-up round (start-up,
// compiling, dictionary loading cancel out). Node runs with --single-threaded
// so that no background compiler or GC thread adds timing-dependent work.
// Usage: npm run bench:instructions   [--files N]   (needs valgrind; all of corpus/ by default, ~15 min)
import { writeFileSync, mkdirSync, statSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { corpusFiles } from './corpus.mjs';

const args = process.argv.slice(2);
const count = args.includes('--files') ? Number(args[args.indexOf('--files') + 1]) : Infinity;
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.log('valgrind is not installed: no instruction counts (apt-get install valgrind)');
  process.exit(0);
}
const tmp = new URL('../.bench-tmp/', import.meta.url).pathname;
mkdirSync(tmp, { recursive: true });
// The files of corpus/, once each (seeds, real reports, GBK copies).
const sample = corpusFiles().slice(0, count);
const list = `${tmp}instructions-files.txt`;
writeFileSync(list, sample.join('\n'));
const bytes = sample.reduce((n, f) => n + statSync(f).size, 0);
console.log(`${sample.length} files, ${(bytes / 1e6).toFixed(2)} MB; instructions per byte of one warmed-up round`);

const child = new URL('./instructions-child.mjs', import.meta.url).pathname;
function instructions(op, rounds) {
  return new Promise((resolve, reject) => {
    const p = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', child, op, String(rounds), list]);
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      const m = /Collected : (\d+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`valgrind ${op} ${rounds}: exit ${code}\n${err.slice(-2000)}`));
      else resolve(Number(m[1]));
    });
  });
}
/** Instructions per byte of one round: (3 rounds − 1 round) / 2, the two runs side by side (one per core). */
async function perByte(op) {
  const [one, three] = await Promise.all([instructions(op, 1), instructions(op, 3)]);
  return (three - one) / 2 / bytes;
}
const results = {};
for (const op of ['light', 'parse', 'cut', 'tokens']) {
  results[op] = await perByte(op);
  console.log(`   ${op.padEnd(6)} ${results[op].toFixed(0).padStart(6)} instructions per byte`);
}
console.log(`parse  = ${(results.parse / results.light).toFixed(2)}× the speed of light's instructions (a rough guide only, see the top of this file)`);
console.log(`tokens = ${(results.tokens / results.cut).toFixed(2)}× cut's instructions (a rough guide only)`);
