// Dates (SPEC §5): month-days and their ranges (3月25日, 10月29－30日,
// 11月7日零点), years (2021年, 20xx年) and periods (上半年, 第一季度, 年初).
import type { DateNode } from '../schema/nodes.js';
import { asciiDigits, hanziToNumber } from '../structure/numerals.js';
import { allMatches } from '../matches.js';

export type DateDraft = Omit<DateNode, 'type' | 'position'> & { start: number; end: number };

const dayNumber = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[xX×*]{1,2}';
const monthDay = new RegExp(`(${dayNumber})月(${dayNumber})(?:[－\\-~～至—](${dayNumber}))?[日号](?:零点|零时|上午|下午|晚)?`, 'g');
const monthOnly = new RegExp(`([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[xX×*]{1,2})月份?(?![0-9０-９一二三四五六七八九十xX×*日])`, 'g');
const yearPattern = /((?:19|20)[0-9]{2}|20[xX_＿]{2}|20[0-9][xX_＿]|_{4}|＿{4}|[xX×]{2,4})\s?年(?![代来间内])/g;
const periodPattern = /(上半年|下半年|第[一二三四]季度|[一二三四]季度|年初|年中|年底|年末|全年)/g;

const read = (text: string | undefined): number | null => {
  if (!text || /[xX×*]/.test(text)) return null;
  const ascii = asciiDigits(text);
  return /^[0-9]+$/.test(ascii) ? Number(ascii) : hanziToNumber(text);
};

const digitBefore = /[0-9０-９]/;

export function findDates(text: string): DateDraft[] {
  const dates: DateDraft[] = [];
  const hasMonth = text.includes('月');
  const hasYear = text.includes('年');
  const hasSeason = text.includes('季');
  if (!hasMonth && !hasYear && !hasSeason) return dates;
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && x < b);
  for (const m of hasMonth ? allMatches(monthDay, text) : []) {
    const start = m.index!;
    if (start > 0 && digitBefore.test(text[start - 1]!)) continue;
    const end = start + m[0].length;
    taken.push([start, end]);
    dates.push({ start, end, surface: m[0], dateKind: m[3] ? 'month-day-range' : 'month-day', year: null, month: read(m[1]), day: read(m[2]), endDay: read(m[3]), period: null });
  }
  for (const m of hasMonth ? allMatches(monthOnly, text) : []) {
    const start = m.index!;
    if (start > 0 && digitBefore.test(text[start - 1]!)) continue;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    taken.push([start, end]);
    dates.push({ start, end, surface: m[0], dateKind: 'month', year: null, month: read(m[1]), day: null, endDay: null, period: null });
  }
  for (const m of hasYear ? allMatches(yearPattern, text) : []) {
    const start = m.index!;
    if (start > 0 && digitBefore.test(text[start - 1]!)) continue;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    dates.push({ start, end, surface: m[0], dateKind: 'year', year: read(m[1]), month: null, day: null, endDay: null, period: null });
  }
  for (const m of hasYear || hasSeason ? allMatches(periodPattern, text) : []) {
    const start = m.index!;
    dates.push({ start, end: start + m[0].length, surface: m[0], dateKind: 'period', year: null, month: null, day: null, endDay: null, period: m[0] });
  }
  return dates.sort((a, b) => a.start - b.start);
}
