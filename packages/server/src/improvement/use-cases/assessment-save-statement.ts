import { AppError, statementByKey, type SaveStatementBody, type SavedStatement } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { documentInfos } from '../../platform/documents';
import { resolveEvidence } from '../assessments.evidence';
import { toStatement } from '../assessments.mapping';
import { insertRating, lockAssessment, lockRating, ratingsOf, updateRating } from '../assessments.queries';
import { isUniqueViolation, requireDraft } from '../assessments.rules';

const STALE = () =>
  new AppError('conflict', 'stale statement', {
    userMessage:
      'Someone else saved this statement while you were writing. Your words are still here: look at their change below, then save again.',
  });

/**
 * A contributor saves one statement's rating and evidence, as it is written. A save made against an
 * older version is refused (409) so that nobody overwrites a colleague's words unseen.
 */
export async function saveStatement(
  deps: AppDeps,
  at: SchoolRequest,
  assessmentId: string,
  statementKey: string,
  body: SaveStatementBody,
): Promise<SavedStatement> {
  return inSchool(deps, at, 'improvement.contribute', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const a = await lockAssessment(tx, schoolId, assessmentId);
    const statement = statementByKey(statementKey);
    if (!statement?.areaKey.startsWith(`${a.framework}.`)) throw new AppError('not_found', 'statement not found');
    requireDraft(a);
    const current = await lockRating(tx, schoolId, assessmentId, statementKey);
    if ((current?.version ?? 0) !== body.version) throw STALE();
    const evidence = await resolveEvidence(
      tx,
      { schoolId, trustId: s.trustId, now, sources: deps.registries.schoolRecords },
      body.evidence,
    );
    const rated = (current?.rating ?? null) !== body.rating;
    const evidenceChanged =
      (current?.evidenceText ?? '') !== body.evidenceText ||
      JSON.stringify(current?.evidence ?? []) !== JSON.stringify(evidence);
    let row = current;
    if (!current) {
      if (rated || evidenceChanged) {
        row = await insertRating(tx, {
          schoolId,
          assessmentId,
          statementKey,
          rating: body.rating,
          evidenceText: body.evidenceText,
          evidence,
          version: 1,
          updatedBy: actor.userId,
          updatedAt: now,
        }).catch((err: unknown) => {
          throw isUniqueViolation(err) ? STALE() : err;
        });
      }
    } else if (rated || evidenceChanged) {
      row = await updateRating(tx, current.id, {
        rating: body.rating,
        evidenceText: body.evidenceText,
        evidence,
        version: current.version + 1,
        updatedBy: actor.userId,
        updatedAt: now,
      });
    }
    const subject = { type: 'assessment' as const, id: assessmentId };
    if (rated) await s.audit({ action: 'assessment.rated', detail: { statementKey, rating: body.rating } }, subject);
    if (evidenceChanged) {
      await s.audit(
        { action: 'assessment.evidence_changed', detail: { statementKey, items: evidence.length } },
        subject,
      );
    }
    const saved = row ? (await ratingsOf(tx, schoolId, [assessmentId])).find((x) => x.r.id === row.id) : undefined;
    const previous = a.previousId
      ? (await ratingsOf(tx, schoolId, [a.previousId])).find((x) => x.r.statementKey === statementKey)
      : undefined;
    const docs = await documentInfos(
      tx,
      evidence.flatMap((e) => (e.kind === 'document' ? [e.documentId] : [])),
    );
    return { statement: toStatement(statement, saved, previous?.r.rating ?? null, docs) };
  });
}
