// The seed gold (../shared/gold, scored by ../shared/eval/score.mjs) as floors,
// so a change that loses ground fails here and not only in a closing note.
// Runs the built command line, as the scorer does; skipped where shared/ is absent.
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const shared = new URL('../../shared/', import.meta.url).pathname;
const scorer = `${shared}eval/score.mjs`;
const bin = new URL('../bin/baogao.js', import.meta.url).pathname;

describe.skipIf(!existsSync(scorer))('seed gold', () => {
  test('scores stay above the floors of the issues', () => {
    const out = execFileSync(process.execPath, [scorer, '--gold', `${shared}gold`, '--texts', `${shared}seeds`, '--cli', `${process.execPath} ${bin} parse`, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const { overall } = JSON.parse(out);
    expect(overall.errors).toBe(0);
    expect(overall.reports.F1).toBeGreaterThanOrEqual(0.95);
    expect(overall.titles.acc).toBeGreaterThanOrEqual(0.9);
    expect(overall.sectionLines.acc).toBeGreaterThanOrEqual(0.95);
    expect(overall.items.F1).toBeGreaterThanOrEqual(0.95);
    expect(overall.itemDepth.acc).toBeGreaterThanOrEqual(0.95);
    expect(overall.itemOrdinal.acc).toBeGreaterThanOrEqual(0.95);
    expect(overall.boilerplate.F1).toBeGreaterThanOrEqual(0.9);
  });
});
