// Near-duplicate reports: scraped compilations paste the same report twice,
// sometimes retitled. A report whose text is mostly contained in an earlier,
// longer-or-equal one is marked `duplicateOf` that report's index.
import type { Report } from '../schema/nodes.js';
import { containment, shingles } from './similarity.js';
import { DuplicateIndex, minhash } from './minhash.js';

/** Share of a report's 4-gram shingles found in an earlier one for it to count as a copy. */
const duplicateShare = 0.8;
/** Reports shorter than this (in characters) are too short to judge. */
const minLength = 120;

export function reportText(report: Report, text: string): string {
  return text.slice(report.position.start.offset, report.position.end.offset);
}

/** Above this many reports in one file, MinHash buckets replace the pairwise comparison (quadratic). */
const pairwiseLimit = 40;

export function markDuplicates(reports: Report[], text: string): void {
  if (reports.length < 2) return;
  if (reports.length > pairwiseLimit) {
    const index = new DuplicateIndex();
    reports.forEach((report, i) => {
      const earlier = index.check(String(i), minhash(reportText(report, text)));
      if (earlier !== null) report.data.duplicateOf = reports[Number(earlier)]!.data.duplicateOf ?? Number(earlier);
    });
    return;
  }
  const sets = reports.map((r) => {
    const body = reportText(r, text);
    return body.length >= minLength ? shingles(body) : null;
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
}
