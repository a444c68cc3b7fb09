#!/usr/bin/env node
// Prints a parsed file's outline — reports, sections, top items — for eyeballing a tree.
//   node scripts/outline.mjs FILE [--items]
import { readFileSync } from 'node:fs';
import { parse } from '../dist/index.js';

const [file, ...flags] = process.argv.slice(2);
const root = parse(readFileSync(file), { path: file });
const clip = (s, n = 40) => (s.length > n ? s.slice(0, n) + '…' : s);
for (const node of root.children) {
  const at = `${node.position.start.line}-${node.position.end.line}`;
  if (node.type === 'boilerplate') { console.log(`BOILERPLATE ${at} [${node.data.rule}] ${clip(node.value)}`); continue; }
  const d = node.data;
  console.log(`REPORT #${d.index} ${at} title=${d.title} docType=${d.docType} year=${d.year} period=${d.period} org=${d.organization} dup=${d.duplicateOf}`);
  for (const child of node.children) {
    const cat = `${child.position.start.line}-${child.position.end.line}`;
    if (child.type !== 'section') { console.log(`  ${child.type.toUpperCase()} ${cat} ${clip(child.value ?? '')}`); continue; }
    const heading = child.children.find((c) => c.type === 'heading');
    console.log(`  SECTION ${cat} ${child.kind} (${child.kindSource} ${child.confidence}) ${heading ? '«' + clip(heading.value) + '»' : ''}`);
    if (flags.includes('--items')) {
      const walk = (n, pad) => { for (const c of n.children ?? []) if (c.type === 'item') { console.log(`${pad}${c.position.start.line}:${c.position.start.column} d${c.depth} ${c.marker.text} ${clip(c.title, 30)}`); walk(c, pad + '  '); } };
      walk(child, '    ');
    }
  }
}
for (const w of root.data.warnings.slice(0, 10)) console.log(`WARNING ${w.kind} ${w.position ? w.position.start.line + ':' + w.position.start.column : ''} ${w.message}`);
