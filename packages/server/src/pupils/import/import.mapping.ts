/** A stored import as the API gives it, with its progress while it is being applied. */
import { importStoredSummarySchema, type ImportStatusResponse } from '@tandem/core';
import { progressOf } from './import.progress';
import type { recentImports } from './import.queries';

type ImportRow = Awaited<ReturnType<typeof recentImports>>[number];

/** One import's status for the list and the progress page. */
export function toImportStatus(row: ImportRow): ImportStatusResponse {
  const summary = importStoredSummarySchema.parse(row.summary);
  const progress = progressOf(row.id) ?? null;
  // A preview being applied in this process is 'applying' until its transaction commits.
  const status = progress && row.status === 'previewed' ? 'applying' : row.status;
  return {
    importId: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    progress: progress ? { ...progress } : null,
    summary: {
      totalRows: summary.totalRows,
      toAdd: summary.toAdd,
      toUpdate: summary.toUpdate,
      unchanged: summary.unchanged,
      toMarkLeft: summary.toMarkLeft,
      errorCount: summary.errorCount,
      markLeavers: summary.markLeavers,
      applied: summary.applied,
      // Contacts' names stay with the preview itself, as the sample of pupils does.
      ...(summary.ctf && { ctf: { ...summary.ctf, contactSample: { adds: [], updates: [], leavers: [] } } }),
    },
  };
}
