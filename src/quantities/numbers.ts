// Numbers as reports write them: Arabic with decimals and thousands separators,
// full-width digits, Chinese numerals (两万多, 三千五百, 十七), masks (xx, x.x, **).
import { asciiDigits, hanziToNumber } from '../structure/numerals.js';

export const magnitudes: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };

/** ASCII digits with at most a decimal point: what Number() reads as is (most numbers in reports). */
const plainNumber = /^[0-9]+(?:\.[0-9]+)?$/;

export function arabicValue(text: string): number {
  if (plainNumber.test(text)) return Number(text);
  return Number(asciiDigits(text).replace(/[,，]/g, '').replace('．', '.'));
}

/** A Chinese numeral counts from 两/二 upwards; a bare 一 is no number (一批, 一次). */
export function chineseValue(text: string): number | null {
  if (!/[二两三四五六七八九十百千]/.test(text) && !/^一[十百千万亿]/.test(text)) return null;
  if (/^[十百千万亿]+$/.test(text) && text !== '十') return null; // 千家万户, 百姓: no digit
  const value = hanziToNumber(text);
  return value !== null && value >= 2 ? value : null;
}
