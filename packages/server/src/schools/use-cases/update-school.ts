import { AppError, idleTooLongMessage, type Actor, type School } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool } from '../../platform/gate';
import { toSchool } from '../schools.mapping';
import { updateSchoolRow, type SchoolRow } from '../schools.queries';
import { requireDfeNumberFree } from '../schools.rules';

/**
 * A school administrator changes the school's DfE number (which a common transfer file's
 * destination is checked against), letterhead, its staff's idle time-out, or how long a referral
 * may wait for a first appointment before it is flagged.
 */
export function updateSchool(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  body: {
    dfeNumber?: string | null | undefined;
    letterhead?: string | undefined;
    staffIdleMinutes?: number | undefined;
    referralWaitDays?: number | undefined;
  },
  ip: string,
): Promise<School> {
  return inSchool(deps, { actor, schoolId, ip }, 'school.manageStaff', async (s) => {
    const changes: Partial<SchoolRow> = {};
    if (body.dfeNumber !== undefined) {
      if (body.dfeNumber !== null) await requireDfeNumberFree(s.tx, body.dfeNumber, schoolId);
      changes.dfeNumber = body.dfeNumber;
    }
    if (body.letterhead !== undefined) changes.letterhead = body.letterhead;
    if (body.staffIdleMinutes !== undefined) {
      // The operator's IDLE_TIMEOUT_MINUTES is the upper bound: a school may be stricter, never laxer.
      const max = deps.config.defaultIdleMinutes;
      if (body.staffIdleMinutes > max) {
        throw new AppError('validation', 'idle time-out above the maximum', {
          fields: [{ path: 'staffIdleMinutes', message: idleTooLongMessage(max) }],
        });
      }
      changes.staffIdleMinutes = body.staffIdleMinutes;
    }
    if (body.referralWaitDays !== undefined) changes.referralWaitDays = body.referralWaitDays;
    const fields = Object.keys(changes);
    if (fields.length === 0) {
      throw new AppError('validation', 'nothing to change', { userMessage: 'There was nothing to change.' });
    }
    const row = await updateSchoolRow(s.tx, schoolId, changes);
    if (!row) throw new AppError('not_found', 'school not found');
    await s.audit({ action: 'school.settings_changed', detail: { fields } }, { type: 'school', id: schoolId });
    return toSchool(row, deps.config.defaultIdleMinutes);
  });
}
