// Invariants of every tree: each node's position slices back to exactly its
// text, children lie inside their parents, items nest properly.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, rootSchema, type Root } from '../src/index.js';
import { corpusDir, walk, type AnyNode } from './helpers.js';

function checkInvariants(root: Root, text: string): void {
  for (const [node, parent] of walk(root as unknown as AnyNode)) {
    const pos = node.position!;
    expect(pos.start.offset).toBeLessThanOrEqual(pos.end.offset);
    // line/column agree with the offset
    const before = text.slice(0, pos.start.offset).split(/\r\n|\r|\n/);
    expect(pos.start.line).toBe(before.length);
    expect(pos.start.column).toBe(before[before.length - 1]!.length + 1);
    const span = text.slice(pos.start.offset, pos.end.offset);
    if (typeof node.value === 'string') expect(span).toBe(node.value);
    if (typeof node.surface === 'string') expect(span).toBe(node.surface);
    if (node.type === 'item') expect(span.startsWith((node as unknown as { marker: { text: string } }).marker.text)).toBe(true);
    if (parent) {
      expect(pos.start.offset).toBeGreaterThanOrEqual(parent.position!.start.offset);
      expect(pos.end.offset).toBeLessThanOrEqual(parent.position!.end.offset);
      if (node.type === 'item') {
        const depth = (node as unknown as { depth: number }).depth;
        expect(depth).toBe(parent.type === 'item' ? (parent as unknown as { depth: number }).depth + 1 : 1);
      }
    }
    // siblings do not overlap, except quantities (a masked stat is also a placeholder)
    const children = (node.children ?? []).filter((c) => !['stat', 'placeholder', 'date'].includes(c.type));
    for (let i = 1; i < children.length; i++) expect(children[i]!.position!.start.offset).toBeGreaterThanOrEqual(children[i - 1]!.position!.end.offset);
  }
}

const files = [
  ...readdirSync(join(corpusDir, 'seeds')).map((f) => join(corpusDir, 'seeds', f)),
  ...readdirSync(join(corpusDir, 'real')).filter((f) => f.endsWith('.txt')).map((f) => join(corpusDir, 'real', f)),
  ...readdirSync(join(corpusDir, 'real', 'gbk')).map((f) => join(corpusDir, 'real', 'gbk', f)),
];

describe('invariants on every seed and real report', () => {
  test.each(files.map((f) => [f.slice(corpusDir.length), f]))('%s', (_, file) => {
    const bytes = readFileSync(file);
    const root = parse(bytes, { path: file });
    expect(() => rootSchema.parse(root)).not.toThrow();
    const { text } = { text: root.data.encoding === 'utf-8' ? bytes.toString('utf8').replace(/^\uFEFF/, '') : new TextDecoder('gb18030').decode(bytes) };
    checkInvariants(root, text);
    expect(root.children.some((c) => c.type === 'report')).toBe(true);
  });
});

// Lines a report is made of, to build random reports from.
const pieces = [
  '2022年区宣传思想文化工作总结', '一、工作情况', '二、存在问题', '三、下一步工作计划', '四、围绕中心，做好2023年工作',
  '（一）聚焦理论学习。一是大学习。组织学习xx次。二是广宣讲，开展宣讲xxx场。', '(二)推进创建；第一，完善机制，第二，强化督查。',
  '1.组织学习，覆盖超过x万人次。', '2、项目总投资1.2亿元。', '（1）中心组学习。', '①专题研讨', '第三、抓好阵地',
  '我们也清醒地看到，还存在一些问题和不足。', '对此，我们将认真研究。', '总体上，工作保持了良好态势。', '各位代表：',
  '下面是小编为大家整理的,供大家参考。', '“学习强国”（平台）《方案》：1.2万人；', '', '   ', '\t（三）', '2021年，区委宣传部以习近平新时代中国特色社会主义思想为指导。',
];

describe('random reports', () => {
  test('any mix of report lines, any line endings, gives a valid tree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (lines, eol) => {
          const text = lines.join(eol);
          if (!text.trim() || text.includes('\u0000')) return;
          let root: Root;
          try {
            root = parse(text);
          } catch (error) {
            // only typed errors are allowed (e.g. a text of nothing but spaces)
            expect((error as { kind?: string }).kind).toBeDefined();
            return;
          }
          checkInvariants(root, text.replace(/^\uFEFF/, ''));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('adversarial input stays linear (a regression here shows as a test time-out)', () => {
  test.each([
    ['one line of 300 000 characters with stats', '开展宣讲xxx场，覆盖群众超过x万人次'.repeat(15000)],
    ['a million digits', '1234567890'.repeat(100000)],
    ['digits and dots', '12345.'.repeat(100000)],
    ['unclosed brackets', '（'.repeat(100000) + '。'.repeat(100000)],
    ['20 000 title lines', Array.from({ length: 20000 }, (_, i) => `第${i}季度工作总结`).join('\n')],
    ['100 000 numbered lines', Array.from({ length: 100000 }, (_, i) => (i % 50 === 0 ? `（${['一', '二', '三'][i % 3]}）标题` : `一是开展学习${i}次。`)).join('\n')],
  ])('%s', (_, text) => {
    const root = parse(text);
    expect(root.children.length).toBeGreaterThan(0);
    expect(root.position.end.offset).toBe(text.length);
  });
});
