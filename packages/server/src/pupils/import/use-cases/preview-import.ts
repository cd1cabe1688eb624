import { createHash } from 'node:crypto';
import {
  AppError,
  checkAgainstSchool,
  outlinePlan,
  readImportTable,
  schoolDate,
  namePupilsInIssues,
  sortIssues,
  type ImportKind,
  type ImportPreview,
  type ImportStoredSummary,
} from '@tandem/core';
import type { AppDeps } from '../../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest } from '../../../platform/gate';
import { decodeCsvFile, readCsvTable } from '../../../platform/csv';
import { withoutRowData } from '../import.errors';
import { planImport } from '../import.plan';
import { insertPreview, loadSnapshot } from '../import.queries';
import { previewCtfImport } from './preview-ctf-import';

export interface PreviewInput {
  kind: ImportKind;
  fileName: string | undefined;
  markLeavers: boolean;
  /** A CTF addressed to another school: the importer confirms it is meant for theirs. */
  confirmOtherDestination?: boolean;
}

/** Only the last part of a path, without control characters: the name is shown back to people. */
function cleanFileName(name: string | undefined, fallback = 'upload.csv'): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? fallback : clean;
}

/**
 * Check a file, compare it with the school's records and keep the preview for applying. A file
 * with problems is kept without its rows: it can never be applied.
 */
export async function previewImport(
  deps: AppDeps,
  request: SchoolRequest,
  input: PreviewInput,
  file: Uint8Array | undefined,
): Promise<ImportPreview> {
  // The file is read before the transaction opens (a large one takes a moment), but only once
  // the uploader is known to be allowed to import.
  checkSchool(request.actor, request.schoolId, 'pupil.import');
  if (input.kind === 'ctf') {
    const ctfInput = {
      fileName: cleanFileName(input.fileName, 'upload.xml'),
      confirmOtherDestination: input.confirmOtherDestination === true,
    };
    return previewCtfImport(deps, request, ctfInput, file);
  }
  const bytes = file ?? new Uint8Array();
  const table = readCsvTable(decodeCsvFile(bytes));
  const now = deps.clock.now();
  const read = readImportTable(input.kind, table, schoolDate(now));
  if (!read.ok) throw new AppError('bad_request', 'import file has no rows', { userMessage: read.message });
  const markLeavers = input.kind === 'pupils' && input.markLeavers;
  const fileName = cleanFileName(input.fileName);

  return inSchool(deps, request, 'pupil.import', async (w) => {
    const snapshot = await loadSnapshot(w.tx, w.schoolId, input.kind);
    const errors = namePupilsInIssues(
      sortIssues([...read.issues, ...checkAgainstSchool(read.payload, snapshot.lookups)]),
      snapshot.lookups.pupilNameByUpn ?? new Map(),
    );
    const plan = planImport(read.payload, snapshot, markLeavers);
    if (plan.kind === 'ctf') throw new Error('a CTF is checked by previewCtfImport');
    const { counts, sample } = outlinePlan(plan);
    const summary: ImportStoredSummary = {
      totalRows: read.totalRows,
      ...counts,
      errorCount: errors.length,
      markLeavers,
      errors,
      ignoredColumns: read.ignoredColumns,
      sample,
      applied: null,
    };
    const importId = await insertPreview(w.tx, {
      schoolId: w.schoolId,
      kind: input.kind,
      fileName,
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      // A file with problems can never be applied, so its rows are not kept.
      rows: errors.length > 0 ? { ...read.payload, rows: [] } : read.payload,
      summary,
      createdBy: w.actor.userId,
      createdAt: now,
    });
    await w.audit(
      {
        action: 'pupil.import_previewed',
        detail: { importId, kind: input.kind, rows: read.totalRows, errors: errors.length },
      },
      { type: 'pupil_import', id: importId },
    );
    return {
      importId,
      kind: input.kind,
      fileName,
      markLeavers,
      status: 'previewed' as const,
      totalRows: summary.totalRows,
      toAdd: summary.toAdd,
      toUpdate: summary.toUpdate,
      unchanged: summary.unchanged,
      toMarkLeft: summary.toMarkLeft,
      errorCount: summary.errorCount,
      errors,
      ignoredColumns: read.ignoredColumns,
      sample,
    };
  }).catch((err: unknown) => {
    throw withoutRowData(err, 'import preview');
  });
}
