import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Root } from '../src/index.js';

export type AnyNode = { type: string; position?: { start: { offset: number; line: number; column: number }; end: { offset: number; line: number; column: number } }; children?: AnyNode[]; [key: string]: unknown };

/** Every node of a tree, depth first, with its parent. */
export function* walk(node: AnyNode, parent: AnyNode | null = null): Generator<[AnyNode, AnyNode | null]> {
  yield [node, parent];
  for (const child of node.children ?? []) yield* walk(child, node);
}

export function nodesOf<T = AnyNode>(root: Root | AnyNode, type: string): T[] {
  return [...walk(root as AnyNode)].filter(([n]) => n.type === type).map(([n]) => n as T);
}

export const corpusDir = new URL('../corpus/', import.meta.url).pathname;
export const seedPath = (prefix: string) => {
  const dir = join(corpusDir, 'seeds');
  return join(dir, readdirSync(dir).find((f) => f.startsWith(prefix))!);
};
export const readSeed = (prefix: string) => readFileSync(seedPath(prefix), 'utf8');

/** The 1-based line of a text at which `needle` first occurs. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  return text.slice(0, at).split(/\r\n|\r|\n/).length;
}

/**
 * A fresh folder under the system temp dir, removed when the enclosing
 * file or describe block is done (call it from `beforeAll`, a describe body
 * or a test: cleanup is registered on the suite either way).
 */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(dir);
  return dir;
}
const cleanups: string[] = [];
afterAll(() => {
  for (const dir of cleanups.splice(0)) rmSync(dir, { recursive: true, force: true });
});
