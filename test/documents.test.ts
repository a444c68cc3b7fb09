import { describe, expect, test } from 'vitest';
import { parse, type Report, type Boilerplate } from '../src/index.js';
import { corpusDir, nodesOf, readSeed } from './helpers.js';
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { DuplicateIndex, minhash } from '../src/documents/minhash.js';
import { bigrams, diceOfBigrams, shingles } from '../src/documents/similarity.js';
import { looksLikeTitle } from '../src/documents/titles.js';

/** Every text of corpus/ (UTF-8 ones; the GBK copies repeat them). */
const corpusTexts = () => fg.sync('{seeds,real}/*.txt', { cwd: corpusDir, absolute: true }).sort().map((p) => readFileSync(p, 'utf8'));

const reportsOf = (text: string) => nodesOf<Report>(parse(text), 'report');

describe('splitting a compilation (seed 002, 精选17篇)', () => {
  const text = readSeed('002');
  const root = parse(text);
  const reports = nodesOf<Report>(root, 'report');

  test('17 titled documents and 3 that lost their title are 20 reports', () => {
    expect(reports.map((r) => r.position.start.line)).toEqual([
      7, 51, 127, 221, 343, 399, 475, 487, 521, 523, 541, 575, 587, 633, 661, 665, 677, 725, 747, 759,
    ]);
    expect(reports.filter((r) => r.data.title).length).toBe(17);
  });

  test('near-duplicates point at the earlier copy', () => {
    const dup = (line: number) => reports.find((r) => r.position.start.line === line)!.data.duplicateOf;
    expect(dup(523)).toBe(0); // 区委宣传部的工作总结及计划 repeats the first report
    expect(dup(587)).toBe(0);
    expect(dup(541)).toBe(7); // the second 综治工作总结 on patents
    expect(dup(7)).toBeNull();
  });

  test('compilation title, editor lines and the download footer are boilerplate, outside every section', () => {
    const lines = nodesOf<Boilerplate>(root, 'boilerplate').map((b) => b.position.start.line);
    expect(lines).toEqual([1, 3, 5, 9, 341, 401, 635, 727]);
    for (const report of reports) {
      for (const section of report.children.filter((c) => c.type === 'section')) {
        for (const b of nodesOf<Boilerplate>(root, 'boilerplate')) {
          const inside = b.position.start.offset >= section.position.start.offset && b.position.end.offset <= section.position.end.offset;
          expect(inside).toBe(false);
        }
      }
    }
  });
});

describe('title lines', () => {
  test('length is what a title keeps: letter spacing and scraping debris do not count, a long paragraph is none', () => {
    const spaced = '> ' + '2023年xx区人民政府工作报告'.split('').join('   '); // 70 characters, 16 kept
    expect(spaced.length).toBeGreaterThan(45);
    expect(looksLikeTitle(spaced, false)).toBe(true);
    expect(looksLikeTitle('2023年xx区人民政府工作报告', true)).toBe(false); // an item marker
    const long = '关于' + '加强'.repeat(20) + '宣传 工作总结'; // 50 characters kept, one space late
    expect(looksLikeTitle(long, false)).toBe(false);
    expect(looksLikeTitle(long.slice(0, 40) + ' 工作总结', false)).toBe(true); // 44 kept
  });
});

describe('boilerplate', () => {
  test('membership ads before the title of seed 003 are boilerplate; the report starts at its title', () => {
    const root = parse(readSeed('003'));
    expect(nodesOf<Boilerplate>(root, 'boilerplate').map((b) => b.position.start.line)).toEqual([1, 2, 3, 4, 5, 7, 8, 9]);
    expect(nodesOf<Report>(root, 'report').map((r) => [r.position.start.line, r.data.title])).toEqual([[16, '在全市宣传思想工作会议上的汇报发言']]);
  });

  test.each([
    ['下面是小编为大家整理的,供大家参考。', 'editor'],
    ['将本文的word文档下载到电脑,方便收藏和打印。', 'download-footer'],
    ['当前隐藏内容免费查看', 'paywall'],
    ['会员群：                      免费QQ群：', 'membership'],
    ['来源：北京日报', 'page-meta'],
  ])('%s is boilerplate (%s)', (line, rule) => {
    const root = parse(`xx区工作总结\n开展学习xx次。\n${line}\n开展宣讲xx场。`);
    expect(nodesOf<Boilerplate>(root, 'boilerplate').map((b) => [b.value.trim(), b.data.rule])).toEqual([[line.trim(), rule]]);
  });

  test('a paywall phrase inside a content line stays content (seed 002 line 459)', () => {
    const root = parse('xx区工作总结\n当前隐藏内容免费查看的监测力度,编发“每日舆情专报”,及时为区领导提供决策参考。');
    expect(nodesOf(root, 'boilerplate')).toEqual([]);
  });

  test('related-article lists (title, date, title, date) at the end of a page are boilerplate', () => {
    const text = '2021年某县政府工作报告\n过去一年，我们完成了各项任务。\n上一篇：\n2022年甲县政府工作报告\n01-24\n2022年乙县政府工作报告\n01-24';
    expect(reportsOf(text).length).toBe(1);
  });

  test('a report that opens again after its plans is another document (seed 002 line 51 shape)', () => {
    const text = [
      'xx区工作计划', '____年全区宣传工作的目标是：继续保持全市先进位次，要着力加强理论武装，力争取得新成效。',
      '20xx年上半年，区委宣传部在区委的正确领导下，认真开展各项工作。', '一、理论武装扎实推进。开展了学习xx次。',
    ].join('\n');
    expect(reportsOf(text).map((r) => r.position.start.line)).toEqual([1, 3]);
  });
});

