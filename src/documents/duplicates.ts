// Near-duplicate reports: scraped compilations paste the same report twice,
// sometimes retitled. A report whose text is mostly contained in an earlier,
// longer-or-equal one is marked `duplicateOf` that report's index.
import type { Report } from '../schema/nodes.js';
import { containment, shingles } from './similarity.js';
import { DuplicateIndex, minhashOf } from './minhash.js';

/** Share of a report's 4-gram shingles found in an earlier one for it to count as a copy. */
const duplicateShare = 0.8;
/** Reports shorter than this (in characters) are too short to judge. */
const minLength = 120;

/** Above this many reports in one file, MinHash buckets replace the pairwise comparison (quadratic). */
const pairwiseLimit = 40;

/**
 * Marks the reports of one file that copy an earlier one. Returns the shingle
 * set it computed for each report (null where none was needed), so that the
 * batch layer's cross-file signatures do not compute them again.
 */
export function markDuplicates(reports: Report[], text: string): Array<Set<number> | null> {
  if (reports.length < 2) return reports.map(() => null);
  if (reports.length > pairwiseLimit) {
    const index = new DuplicateIndex();
    const sets = reports.map((report) => shingles(text, report.position.start.offset, report.position.end.offset));
    reports.forEach((report, i) => {
      const earlier = index.check(String(i), minhashOf(sets[i]!));
      if (earlier !== null) report.data.duplicateOf = reports[Number(earlier)]!.data.duplicateOf ?? Number(earlier);
    });
    return sets;
  }
  const sets = reports.map((r) => {
    const { start, end } = r.position;
    return end.offset - start.offset >= minLength ? shingles(text, start.offset, end.offset) : null;
  });
  reports.forEach((report, i) => {
    const own = sets[i];
    if (!own) return;
    for (let j = 0; j < i; j++) {
      const earlier = sets[j];
      if (earlier && containment(own, earlier) >= duplicateShare && own.size <= earlier.size * 1.25) {
        report.data.duplicateOf = reports[j]!.data.duplicateOf ?? j;
        return;
      }
    }
  });
  return sets;
}
