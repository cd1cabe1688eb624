/**
 * Questionnaire scores as evidence for a level change: a completed questionnaire about that pupil.
 * Only case roles change levels, and they may read the pupil's scores.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { questionnaires } from '@tandem/core/schema';
import type { EvidenceSource } from '../platform/registries';

export const scoreEvidence: EvidenceSource = {
  kind: 'score',
  refusal: 'A score given as evidence must be a completed questionnaire of this pupil',
  async citable(db, { schoolId, pupilId }, refIds) {
    if (refIds.length === 0) return new Set();
    const rows = await db
      .select({ id: questionnaires.id })
      .from(questionnaires)
      .where(
        and(
          eq(questionnaires.schoolId, schoolId),
          eq(questionnaires.pupilId, pupilId),
          eq(questionnaires.status, 'complete'),
          inArray(questionnaires.id, [...refIds]),
        ),
      );
    return new Set(rows.map((r) => r.id));
  },
};
