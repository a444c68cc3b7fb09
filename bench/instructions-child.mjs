#!/usr/bin/env node
// Child of bench/instructions.mjs, run under valgrind: one operation over the
// same files, `rounds` times, after one warm-up call of every operation (so
// that loading nodejieba's dictionaries and compiling our code are paid by the
// 1-round and the 3-round run alike, and cancel out in their difference).
//   argv: <op: light|parse|cut|tokens> <rounds> <list of files>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse, decode } from '../dist/index.js';

const [op, rounds, list] = process.argv.slice(2);
const buffers = readFileSync(list, 'utf8').split('\n').filter(Boolean).map((f) => readFileSync(f));
const texts = buffers.map((b) => decode(b).text);
const lineTest = /^[（(]?[一二三四五六七八九十0-9]/;
const operations = {
  // The same "speed of light" as bench/throughput.mjs: decode + lines + one regex test per line.
  light: () => {
    let hits = 0;
    for (const b of buffers) for (const line of decode(b).text.split(/\r\n|\r|\n/)) if (lineTest.test(line)) hits++;
    return hits;
  },
  parse: () => buffers.forEach((b) => parse(b)),
  cut: () => texts.forEach((t) => jieba.cut(t, true)),
  tokens: () => buffers.forEach((b) => parse(b, { tokens: true })),
};
const needsJieba = op === 'cut' || op === 'tokens';
const jieba = needsJieba ? createRequire(import.meta.url)('nodejieba') : null;
if (needsJieba) parse('预热', { tokens: true }); // loads nodejieba with the domain dictionary, which cut then uses too
operations[op]();
for (let r = 0; r < Number(rounds); r++) operations[op]();
