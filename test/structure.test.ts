import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, type Item, type Section, type Report } from '../src/index.js';
import { lineOf, nodesOf } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const items = (text: string | Buffer) => nodesOf<Item>(parse(text), 'item');
const sections = (text: string | Buffer) => nodesOf<Section>(parse(text), 'section');
const brief = (i: Item) => `${i.position.start.line}:${i.position.start.column} ${i.marker.text} d${i.depth}${i.inline ? ' inline' : ''}`;

describe('items', () => {
  test('every style nests by first appearance; headings that name a kind are sections, not items', () => {
    expect(items(fixture('all-marker-styles.txt')).map(brief)).toEqual([
      '3:1 （一） d1', '4:1 1. d2', '5:1 （1） d3', '6:1 ① d4', '7:1 ② d4', '8:1 （2） d3', '9:1 2． d2',
      '10:1 (二) d1', '11:1 第一， d2', '11:9 第二， d2 inline', '12:1 第三、 d1',
      '14:1 一是 d1', '14:8 二是 d1 inline',
      '16:1 一要 d1', '16:8 二要 d1 inline',
    ]);
  });

  test('a document that jumps from 一、 to 1. nests 1. directly under 一、', () => {
    expect(items('xx工作总结\n一、加强学习\n1.组织学习。\n2.开展宣讲。\n二、强化宣传\n1.发稿xx篇。').map(brief)).toEqual([
      '2:1 一、 d1', '3:1 1. d2', '4:1 2. d2', '5:1 二、 d1', '6:1 1. d2',
    ]);
  });

  test('rank: 一、 after a run of 1、 closes them (seed 002 line 281)', () => {
    expect(items('xx工作计划\n1、学前教育达标。\n2、义务教育均衡。\n一、实现四个突破\n（一）规范办学。').map(brief)).toEqual([
      '2:1 1、 d1', '3:1 2、 d1', '4:1 一、 d1', '5:1 （一） d2',
    ]);
  });

  test('inline items span from their marker to the next marker or the paragraph end', () => {
    const text = 'xx工作总结\n（一）聚焦学习。一是大学习，组织学习xx次。二是广宣讲。\n（二）聚焦宣传。';
    const found = items(text);
    expect(found.map(brief)).toEqual(['2:1 （一） d1', '2:9 一是 d2 inline', '2:23 二是 d2 inline', '3:1 （二） d1']);
    const [first, one, two] = found;
    expect(text.slice(one!.position.start.offset, one!.position.end.offset)).toBe('一是大学习，组织学习xx次。');
    expect(text.slice(two!.position.start.offset, two!.position.end.offset)).toBe('二是广宣讲。');
    expect(text.slice(first!.position.start.offset, first!.position.end.offset)).toBe('（一）聚焦学习。一是大学习，组织学习xx次。二是广宣讲。');
    expect(one!.title).toBe('大学习，组织学习xx次');
  });

  test('skipped and repeated ordinals are kept and reported as warnings', () => {
    const root = parse('xx工作总结\n一、学习\n二、宣传\n四、创建\n四、文化');
    expect(nodesOf<Item>(root, 'item').map((i) => i.marker.ordinal)).toEqual([1, 2, 4, 4]);
    expect(root.data.warnings.map((w) => [w.kind, w.position?.start.line])).toEqual([
      ['ordinal-skip', 4],
      ['ordinal-repeat', 5],
    ]);
  });

  test('numbers that are not markers stay text', () => {
    expect(items(fixture('not-markers.txt'))).toEqual([]);
  });
});

