import {
  AppError,
  checkAgainstSchool,
  IMPORT_PREVIEW_HOURS,
  planCtfContacts,
  importPayloadSchema,
  importStoredSummarySchema,
  schoolDate,
  type ImportApplyResponse,
} from '@tandem/core';
import type { AppDeps } from '../../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest } from '../../../platform/gate';
import { isUniqueViolation } from '../import.errors';
import { planImport, resultOf } from '../import.plan';
import { endProgress, startProgress } from '../import.progress';
import { loadImport, loadSnapshot, lockSchoolImports, markApplied } from '../import.queries';
import { planSize, writeContactPlan, writeGroupPlan, writePupilPlan } from '../import.writes';

/**
 * Apply a preview: all of it in one transaction, against the records as they are now. Refused if
 * the school's records have changed so that the checked file no longer fits them.
 */
export async function applyImport(
  deps: AppDeps,
  request: SchoolRequest,
  importId: string,
): Promise<ImportApplyResponse> {
  // Refused at once, before any transaction, if this import is already being applied here.
  checkSchool(request.actor, request.schoolId, 'pupil.import');
  const { track, progress } = startProgress(importId);
  try {
    return await inSchool(deps, request, 'pupil.import', async (w) => {
      await lockSchoolImports(w.tx, w.schoolId);
      const imp = await loadImport(w.tx, w.schoolId, importId);
      if (!imp) throw new AppError('not_found', 'import not found');
      const summary = importStoredSummarySchema.parse(imp.summary);
      if (imp.status === 'applied') {
        throw new AppError('conflict', 'import already applied', {
          userMessage: 'This file has already been imported. Upload it again to check for newer changes.',
        });
      }
      if (imp.status !== 'previewed') {
        throw new AppError('conflict', `import ${imp.status}`, {
          userMessage: 'This preview was discarded. Upload the file again.',
        });
      }
      if (summary.errorCount > 0) {
        throw new AppError('bad_request', 'import has errors', {
          userMessage: 'Correct the rows listed and upload the file again: nothing has been imported.',
        });
      }
      const now = w.now;
      if (now.getTime() - imp.createdAt.getTime() > IMPORT_PREVIEW_HOURS * 3600_000) {
        throw new AppError('conflict', 'preview expired', {
          userMessage: `This preview is more than ${IMPORT_PREVIEW_HOURS} hours old. Upload the file again so it is checked against today's records: nothing has been imported.`,
        });
      }
      const payload = importPayloadSchema.parse(imp.rows);
      const snapshot = await loadSnapshot(w.tx, w.schoolId, payload.kind);
      if (checkAgainstSchool(payload, snapshot.lookups).length > 0) {
        throw new AppError('conflict', 'records changed since preview', {
          userMessage:
            "The school's records have changed since this file was checked (a pupil or member of staff it names has left). Upload the file again to see what needs correcting: nothing has been imported.",
        });
      }
      const plan = planImport(payload, snapshot, summary.markLeavers);
      progress.total = planSize(plan);
      switch (plan.kind) {
        case 'pupils':
          await writePupilPlan(w.tx, w.schoolId, plan, schoolDate(now), now, track, async (pupilId, leftOn) => {
            // The MIS does not say where a leaver goes: the destination is asked for on the transfer.
            for (const hook of deps.registries.onPupilLeft) {
              await hook(w.tx, {
                schoolId: w.schoolId,
                pupilId,
                leftOn,
                destination: null,
                actorUserId: w.actor.userId,
              });
            }
          });
          break;
        case 'contacts':
          await writeContactPlan(w.tx, w.schoolId, plan, now, track);
          break;
        case 'groups':
          await writeGroupPlan(w.tx, w.schoolId, plan, now, track);
          break;
        case 'ctf': {
          // Pupils first, then their contacts against the roll as it now is (joining pupils have ids).
          if (payload.kind !== 'ctf') break;
          await writePupilPlan(w.tx, w.schoolId, plan.pupils, schoolDate(now), now, track);
          const after = await loadSnapshot(w.tx, w.schoolId, 'contacts');
          await writeContactPlan(w.tx, w.schoolId, planCtfContacts(payload, after.contacts, after.lookups), now, track);
          break;
        }
      }
      track.phase('finishing');
      const result = resultOf(plan);
      await markApplied(w.tx, importId, { ...summary, applied: result }, now);
      await w.audit(
        {
          action: 'pupil.import_applied',
          detail: {
            importId,
            kind: payload.kind,
            added: result.added,
            updated: result.updated,
            left: result.markedLeft,
          },
        },
        { type: 'pupil_import', id: importId },
      );
      return { importId, kind: payload.kind, status: 'applied' as const, ...result };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', 'unique violation during import', {
        cause: err,
        userMessage:
          'Someone else changed the same records while this file was being imported. Nothing has been imported. Upload the file again.',
      });
    }
    throw err;
  } finally {
    // Only once the transaction has ended, so the status never reads 'previewed' while it commits.
    endProgress(importId);
  }
}
