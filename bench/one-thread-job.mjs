#!/usr/bin/env node
// Child of bench/throughput.mjs: the work of one worker of the tables job
// (parse, tables, rows rendered) done in this process's one thread, over the
// files listed in argv[2]; prints the seconds it took. Two of these at once
// against one alone measure how far this machine lets two threads scale at all.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parsePaths } from '../dist/index.js';

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const t = performance.now();
let documents = 0;
for await (const r of parsePaths(files, { concurrency: 0, output: 'tables', render: ['csv', 'ndjson', 'json'] })) documents += r.tables?.documents.length ?? 0;
process.stdout.write(`${(performance.now() - t) / 1000} ${documents}\n`);
