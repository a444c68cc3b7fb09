#!/usr/bin/env node
// Segmentation quality (issue 3) on the hand-checked set test/fixtures/segmentation.tsv:
// baogao's segment() (domain dictionary, masks and decimals protected) against plain
// nodejieba cut(s, true) with its default dictionary, run in a separate process (the
// segmenter is a process-wide singleton). Prints domain-term recall and token F1 of both.
//   npm run build && node bench/segmentation.mjs
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { segment } from '../dist/index.js';

const file = new URL('../test/fixtures/segmentation.tsv', import.meta.url).pathname;
export const cases = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [source, sentence, gold, terms] = l.split('\t');
    return { source, sentence, gold: gold.split('/').filter((t) => t.trim()), terms: terms.split(',').filter(Boolean) };
  });

/** Token spans of a token list laid over its sentence (white space skipped). */
function spans(sentence, tokens) {
  const out = [];
  let at = 0;
  for (const t of tokens) {
    const i = sentence.indexOf(t, at);
    if (i < 0) continue;
    out.push(`${i}:${i + t.length}`);
    at = i + t.length;
  }
  return out;
}

export function evaluate(predicted) {
  let tp = 0, fp = 0, fn = 0, termHits = 0, termTotal = 0;
  cases.forEach((c, k) => {
    const gold = new Set(spans(c.sentence, c.gold));
    const pred = new Set(spans(c.sentence, predicted[k]));
    for (const s of pred) (gold.has(s) ? tp++ : fp++);
    for (const s of gold) if (!pred.has(s)) fn++;
    const tokens = new Set(predicted[k]);
    for (const t of c.terms) {
      termTotal++;
      if (tokens.has(t)) termHits++;
    }
  });
  const P = tp / (tp + fp), R = tp / (tp + fn);
  return { P, R, F1: (2 * P * R) / (P + R), termRecall: termHits / termTotal, terms: termTotal };
}

if (process.argv[2] === '--plain') {
  // Child: plain nodejieba, default dictionary.
  const { createRequire } = await import('node:module');
  const jieba = createRequire(import.meta.url)('nodejieba');
  process.stdout.write(JSON.stringify(cases.map((c) => jieba.cut(c.sentence, true).filter((t) => t.trim()))));
} else {
  const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--plain'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const plain = evaluate(JSON.parse(child.stdout));
  const ours = evaluate(cases.map((c) => segment(c.sentence).map((t) => t.text)));
  const f = (x) => x.toFixed(3);
  console.log(`segmentation on ${cases.length} hand-checked sentences (${ours.terms} domain terms)`);
  console.log('segmenter                     domain-term recall  token P  token R  token F1');
  console.log(`plain nodejieba cut(s, true)  ${f(plain.termRecall)}               ${f(plain.P)}    ${f(plain.R)}    ${f(plain.F1)}`);
  console.log(`baogao segment()              ${f(ours.termRecall)}               ${f(ours.P)}    ${f(ours.R)}    ${f(ours.F1)}`);
}
