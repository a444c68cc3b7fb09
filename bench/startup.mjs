#!/usr/bin/env node
// Start-up cost of baogao (issue 3): what `import('baogao')` and a first parse
// add to a bare node process, measured against `node -e ''` in the same run,
// and the proof that neither nodejieba nor natural is loaded without tokens.
//   npm run build && node bench/startup.mjs [--runs 10]
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const index = new URL('../dist/index.js', import.meta.url).href;
const seed = new URL('../corpus/seeds/000_2f7cf75e37cbbe9c.txt', import.meta.url).pathname;

const scripts = {
  'node (baseline)': '',
  "import('baogao')": `await import(${JSON.stringify(index)});`,
  'import + parse a seed': `const { parse } = await import(${JSON.stringify(index)}); parse((await import('node:fs')).readFileSync(${JSON.stringify(seed)}));`,
  'import + parse with tokens': `const { parse } = await import(${JSON.stringify(index)}); parse((await import('node:fs')).readFileSync(${JSON.stringify(seed)}), { tokens: true });`,
};
const report = `;const { createRequire } = await import('node:module'); const r = createRequire(import.meta.url);
console.log(JSON.stringify({ rss: process.memoryUsage().rss, loaded: Object.keys(r.cache).filter((k) => /node_modules\\/(nodejieba|natural)\\//.test(k)).map((k) => k.split('node_modules/')[1].split('/')[0]) }));`;

const results = {};
for (const [name, body] of Object.entries(scripts)) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', body + report], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    last = JSON.parse(r.stdout.trim().split('\n').pop());
  }
  times.sort((a, b) => a - b);
  results[name] = { ms: times[Math.floor(times.length / 2)], rss: last.rss / 1e6, loaded: [...new Set(last.loaded)] };
}
const base = results['node (baseline)'];
console.log(`start-up, median of ${runs} runs each (added = minus a bare node process measured in the same run)`);
for (const [name, r] of Object.entries(results)) {
  console.log(`${name.padEnd(28)} ${r.ms.toFixed(0).padStart(5)} ms  (+${(r.ms - base.ms).toFixed(0)} ms)  RSS ${r.rss.toFixed(0)} MB (+${(r.rss - base.rss).toFixed(0)})  loaded: ${r.loaded.join(', ') || 'neither nodejieba nor natural'}`);
}
