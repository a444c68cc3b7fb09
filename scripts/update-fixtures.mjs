#!/usr/bin/env node
// Rewrites test/fixtures/*.json from the current parser (run `npm run build` first),
// so that a reviewer sees every change of output as a diff (as mdast-util-from-markdown does).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parse } from '../dist/index.js';

const dir = new URL('../test/fixtures/', import.meta.url).pathname;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const root = parse(readFileSync(dir + file), { path: file });
  writeFileSync(dir + file.replace(/\.txt$/, '.json'), JSON.stringify(root, null, 1) + '\n');
  console.log('updated', file.replace(/\.txt$/, '.json'));
}
