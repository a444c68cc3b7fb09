// Batches as users run them: every bad-input kind in one folder, nothing lost,
// tables complete and stable, ordered output, shards.
import { beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync, readFileSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse, parseFiles, listInputs, toTables, csvField, TableSink, renderRows, type FileResult } from '../src/index.js';
import { Progress } from '../src/cli/progress.js';
import { encodeRows } from '../src/batch/task.js';
import { corpusDir, seedPath, tempFolder } from './helpers.js';

const bin = new URL('../bin/baogao.js', import.meta.url).pathname;
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 });

let dir: string;
const report = '2022年xx区宣传工作总结\n一、工作情况\n（一）加强学习。一是大学习，组织学习xx次，开展宣讲25场。\n二、存在问题\n投入不足。\n三、下一步工作计划\n继续加强学习。\n';

beforeAll(() => {
  dir = tempFolder('baogao-batch-');
  writeFileSync(join(dir, 'good-utf8.txt'), report);
  writeFileSync(join(dir, 'good-gbk.TXT'), iconv.encode(report.replace('2022', '2021'), 'gbk'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'undecodable.txt'), Buffer.from(Array.from({ length: 300 }, (_, i) => (i % 2 ? 0x80 : 0xff))));
  writeFileSync(join(dir, 'huge.txt'), report.repeat(50));
  writeFileSync(join(dir, 'english.txt'), 'This is a README file about a software project, not a Chinese report at all.\n');
  mkdirSync(join(dir, 'folder.txt')); // a directory that a glob matches
  copyFileSync(seedPath('002'), join(dir, 'compilation.txt'));
});

const maxBytes = 2000;

describe('a batch with every kind of bad input', () => {
  let results: FileResult[];
  beforeAll(async () => {
    results = [];
    const inputs = [join(dir, '*.{txt,TXT}'), join(dir, 'vanished.txt')];
    for await (const r of parseFiles(inputs, { concurrency: 2, maxBytes, output: 'both' })) results.push(r);
  });

  test('one result per input, none lost', async () => {
    const expected = await listInputs([join(dir, '*.{txt,TXT}'), join(dir, 'vanished.txt')]);
    expect(expected.length).toBe(10);
    expect(results.map((r) => r.path).sort()).toEqual(expected);
  });

  test('each failure has the right kind and names its file', () => {
    const kinds = Object.fromEntries(results.map((r) => [r.path.split('/').pop(), r.error?.kind ?? 'ok']));
    expect(kinds).toEqual({
      'good-utf8.txt': 'ok', 'good-gbk.TXT': 'ok', 'english.txt': 'ok', 'compilation.txt': 'too-large',
      'empty.txt': 'empty', 'binary.txt': 'binary', 'undecodable.txt': 'undecodable', 'huge.txt': 'too-large',
      'folder.txt': 'not-a-file', 'vanished.txt': 'unreadable',
    });
    for (const r of results.filter((x) => x.error)) expect(r.error!.message).toContain(r.path);
  });

  test('non-report text is parsed, with a warning', () => {
    const english = results.find((r) => r.path.endsWith('english.txt'))!;
    expect(english.root!.data.warnings.map((w) => w.kind)).toContain('not-a-report');
  });

  test('good files have complete tables, with the encoding', () => {
    const gbk = results.find((r) => r.path.endsWith('good-gbk.TXT'))!;
    expect(gbk.tables!.documents).toMatchObject([{ encoding: 'gb18030', year: 2021, sections: 3, items: 2, stats: 2 }]);
    expect(gbk.tables!.sections.map((s) => s.kind)).toEqual(['review', 'problems', 'plans']);
    expect(gbk.tables!.stats.map((s) => [s.surface, s.breadcrumb])).toEqual([
      ['xx次', 'review › （一） › 一是: 组织学习xx次'],
      ['25场', 'review › （一） › 一是: 开展宣讲25场'],
    ]);
  });
});

