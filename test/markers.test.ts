import { describe, expect, test } from 'vitest';
import { inlineMarkers, lineStartMarker, markerTitle } from '../src/structure/markers.js';
import { hanziToNumber } from '../src/structure/numerals.js';

const at = (text: string) => {
  const m = lineStartMarker(text, 0);
  return m && { text: m.text, style: m.style, ordinal: m.ordinal };
};

describe('line-start markers, every style, full- and half-width', () => {
  test.each([
    ['一、工作情况', '一、', 'hanzi-dun', 1],
    ['十二、其他', '十二、', 'hanzi-dun', 12],
    ['二、202_年工作思路', '二、', 'hanzi-dun', 2], // seed 004: a year right after 、
    ['（一）聚焦思想理论学习', '（一）', 'paren-hanzi', 1],
    ['(三)切实加强未成年人思想道德建设。', '(三)', 'paren-hanzi', 3],
    ['1.结合委中心组的专题学习活动', '1.', 'arabic-dot', 1],
    ['2．开展宣讲', '2．', 'arabic-dot', 2],
    ['3、加强市民教育。', '3、', 'arabic-dot', 3],
    ['1. 研究制定《XX高新区…》', '1. '.trim(), 'arabic-dot', 1],
    ['（1）管委会多次邀请', '（1）', 'paren-arabic', 1],
    ['(2)从高新技术企业', '(2)', 'paren-arabic', 2],
    ['①专题研讨', '①', 'circled', 1],
    ['第三、突出特色，做大做强文化产业。', '第三、', 'di-hanzi', 3],
    ['第一，建立健全意识形态工作机制', '第一，', 'di-hanzi', 1],
    ['第二方面，加强队伍', '第二方面', 'di-hanzi', 2],
    ['一是强化意识形态责任落实。', '一是', 'hanzi-shi', 1],
    ['四是是加强宣传队伍建设。', '四是', 'hanzi-shi', 4], // seed 001: a doubled 是 stays text
    ['二要扩大宣传', '二要', 'hanzi-shi', 2],
  ])('%s', (line, text, style, ordinal) => {
    expect(at(line)).toEqual({ text, style, ordinal });
  });

  test.each([
    '1.2亿元用于项目建设',
    '2021年，区委宣传部以习近平新时代中国特色社会主义思想为指导',
    '3月25日召开会议',
    '10000余份宣传资料',
    '4.26世界知识产权日',
    '一个旗帜引领',
    '二要素齐全',
    '统一是前提',
    '第一季度工作总结',
  ])('%s is no marker', (line) => {
    expect(at(line)).toBeNull();
  });
});

describe('inline markers', () => {
  test('一是…二是… after a boundary (seed 000 line 3)', () => {
    const text = '（一）聚焦思想理论学习。一是大学习。围绕讲话，组织学习。二是广宣讲。三是全动员。';
    expect(inlineMarkers(text, 4, 100).map((m) => [m.text, m.ordinal, m.start - 100])).toEqual([
      ['一是', 1, 12],
      ['二是', 2, 28],
      ['三是', 3, 34],
    ]);
  });

  test('第一，…第二，… inline (seed 001 line 7)', () => {
    const text = '（三）严格落实意识形态工作责任制。第一，建立健全意识形态工作机制。第二，加强阵地管理。';
    expect(inlineMarkers(text, 0, 0).map((m) => [m.text, m.style])).toEqual([
      ['第一，', 'di-hanzi'],
      ['第二，', 'di-hanzi'],
    ]);
  });

  test('no marker without a boundary: 统一是, 唯一要', () => {
    expect(inlineMarkers('坚持统一是前提，唯一要求是落实，万一是问题', 0, 0)).toEqual([]);
  });

  test('after a colon: 主要是做好以下五项改革:一是将继续深化 (seed 002 line 669)', () => {
    expect(inlineMarkers('主要是做好以下五项改革:一是将继续深化行政审批制度改革', 0, 0).map((m) => m.text)).toEqual(['一是']);
  });
});

describe('titles and numerals', () => {
  test('the title runs to the first 。 or ：', () => {
    expect(markerTitle('（一）聚焦思想理论学习，着力推动。一是大学习', 3)).toBe('聚焦思想理论学习，着力推动');
    expect(markerTitle('1.学前教育:学前三年入园率达90%。', 2)).toBe('学前教育');
  });

  test.each([
    ['十七', 17],
    ['二十三', 23],
    ['三千五百', 3500],
    ['两万', 20000],
    ['一百', 100],
    ['十', 10],
  ])('%s = %i', (text, value) => {
    expect(hanziToNumber(text)).toBe(value);
  });
});
