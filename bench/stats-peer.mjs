#!/usr/bin/env node
// Peer comparison for statistics (issue 5): baogao's extractor against Microsoft
// Recognizers-Text (number, number-with-unit; culture zh-cn) on the gold
// statistic lines of the seeds, scored like ../shared/eval/score.mjs (overlap
// match; "exact" = span, value, unit, masked and qualifier all right), and the
// throughput of both measured in the same run, printed as a ratio.
//   npm run build && node bench/stats-peer.mjs [--gold DIR --texts DIR]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { extractQuantities } from '../dist/index.js';

const require = createRequire(import.meta.url);
const numberWithUnit = require('@microsoft/recognizers-text-number-with-unit');
const number = require('@microsoft/recognizers-text-number');

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : null)).filter(Boolean));
const goldDir = args.gold ?? new URL('../../shared/gold/', import.meta.url).pathname;
const textDir = args.texts ?? new URL('../../shared/seeds/', import.meta.url).pathname;

// The gold statistic lines: [{text, stats: [{column, surface, value, unit, masked, qualifier}]}]
const lines = [];
for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8'));
  const text = readFileSync(join(textDir, gold.file), 'utf8').split(/\r\n|\r|\n/);
  for (const n of gold.statLines ?? []) lines.push({ text: text[n - 1], stats: (gold.stats ?? []).filter((s) => s.line === n) });
}

function ours(text) {
  return extractQuantities(text)
    .filter((q) => q.type === 'stat')
    .map((s) => ({ start: s.position.start.offset, end: s.position.end.offset, value: s.value, unit: s.unit, masked: s.masked, qualifier: s.qualifier }));
}

// Recognizers: units it knows (currency, dimension, age) and percentages win;
// any other number it finds counts as a bare quantity (it has no measure words).
const unitNames = { 'Chinese yuan': '元', 'Square meter': '平方米', Kilometer: '公里', Hour: '小时', Year: '年', Day: '天', Percentage: '%' };
function peer(text) {
  const found = [];
  const add = (r, unit) => {
    if (found.some((f) => r.start < f.end && f.start < r.end + 1)) return;
    const raw = r.resolution?.value;
    const value = raw === null || raw === undefined ? null : Number(String(raw).replace('%', ''));
    found.push({ start: r.start, end: r.end + 1, value: Number.isFinite(value) ? value : null, unit, masked: false, qualifier: null });
  };
  for (const r of numberWithUnit.recognizeCurrency(text, 'zh-cn')) add(r, unitNames[r.resolution?.unit] ?? r.resolution?.unit ?? null);
  for (const r of numberWithUnit.recognizeDimension(text, 'zh-cn')) add(r, unitNames[r.resolution?.unit] ?? r.resolution?.unit ?? null);
  for (const r of numberWithUnit.recognizeAge(text, 'zh-cn')) add(r, '周岁');
  for (const r of number.recognizePercentage(text, 'zh-cn')) add(r, '%');
  for (const r of number.recognizeNumber(text, 'zh-cn')) add(r, null);
  return found.sort((a, b) => a.start - b.start);
}

function score(extract) {
  let tp = 0, fp = 0, fn = 0, exactTp = 0, exactFp = 0, valueOk = 0;
  const same = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
  for (const line of lines) {
    const preds = extract(line.text);
    const used = new Set();
    const exactUsed = new Set();
    for (const g of line.stats) {
      const gs = g.column - 1;
      const ge = gs + [...g.surface].length;
      const overlap = (p) => p.start < ge && gs < p.end;
      const i = preds.findIndex((p, k) => !used.has(k) && overlap(p));
      if (i >= 0) {
        used.add(i);
        tp++;
        if (same(preds[i].value, g.value)) valueOk++;
      } else fn++;
      const exact = (p) => overlap(p) && same(p.value, g.value) && (g.unit === '*' || (p.unit ?? null) === (g.unit ?? null)) && p.masked === g.masked && (!('qualifier' in g) || (p.qualifier ?? null) === (g.qualifier ?? null));
      const j = preds.findIndex((p, k) => !exactUsed.has(k) && exact(p));
      if (j >= 0) exactUsed.add(j), exactTp++;
    }
    fp += preds.length - used.size;
    exactFp += preds.length - exactUsed.size;
  }
  const n = tp + fn;
  const P = tp / (tp + fp || 1);
  const R = tp / (n || 1);
  const eP = exactTp / (exactTp + exactFp || 1);
  const eR = exactTp / (n || 1);
  return { P, R, F1: (2 * P * R) / (P + R || 1), exactF1: (2 * eP * eR) / (eP + eR || 1), valueAcc: valueOk / (tp || 1), n };
}

function throughput(extract, rounds = 20) {
  const sentences = lines.flatMap((l) => l.text.split(/(?<=[。；！？])/)).filter((s) => s.trim());
  extract(sentences[0]); // warm up
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of sentences) extract(s);
  return (sentences.length * rounds) / ((performance.now() - t0) / 1000);
}

const a = score(ours);
const b = score(peer);
const ta = throughput(ours);
const tb = throughput(peer, 5);
const f = (x) => x.toFixed(3);
console.log(`statistics on ${lines.length} gold lines, ${a.n} gold statistics`);
console.log('extractor                  P      R      F1     exactF1  valueAcc  sentences/s');
console.log(`baogao                     ${f(a.P)}  ${f(a.R)}  ${f(a.F1)}  ${f(a.exactF1)}    ${f(a.valueAcc)}     ${ta.toFixed(0)}`);
console.log(`Recognizers-Text zh-cn     ${f(b.P)}  ${f(b.R)}  ${f(b.F1)}  ${f(b.exactF1)}    ${f(b.valueAcc)}     ${tb.toFixed(0)}`);
console.log(`F1 +${f(a.F1 - b.F1)}, exact F1 +${f(a.exactF1 - b.exactF1)}, value accuracy +${f(a.valueAcc - b.valueAcc)}; throughput ratio baogao/Recognizers = ${(ta / tb).toFixed(2)}×`);
