// Quantities of one sentence (or title, or heading): statistics, placeholders
// and dates as nodes with positions, and the context a dashboard row needs.
import type { DateNode, Placeholder, SectionKind, Stat } from '../schema/nodes.js';
import { LineIndex } from '../decode/lines.js';
import { findStats } from './stats.js';
import { findMasks, hasMask } from './masks.js';
import { placeholderRole } from './placeholders.js';
import { findDates } from './dates.js';

export interface QuantityContext {
  sectionKind: SectionKind | null;
  itemPath: string[];
}

export type Quantity = Stat | Placeholder | DateNode;

/** Quantities of the text at [start, end) of the source. */
export function quantitiesOf(index: LineIndex, start: number, end: number, context: QuantityContext): Quantity[] {
  const text = index.text.slice(start, end);
  const data = { sectionKind: context.sectionKind, itemPath: [...context.itemPath] };
  const out: Quantity[] = [];
  const masked = hasMask(text);
  const stats = findStats(text, masked);
  for (const s of stats) {
    out.push({
      type: 'stat', surface: s.surface, value: s.value, unit: s.unit, masked: s.masked, mask: s.mask, qualifier: s.qualifier, range: s.range,
      data, position: index.position(start + s.start, start + s.end),
    });
  }
  // Both lists are sorted by offset: one pointer walks the statistics (a search per mask was quadratic on long lines).
  let k = 0;
  for (const m of findMasks(text, masked)) {
    while (k < stats.length && (stats[k]!.maskSpan?.end ?? stats[k]!.end) <= m.start) k++;
    const inStat = k < stats.length && stats[k]!.maskSpan !== null && m.start >= stats[k]!.maskSpan!.start && m.start < stats[k]!.maskSpan!.end;
    out.push({ type: 'placeholder', surface: m.text, role: placeholderRole(text, m, inStat), data, position: index.position(start + m.start, start + m.end) });
  }
  for (const d of findDates(text)) {
    const { start: a, end: b, ...rest } = d;
    out.push({ type: 'date', ...rest, position: index.position(start + a, start + b) });
  }
  return out.sort((a, b) => a.position.start.offset - b.position.start.offset || typeOrder(a) - typeOrder(b));
}

const order = { stat: 0, placeholder: 1, date: 2 } as const;
function typeOrder(q: Quantity): number {
  return order[q.type];
}

/**
 * Statistics, placeholders and dates of any text (a sentence, a table cell),
 * with positions in that text; no section context.
 */
export function extractQuantities(text: string): Quantity[] {
  return quantitiesOf(new LineIndex(text), 0, text.length, { sectionKind: null, itemPath: [] });
}