describe('section kinds', () => {
  const kinds = (text: string | Buffer) => sections(text).map((s) => `${s.position.start.line} ${s.kind} ${s.kindSource}`);

  test('headings from the lexicon, a year cue, preamble and problems/plans headings (seed 001 shape)', () => {
    const text = [
      '2022年区宣传思想文化工作总结及2023年工作计划', // 1
      '今年以来，在区委的正确领导下，我区按照年初工作部署开展工作。', // 2
      '一、工作进展情况', // 3
      '（一）理论学习热情高涨。组织学习xx次。', // 4
      '二、存在的问题和不足', // 5
      '一是思想认识有待提高。二是投入不足。', // 6
      '三、下一步工作打算', // 7
      '一是强化意识形态责任落实。', // 8
      '四、围绕学习宣传党的二十大精神，做好2023年宣传思想文化工作', // 9
      '1.做好二十大精神的宣传贯彻。', // 10
    ].join('\n');
    expect(kinds(text)).toEqual(['2 preamble content', '3 review heading', '5 problems heading', '7 plans heading', '9 plans heading']);
  });

  test('thematic headings: kind from content, a problems passage, a turn away and a closing', () => {
    expect(kinds(fixture('thematic-speech.txt'))).toEqual([
      '2 preamble content', '4 review content', '6 problems content', '7 review content', '9 closing content',
    ]);
  });

  test('government work report: salutation, speaker and dateline are preamble; 名词解释 is other', () => {
    expect(kinds(fixture('government-work-report.txt'))).toEqual([
      '2 preamble content', '6 review heading', '8 problems content', '9 plans heading', '12 other heading',
    ]);
    const other = sections(fixture('government-work-report.txt')).at(-1)!;
    expect(nodesOf<Item>(other as never, 'item').map((i) => i.title)).toEqual(['新质生产力']);
  });

  test('a title decides the kind of a report with no headings (工作计划 → plans)', () => {
    expect(kinds('xx区2023年宣传工作计划\n加强理论武装，深入开展学习。\n推进文明创建，做好宣传工作。')).toEqual(['2 plans title']);
  });

  test('an unnumbered lexicon heading (20xx年工作计划。) starts plans (seed 002 line 167)', () => {
    expect(kinds('xx工作总结\n（一）学习扎实有效。开展了学习xx次。\n20xx年工作计划。\n（一）推动创文常态化。')).toEqual([
      '2 review content', '3 plans heading',
    ]);
  });

  test('a heading with a typo (下一步工作打箅) is read as the phrase it is one character from', () => {
    const text = 'xx街道工作总结\n一、主要工作\n组织学习了xx次，开展宣讲xx场。\n二、下一步工作打箅\n继续加强学习。';
    expect(kinds(text)).toEqual(['2 review content', '4 plans heading']);
    // two characters off is no heading: its kind comes from the content
    expect(kinds(text.replace('工作打箅', '干活打箅')).every((k) => !k.endsWith('heading'))).toBe(true);
  });

  test('every section carries a confidence in [0, 1]', () => {
    for (const s of sections(fixture('thematic-speech.txt'))) expect(s.confidence).toBeGreaterThan(0), expect(s.confidence).toBeLessThanOrEqual(1);
  });
});

describe('report data', () => {
  test('title, docType, year, period, organization', () => {
    const report = nodesOf<Report>(parse('区委宣传部2022年上半年工作总结\n开展学习xx次。'), 'report')[0]!;
    expect(report.data).toEqual({
      index: 0, title: '区委宣传部2022年上半年工作总结', docType: 'summary', year: 2022, period: 'half-year',
      organization: '区委宣传部', duplicateOf: null,
    });
  });

  test.each([
    ['2026年北京市政府工作报告', 'government-work-report'],
    ['在全市宣传思想工作会议上的汇报发言', 'speech'],
    ['xx局局长2022年述职报告', 'debriefing'],
    ['xx区2023年宣传工作要点', 'plan'],
    ['2022年区宣传思想文化工作总结及2023年工作计划', 'summary-and-plan'],
  ])('%s is %s', (title, docType) => {
    expect(nodesOf<Report>(parse(`${title}\n开展学习。`), 'report')[0]!.data.docType).toBe(docType);
  });

  test('a masked year is null', () => {
    expect(nodesOf<Report>(parse('202_年工作总结及202_年工作计划（宣传部）\n开展学习。'), 'report')[0]!.data.year).toBeNull();
  });

  test('lineOf helper agrees with positions', () => {
    const text = 'a工作总结\n一、学习\n二、宣传';
    expect(nodesOf<Item>(parse(text), 'item')[1]!.position.start.line).toBe(lineOf(text, '二、'));
  });
});

describe('real government work reports (corpus-real)', () => {
  const headedKinds = (file: string) =>
    sections(readFileSync(new URL(`../corpus/real/${file}`, import.meta.url)))
      .map((s) => [s.children.find((c) => c.type === 'heading')?.value.replace(/\s/g, ''), s.kind])
      .filter(([h]) => h);

  test('Guangdong 2026: a quoted plan period before the lexicon phrase; 名词解释 is other', () => {
    expect(headedKinds('003_guangdong-2026-gwr.txt')).toEqual([
      ['一、2025年和“十四五”时期工作回顾', 'review'],
      ['二、“十五五”时期的主要目标和重点任务', 'plans'],
      ['主要目标', 'plans'],
      ['三、2026年工作安排', 'plans'],
      ['名词解释', 'other'],
    ]);
  });

  test('Laishui 2021: the report year’s 主要工作 are plans; 政府自身建设 is other', () => {
    const kinds = headedKinds('032_laishui-county-2021-gwr.txt');
    expect(kinds.slice(0, 3)).toEqual([
      ['一、“十三五”时期经济社会发展回顾', 'review'],
      ['二、“十四五”时期的主要目标任务', 'plans'],
      ['三、2021年主要工作', 'plans'],
    ]);
    expect(kinds).toContainEqual(['四、加强政府自身建设', 'other']);
  });
});
