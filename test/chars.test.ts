// The character-code helpers stand in for regexes on hot paths: they must say
// exactly what the regexes say.
import { describe, expect, test } from 'vitest';
import { charIn, charTable, isWhiteSpace } from '../src/chars.js';

describe('character tables', () => {
  test('isWhiteSpace agrees with /\\s/ on every BMP code unit', () => {
    const disagree: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) disagree.push(c);
    expect(disagree).toEqual([]);
  });

  test('charTable holds exactly its characters; charIn is false past either end', () => {
    const table = charTable('，。余');
    expect([...'，。余'].every((c) => table[c.charCodeAt(0)] === 1)).toBe(true);
    expect(table.reduce((n, v) => n + v, 0)).toBe(3);
    expect(charIn(table, '三余', 1)).toBe(true);
    expect(charIn(table, '三余', 0)).toBe(false);
    expect(charIn(table, '三余', -1)).toBe(false);
    expect(charIn(table, '三余', 2)).toBe(false);
  });
});
