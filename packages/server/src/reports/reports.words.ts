/** Words for what a report covers, for titles, PDFs and file names. */
import { CHARACTERISTIC_LABELS, yearGroupLabel, type ReportScope } from '@tandem/core';

/** "Year 9, Pupil premium", or "" for every pupil. */
export function groupWords(scope: Pick<ReportScope, 'yearGroup' | 'characteristic'>): string {
  const parts: string[] = [];
  if (scope.yearGroup !== null) parts.push(yearGroupLabel(scope.yearGroup));
  if (scope.characteristic !== null) parts.push(CHARACTERISTIC_LABELS[scope.characteristic]);
  return parts.join(', ');
}
