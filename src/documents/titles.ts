// Title lines and the report metadata read from them (SPEC §2).
import { readTable } from '../dictionaries.js';
import type { DocType, Period } from '../schema/nodes.js';
import { isWhiteSpace } from '../chars.js';

let titlePatterns: RegExp[] | null = null;
let docTypePatterns: Array<[RegExp, DocType]> | null = null;

/** Scraping debris before a title: `>`, a stray colon. */
const titleDebris = /^[>＞:：\s]+/;

export function cleanTitle(content: string): string {
  return content.replace(titleDebris, '').trim();
}

const maxTitleLength = 45;
const isDebris = (c: number) => c === 0x3e || c === 0xff1e || c === 0x3a || c === 0xff1a || isWhiteSpace(c);

/**
 * Whether a line keeps more than `limit` characters as a title — without its
 * leading debris and its white space, as looksLikeTitle strips them — counted
 * only as far as the limit (a /\s/ test over the whole of every long paragraph
 * cost ~3 % of parsing).
 */
function keptLengthOver(content: string, limit: number): boolean {
  if (content.length <= limit) return false;
  let i = 0;
  while (i < content.length && isDebris(content.charCodeAt(i))) i++;
  let kept = 0;
  for (; i < content.length; i++) if (!isWhiteSpace(content.charCodeAt(i)) && ++kept > limit) return true;
  return false;
}

/**
 * A title is a short line that names its genre (工作总结, 工作计划, 汇报发言…),
 * with no sentence punctuation and no item marker.
 */
export function looksLikeTitle(content: string, hasMarker: boolean): boolean {
  if (hasMarker) return false;
  // Most lines are paragraphs far longer than a title: ruled out by counting, before any copy is made.
  if (keptLengthOver(content, maxTitleLength)) return false;
  // Scraped titles are often letter-spaced: `政 府 工 作 报 告`.
  const text = cleanTitle(content).replace(/[\s\u3000]+/g, '');
  if (text.length < 4 || text.length > maxTitleLength) return false;
  if (/[。；;！!？?，,：:]/.test(text.replace(/[（(][^）)]*[）)]/g, ''))) return false;
  titlePatterns ??= readTable('titles.tsv').map(([source]) => new RegExp(source!, 'u'));
  return titlePatterns.some((pattern) => pattern.test(text));
}

export function docTypeOf(title: string | null): DocType | null {
  if (!title) return null;
  title = title.replace(/[\s\u3000]+/g, '');
  docTypePatterns ??= readTable('doctypes.tsv').map(([source, type]) => [new RegExp(source!, 'u'), type as DocType]);
  for (const [pattern, type] of docTypePatterns) if (pattern.test(title)) return type;
  return null;
}

/** The first real (unmasked) four-digit year in a text. */
export function firstYear(text: string): number | null {
  const match = /(?<![0-9０-９])((?:19|20)[0-9]{2})\s?年/.exec(text);
  return match ? Number(match[1]) : null;
}

export function periodOf(text: string): Period {
  if (/(第?[一二三四1-4]季度|下季度)/.test(text)) return 'quarter';
  if (/(上半年|下半年|半年)/.test(text)) return 'half-year';
  if (/([一二三四五六七八九十]{1,2}|[0-9]{1,2})月(份)?(工作)?(总结|计划)|月度|月工作/.test(text)) return 'month';
  if (/(年度|全年|年工作|[0-9x_]年)/.test(text)) return 'year';
  return null;
}

// Issuing bodies as they open or close titles and first sentences: 区委宣传部,
// 北京市人民政府, xx街道… A candidate naming the genre (工作总结) is none.
const bodySuffix = '(?:宣传部|人民代表大会|人大常委会|政协|组织部|统战部|政法委|编委办|办公室|人民政府|政府|委员会|街道办事处|街道|管委会|局|厅|委|办|省|市|区|县|旗|镇|乡)';
const leadingBody = new RegExp(`^((?:[\\u4e00-\\u9fa5]|[xX×*]){1,12}${bodySuffix})`);
const trailingBody = new RegExp(`((?:[\\u4e00-\\u9fa5]|[xX×*]){1,8}${bodySuffix})$`);
const notABody = /(工作|总结|计划|报告|思路|要点|我们|今年|会议|领导|坚持|按照|围绕|全面)/;

export function organizationOf(title: string | null, opening: string | null): string | null {
  for (const whole of [title, opening]) {
    if (!whole) continue;
    // Only a line's head names its issuer; a bounded head also keeps the patterns linear on huge lines.
    const text = whole.slice(0, 60);
    const head = text
      .replace(/[\s\u3000]+/g, '')
      .replace(/^(?:\d{4}|[0-9x×*_]{2,4}|_{2,4})?年?(?:度|上半年|下半年|第[一二三四]季度)?[，,]?/, '')
      .replace(/^(在|由|经)/, '');
    const candidates = [leadingBody.exec(head)?.[1], trailingBody.exec(head.replace(/[（(][^）)]*[）)]$/, ''))?.[1]];
    for (const candidate of candidates) if (candidate && candidate.length >= 2 && !notABody.test(candidate)) return candidate;
  }
  return null;
}
