import { AppError, statementsOf } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { lockAssessment, markConfirmed, ratingsOf } from '../assessments.queries';
import { requireDraft } from '../assessments.rules';

/** The lead confirms a self-assessment once every statement is rated; it is read-only after. */
export async function confirmAssessment(deps: AppDeps, at: SchoolRequest, assessmentId: string) {
  return inSchool(deps, at, 'improvement.lead', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const a = await lockAssessment(tx, schoolId, assessmentId);
    requireDraft(a);
    const rated = new Set(
      (await ratingsOf(tx, schoolId, [assessmentId])).filter((x) => x.r.rating !== null).map((x) => x.r.statementKey),
    );
    const left = statementsOf(a.framework).filter((st) => !rated.has(st.key));
    if (left.length > 0) {
      const n = left.length;
      throw new AppError('validation', 'statements not rated', {
        userMessage: `${String(n)} ${n === 1 ? 'statement is' : 'statements are'} not rated yet. Rate every statement before confirming.`,
        fields: left.map((st) => ({ path: `statements.${st.key}`, message: 'Rate this statement' })),
      });
    }
    await markConfirmed(tx, assessmentId, actor.userId, now);
    await s.audit({ action: 'assessment.confirmed', detail: {} }, { type: 'assessment', id: assessmentId });
    return { ok: true as const };
  });
}
