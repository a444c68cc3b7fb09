#!/usr/bin/env node
// One hash of everything baogao outputs for the bundled corpus (and, where they
// are beside this checkout, ../shared/seeds and ../shared/corpus-real): the tree
// of every file with and without tokens, and its table rows. A change meant to
// be a pure speed-up must leave it unchanged; compare it before and after.
//   node scripts/identity.mjs [--no-tokens] [repo]   (repo: a checkout with dist/ built; default this one)
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { textFilesUnder } from '../bench/corpus.mjs';

const args = process.argv.slice(2);
const repo = resolve(args.find((a) => !a.startsWith('--')) ?? new URL('..', import.meta.url).pathname);
const { parse, tablesOf } = await import(join(repo, 'dist/index.js'));
const here = new URL('..', import.meta.url).pathname;
const folders = [join(here, 'corpus'), join(here, '../shared/seeds'), join(here, '../shared/corpus-real')].filter(existsSync);
const files = folders.flatMap(textFilesUnder);

const withTokens = !args.includes('--no-tokens');
const hashes = { trees: createHash('sha256'), tables: createHash('sha256'), ...(withTokens ? { tokens: createHash('sha256') } : {}) };
for (const file of files) {
  const name = file.slice(here.length);
  const bytes = readFileSync(file);
  const root = parse(bytes, { path: name });
  hashes.trees.update(JSON.stringify(root));
  hashes.tables.update(JSON.stringify(tablesOf(root, name)));
  if (withTokens) hashes.tokens.update(JSON.stringify(parse(bytes, { path: name, tokens: true })));
}
console.log(`${files.length} files`);
for (const [what, hash] of Object.entries(hashes)) console.log(`${what.padEnd(7)} ${hash.digest('hex').slice(0, 16)}`);
