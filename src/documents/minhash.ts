// Near-duplicate documents across a whole batch: a MinHash signature per
// document (computed where the document is parsed) and LSH buckets in the main
// thread, so memory grows by a few hundred bytes per document, not by its text.
import { shingles } from './similarity.js';

const hashes = 48;
const bands = 8; // 8 bands × 6 rows: a pair at Jaccard 0.8 shares a band with p ≈ 0.92
const rows = hashes / bands;
/** Estimated Jaccard similarity above which two documents are the same. */
export const duplicateJaccard = 0.8;

/** A 32-bit integer mix (murmur3's finaliser). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A MinHash signature by one-permutation hashing: each shingle is hashed once,
 * the hash picks one of the 48 bins and a second hash of it competes for that
 * bin's minimum (48 hash functions per shingle took an eighth of the tables
 * job). Empty bins borrow from the next filled one, shifted by the distance
 * ("rotation" densification), so two documents agree on a bin with a
 * probability that still estimates their Jaccard similarity.
 */
export function minhash(text: string): number[] | null {
  return minhashOf(shingles(text));
}

/** minhash() of shingles already computed (markDuplicates computes them for a file's reports). */
export function minhashOf(set: Set<number>): number[] | null {
  if (set.size < 20) return null; // too short to judge (shingles are already sampled 1 in 4)
  const signature = new Array<number>(hashes).fill(-1);
  for (const value of set) {
    const h = mix(value);
    const bin = h % hashes;
    const v = mix(h ^ 0x9e3779b9);
    if (signature[bin] === -1 || v < signature[bin]!) signature[bin] = v;
  }
  const filled = signature.map((v) => v !== -1);
  for (let i = 0; i < hashes; i++) {
    if (filled[i]) continue;
    for (let d = 1; d < hashes; d++) {
      const j = (i + d) % hashes;
      if (!filled[j]) continue;
      signature[i] = (signature[j]! + Math.imul(d, 0x6b43a9b5)) >>> 0;
      break;
    }
  }
  return signature;
}

function agreement(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The documents seen so far in a batch, by signature band. */
export class DuplicateIndex {
  private readonly buckets = new Map<string, string>();
  private readonly signatures = new Map<string, number[]>();

  /** The id of an earlier near-duplicate of this document, if any; then remembers it. */
  check(id: string, signature: number[] | null): string | null {
    if (!signature) return null;
    let found: string | null = null;
    const keys: string[] = [];
    for (let b = 0; b < bands; b++) {
      const key = `${b}:${signature.slice(b * rows, (b + 1) * rows).join(',')}`;
      keys.push(key);
      const other = this.buckets.get(key);
      if (!found && other && agreement(signature, this.signatures.get(other)!) >= duplicateJaccard) found = other;
    }
    if (!found) {
      for (const key of keys) if (!this.buckets.has(key)) this.buckets.set(key, id);
      this.signatures.set(id, signature);
    }
    return found;
  }
}
