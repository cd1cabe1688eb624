/** Year on year as CSV: one row per area, one column per assessment (oldest first). */
import { RATING_LABELS, type AssessmentProgress } from '@tandem/core';
import { toCsv } from '../http/csv';

export function assessmentsCsv(p: AssessmentProgress): string {
  const head = ['Area', ...p.periods.map((x) => (x.status === 'draft' ? `${x.periodLabel} (draft)` : x.periodLabel))];
  const rows = p.areas.map((area, i) => [
    area.title,
    ...p.periods.map((x) => {
      const r = x.ratings[i];
      return r ? RATING_LABELS[r] : 'Not rated';
    }),
  ]);
  return toCsv(head, rows);
}
