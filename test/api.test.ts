import { describe, expect, test } from 'vitest';
import * as api from '../src/index.js';
import { parse, BaogaoError, treeJsonSchema, rootSchema } from '../src/index.js';
import { readSeed } from './helpers.js';

describe('public API', () => {
  test('the list of exports only changes on purpose', () => {
    expect(Object.keys(api).sort()).toMatchSnapshot();
  });

  test('invalid options give a readable error naming the field', () => {
    expect(() => parse('x', { encoding: 'latin1' as never })).toThrow(/encoding: /);
    expect(() => parse('x', { maxBytes: -1 })).toThrow(/maxBytes: /);
    expect(() => parse('x', { colour: true } as never)).toThrow(/colour/);
    try {
      parse('x', { maxBytes: 'big' as never });
    } catch (error) {
      expect(error).toBeInstanceOf(BaogaoError);
      expect((error as BaogaoError).kind).toBe('invalid-options');
    }
  });

  test('a wrong input type is a typed error', () => {
    expect(() => parse(42 as never)).toThrowError(expect.objectContaining({ kind: 'invalid-options' }));
  });

  test('trees validate against the exported zod schema, and the JSON Schema describes a root', () => {
    expect(rootSchema.safeParse(parse(readSeed('001'))).success).toBe(true);
    const schema = treeJsonSchema();
    expect(schema.type).toBe('object');
    expect(JSON.stringify(schema)).toContain('"report"');
  });
});
