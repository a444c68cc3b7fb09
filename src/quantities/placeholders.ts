// The role of a masked span (SPEC §5): what the mask stands for, read from
// what stands around it.
import type { Placeholder } from '../schema/nodes.js';
import type { MaskSpan } from './masks.js';

type Role = Placeholder['role'];

/** A short window on each side is all the rules read (a `…$` test on a long prefix scans all of it). */
const window = 8;

export function placeholderRole(text: string, span: MaskSpan, inStat: boolean): Role {
  if (span.text === '某') return 'name';
  if (inStat) return 'number';
  const before = text.slice(Math.max(0, span.start - window), span.start);
  const after = text.slice(span.end, span.end + window);
  if (/^[>＞\s]*年(?!来|间|内|以来|多)/.test(after) && !/(近|连续|近几|前)$/.test(before)) return 'year';
  if (/^(?:19|20)[0-9xX_＿]{2}$/.test(span.text) && /^[-－~～至—][0-9xX_＿]{2,4}/.test(after)) return 'year';
  if (/^(?:19|20)[xX_＿]{2}$|^20[0-9][xX_＿]$/.test(span.text)) return 'year';
  if (/^月/.test(after) || (/月$/.test(before) && /^[日号]/.test(after))) return 'date';
  if (/^(周年|%|％|[万亿]|倍|年来|多年)/.test(after)) return 'number';
  if (/(第|党的)$/.test(before) || /^(届|次全会|中全会|大(?=[会精报以召胜]|$|[，。、；“”]))/.test(after)) return 'other';
  return 'name';
}
