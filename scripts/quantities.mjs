#!/usr/bin/env node
// Lists the statistics (or placeholders, with --placeholders) of files with their context, for eyeballing.
//   node scripts/quantities.mjs FILE… [--placeholders] [--sample N]
import { readFileSync } from 'node:fs';
import { parse } from '../dist/index.js';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const type = args.includes('--placeholders') ? 'placeholder' : 'stat';
const sampleAt = args.indexOf('--sample');
const sample = sampleAt >= 0 ? Number(args[sampleAt + 1]) : Infinity;
const rows = [];
for (const file of files) {
  const bytes = readFileSync(file);
  const root = parse(bytes, { path: file });
  const text = root.data.encoding === 'utf-8' ? bytes.toString('utf8').replace(/^\uFEFF/, '') : new TextDecoder('gb18030').decode(bytes);
  const walk = (n) => {
    if (n.type === type) {
      const { start, end } = n.position;
      const ctx = text.slice(Math.max(0, start.offset - 10), start.offset) + '[' + text.slice(start.offset, end.offset) + ']' + text.slice(end.offset, end.offset + 6);
      rows.push(`${file.split('/').pop().slice(0, 12)}:${start.line} ${type === 'stat' ? `${n.value} ${n.unit} ${n.qualifier ?? '-'}${n.range ? ' range' : ''}` : n.role} | ${ctx.replace(/\s/g, ' ')}`);
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
}
const step = Math.max(1, Math.floor(rows.length / Math.min(sample, rows.length)));
for (let i = 0; i < rows.length; i += step) console.log(rows[i]);
console.error(`${rows.length} ${type}s`);
