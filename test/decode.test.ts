import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import fg from 'fast-glob';
import iconv from 'iconv-lite';
import { parse, decode, BaogaoError } from '../src/index.js';
import { corpusDir, nodesOf } from './helpers.js';
import { utf8Text } from '../src/decode/utf8.js';

const sample = '2022年区宣传思想文化工作总结\n一、工作情况\n（一）开展宣讲xxx场。\n';

describe('decode', () => {
  test('strict UTF-8, with and without BOM', () => {
    expect(decode(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  test('UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    expect(decode(le)).toEqual({ text: sample, encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, 'utf-16be')]);
    expect(decode(be)).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  test('GBK bytes fall back to GB18030', () => {
    expect(decode(iconv.encode(sample, 'gbk'))).toEqual({ text: sample, encoding: 'gb18030' });
  });

  test('a real GBK report (corpus-real 022, CRLF) parses into the same tree as its UTF-8 transcoding', () => {
    const bytes = readFileSync(`${corpusDir}real/gbk/022_hailar-district-2014-gwr.txt`);
    const root = parse(bytes);
    expect(root.data.encoding).toBe('gb18030');
    const fromText = parse(iconv.decode(bytes, 'gb18030'));
    expect(JSON.stringify(root.children)).toBe(JSON.stringify(fromText.children));
    const title = nodesOf<{ value: string }>(root, 'title')[0]!;
    expect(title.value.replace(/\s/g, '')).toBe('政府工作报告');
  });

  test('a forced UTF-8 drops a leading BOM, as detection does; invalid bytes become U+FFFD', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]);
    expect(decode(withBom, 'utf-8')).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decode(Buffer.concat([Buffer.from(sample), Buffer.from([0xff])]), 'utf-8').text).toBe(sample + '\ufffd');
  });

  test('a forced encoding wins over detection', () => {
    expect(decode(iconv.encode(sample, 'gbk'), 'gb18030').encoding).toBe('gb18030');
  });

  test.each([
    ['empty', Buffer.alloc(0)],
    ['empty', Buffer.from('  \n\r\n \u3000 ', 'utf8')],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
    ['binary', Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 7) % 32))],
  ])('%s input is a typed error, not a crash', (kind, bytes) => {
    expect(() => parse(bytes, { path: 'x.txt' })).toThrow(BaogaoError);
    try {
      parse(bytes, { path: 'x.txt' });
    } catch (error) {
      expect((error as BaogaoError).kind).toBe(kind);
      expect((error as BaogaoError).message).toMatch(/^x\.txt: /);
    }
  });

  test('bytes that are neither UTF-8 nor GB18030 are undecodable', () => {
    // 0x80 and 0xFF are no lead bytes in GB18030: every pair decodes to U+FFFD.
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0x80 : 0xff)));
    expect(() => parse(bytes)).toThrowError(expect.objectContaining({ kind: 'undecodable' }));
  });

  test('too large input is refused', () => {
    expect(() => parse(sample, { maxBytes: 10 })).toThrowError(expect.objectContaining({ kind: 'too-large' }));
  });
});

describe('utf8Text (our decoder for validated UTF-8)', () => {
  test('one-, two-, three- and four-byte characters, exactly as Buffer#toString', () => {
    const cases = ['', 'plain ASCII\r\n', 'é ü ß ©', '工作总结 2022年', '𠮷野家 😀 x', '\ufeff带BOM', 'a\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}z'];
    for (const text of cases) expect(utf8Text(Buffer.from(text, 'utf8'))).toBe(text);
  });

  test('equals Buffer#toString on every UTF-8 file of the corpus, and on a slice of a larger buffer', () => {
    const files = fg.sync('**/*.txt', { cwd: corpusDir, absolute: true });
    let checked = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      if (!isUtf8(bytes)) continue;
      expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
    // A view into a pooled buffer (as small reads give): only its own bytes count.
    const pooled = Buffer.from('前缀工作总结后缀', 'utf8');
    expect(utf8Text(pooled.subarray(6, 18))).toBe('工作总结');
  });

  test('a text past the kept scratch size (4 Mi code units) decodes whole', () => {
    const big = '开展宣讲25场，a😀'.repeat(400_000);
    expect(utf8Text(Buffer.from(big, 'utf8'))).toBe(big);
  });
});

describe('line endings', () => {
  test('CRLF and CR give the same structure as LF, with offsets into the CRLF text', () => {
    const lf = parse(sample);
    for (const eol of ['\r\n', '\r']) {
      const text = sample.replace(/\n/g, eol);
      const root = parse(text);
      const items = nodesOf<{ position: { start: { line: number; offset: number } }; marker: { text: string } }>(root, 'item');
      expect(items.map((i) => i.position.start.line)).toEqual(nodesOf<{ position: { start: { line: number } } }>(lf, 'item').map((i) => i.position.start.line));
      expect(text.slice(items[0]!.position.start.offset).startsWith('（一）')).toBe(true);
    }
  });

  test('lines are trimmed of every kind of white space web pages indent with (em, thin, ideographic, no-break)', () => {
    const indented = sample.split('\n').map((line, i) => (line ? ['\u2003\u2003', '\u2009', '\u3000\u3000', '\u00a0'][i % 4] + line + '\u2002' : line)).join('\n');
    const plain = parse(sample);
    const root = parse(indented);
    const texts = (r: typeof root) => nodesOf<{ value: string }>(r, 'sentence').map((n) => n.value);
    expect(texts(root)).toEqual(texts(plain));
    expect(nodesOf<{ marker: { text: string } }>(root, 'item').map((i) => i.marker.text)).toEqual(['（一）']);
  });
});