describe('MinHash signatures (one-permutation hashing) estimate shingle similarity', () => {
  const texts = corpusTexts();
  const jaccard = (a: Set<number>, b: Set<number>) => {
    let shared = 0;
    for (const x of a) if (b.has(x)) shared++;
    return shared / (a.size + b.size - shared);
  };
  const agreement = (a: number[], b: number[]) => a.filter((x, i) => x === b[i]).length / a.length;

  test('a copy with a tenth of its lines dropped agrees on ≥ 80 % of the signature; the index finds it', () => {
    for (const text of texts.slice(0, 12)) {
      const lines = text.split('\n');
      const edited = lines.filter((_, i) => i % 10 !== 3).join('\n');
      const a = minhash(text);
      const b = minhash(edited);
      if (!a || !b) continue;
      expect(agreement(a, b)).toBeGreaterThanOrEqual(0.75);
      const index = new DuplicateIndex();
      expect(index.check('original', a)).toBeNull();
      expect(index.check('edited', b)).toBe('original');
    }
  });

  test('over all pairs of corpus files the estimate is within 0.2 of the true Jaccard similarity', () => {
    const sets = texts.map((t) => shingles(t));
    const signatures = texts.map((t) => minhash(t));
    let pairs = 0;
    for (let i = 0; i < texts.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = signatures[i];
        const b = signatures[j];
        if (!a || !b) continue;
        expect(Math.abs(agreement(a, b) - jaccard(sets[i]!, sets[j]!))).toBeLessThan(0.2);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(500);
  });
});

describe('similarity measures', () => {
  // The multiset Dice of two texts' bigrams, written the plain way (counts in Maps): the reference.
  const countsOf = (text: string) => {
    const counts = new Map<string, number>();
    for (let i = 0; i + 2 <= text.length; i++) counts.set(text.slice(i, i + 2), (counts.get(text.slice(i, i + 2)) ?? 0) + 1);
    return counts;
  };
  const referenceDice = (a: string, b: string) => {
    const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
    if (!total) return 0;
    const x = countsOf(a);
    const y = countsOf(b);
    let shared = 0;
    for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
    return (2 * shared) / total;
  };

  test('bigram Dice on small exact cases (repeated bigrams count as often as the text with fewer has them)', () => {
    expect(diceOfBigrams(bigrams('全面推进工作'), bigrams('全面推进建设'))).toBeCloseTo(0.6, 12); // 全面 面推 推进 of 5 + 5
    expect(diceOfBigrams(bigrams('哈哈哈'), bigrams('哈哈'))).toBeCloseTo((2 * 1) / 3, 12);
    expect(diceOfBigrams(bigrams(''), bigrams('一'))).toBe(0);
  });

  test('bigram Dice equals the plain multiset computation on neighbouring corpus openings', () => {
    const openings = fg.sync(`${corpusDir}/real/*.txt`).flatMap((f) => readFileSync(f, 'utf8').split('\n')).map((l) => l.trim().slice(0, 80)).filter((l) => l.length >= 30);
    let close = 0;
    for (let i = 1; i < openings.length; i++) {
      const [a, b] = [openings[i]!, openings[i - 1]!];
      const dice = diceOfBigrams(bigrams(a), bigrams(b));
      expect(dice).toBeCloseTo(referenceDice(a, b), 12);
      if (dice > 0.2) close++;
    }
    expect(close).toBeGreaterThan(0); // some pairs share much: not only zeros compared
  });

  test('shingles of a range of a text are the shingles of that slice', () => {
    const text = readSeed('000');
    const [from, to] = [Math.floor(text.length / 4), Math.floor(text.length / 2)];
    const own = shingles(text, from, to);
    expect(own.size).toBeGreaterThan(20);
    expect([...own].sort()).toEqual([...shingles(text.slice(from, to))].sort());
  });
});
