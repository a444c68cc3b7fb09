// Segmentation and keywords (issue 3). nodejieba loads once for this file (~2 s).
import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse, segment, keywords, BaogaoError, type Sentence } from '../src/index.js';
import { nodesOf, readSeed, seedPath, tempFolder } from './helpers.js';

const texts = (s: string, options?: Parameters<typeof segment>[1]) => segment(s, options).map((t) => t.text);
const terms = readFileSync(new URL('../dictionaries/terms.utf8', import.meta.url), 'utf8').split('\n').map((l) => l.split(' ')[0]!).filter(Boolean);

describe('segment', () => {
  test('the issue example: masks and domain terms whole', () => {
    expect(texts('组织区委理论学习中心组开展专题学习xx次，坚持以习近平新时代中国特色社会主义思想为指导')).toEqual([
      '组织', '区委', '理论学习中心组', '开展', '专题学习', 'xx', '次', '，', '坚持', '以', '习近平新时代中国特色社会主义思想', '为', '指导',
    ]);
  });

  test('every term of the domain dictionary is one token', () => {
    expect(terms.length).toBeGreaterThanOrEqual(300);
    const split = terms.filter((term) => texts(term).length !== 1);
    expect(split).toEqual([]);
  });

  test.each([
    ['覆盖x.x万人次', 'x.x万'],
    ['开展宣讲xxx场', 'xxx'],
    ['持续推动******新时代中国特色社会主义', '******'],
    ['202_年工作思路', '202_'],
    ['整改完成率**.**%', '**.**'],
    ['项目总投资1.2亿元', '1.2'],
    ['XX高新区党委', 'XX'],
  ])('%s keeps %s whole', (text, token) => {
    expect(texts(text)).toContain(token);
  });

  test('offsets slice back to the token text, also with a base', () => {
    const text = '  2021年，区委宣传部开展宣讲xxx场，覆盖党员群众超过x万人次。';
    for (const t of segment(text, {}, 100)) expect(text.slice(t.start - 100, t.end - 100)).toBe(t.text);
    expect(segment(text, { pos: true }).every((t) => t.text.trim() === t.text && t.pos)).toBe(true);
    expect(segment(text).every((t) => t.pos === undefined)).toBe(true);
  });

  test('custom words and a user dictionary file', () => {
    expect(texts('推进宝坻区京津中关村科技城建设')).not.toContain('京津中关村科技城');
    expect(texts('推进宝坻区京津中关村科技城建设', { words: ['京津中关村科技城'] })).toContain('京津中关村科技城');
    const dir = tempFolder('baogao-dict-');
    writeFileSync(join(dir, 'mine.txt'), '# my words\n海拉尔冬季英雄会 n\n乐动草原\n');
    expect(texts('举办海拉尔冬季英雄会和乐动草原活动', { userDict: join(dir, 'mine.txt') })).toEqual(expect.arrayContaining(['海拉尔冬季英雄会', '乐动草原']));
  });

  test('a user dictionary that does not exist is a typed error, not an abort', () => {
    expect(() => segment('测试', { userDict: '/nonexistent/dict.txt' })).toThrow(BaogaoError);
  });

  test('parse(…, {tokens: true}) puts tokens on sentences, offsets into the source', () => {
    const text = readSeed('000');
    const sentences = nodesOf<Sentence>(parse(text, { tokens: true }), 'sentence');
    expect(sentences.length).toBeGreaterThan(100);
    for (const s of sentences.slice(0, 50)) {
      expect(s.data?.tokens?.length).toBeGreaterThan(0);
      for (const t of s.data!.tokens!) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});

describe('keywords', () => {
  test('the problems section of seed 000 talks about its media centre and the civilised city, not stopwords', () => {
    const lists = keywords(parse(readSeed('000'), { path: 'seed000' }), { by: 'section', top: 5 });
    const problems = lists.find((l) => l.sectionKind === 'problems')!;
    const top = problems.terms.map((t) => t.term);
    expect(top.some((t) => /融媒体/.test(t))).toBe(true);
    expect(lists.find((l) => l.sectionKind === 'problems')!.terms.every((t) => t.weight > 0)).toBe(true);
    for (const stop of ['工作', '加强', '进一步', '需要', '的']) expect(top).not.toContain(stop);
  });

  test('by kind across a batch: one list per section kind, weights sorted', () => {
    const roots = ['000', '001', '003', '004'].map((p) => parse(readSeed(p), { path: p }));
    const lists = keywords(roots, { by: 'kind', top: 8, kinds: ['review', 'problems', 'plans'] });
    expect(lists.map((l) => l.key).sort()).toEqual(['plans', 'problems', 'review']);
    for (const l of lists) expect(l.terms.map((t) => t.weight)).toEqual([...l.terms.map((t) => t.weight)].sort((a, b) => b - a));
  });

  test('a line hard-wrapped inside a term (推进乡村 / 振兴) gives the term back, and an unknown term weighs as the rarest known one', () => {
    const wrapped = '2023年xx镇工作计划\n一、下一步工作计划\n全面推进乡村\n振兴战略实施，开展人居环境整治。\n';
    const terms = keywords(parse(wrapped, { path: 'w' }), { top: 20, idf: 'bundled' })[0]!.terms;
    expect(terms.some((t) => t.term.includes('乡村振兴'))).toBe(true); // not 乡村 + 振兴 from the two lines
    // 嘎查 (a Mongolian village) is in no report of corpus/: it weighs as the table's rarest term.
    const idf = readFileSync(new URL('../dictionaries/idf.tsv', import.meta.url), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const rarest = Math.max(...idf.map((l) => Number(l.split('\t')[1])));
    const unknown = keywords(parse('2023年工作计划\n一、工作计划\n做好嘎查工作。\n'), { top: 20, idf: 'bundled' })[0]!.terms;
    expect(unknown.find((t) => t.term === '嘎查')?.weight).toBe(Math.round(rarest * 1000) / 1000);
  });

  test('batch IDF over 20+ documents uses natural TfIdf', () => {
    const roots = ['000', '001', '002', '003', '004'].map((p) => parse(readSeed(p), { path: p }));
    const lists = keywords(roots, { by: 'report', idf: 'batch', top: 3 });
    expect(lists.length).toBe(24);
    expect(lists.every((l) => l.terms.length > 0)).toBe(true);
  });
});

describe('import cost', () => {
  test('import + parse without tokens loads neither nodejieba nor natural', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const require = createRequire(import.meta.url);
      const { parse, segmenterLoaded } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
      parse(readFileSync(${JSON.stringify(seedPath('002'))}));
      const loaded = Object.keys(require.cache).filter((k) => /node_modules\\/(nodejieba|natural)\\//.test(k));
      console.log(JSON.stringify({ loaded, segmenter: segmenterLoaded() }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual({ loaded: [], segmenter: false });
  });
});
