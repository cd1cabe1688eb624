import { createHash } from 'node:crypto';
import {
  AppError,
  ctfAddressedTo,
  ctfDestination,
  ctfOurSchoolLabel,
  ctfSchoolLabel,
  namePupilsInIssues,
  outlineCtfPlan,
  planCtfImport,
  readCtf,
  schoolDate,
  sortIssues,
  type CtfOurSchool,
  type ImportPreview,
  type ImportStoredSummary,
} from '@tandem/core';
import type { AppDeps } from '../../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest } from '../../../platform/gate';
import { readCtfXml } from '../ctf.xml';
import { withoutRowData } from '../import.errors';
import { insertPreview, loadSnapshot, schoolIdentityOf } from '../import.queries';

export interface CtfPreviewInput {
  fileName: string;
  /** The importer confirmed that a file addressed to another school is meant for theirs. */
  confirmOtherDestination: boolean;
}

/**
 * Check a common transfer file: its pupils and their contacts together, against the same rules as
 * the CSV files, and against the school it is addressed to. Kept for applying all at once; a file
 * with problems is kept without its rows, so it can never be applied. Nobody is marked as left.
 */
export async function previewCtfImport(
  deps: AppDeps,
  request: SchoolRequest,
  input: CtfPreviewInput,
  file: Uint8Array | undefined,
): Promise<ImportPreview> {
  checkSchool(request.actor, request.schoolId, 'pupil.import');
  const bytes = file ?? new Uint8Array();
  const tree = readCtfXml(bytes);
  const now = deps.clock.now();
  const read = readCtf(tree, schoolDate(now));
  if (!read.ok) throw new AppError('bad_request', 'ctf not readable', { userMessage: read.message });

  return inSchool(deps, request, 'pupil.import', async (w) => {
    const school = await schoolIdentityOf(w.tx, w.schoolId);
    const destination = ctfDestination(read.header.destination);
    const addressed = ctfAddressedTo(read.header.destination, school);
    const forUs = addressed === 'ours';
    if (!forUs && !input.confirmOtherDestination && destination !== null) {
      const message = destinationMessage(addressed, ctfSchoolLabel(destination), school);
      throw new AppError('conflict', 'ctf addressed to another school', {
        userMessage: message,
        fields: [{ path: 'confirmOtherDestination', message }],
      });
    }
    const snapshot = await loadSnapshot(w.tx, w.schoolId, 'ctf');
    const errors = namePupilsInIssues(sortIssues(read.issues), snapshot.lookups.pupilNameByUpn ?? new Map());
    const outline = outlineCtfPlan(planCtfImport(read.payload, snapshot), read.totalContacts);
    const ctf = {
      sourceSchool: read.header.source === null ? 'Not given' : ctfSchoolLabel(read.header.source),
      destination: destination === null ? null : ctfSchoolLabel(destination),
      otherDestinationConfirmed: !forUs,
      contacts: outline.contacts,
      contactSample: outline.contactSample,
      unchangedFields: read.unchangedFields,
    };
    const summary: ImportStoredSummary = {
      totalRows: read.totalRows,
      ...outline.counts,
      errorCount: errors.length,
      markLeavers: false,
      errors,
      ignoredColumns: [],
      sample: outline.sample,
      ctf,
      applied: null,
    };
    const empty = {
      ...read.payload,
      pupils: { ...read.payload.pupils, rows: [] },
      contacts: { ...read.payload.contacts, rows: [] },
    };
    const importId = await insertPreview(w.tx, {
      schoolId: w.schoolId,
      kind: 'ctf',
      fileName: input.fileName,
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      // A file with problems can never be applied, so its rows are not kept.
      rows: errors.length > 0 ? empty : read.payload,
      summary,
      createdBy: w.actor.userId,
      createdAt: now,
    });
    await w.audit(
      {
        action: 'pupil.import_previewed',
        detail: {
          importId,
          kind: 'ctf',
          rows: read.totalRows,
          errors: errors.length,
          ...(!forUs && { otherDestination: true }),
        },
      },
      { type: 'pupil_import', id: importId },
    );
    return {
      importId,
      kind: 'ctf' as const,
      fileName: input.fileName,
      markLeavers: false,
      status: 'previewed' as const,
      totalRows: summary.totalRows,
      toAdd: summary.toAdd,
      toUpdate: summary.toUpdate,
      unchanged: summary.unchanged,
      toMarkLeft: 0,
      errorCount: summary.errorCount,
      errors,
      ignoredColumns: [],
      sample: outline.sample,
      ctf,
    };
  }).catch((err: unknown) => {
    throw withoutRowData(err, 'import preview');
  });
}

/** Why a file's destination needs the importer's confirmation: another school's, or not checkable. */
function destinationMessage(addressed: 'another' | 'unchecked', theirs: string, school: CtfOurSchool): string {
  const confirm = 'If it is meant for your school, confirm and check it again.';
  if (addressed === 'another') {
    return `This file is addressed to ${theirs}, not ${ctfOurSchoolLabel(school)}. Check you have the right file. ${confirm}`;
  }
  return `This file is addressed to ${theirs}. Tandem cannot check it is for ${school.name}, because it does not have the number the file gives for your school (a school administrator can add your DfE number in school settings). ${confirm}`;
}