describe('the tables command', () => {
  const tables = (out: string, ...extra: string[]) => run(['tables', join(dir, 'good-*'), seedPath('000'), seedPath('002'), '--out', out, '--quiet', ...extra]);

  test('writes CSV with a BOM and proper quoting, NDJSON and JSON; ids are stable across runs', () => {
    const a = join(dir, 'out-a');
    const b = join(dir, 'out-b');
    expect(tables(a).status).toBe(0);
    expect(tables(b, '--jobs', '1').status).toBe(0);
    expect(readdirSync(a).sort()).toEqual([
      'documents.csv', 'documents.json', 'documents.ndjson', 'errors.ndjson', 'items.csv', 'items.json', 'items.ndjson',
      'sections.csv', 'sections.json', 'sections.ndjson', 'stats.csv', 'stats.json', 'stats.ndjson',
    ]);
    const csv = readFileSync(join(a, 'stats.csv'), 'utf8');
    expect(csv.startsWith('\ufeffid,documentId,')).toBe(true);
    // a sentence with commas and quotes is one quoted field
    expect(csv).toMatch(/,"[^"]*(""[^"]*"")?[^"]*，[^"]*",/);
    const ids = (folder: string) => JSON.parse(readFileSync(join(folder, 'stats.json'), 'utf8')).map((r: { id: string }) => r.id).sort();
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).length).toBeGreaterThan(100);
    const docs = readFileSync(join(a, 'documents.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.length).toBe(2 + 1 + 20);
  });

  test('near-duplicates across the batch point at the earlier document', () => {
    const out = join(dir, 'out-dup');
    copyFileSync(seedPath('000'), join(dir, 'copy-of-000.txt'));
    expect(run(['tables', seedPath('000'), join(dir, 'copy-of-000.txt'), '--out', out, '--quiet', '--ordered']).status).toBe(0);
    const docs = readFileSync(join(out, 'documents.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    // --ordered: the path that sorts first is the original, the other its duplicate
    const [first, second] = [...docs].sort((x, y) => (x.file < y.file ? -1 : 1));
    expect(first.duplicateOf).toBeNull();
    expect(second.duplicateOf).toBe(first.id);
  });

  test('rows rendered in the workers: JSON equals NDJSON, and tables with no rows do not kill a worker', async () => {
    // corpus/real/028 has no items: its empty NDJSON and JSON buffers once went to postMessage as one buffer listed twice.
    const files = [join(corpusDir, 'real', '028_gaoyang-county-2020-targets.txt'), seedPath('001')];
    const results: FileResult[] = [];
    for await (const r of parseFiles(files, { concurrency: 2, output: 'tables', render: ['ndjson', 'json'], ordered: true })) results.push(r);
    expect(results.map((r) => r.error ?? null)).toEqual([null, null]);
    const text = (bytes: unknown) => new TextDecoder().decode(bytes as Uint8Array);
    for (const r of results) {
      for (const table of ['sections', 'items', 'stats']) {
        const lines = text(r.rendered![`${table}.ndjson`]).split('\n').filter(Boolean);
        expect(text(r.rendered![`${table}.json`])).toBe(lines.join(',\n'));
      }
    }
    expect(text(results[0]!.rendered!['items.json'])).toBe('');
    expect(JSON.parse(`[${text(results[1]!.rendered!['stats.json'])}]`).length).toBeGreaterThan(10);
  });

  test('a failed file makes exit code 1 and a line in errors.ndjson', () => {
    const out = join(dir, 'out-err');
    const r = run(['tables', join(dir, '*.txt'), '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    const errors = readFileSync(join(out, 'errors.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).error.kind);
    expect(errors.sort()).toEqual(['binary', 'empty', 'not-a-file', 'undecodable']);
  });
});

describe('order, lists and shards', () => {
  const files = () => readdirSync(join(corpusDir, 'real')).filter((f) => f.endsWith('.txt')).map((f) => join(corpusDir, 'real', f));

  test('--ordered output follows the sorted input order', () => {
    const r = run(['parse', join(corpusDir, 'real', '*.txt'), '--ordered', '--jobs', '2', '--format', 'ndjson', '--quiet']);
    expect(r.status).toBe(0);
    const paths = r.stdout.trim().split('\n').map((l) => JSON.parse(l).path);
    expect([...new Set(paths)]).toEqual([...files()].sort());
  });

  test('--files-from - reads paths from stdin', () => {
    const list = files().slice(0, 3).join('\n') + '\n';
    const r = run(['parse', '--files-from', '-', '--format', 'ndjson', '--quiet'], list);
    expect(new Set(r.stdout.trim().split('\n').map((l) => JSON.parse(l).path))).toEqual(new Set(files().slice(0, 3)));
  });

  test('shards are disjoint and together hold every input', async () => {
    const all = await listInputs([join(corpusDir, 'real', '*.txt')]);
    const shards = await Promise.all([1, 2, 3].map((k) => listInputs([join(corpusDir, 'real', '*.txt')], { shard: `${k}/3` })));
    expect(shards.flat().sort()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(all.length);
    expect(shards.every((s) => s.length > 0)).toBe(true);
  });

  test('bad options are usage errors (exit 2)', () => {
    expect(run(['parse', 'x.txt', '--shard', '4/3']).status).toBe(2);
    expect(run(['parse', 'x.txt', '--jobs', 'many']).status).toBe(2);
    expect(run(['tables', 'x.txt']).status).toBe(2);
    expect(run(['tables', 'x.txt', '--out', dir, '--format', 'xlsx']).status).toBe(2);
  });

  test('toTables flattens results of parseFiles', async () => {
    const results: FileResult[] = [];
    for await (const r of parseFiles([seedPath('001')], { concurrency: 0 })) results.push(r);
    const t = toTables(results);
    expect(t.documents.length).toBe(1);
    expect(t.items.find((i) => i.marker === '第一，')!.breadcrumb).toMatch(/^review › （二） › 第一，/);
  });
});

describe('CSV fields and the progress bar', () => {
  test('fields with commas, quotes or newlines are quoted, quotes doubled', () => {
    expect(csvField('普通')).toBe('普通');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说“好”,"对"')).toBe('"他说“好”,""对"""');
    expect(csvField('一行\n二行')).toBe('"一行\n二行"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });

  test('the progress bar draws files, MB/s and ETA on a terminal, nothing otherwise', () => {
    const written: string[] = [];
    const fake = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const bar = new Progress(3, fake, true);
    bar.tick(1_000_000, false);
    bar.tick(1_000_000, true);
    bar.tick(1_000_000, false);
    bar.end();
    expect(written.join('')).toMatch(/3\/3 files .* MB\/s {2}ETA .*1 failed/);
    const silent: string[] = [];
    new Progress(3, { write: (s: string) => silent.push(s) } as unknown as NodeJS.WriteStream, false).tick(1, false);
    expect(silent).toEqual([]);
  });
});

describe('rows encoded in the worker', () => {
  test('the same bytes as TextEncoder: rendered seed tables, lone surrogates, empty text, and text past the kept scratch', () => {
    const encoder = new TextEncoder();
    const tables = toTables([{ path: 'seed002', root: parse(readFileSync(seedPath('002'))) }]);
    const texts = (['sections', 'items', 'stats'] as const).flatMap((t) => (['csv', 'ndjson'] as const).map((f) => renderRows(t, tables[t] as never, f)));
    texts.push('', '孤\ud800立\udc00尾', '😀x', '工作总结，'.repeat(1_200_000));
    const buffers = texts.map(encodeRows);
    texts.forEach((text, i) => expect(Buffer.from(buffers[i]!).equals(Buffer.from(encoder.encode(text)))).toBe(true));
    // Each result owns its buffer (the pool transfers them one by one).
    expect(new Set(buffers.map((b) => b.buffer)).size).toBe(buffers.length);
  });
});

describe('TableSink', () => {
  test('rows gathered across many results (past the flush size) come out whole and in order, in every format', async () => {
    const folder = tempFolder('baogao-sink-');
    const sink = new TableSink(folder, ['csv', 'ndjson', 'json']);
    const stat = (n: number) => ({
      id: `f#0/s1/${n}`, documentId: 'f#0', sectionId: 'f#0/s1', itemId: null, sectionKind: 'review', itemPath: '', breadcrumb: 'review',
      surface: `${n}人`, value: n, unit: '人', masked: false, mask: null, digits: null, min: null, max: null, rangeLow: null, rangeHigh: null,
      qualifier: null, sentence: `培训干部${n}人，“内容”含逗号,与换行\n。`.repeat(20), line: n, column: 1,
    });
    const results = 300;
    const perResult = 10; // ~300 × 10 rows of ~1 KB: several flushes of the 1 MB pieces
    for (let r = 0; r < results; r++) {
      const stats = Array.from({ length: perResult }, (_, k) => stat(r * perResult + k));
      // Half the results arrive rendered (as from the workers), half as row objects.
      if (r % 2) await sink.write({ stats }, {});
      else {
        const encode = (s: string) => new TextEncoder().encode(s);
        await sink.write({}, { 'stats.csv': encode(renderRows('stats', stats, 'csv')), 'stats.ndjson': encode(renderRows('stats', stats, 'ndjson')), 'stats.json': encode(renderRows('stats', stats, 'json')) });
      }
    }
    await sink.close();
    const all = Array.from({ length: results * perResult }, (_, n) => stat(n));
    expect(JSON.parse(readFileSync(join(folder, 'stats.json'), 'utf8'))).toEqual(all);
    expect(readFileSync(join(folder, 'stats.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(all);
    expect(readFileSync(join(folder, 'stats.csv')).length).toBeGreaterThan(2 << 20);
    const csv = readFileSync(join(folder, 'stats.csv'), 'utf8');
    expect(csv.startsWith('\ufeffid,documentId,')).toBe(true);
    expect(csv.slice(csv.indexOf('\r\n') + 2)).toBe(renderRows('stats', all, 'csv'));
    expect(JSON.parse(readFileSync(join(folder, 'documents.json'), 'utf8'))).toEqual([]);
  });
});

describe('the worker pool', () => {
  test('a worker that dies fails only the task it was on; the tasks it held behind it run on, and it is replaced', async () => {
    const { WorkerPool } = await import('../src/batch/pool.js');
    const pool = new WorkerPool(2, new URL('./fixtures/dying-worker.mjs', import.meta.url).pathname);
    const paths = ['a', 'bb', 'crash-1', 'ccc', 'dddd', 'crash-2', 'eeeee', 'ffffff', 'g', 'hh'];
    try {
      const results = await Promise.all(paths.map((path) => pool.run(path, { tables: false, tree: true })));
      expect(results.map((r) => r.path)).toEqual(paths);
      for (const r of results) {
        if (r.path.startsWith('crash')) expect(r.error).toMatchObject({ kind: 'internal', message: `${r.path}: the worker parsing it died (exit code 7)` });
        else expect(r).toEqual({ path: r.path, bytes: r.path.length });
      }
    } finally {
      await pool.close();
    }
  });
});
