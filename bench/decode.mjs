#!/usr/bin/env node
// Decoding UTF-8 report bytes: baogao's decode() (isUtf8, then its own loop,
// src/decode/utf8.ts) against isUtf8 + Buffer#toString, alternating file by
// file over the UTF-8 files of the bench archive. The loop exists because V8's
// decoder is slow on three-byte CJK characters under Node 20; a newer Node may
// close the gap — a ratio near or under 1 here says the loop can go.
//   npm run build && node bench/decode.mjs [--mb 100] [--rounds 5]
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { decode } from '../dist/index.js';
import { benchArchive } from './corpus.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const { files } = benchArchive(flag('--mb', 100));
const rounds = flag('--rounds', 5);
const buffers = files.slice(0, 400).map((f) => readFileSync(f)).filter((b) => isUtf8(b) && b[0] !== 0xef);
const size = buffers.reduce((n, b) => n + b.length, 0) / 1e6;

const node = (b) => (isUtf8(b) ? b.toString('utf8') : null);
const ours = (b) => decode(b).text;
const ratios = [];
let tNode = 0, tOurs = 0;
for (let r = 0; r < rounds; r++) {
  let a = 0, b = 0;
  buffers.forEach((buffer, i) => {
    const first = i % 2 ? ours : node;
    const second = i % 2 ? node : ours;
    let t = performance.now(); first(buffer); const t1 = performance.now() - t;
    t = performance.now(); second(buffer); const t2 = performance.now() - t;
    if (i % 2) (b += t1), (a += t2);
    else (a += t1), (b += t2);
  });
  ratios.push(a / b);
  tNode += a;
  tOurs += b;
}
const median = [...ratios].sort((x, y) => x - y)[Math.floor(rounds / 2)];
console.log(`decode, ${buffers.length} UTF-8 files, ${size.toFixed(1)} MB, ${rounds} rounds alternating file by file`);
console.log(`   isUtf8 + Buffer#toString: ${((size * rounds) / tNode * 1000).toFixed(0)} MB/s`);
console.log(`   baogao decode():          ${((size * rounds) / tOurs * 1000).toFixed(0)} MB/s = ${median.toFixed(2)}× as fast (median of rounds: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
