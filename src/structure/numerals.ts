// Chinese numerals as used by item markers and quantities: 一…九十九, 两, 〇/零,
// and the magnitudes 百/千/万/亿 (SPEC §4, §5).
const digitValues: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const smallUnits: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const bigUnits: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const hanziDigits = '零〇一二两三四五六七八九十百千';

/** Value of a Chinese numeral such as 十七, 三千五百, 两万 (null if it is none). */
export function hanziToNumber(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in digitValues) {
      digit = digitValues[ch]!;
    } else if (ch in smallUnits) {
      section += (digit ?? 1) * smallUnits[ch]!;
      digit = null;
    } else if (ch in bigUnits) {
      total = (total + section + (digit ?? 0)) * bigUnits[ch]!;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export function circledToNumber(ch: string): number | null {
  const i = circled.indexOf(ch);
  return i < 0 ? null : i + 1;
}

/** Full-width digits → ASCII, so that `１２` reads as 12. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
