// Statistics, placeholders and dates on real sentences (seeds and corpus-real).
import { describe, expect, test } from 'vitest';
import { findStats } from '../src/quantities/stats.js';
import { findMasks } from '../src/quantities/masks.js';
import { placeholderRole } from '../src/quantities/placeholders.js';
import { findDates } from '../src/quantities/dates.js';
import { parse, type Stat, type Placeholder } from '../src/index.js';
import { nodesOf } from './helpers.js';

const stats = (text: string) => findStats(text).map((s) => [s.surface, s.value, s.unit, s.qualifier]);
const one = (text: string) => {
  const found = findStats(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const roles = (text: string) => findMasks(text).map((m) => {
  const inStat = findStats(text).some((s) => s.maskSpan && m.start >= s.maskSpan.start && m.start < s.maskSpan.end);
  return [m.text, placeholderRole(text, m, inStat)];
});

describe('statistics: numbers, magnitudes, units', () => {
  test.each([
    // [sentence (source), surface, value, unit]
    ['全区学员总数25636人，', '25636人', 25636, '人'], // seed 004:6
    ['完成率207%，在全国', '207%', 207, '%'], // seed 004:6
    ['项目总投资1.2亿元。', '1.2亿元', 120000000, '元'], // seed 004:26
    ['受益群众10万多人次。', '10万多人次', 100000, '人次'], // seed 004:19
    ['平均阅读量达10余万人次。', '10余万人次', 100000, '人次'], // seed 004:28
    ['资金已按计划使用两万多元,主要用于', '两万多元', 20000, '元'], // seed 002:519
    ['中心组共组织开展学习活动四次。', '四次', 4, '次'], // seed 001:5
    ['送慰问金8.43万元,各项慰问物资', '8.43万元', 84300, '元'], // seed 002:251
    ['新建教学综合楼11801平方米', '11801平方米', 11801, '平方米'], // seed 002:231
    ['建成常乐电厂扩建等540万千瓦内用煤电项目', '540万千瓦', 5400000, '千瓦'], // corpus-real 012
    ['0.5个百分点', '0.5个百分点', 0.5, '百分点'],
    ['学前教育资源覆盖率达94.5％', '94.5％', 94.5, '%'], // corpus-real 007
    ['建设筹集保障性住房155.4万套（间）', '155.4万套（间）', 1554000, '套'], // corpus-real 003
    ['每周开放42小时', '42小时', 42, '小时'], // seed 001:9
    ['年龄在100周岁以上', '100周岁', 100, '周岁'], // seed 002:245
    ['吸引21万多粉丝长期关注', '21万多', 210000, null], // seed 004:28
    ['共建成３２０所学校', '３２０所', 320, '所'],
    ['投资1,200万元', '1,200万元', 12000000, '元'],
    ['三千五百人参加', '三千五百人', 3500, '人'],
    ['十七个乡镇', '十七个', 17, '个'],
    ['城市道路通车里程突破6800公里', '6800公里', 6800, '公里'], // corpus-real 013 (length)
    ['技术合同成交额增长7.1倍，', '7.1倍', 7.1, '倍'], // corpus-real 005 (ratio)
    ['核心区平房申请式退租2006户，', '2006户', 2006, '户'], // corpus-real 001 (household)
    ['每年向下游输送约800亿立方米源头活水', '800亿立方米', 80000000000, '立方米'], // corpus-real 008 (volume)
    ['蔬菜产量稳定在200万吨左右。', '200万吨', 2000000, '吨'], // corpus-real 001 (weight)
    ['新建绿色矿山34座。', '34座', 34, '座'], // corpus-real 012 (count)
    ['累计创建42个示范村、', '42个', 42, '个'], // corpus-real 001
  ])('%s → %s', (text, surface, value, unit) => {
    const s = one(text);
    expect([s.surface, s.value, s.unit]).toEqual([surface, value, unit]);
    expect(text.slice(s.start, s.end)).toBe(surface);
  });

  test('a range keeps low and high', () => {
    const s = one('每年组织10－20个村开展活动');
    expect([s.surface, s.range]).toEqual(['10－20个', { low: 10, high: 20 }]);
  });
});

describe('qualifiers', () => {
  test.each([
    ['覆盖党员群众超过x万人次', 'over'], // seed 000:3
    ['吸引xxxx余名党员群众观看', 'over'], // seed 000:4 (inner 余)
    ['在各镇街每个社区都设有3处以上宣传点', 'over'], // seed 001:6 (suffix)
    ['全年不少于30期', 'over'], // seed 004:39
    ['为近x.x万人次普及党史知识', 'under'], // seed 000:4
    ['辖区居民近3万人在家门口', 'under'], // seed 004:19
    ['先后派发学习书籍共约1200本', 'approx'], // seed 002:129, the nearest prefix wins
    ['为2700名左右农村学生送营养餐', 'approx'], // seed 002:271
    ['今年共建成2处社区村史馆', 'total'], // seed 004:12
    ['累计为社区群众送出103场文艺演出', 'total'], // seed 004:19
    ['累计达到5万人', 'total'],
    ['线下关注参与人数累计约4万余人次', 'over'], // seed 004:22: a suffix/inner wins over a prefix
    ['全区学员总数25636人', null], // 总数 is no qualifier
    ['近两年来,全区拥有专利284项', null], // 近两年 is no 近
    ['约谈相关网站负责人*次', null], // 约谈 is no 约
  ])('%s → %s', (text, qualifier) => {
    expect(findStats(text).at(-1)!.qualifier).toBe(qualifier);
  });

  test('a prefix applies within its clause only', () => {
    expect(stats('共下发交办单×份，梳理问题×条').map((s) => s[3])).toEqual(['total', null]); // seed 003:21
  });
});

describe('masked statistics', () => {
  test.each([
    ['专题学习xx次', 'xx', 2, 10, 99],
    ['开展宣讲xxx场', 'xxx', 3, 100, 999],
    ['为近x.x万人次普及', 'x.x', 1, 10000, 99999],
    ['组织专题学习宣讲**场', '**', 2, 10, 99],
    ['整改完成率**.**%', '**.**', 2, 10, 99],
    ['播放***.*万次', '***.*', 3, 1000000, 9999999],
    ['学员×万人次', '×', null, null, null],
    ['挂图202_余套', '202_', 4, 1000, 9999],
  ])('%s', (text, mask, digits, min, max) => {
    const s = one(text);
    expect(s.masked).toBe(true);
    expect(s.value).toBeNull();
    expect(s.mask).toEqual({ text: mask, digits, min, max });
  });

  test.each([
    ['专题学习x次', 'x'], ['专题学习xx次', 'xx'], ['专题学习xxx次', 'xxx'], ['组织X次', 'X'], ['组织XX次', 'XX'],
    ['交流×次', '×'], ['交流××次', '××'], ['宣讲*场', '*'], ['宣讲**场', '**'], ['宣讲****场', '****'],
    ['发放_份', '_'], ['发放__份', '__'], ['发放____份', '____'], ['覆盖x.x万人次', 'x.x'], ['做好××*周年', '××*'],
  ])('mask form %s → %s, one placeholder', (text, mask) => {
    expect(findMasks(text).map((m) => m.text)).toEqual([mask]);
  });

  test('a place word after a mask makes a name, after a real number a count', () => {
    expect(stats('筹建xx村工作室')).toEqual([]);
    expect(roles('筹建xx村工作室')).toEqual([['xx', 'name']]);
    expect(one('覆盖12村').unit).toBe('村');
  });

  test('magnitude is never part of the unit: x万人次 → 人次', () => {
    expect(one('覆盖x万人次').unit).toBe('人次');
  });

  test('alternatives in brackets: **（场）次, ×万人（次）', () => {
    expect(one('开展法制讲座**（场）次').surface).toBe('**（场）次');
    expect(one('全区旅游人数近×万人（次）').surface).toBe('×万人（次）');
  });

  test('a +-joined list of masked facilities counts each (seed 000:20)', () => {
    expect(findStats('充分利用“x图书馆总馆+x镇分馆+xx服务点”').map((s) => s.surface)).toEqual(['x', 'x', 'xx']);
  });
});

describe('not statistics', () => {
  test.each([
    ['坚决做到“两个维护”，增强“四个意识”、坚定“四个自信”', 'formulae'],
    ['严格落实“三会一课”，深入开展“两学一做”', 'formulae'],
    ['践行“三个代表”重要思想，实施“五个一”工程', 'formulae'],
    ['按照全市“一村一年一场戏”工作部署', 'formulae'], // seed 004:19
    ['学习贯彻党的十九届六中全会精神', 'session'],
    ['市第十三届人民代表大会', 'session'],
    ['省委十二届八次全会', 'session'], // corpus-real 002
    ['庆祝中国共产党成立100周年', 'anniversary'], // seed 000:3
    ['第一季度工作总结', 'ordinal'],
    ['2021年，区委宣传部', 'year'],
    ['3月25日召开会议', 'date'],
    ['一是大学习。二是广宣讲', 'markers'],
    ['推出一批优秀作品，召开一次会议，树立一个旗帜', 'bare 一'],
    ['4.26世界知识产权日', 'decimal without unit'],
    ['五头镇入选全国重点镇', 'place name'], // corpus-real 037
    ['美兰机场二期', 'project phase'], // corpus-real 004
  ])('%s (%s)', (text) => {
    expect(stats(text)).toEqual([]);
  });
});

describe('placeholders and their roles', () => {
  test.each([
    ['开展宣讲xxx场', [['xxx', 'number']]],
    ['全区学员增长率超过xx%', [['xx', 'number']]],
    ['关于20xx年全区理论学习的通知', [['20xx', 'year']]], // seed 002:55
    ['一、202_年工作亮点', [['202_', 'year']]], // seed 004:2
    ['抓住____年在中国举办', [['____', 'year']]], // seed 002:539
    ['截止x月x日零点', [['x', 'date'], ['x', 'date']]], // seed 002:413
    ['为xx经济高质量发展', [['xx', 'name']]], // seed 000:1
    ['**区按照年初工作部署', [['**', 'name']]], // seed 001:3
    ['研究制定《XX高新区党委理论学习安排》', [['XX', 'name']]], // seed 004:4
    ['尊敬的×，同志们', [['×', 'name']]], // seed 003:17
    ['持续推动******新时代中国特色社会主义思想', [['******', 'name']]], // seed 002:411
    ['某公司涉印地图', [['某', 'name']]], // seed 000:7
    ['学习宣传贯彻党的xx届六中全会', [['xx', 'other']]], // seed 002:55
    ['全面做好xx诞辰××*周年纪念活动', [['xx', 'name'], ['××*', 'number']]], // seed 002:699
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  test('× between numbers or inside a name is no mask', () => {
    expect(findMasks('建设2×35万千瓦机组，推进“4×4”现代化产业，深化“数据要素×”行动')).toEqual([]);
  });

  test('某些 is a word, not a placeholder', () => {
    expect(findMasks('某些地方')).toEqual([]);
  });
});

describe('dates', () => {
  test.each([
    ['3月25日召开', 'month-day', '3月25日'],
    ['10月29－30日举办', 'month-day-range', '10月29－30日'],
    ['截止11月7日零点', 'month-day', '11月7日零点'],
    ['2021年，区委宣传部', 'year', '2021年'],
    ['20xx年上半年', 'year', '20xx年'],
    ['第一季度工作总结', 'period', '第一季度'],
  ])('%s', (text, kind, surface) => {
    const d = findDates(text)[0]!;
    expect([d.dateKind, d.surface]).toEqual([kind, surface]);
  });
});

describe('quantities in the tree', () => {
  test('a stat carries its sentence, section kind and item path', () => {
    const root = parse('xx区工作总结\n一、工作情况\n（二）聚焦学习。三是广宣讲，开展宣讲xxx场。\n二、存在问题\n投入不足。');
    const stat = nodesOf<Stat>(root, 'stat')[0]!;
    expect(stat).toMatchObject({ surface: 'xxx场', unit: '场', masked: true, data: { sectionKind: 'review', itemPath: ['（二）', '三是'] } });
    const placeholder = nodesOf<Placeholder>(root, 'placeholder').find((p) => p.surface === 'xxx')!;
    expect(placeholder.role).toBe('number');
  });

  test('titles and headings hold their placeholders (seed 004 lines 1–2)', () => {
    const root = parse(' >202_>年工作总结及>202_>年工作计划（宣传部）\n一、202_年工作亮点\n开展学习18次。');
    expect(nodesOf<Placeholder>(root, 'placeholder').map((p) => [p.position.start.line, p.role])).toEqual([[1, 'year'], [1, 'year'], [2, 'year']]);
  });
});
