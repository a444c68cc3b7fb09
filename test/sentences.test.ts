import { describe, expect, test } from 'vitest';
import { sentenceEnds, sentenceSpans } from '../src/structure/sentences.js';

const split = (text: string) => sentenceSpans(text, 0).map(([a, b]) => text.slice(a, b));

describe('sentences', () => {
  test('end at 。！？；!?; with closing quotes and repeated marks kept', () => {
    expect(split('一是大学习。二是广宣讲！三是全动员？四是；好!! 五是')).toEqual(['一是大学习。', '二是广宣讲！', '三是全动员？', '四是；', '好!!', '五是']);
    expect(split('他说：“要学习。”然后走了。再见。')).toEqual(['他说：“要学习。”然后走了。', '再见。']); // 。 inside the quote ends nothing
    expect(split('然后走了。”再见。')).toEqual(['然后走了。”', '再见。']); // a stray closing quote stays with its sentence
  });

  test('never inside “…” 《…》 （…） closed on the line', () => {
    expect(split('按照“学史明理。学史增信”的要求开展。制定《方案。细则》。（一）说明；注意。')).toEqual([
      '按照“学史明理。学史增信”的要求开展。', '制定《方案。细则》。', '（一）说明；', '注意。',
    ]);
    expect(split('全区（含开发区。不含园区）共xx个。下一句。')).toEqual(['全区（含开发区。不含园区）共xx个。', '下一句。']);
  });

  test('a pair not closed on the line does not protect', () => {
    expect(split('他说：“要学习。然后走了。')).toEqual(['他说：“要学习。', '然后走了。']);
  });

  test('white space between sentences is trimmed as lines trim it (em/en spaces, U+3000, BOM, no-break)', () => {
    expect(split('开展宣讲。\u2003二是加强培训。\u3000\u2002三是整改。\ufeff')).toEqual(['开展宣讲。', '二是加强培训。', '三是整改。']);
    expect(split('甲。\u00a0\u2009乙。')).toEqual(['甲。', '乙。']);
  });

  test('ends are offsets into the text, the last at its end', () => {
    expect(sentenceEnds('甲。乙')).toEqual([2, 3]);
    expect(sentenceEnds('没有句号')).toEqual([4]);
  });
});
