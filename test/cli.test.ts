// The command line as a user runs it: the built bin, real files, exit codes.
import { beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { seedPath, tempFolder } from './helpers.js';

const bin = new URL('../bin/baogao.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

let dir: string;
beforeAll(() => {
  dir = tempFolder('baogao-cli-');
  writeFileSync(join(dir, 'a.txt'), 'xx区工作总结\n一、工作情况\n开展宣讲xx场。\n');
  writeFileSync(join(dir, 'b-gbk.TXT'), iconv.encode('xx区工作计划\n一、加强学习\n', 'gbk'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 255, 0]));
  mkdirSync(join(dir, 'folder.txt'));
});

describe('baogao parse', () => {
  test('--help prints usage on stdout, exit 0', () => {
    const r = run('parse', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: baogao parse/);
    expect(run('--help').status).toBe(0);
  });

  test('bad usage exits 2 with a message on stderr', () => {
    expect(run('parse').status).toBe(2);
    const r = run('parse', 'x.txt', '--format', 'xml');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format must be json or ndjson/);
    expect(run('frobnicate').status).toBe(2);
    expect(run('parse', 'x.txt', '--bogus').status).toBe(2);
  });

  test('one file prints one JSON tree on stdout', () => {
    const r = run('parse', seedPath('000'));
    expect(r.status).toBe(0);
    const root = JSON.parse(r.stdout);
    expect(root.type).toBe('root');
    expect(r.stdout).not.toMatch(/dotenv/);
  });

  test('many files: one NDJSON line per document, failures as error lines, exit 1', () => {
    const r = run('parse', join(dir, '*.{txt,TXT}'));
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const byPath = (name: string) => lines.filter((l) => l.path.endsWith(name));
    expect(byPath('a.txt')[0].type).toBe('report');
    expect(byPath('b-gbk.TXT')[0].encoding).toBe('gb18030');
    expect(byPath('empty.txt')[0].error.kind).toBe('empty');
    expect(byPath('binary.txt')[0].error.kind).toBe('binary');
    expect(r.stderr).toMatch(/empty\.txt/);
    expect(r.stderr).not.toMatch(/\x1b/); // no terminal codes when stderr is not a terminal
  });

  test('a missing file is an error line; a directory argument expands to the reports under it', () => {
    const r = run('parse', join(dir, 'missing.txt'), join(dir, 'folder.txt'), '--format', 'ndjson');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error.kind)).toEqual(['unreadable']);
    expect(run('parse', dir, '--format', 'ndjson', '--quiet').stdout).toMatch(/a\.txt/);
  });
});

describe('the V8 flags the CLI sets for itself', () => {
  test('with them (the default) and without them (BAOGAO_KEEP_V8_FLAGS=1) a 2-worker batch prints the same trees', () => {
    const args = [bin, 'parse', seedPath('000'), seedPath('003'), dir, '--format', 'ndjson', '--jobs', '2', '--ordered'];
    const withFlags = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    const without = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, BAOGAO_KEEP_V8_FLAGS: '1' } });
    expect(withFlags.status).toBe(1); // the folder's bad inputs fail, as they should
    expect(without.status).toBe(1);
    expect(withFlags.stdout.split('\n').length).toBeGreaterThan(5);
    expect(withFlags.stdout).toBe(without.stdout);
  });
});
