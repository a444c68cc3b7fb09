// allMatches stands in for String.prototype.matchAll on hot paths: it must
// give the same matches, including where a pattern matches the empty string.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allMatches } from '../src/matches.js';
import { notStatPatterns } from '../src/quantities/lexicon.js';

const viaMatchAll = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => [m.index, ...m]);
const viaAllMatches = (pattern: RegExp, text: string) => allMatches(pattern, text).map((m) => [m.index, ...m]);

describe('allMatches', () => {
  test('equals matchAll, groups included, on a small exact case', () => {
    const year = /((?:19|20)[0-9]{2})\s?年/g;
    expect(viaAllMatches(year, '2021年至2023 年，1999年')).toEqual([
      [0, '2021年', '2021'],
      [6, '2023 年', '2023'],
      [13, '1999年', '1999'],
    ]);
  });

  test('steps past empty matches as matchAll does (a whole surrogate pair under the u flag)', () => {
    for (const pattern of [/x*/g, /x*/gu, /(?=年)/g, /$/g]) {
      for (const text of ['', 'axxb', '𠀀x𠀀', '2021年2022年']) expect(viaAllMatches(pattern, text)).toEqual(viaMatchAll(pattern, text));
    }
  });

  test('equals matchAll for the not-a-statistic patterns on every corpus paragraph, and leaves the pattern reusable', () => {
    const root = new URL('../corpus/real/', import.meta.url).pathname;
    const paragraphs = readdirSync(root).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(root + f, 'utf8').split('\n'));
    let compared = 0;
    for (const pattern of notStatPatterns()) {
      for (const text of paragraphs) {
        const expected = viaMatchAll(pattern, text);
        expect(viaAllMatches(pattern, text)).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(10); // the patterns did match somewhere: the comparison was not vacuous
  });
});
