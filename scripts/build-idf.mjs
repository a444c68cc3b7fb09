#!/usr/bin/env node
// Builds dictionaries/idf.tsv, the bundled IDF table for keywords({idf: 'bundled'}):
// document frequency of every content word over the reports of corpus/
// (duplicates skipped), idf = ln(N / df). Run after changing corpus/ or the dictionaries:
//   npm run build && node scripts/build-idf.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, contentTokens } from '../dist/index.js';
import { textFilesUnder } from '../bench/corpus.mjs';

const root = new URL('..', import.meta.url).pathname;
const files = textFilesUnder(join(root, 'corpus'));

const df = new Map();
let documents = 0;
for (const file of files) {
  const tree = parse(readFileSync(file), { path: file });
  for (const report of tree.children) {
    if (report.type !== 'report' || report.data.duplicateOf !== null) continue;
    const sentences = [];
    const visit = (n) => (n.type === 'sentence' ? sentences.push(n.value) : (n.children ?? []).forEach(visit));
    visit(report);
    documents++;
    for (const term of new Set(contentTokens(sentences.join('')))) df.set(term, (df.get(term) ?? 0) + 1);
  }
}
const rows = [...df].filter(([, n]) => n >= 2).map(([term, n]) => [term, Math.log(documents / n)]).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
const header = `# IDF of content words over ${documents} reports of corpus/ (scripts/build-idf.mjs); words in fewer than 2 reports are left out.\n`;
writeFileSync(join(root, 'dictionaries', 'idf.tsv'), header + rows.map(([t, v]) => `${t}\t${v.toFixed(4)}`).join('\n') + '\n');
console.log(`${rows.length} terms over ${documents} reports → dictionaries/idf.tsv`);
