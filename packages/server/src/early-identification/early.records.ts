/**
 * Early identification's part of everything Tandem holds about a pupil (subject access, the files
 * sent to the next school, retention): each time the lead reviewed the pupil after the school's
 * rules listed them, with the rules that had fired and what was decided. Wellbeing records.
 */
import { and, eq } from 'drizzle-orm';
import { EARLY_REVIEW_OUTCOME_LABELS, EARLY_RULE_LABELS, type PupilRecordItem } from '@tandem/core';
import { earlyReviews, users } from '@tandem/core/schema';
import { dateAndTime } from '../platform/dates';
import { lines } from '../platform/records';
import type { PupilRecordSource } from '../platform/registries';

const SOURCE = 'early-identification';
const RULE_LABELS: Readonly<Record<string, string>> = EARLY_RULE_LABELS;

export const earlyRecords: PupilRecordSource = {
  name: SOURCE,

  async records(db, { schoolId, pupilId }) {
    const rows = await db
      .select({ r: earlyReviews, by: users.displayName })
      .from(earlyReviews)
      .innerJoin(users, eq(users.id, earlyReviews.reviewedBy))
      .where(and(eq(earlyReviews.schoolId, schoolId), eq(earlyReviews.pupilId, pupilId)))
      .orderBy(earlyReviews.reviewedAt);
    return rows.map(({ r, by }): PupilRecordItem => ({
      source: SOURCE,
      kind: 'early-review',
      id: r.id,
      at: r.reviewedAt.toISOString(),
      title: `Reviewed by ${by} after the school’s early identification rules listed the pupil`,
      body: lines(
        ...r.fired.map((f) => `Why the pupil was listed: ${RULE_LABELS[f.kind] ?? f.kind}: ${f.because}`),
        `What was decided: ${EARLY_REVIEW_OUTCOME_LABELS[r.outcome]}`,
        `Why: ${r.reason}`,
        `Reviewed by: ${by}, on ${dateAndTime(r.reviewedAt)}`,
      ),
      recordClass: 'wellbeing',
      restricted: false,
      suggested: { decision: 'disclose', reason: 'About this pupil only.' },
    }));
  },

  async destroy(tx, { schoolId, pupilId, recordClass }) {
    if (recordClass !== 'wellbeing') return [];
    const gone = await tx
      .delete(earlyReviews)
      .where(and(eq(earlyReviews.schoolId, schoolId), eq(earlyReviews.pupilId, pupilId)))
      .returning({ id: earlyReviews.id });
    return gone.length > 0 ? [{ kind: 'early-review', count: gone.length }] : [];
  },
};
