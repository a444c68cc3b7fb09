// Exact expected trees for small reports (test/fixtures/*.txt → *.json). After a
// deliberate change of output, `npm run build && node scripts/update-fixtures.mjs`
// rewrites them, and the diff shows the change for review.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from '../src/index.js';

const dir = new URL('./fixtures/', import.meta.url).pathname;
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('fixtures', () => {
  test('there are fixtures', () => expect(texts.length).toBeGreaterThanOrEqual(4));
  test.each(texts)('%s', (file) => {
    const expected = JSON.parse(readFileSync(dir + file.replace(/\.txt$/, '.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(parse(readFileSync(dir + file), { path: file })))).toEqual(expected);
  });
});
