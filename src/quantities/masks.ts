// Masked spans (SPEC §5): template and redaction marks standing for a number,
// a year, a date or a name. A span is the run of mask characters together
// with the digits and dots glued to it: `20xx`, `202_`, `x.x`, `******`, `XX`.

import { readTable } from '../dictionaries.js';

let names: string[] | null = null;
/** Spans of names that hold a mask character (dictionaries/not-masks.txt). */
function namesWithMaskCharacters(text: string): Array<[number, number]> {
  names ??= readTable('not-masks.txt').map(([n]) => n!);
  const spans: Array<[number, number]> = [];
  for (const name of names) for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) spans.push([at, at + name.length]);
  return spans;
}

/** A mask run: x/X (not inside a Latin word), ×, *, _ (full-width too), with glued digits and decimal parts. */
// At most four digits glue to a mask (202_, 2021xx): an unbounded [0-9]* here was quadratic on long digit runs.
const maskRun = /(?<![A-Za-z])[0-9０-９]{0,4}(?:[xX]+|[×＊*_＿]+)(?:[xX×＊*_＿0-9０-９]*)(?:[.．](?:[xX×＊*_＿0-9０-９])+)?(?![A-Za-z])/g;

const maskCharacter = /[xX×＊*_＿]/;
/** Whether a text holds any mask character: one scan, shared by the finders of a paragraph. */
export const hasMask = (text: string): boolean => maskCharacter.test(text);

export interface MaskSpan {
  start: number;
  end: number;
  text: string;
}

/** Mask spans in a text, offsets relative to it (`hasMaskCharacter`: what hasMask(text) says, if known). */
export function findMasks(text: string, hasMaskCharacter = hasMask(text)): MaskSpan[] {
  const spans: MaskSpan[] = [];
  if (!hasMaskCharacter && !text.includes('某')) return spans;
  let notMaskSpans: Array<[number, number]> | null = null;
  const notMasks = () => (notMaskSpans ??= namesWithMaskCharacters(text));
  maskRun.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (hasMaskCharacter && (match = maskRun.exec(text))) {
    let start = match.index;
    let run = match[0];
    // A mixed Latin run like `Xbox` was excluded by the look-arounds; a run of
    // only digits cannot match. `2×35万千瓦`, `4×4`: × between digits is a
    // multiplication sign; `“数据要素×”`: × closing a quoted name is part of it.
    if (/^[0-9０-９]+[×]+[0-9０-９]+/.test(run) || (/^[×]$/.test(run) && /[0-9０-９]/.test(text[start - 1] ?? '') && /[0-9０-９]/.test(text[start + 1] ?? ''))) continue;
    if (notMasks().some(([a, b]) => start < b && a < start + run.length)) continue;
    // Trailing dots belong to the sentence, not the mask.
    run = run.replace(/[.．]+$/, '');
    if (!/[xX×＊*_＿]/.test(run)) continue;
    spans.push({ start, end: start + run.length, text: run });
    start += run.length;
  }
  // `某公司`, `某省`: 某 stands for a redacted name, but 某些/某种 are words.
  const mou = /某(?![些种一个方项次类])/g;
  while ((match = mou.exec(text))) spans.push({ start: match.index, end: match.index + 1, text: '某' });
  return spans.sort((a, b) => a.start - b.start);
}

/** The mask characters of a span, and how many digits they stand for (null where the length says nothing, as with ×). */
export function maskDigits(mask: string): number | null {
  const integer = mask.split(/[.．]/)[0]!;
  if (/[×_＿]/.test(integer) && !/[0-9]/.test(integer) && integer.length === 1) return null;
  return integer.length;
}
