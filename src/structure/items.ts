// The item tree (SPEC §4): nesting follows the order in which marker styles
// appear, like Markdown lists, bounded by rank (GB/T 9704: 一、 > （一） > 1. >
// （1） > ①, inline 一是 lowest). A style already open closes everything opened
// after it. Inline items end with their paragraph.
import type { Item, Paragraph, ParseWarning, Section } from '../schema/nodes.js';
import type { LineIndex } from '../decode/lines.js';
import type { FoundMarker } from './markers.js';
import { markerTitle } from './markers.js';

interface Open {
  item: Item;
  style: string;
  rank: number;
  ordinal: number;
  inline: boolean;
}

export class ItemNester {
  private stack: Open[] = [];

  /**
   * `topOrdinals`: the last ordinal per style of the report's section headings
   * and depth-1 items so far, shared by its sections, so that `二、` after the
   * heading `一、工作情况`, or in the next section, is no skip.
   */
  constructor(
    private readonly section: Section,
    private readonly index: LineIndex,
    private readonly warnings: ParseWarning[],
    private readonly topOrdinals: Map<string, number> = new Map(),
  ) {}

  /** The node new paragraphs go into: the innermost open item, else the section. */
  container(): Section | Item {
    return this.stack.length ? this.stack[this.stack.length - 1]!.item : this.section;
  }

  open(marker: FoundMarker, lineText: string, lineStart: number, titleEnd = lineText.length): Item {
    const at = this.stack.findIndex((o) => o.style === marker.style && o.rank === marker.rank);
    if (at >= 0) {
      this.checkOrdinal(marker, this.stack[at]!.ordinal);
      this.stack.length = at;
    } else {
      while (this.stack.length && this.stack[this.stack.length - 1]!.rank >= marker.rank) this.stack.pop();
      const previousTop = this.stack.length === 0 ? this.topOrdinals.get(marker.style) : undefined;
      if (previousTop !== undefined && marker.ordinal !== 1) this.checkOrdinal(marker, previousTop);
      else if (previousTop === undefined && marker.ordinal !== 1) this.warn('ordinal-skip', marker, `${marker.text} opens a list without a first item`);
    }
    const item: Item = {
      type: 'item',
      marker: { text: marker.text, style: marker.style, ordinal: marker.ordinal },
      depth: this.stack.length + 1,
      title: markerTitle(lineText.slice(0, titleEnd), marker.end - lineStart),
      inline: marker.inline,
      children: [],
      position: this.index.position(marker.start, marker.end),
    };
    this.container().children.push(item as never);
    if (item.depth === 1) this.topOrdinals.set(marker.style, marker.ordinal);
    this.stack.push({ item, style: marker.style, rank: marker.rank, ordinal: marker.ordinal, inline: marker.inline });
    return item;
  }

  /** Inline items end with the paragraph that holds them. */
  closeInline(): void {
    while (this.stack.length && this.stack[this.stack.length - 1]!.inline) this.stack.pop();
  }

  add(paragraph: Paragraph): void {
    this.container().children.push(paragraph as never);
  }

  private checkOrdinal(marker: FoundMarker, previous: number): void {
    if (marker.ordinal === previous) this.warn('ordinal-repeat', marker, `${marker.text} repeats the ordinal ${previous}`);
    else if (marker.ordinal !== previous + 1) this.warn('ordinal-skip', marker, `${marker.text} follows ordinal ${previous}`);
  }

  private warn(kind: 'ordinal-skip' | 'ordinal-repeat', marker: FoundMarker, message: string): void {
    this.warnings.push({ kind, message, position: this.index.position(marker.start, marker.end) });
  }
}
