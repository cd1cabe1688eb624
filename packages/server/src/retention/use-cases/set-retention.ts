/** The school keeps a kind of record longer than the toolkit says (never shorter), with its reason. */
import { AppError, lengthenProblem, type RecordClass, type SetRetentionBody } from '@tandem/core';
import { retentionSettings } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';

export async function setRetention(
  deps: AppDeps,
  at: SchoolRequest,
  recordClass: RecordClass,
  body: SetRetentionBody,
): Promise<{ ok: true }> {
  return inSchool(deps, at, 'records.retention', async (s) => {
    const problem = lengthenProblem(recordClass, body.years);
    if (problem) {
      throw new AppError('validation', 'retention shorter than the toolkit', {
        userMessage: problem,
        fields: [{ path: 'years', message: problem }],
      });
    }
    await s.tx.insert(retentionSettings).values({
      schoolId: s.schoolId,
      recordClass,
      years: body.years,
      reason: body.reason,
      setBy: s.actor.userId,
      setAt: s.now,
    });
    await s.audit(
      { action: 'retention.lengthened', detail: { recordClass, years: body.years } },
      {
        type: 'school',
        id: s.schoolId,
      },
    );
    return { ok: true as const };
  });
}
